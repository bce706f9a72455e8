/// The XML namespace URIs the feed reader understands.
enum FeedNamespace {
    /// Atom 1.0 (RFC 4287).
    static let atom = "http://www.w3.org/2005/Atom"
    /// The pre-standard Atom 0.3 namespace, still served by a few old blogs.
    static let atom03 = "http://purl.org/atom/ns#"
    /// RSS 1.0 (RDF Site Summary).
    static let rss1 = "http://purl.org/rss/1.0/"
    /// RDF, the root of an RSS 1.0 feed.
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// `content:encoded`, the full HTML body of an RSS item.
    static let content = "http://purl.org/rss/1.0/modules/content/"
    /// Dublin Core: `dc:creator`, `dc:date`, `dc:language`.
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    /// The `xml:` prefix (`xml:lang`, `xml:base`).
    static let xml = "http://www.w3.org/XML/1998/namespace"
}
