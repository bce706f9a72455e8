import StorylineCore

/// Where a mention, quote or event was reported: the article it came from, the outlet that published it and
/// when. Cross-document resolution keys everything it merges by these, so that a merged entity or statement
/// can list every report and find the first one.
public struct ReportSource: Sendable, Hashable, Codable {
    /// The article's stable identifier (``Article/id``).
    public var articleID: String
    /// The outlet that published the article ("Reuters", "bbc.co.uk"), when known.
    public var outlet: String?
    /// When the article was published, when known.
    public var published: PublicationDate?

    /// Creates a report source.
    public init(articleID: String, outlet: String? = nil, published: PublicationDate? = nil) {
        self.articleID = articleID
        self.outlet = outlet
        self.published = published
    }

    /// The source of an article.
    public init(_ article: Article) {
        self.init(articleID: article.id, outlet: article.outlet, published: article.published)
    }

    /// Orders reports by publication date (undated last), then by article ID, so that "the first report" is
    /// deterministic.
    public static func earlier(_ a: ReportSource, _ b: ReportSource) -> Bool {
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.articleID < b.articleID
        }
    }
}
