import StorylineCore

/// The metadata of an HTML page — title, dates, byline, outlet, canonical URL, language and JSON-LD
/// live-blog updates — resolved from the candidates gathered by ``HTMLPageWalk``.
///
/// Sources are tried in a fixed order of reliability (JSON-LD, then `<meta>`, then microdata and `<time>`
/// inside the article, then the URL, then visible byline text). Candidates that sat in removed chrome
/// (teasers, comments) were already discarded by the walk, and `<script>` text other than JSON-LD is never read.
struct HTMLMetadata {
    /// A `liveBlogUpdate` of a JSON-LD `LiveBlogPosting`.
    struct Update {
        var headline: String?
        var published: PublicationDate?
        var body: String?
    }

    var title: String?
    var outlet: String?
    var url: String?
    var published: PublicationDate?
    var modified: PublicationDate?
    var byline: [String] = []
    var language: String?
    var isLiveBlog = false
    var updates: [Update] = []

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "LiveBlogPosting", "BlogPosting", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "Report",
        "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "SatiricalArticle", "VideoObject",
    ]

    static let publishedMetaNames = [
        "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
        "article:published", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "published_time", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued",
        "parsely-pub-date", "sailthru.date", "article.published", "originalpublicationdate", "og:pubdate",
        "cxenseparse:recs:publishtime", "displaydate", "dc.date.created", "citation_publication_date", "release_date",
    ]

    static let modifiedMetaNames = [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "article:modified",
        "lastmod", "last-modified", "dc.date.modified", "dcterms.modified", "article.updated", "modified_time",
        "parsely-updated",
    ]

    init(walk: HTMLPageWalk, roots: [Int], url: String?) {
        let meta = walk.meta
        // JSON-LD.
        var ldArticle: JSONValue?
        var ldPage: JSONValue?
        var ldPublisher: String?
        for script in walk.jsonLD {
            guard let document = JSONValue.parse(script) else { continue }
            for object in HTMLMetadata.flatten(document) {
                let types = object["@type"]?.strings ?? []
                if ldArticle == nil, types.contains(where: HTMLMetadata.articleTypes.contains) {
                    ldArticle = object
                } else if ldPage == nil, types.contains(where: { $0.hasSuffix("WebPage") }) {
                    if let main = object["mainEntity"],
                        (main["@type"]?.strings ?? []).contains(where: HTMLMetadata.articleTypes.contains)
                    {
                        ldArticle = ldArticle ?? main
                    }
                    ldPage = object
                } else if ldPublisher == nil, types.contains("Organization") || types.contains("NewsMediaOrganization")
                {
                    ldPublisher = object["name"]?.string
                }
            }
        }
        if let ldArticle {
            isLiveBlog = (ldArticle["@type"]?.strings ?? []).contains("LiveBlogPosting")
            updates = (ldArticle["liveBlogUpdate"]?.list ?? []).map { update in
                Update(
                    headline: update["headline"]?.string,
                    published: update["datePublished"]?.string.flatMap(DateText.value),
                    body: update["articleBody"]?.string
                )
            }
        }

        // Outlet.
        let publisherName = ldArticle?["publisher"]?.list.first.flatMap { $0["name"]?.string ?? $0.string }
        outlet =
            HTMLMetadata.nonEmpty(meta["og:site_name"]) ?? HTMLMetadata.nonEmpty(publisherName)
            ?? HTMLMetadata.nonEmpty(meta["application-name"]) ?? HTMLMetadata.nonEmpty(ldPublisher)

        // Title.
        if let og = HTMLMetadata.nonEmpty(meta["og:title"]) {
            title = HTMLMetadata.stripSiteSuffix(og, site: outlet, onlyKnownSite: true)
        } else if let plain = HTMLMetadata.nonEmpty(walk.title) {
            title = HTMLMetadata.stripSiteSuffix(plain, site: outlet, onlyKnownSite: false)
        } else {
            title =
                HTMLMetadata.nonEmpty(walk.firstH1) ?? HTMLMetadata.nonEmpty(ldArticle?["headline"]?.string)
                ?? HTMLMetadata.nonEmpty(meta["twitter:title"])
        }

        // Canonical URL.
        let canonical = HTMLMetadata.nonEmpty(walk.canonical) ?? HTMLMetadata.nonEmpty(meta["og:url"])
        self.url = canonical.map { HTMLMetadata.resolve($0, against: url) } ?? url

        // Language.
        language =
            HTMLMetadata.nonEmpty(walk.htmlLang)
            ?? HTMLMetadata.nonEmpty(meta["og:locale"]).map { String($0.map { $0 == "_" ? "-" : $0 }) }
            ?? HTMLMetadata.nonEmpty(meta["http-equiv:content-language"])
            ?? HTMLMetadata.nonEmpty(ldArticle?["inLanguage"]?.string)

        // Dates.
        let rootEnd = roots.map { walk.elements[$0].end }.max() ?? Int.max
        let scope = HTMLMetadata.articleScope(walk: walk, roots: roots)
        var precise: [PublicationDate] = []  // every explicit candidate, to upgrade a day-only choice
        func first(_ values: [String?]) -> PublicationDate? {
            var found: PublicationDate?
            for value in values {
                guard let value, let date = DateText.value(value) else { continue }
                precise.append(date)
                if found == nil { found = date }
            }
            return found
        }
        let ldPublished = first([ldArticle?["datePublished"]?.string, ldArticle?["dateCreated"]?.string])
        let metaPublished = first(HTMLMetadata.publishedMetaNames.map { meta[$0] })
        let pagePublished = first([ldPage?["datePublished"]?.string])
        let markedPublished = first(walk.dates.filter { $0.source != .stampText && $0.published }.map(\.value))
        let scopedTime = first(
            walk.dates.filter { $0.source == .timeElement && !$0.modified && scope.contains($0.index) }.map(\.value)
        )
        var chosen = ldPublished ?? metaPublished ?? markedPublished ?? pagePublished ?? scopedTime
        if chosen == nil, let url = self.url ?? url { chosen = URLPathDate.parse(url) }
        if chosen == nil, let url, url != self.url { chosen = URLPathDate.parse(url) }
        if chosen == nil {
            let texts = walk.dates.filter { $0.source == .stampText && $0.index < rootEnd }
            let preferred = texts.filter {
                let lower = $0.text.lowercased()
                return lower.contains("publish") || lower.contains("posted")
            }
            for candidate in preferred + texts {
                if let date = DateText.firstDate(in: candidate.text)?.date {
                    chosen = date
                    break
                }
            }
        }
        if let day = chosen, day.hour == nil,
            let better = precise.first(where: { $0.hour != nil && $0.dateOnly == day })
        {
            chosen = better
        }
        published = chosen
        modified =
            first([ldArticle?["dateModified"]?.string])
            ?? first(HTMLMetadata.modifiedMetaNames.map { meta[$0] })
            ?? first(walk.dates.filter { $0.source != .stampText && $0.modified }.map(\.value))

        // Byline.
        var names: [String] = []
        if let authors = ldArticle?["author"] ?? ldArticle?["creator"] {
            for author in authors.list {
                if let name = author.string ?? author["name"]?.string {
                    names += Byline.names(name, outlet: outlet)
                }
            }
        }
        if names.isEmpty,
            let author = meta["author"] ?? meta["article:author"] ?? meta["dc.creator"]
                ?? meta["parsely-author"] ?? meta["sailthru.author"]
        {
            names = Byline.names(author, outlet: outlet)
        }
        if names.isEmpty {
            for candidate in walk.bylines where candidate.index < rootEnd {
                for name in Byline.names(candidate.text, outlet: outlet) where !names.contains(name) {
                    names.append(name)
                }
            }
        }
        byline = names
    }

    // MARK: - JSON-LD

    /// Every object of a JSON-LD document: top-level arrays and `@graph` lists are flattened.
    static func flatten(_ value: JSONValue) -> [JSONValue] {
        var out: [JSONValue] = []
        func visit(_ v: JSONValue, depth: Int) {
            guard depth < 6 else { return }
            switch v {
            case .array(let items):
                for item in items { visit(item, depth: depth + 1) }
            case .object:
                if let graph = v["@graph"] { visit(graph, depth: depth + 1) }
                if v["@type"] != nil { out.append(v) }
            default:
                break
            }
        }
        visit(value, depth: 0)
        return out
    }

    // MARK: - Helpers

    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = TextCleanup.collapseWhitespace(text)
        return clean.isEmpty ? nil : clean
    }

    /// The element indices whose `<time>` elements may date the article: the nearest `<article>`/`<main>`
    /// ancestor of the content root (or the root itself), and a page-level header before it.
    static func articleScope(walk: HTMLPageWalk, roots: [Int]) -> Range<Int> {
        guard let root = roots.first else { return 0..<0 }
        var scope = root
        var i = walk.elements[root].parent
        while i >= 0 {
            let e = walk.elements[i]
            if e.isArticleTag || XMLNode(e.node).hasName("main") {
                scope = i
                break
            }
            i = e.parent
        }
        let end = roots.map { walk.elements[$0].end }.max() ?? walk.elements[scope].end
        return scope..<max(end, walk.elements[scope].end)
    }

    /// Removes a trailing site name ("Title | Reuters", "Title - BBC News", "Title – The Guardian").
    static func stripSiteSuffix(_ title: String, site: String?, onlyKnownSite: Bool) -> String {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " ‹ ", " « "]
        var best: Range<String.Index>?
        for separator in separators {
            if let r = title.ranges(of: separator).last, best == nil || r.lowerBound > best!.lowerBound {
                best = r
            }
        }
        guard let cut = best else { return title }
        let head = TextCleanup.collapseWhitespace(String(title[..<cut.lowerBound]))
        let tail = TextCleanup.collapseWhitespace(String(title[cut.upperBound...]))
        guard !head.isEmpty, !tail.isEmpty else { return title }
        let tailLower = tail.lowercased()
        if let site, !site.isEmpty {
            let siteLower = site.lowercased()
            if tailLower == siteLower || tailLower.contains(siteLower) || siteLower.contains(tailLower) {
                return stripSiteSuffix(head, site: site, onlyKnownSite: true)
            }
        }
        if onlyKnownSite { return title }
        let tailWords = tail.split(separator: " ").count
        let headWords = head.split(separator: " ").count
        if tailWords <= 4, headWords >= 3, tail.utf8.count <= 40 { return head }
        return title
    }

    /// Resolves a possibly relative URL against the page's URL.
    static func resolve(_ link: String, against base: String?) -> String {
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        guard let base, let schemeEnd = base.firstRange(of: "://") else { return link }
        if link.hasPrefix("//") { return String(base[..<schemeEnd.lowerBound]) + ":" + link }
        let afterScheme = base[schemeEnd.upperBound...]
        let origin = afterScheme.firstIndex(of: "/").map { String(base[..<$0]) } ?? base
        if link.hasPrefix("/") { return origin + link }
        return link
    }
}
