import CLibXML2
import StorylineCore

/// Reads an HTML page into an ``Article``: metadata from the head and JSON-LD, the main text with
/// boilerplate removed, and live-blog entries.
///
/// The page is parsed with libxml2's tolerant HTML parser, then walked once (``HTMLPageWalk``): chrome
/// (navigation, share bars, cookie notices, newsletter boxes, comments, related-article teasers, ads,
/// captions, bylines…) is unlinked from the tree with its text kept for ``Article/removedChrome``, and text
/// statistics are accumulated bottom-up. The content root is the article body the page marks
/// (`itemprop=articleBody`, body classes, the longest `<article>`), else the best readability-style candidate;
/// its paragraphs (`p`, `h2`–`h6`, list items, block quotes, `pre`, `<br><br>`-separated text) are emitted
/// in document order. The reader is a value with no state, safe to share between tasks.
public struct HTMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads one HTML page.
    ///
    /// - Parameters:
    ///   - bytes: The page as fetched.
    ///   - origin: Where the page came from, recorded on the article and used in error messages.
    ///   - url: Where the page was fetched from (a WARC target URI, a feed link): used when the page declares no
    ///     canonical URL, to resolve a relative canonical URL, and for dates in the URL path.
    ///   - declaredEncoding: The charset an outer layer stated (an HTTP `Content-Type`); it overrides the page's
    ///     own declaration. Without either, invalid UTF-8 is decoded as windows-1252.
    /// - Returns: The article, with ``Article/removedChrome`` listing what was dropped.
    /// - Throws: ``IngestError`` with code ``IngestError/Code/empty`` when the page holds no article text.
    public func read(
        _ bytes: [UInt8],
        origin: ArticleOrigin,
        url: String? = nil,
        declaredEncoding: String? = nil
    ) throws -> Article {
        let page = bytes.withUnsafeBytes(HTMLRawText.strip) ?? bytes
        var extraction = try extract(
            page,
            origin: origin,
            url: url,
            declaredEncoding: declaredEncoding,
            classChrome: true
        )
        if extraction.paragraphs.isEmpty {
            // A page whose body container carries a chrome-like class: read it again keeping classed elements.
            extraction = try extract(
                page,
                origin: origin,
                url: url,
                declaredEncoding: declaredEncoding,
                classChrome: false
            )
        }
        var draft = ArticleDraft(origin: origin)
        let metadata = extraction.metadata
        draft.title = metadata.title
        draft.outlet = metadata.outlet
        draft.url = metadata.url
        draft.published = metadata.published
        draft.modified = metadata.modified
        draft.byline = metadata.byline
        draft.language = metadata.language
        draft.paragraphs = extraction.paragraphs
        draft.liveBlogEntries = extraction.entries
        draft.removedChrome = extraction.removed
        return try draft.finish()
    }

    /// The paragraphs of an HTML fragment (a feed item's `content:encoded`), with chrome removed.
    ///
    /// - Parameter html: The fragment's markup.
    /// - Returns: The body paragraphs in document order, and the text of the blocks removed as chrome
    ///   (at most about 200 characters each).
    public func paragraphs(fromFragment html: String) -> (paragraphs: [String], removed: [String]) {
        let bytes = Array(("<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>").utf8)
        guard let tree = bytes.withUnsafeBytes({ XMLTree.html($0, encoding: "UTF-8") }), let root = tree.root else {
            return ([], [])
        }
        let walk = HTMLPageWalk(root: root.pointer)
        guard let body = walk.bodyIndex else { return ([], []) }
        var emitter = HTMLContentEmitter(walk: walk)
        emitter.emit(roots: [body], feed: nil)
        let removed = HTMLReader.merge(walk.removed, emitter.removed)
        return (emitter.paragraphs.map(TextCleanup.collapseWhitespace).filter { !$0.isEmpty }, removed)
    }

    // MARK: - Internals

    struct Extraction {
        var metadata: HTMLMetadata
        var paragraphs: [String]
        var entries: [LiveBlogEntry]
        var removed: [String]
    }

    func extract(
        _ bytes: [UInt8],
        origin: ArticleOrigin,
        url: String?,
        declaredEncoding: String?,
        classChrome: Bool
    ) throws -> Extraction {
        guard
            let tree = bytes.withUnsafeBytes({ raw in
                XMLTree.html(raw, url: url, encoding: HTMLEncoding.choose(raw, declared: declaredEncoding))
            }),
            let root = tree.root
        else {
            throw IngestError(
                .empty,
                "no HTML content",
                path: origin.path,
                location: origin.record.map { "record \($0)" }
            )
        }
        let walk = HTMLPageWalk(root: root.pointer, classChrome: classChrome)
        var emitter = HTMLContentEmitter(walk: walk)
        var roots = emitter.contentRoots()
        let metadata = HTMLMetadata(walk: walk, roots: roots, url: url)
        let feed = emitter.findFeed(in: roots, minimum: metadata.isLiveBlog ? 2 : 3)
        emitter.emit(roots: roots, feed: feed)
        if emitter.paragraphs.isEmpty, let body = walk.bodyIndex, roots != [body], !walk.elements[body].removed {
            roots = [body]
            emitter = HTMLContentEmitter(walk: walk)
            emitter.emit(roots: roots, feed: nil)
        }
        let entries = HTMLReader.liveBlogEntries(emitter: emitter, metadata: metadata)
        let removed = HTMLReader.merge(walk.removed, emitter.removed)
        return Extraction(metadata: metadata, paragraphs: emitter.paragraphs, entries: entries, removed: removed)
    }

    /// Removed blocks of the walk and of the emitter, in document order.
    static func merge(_ a: [(index: Int, text: String)], _ b: [(index: Int, text: String)]) -> [String] {
        let all = (a + b).enumerated().sorted { lhs, rhs in
            lhs.element.index != rhs.element.index ? lhs.element.index < rhs.element.index : lhs.offset < rhs.offset
        }
        return all.map(\.element.text)
    }

    /// Live-blog entries from the markup, dated from their `datetime` attributes, their clock times on the
    /// article's day, or the JSON-LD `liveBlogUpdate` with the same headline; from JSON-LD alone when the
    /// markup has no recognisable entries.
    static func liveBlogEntries(emitter: HTMLContentEmitter, metadata: HTMLMetadata) -> [LiveBlogEntry] {
        func key(_ s: String?) -> String? { s.map { TextCleanup.collapseWhitespace($0).lowercased() } }
        if !emitter.entries.isEmpty {
            return emitter.entries.map { entry in
                var timestamp = entry.timeValue.flatMap(DateText.value)
                if let update = metadata.updates.first(where: {
                    $0.headline != nil && key($0.headline) == key(entry.headline)
                }),
                    let date = update.published, timestamp == nil || timestamp?.hour == nil
                {
                    timestamp = date
                }
                if timestamp == nil || timestamp?.hour == nil, let text = entry.timeText,
                    let clock = ClockTime.first(in: text), let day = timestamp ?? metadata.published
                {
                    let date = clock.on(day)
                    if date.isValid { timestamp = date }
                }
                return LiveBlogEntry(
                    headline: entry.headline,
                    timeText: entry.timeText,
                    timestamp: timestamp,
                    paragraphRange: entry.range
                )
            }
        }
        guard !metadata.updates.isEmpty else { return [] }
        let paragraphs = emitter.paragraphs.map { TextCleanup.collapseWhitespace($0) }
        var starts: [(start: Int, update: HTMLMetadata.Update)] = []
        for update in metadata.updates {
            guard let body = update.body.map(TextCleanup.collapseWhitespace), !body.isEmpty else { continue }
            let probe = String(body.prefix(60))
            if let index = paragraphs.firstIndex(where: { $0.hasPrefix(probe) || probe.hasPrefix($0) && $0.count > 20 }
            ),
                !starts.contains(where: { $0.start == index })
            {
                starts.append((index, update))
            }
        }
        starts.sort { $0.start < $1.start }
        return starts.enumerated().map { k, item in
            let end = k + 1 < starts.count ? starts[k + 1].start : paragraphs.count
            return LiveBlogEntry(
                headline: item.update.headline,
                timeText: nil,
                timestamp: item.update.published,
                paragraphRange: item.start..<end
            )
        }
    }
}
