import StorylineCore

extension FeedReader {
    /// Reads the entries of an Atom feed.
    func readAtom(feed: XMLNode, path: String?) -> ReadResult {
        let ns = feed.namespaceURI
        let outlet = feed.element("title", in: ns).flatMap { FeedReader.atomInlineText($0) }
        let feedAuthors = FeedReader.atomAuthors(of: feed)
        var result = ReadResult()
        for (index, entry) in feed.elements("entry", in: ns).enumerated() {
            let id = entry.element("id", in: ns)?.trimmedText
            var draft = ArticleDraft(origin: ArticleOrigin(path: path, format: .atom, record: index, externalID: id))
            draft.outlet = outlet
            draft.title = entry.element("title", in: ns).flatMap { FeedReader.atomInlineText($0) }
            draft.url = FeedReader.alternateLink(of: entry)
            draft.language = entry.xmlLanguage

            let published =
                entry.element("published", in: ns)?.trimmedText.flatMap(ISODate.parse)
                ?? entry.element("issued", in: ns)?.trimmedText.flatMap(ISODate.parse)
            let updated =
                entry.element("updated", in: ns)?.trimmedText.flatMap(ISODate.parse)
                ?? entry.element("modified", in: ns)?.trimmedText.flatMap(ISODate.parse)
            draft.published = published ?? updated
            draft.modified = published == nil ? nil : updated

            let authors = FeedReader.atomAuthors(of: entry)
            draft.byline =
                !authors.isEmpty
                ? authors : entry.element("source", in: ns).map(FeedReader.atomAuthors) ?? feedAuthors
            if draft.byline.isEmpty { draft.byline = feedAuthors }

            for name in ["content", "summary"] {
                guard let element = entry.element(name, in: ns) else { continue }
                let body = FeedReader.atomBody(element)
                if !body.paragraphs.isEmpty || !body.removed.isEmpty {
                    draft.paragraphs = body.paragraphs
                    draft.removedChrome = body.removed
                    break
                }
            }
            finish(draft, index: index, into: &result)
        }
        return result
    }

    /// The paragraphs of an Atom text construct or `content`, by its `type`: `text` (the default),
    /// `html` (escaped markup), `xhtml` (inline markup) or a MIME type. Out-of-line content (`src`) has none.
    static func atomBody(_ element: XMLNode) -> (paragraphs: [String], removed: [String]) {
        if element.attribute("src") != nil { return ([], []) }
        switch (element.attribute("type") ?? "text").lowercased() {
        case "html", "text/html":
            return FeedText.paragraphs(html: element.textContent)
        case "xhtml", "application/xhtml+xml":
            return FeedText.paragraphs(html: element.innerMarkup)
        case let type where type == "text" || type.hasPrefix("text/"):
            return (FeedText.paragraphs(plainText: element.textContent, decodingEntities: false), [])
        default:
            return ([], [])
        }
    }

    /// A title (or other text construct) as one line of text, whatever its `type`.
    static func atomInlineText(_ element: XMLNode) -> String? {
        let text: String
        switch (element.attribute("type") ?? "text").lowercased() {
        case "html": text = FeedText.inlineText(element.textContent, html: true)
        case "xhtml": text = FeedText.inlineText(element.innerMarkup, html: true)
        default: text = TextCleanup.collapseWhitespace(element.textContent)
        }
        return text.isEmpty ? nil : text
    }

    /// The names of an element's `author`s.
    static func atomAuthors(of element: XMLNode) -> [String] {
        let ns = element.namespaceURI
        return element.elements("author", in: ns).compactMap { $0.element("name", in: ns)?.trimmedText }
    }

    /// The entry's web page: the `link` with `rel="alternate"` (or no `rel`), preferring an HTML type,
    /// resolved against `xml:base` when relative.
    static func alternateLink(of entry: XMLNode) -> String? {
        let links = entry.elements("link", in: entry.namespaceURI).filter {
            ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("href") != nil
        }
        let preferred =
            links.first { ["text/html", "application/xhtml+xml"].contains($0.attribute("type")?.lowercased() ?? "") }
            ?? links.first
        guard let link = preferred, let href = preferred?.attribute("href") else { return nil }
        let trimmed = TextCleanup.collapseWhitespace(href)
        if trimmed.contains("://") { return trimmed }
        return resolve(trimmed, against: link.xmlBase)
    }

    /// Resolves a relative reference against a base URL (`/path` against the origin, `path` against the directory).
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, let scheme = base.range(of: "://") else { return reference }
        let afterScheme = base[scheme.upperBound...]
        let host = afterScheme.firstIndex(of: "/").map { base[..<$0] } ?? base[...]
        if reference.hasPrefix("//") { return base[..<scheme.lowerBound] + ":" + reference }
        if reference.hasPrefix("/") { return host + reference }
        if afterScheme.contains("/"), let slash = base.lastIndex(of: "/") { return base[...slash] + reference }
        return host + "/" + reference
    }
}

extension XMLNode {
    /// The `xml:base` in scope: this element's or the nearest ancestor's.
    fileprivate var xmlBase: String? {
        var node: XMLNode? = self
        while let current = node {
            for (name, value) in current.attributes where name == "base" && value.contains("://") { return value }
            node = current.parent
        }
        return nil
    }
}
