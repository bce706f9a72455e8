import StorylineCore

/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 feed: one ``Article`` per item or entry.
///
/// Each article's origin is the feed's path with format `.rss` or `.atom`, the item's index in the feed
/// (0-based, in document order) and its `guid` / Atom `id` as `externalID`. The outlet is the channel's or
/// feed's title. An item with no body text becomes an error located at "item N" (the same index) while the
/// other items are read. The XML is parsed without entity substitution, DTD loading or network access, so
/// an external entity (`<!ENTITY x SYSTEM "file:///etc/passwd">`) is never read.
public struct FeedReader: Sendable {
    public init() {}

    /// Reads every item of a feed.
    ///
    /// - Throws: ``IngestError/Code/malformedXML`` when the feed is not well-formed XML (located at the line
    ///   libxml2 reports, quoting it); ``IngestError/Code/unknownFormat`` for XML that is neither RSS nor Atom.
    public func read(_ bytes: [UInt8], path: String?) throws -> ReadResult {
        let parsed = bytes.withUnsafeBytes { XMLTree.xml($0) }
        let tree: XMLTree
        switch parsed {
        case .success(let value):
            tree = value
        case .failure(let failure):
            throw FeedReader.malformed(failure, bytes: bytes, path: path)
        }
        guard let root = tree.root else {
            throw IngestError(.malformedXML, "the feed has no root element", path: path)
        }
        switch (root.name, root.namespaceURI) {
        case ("rss", nil):
            guard let channel = root.element("channel", in: nil) else {
                throw IngestError(.unknownFormat, "RSS feed with no <channel>", path: path, location: "line 1")
            }
            return readRSS(channel: channel, items: channel.elements("item", in: nil), path: path)
        case ("RDF", FeedNamespace.rdf):
            let channel = root.element("channel", in: FeedNamespace.rss1)
            return readRSS(channel: channel, items: root.elements("item", in: FeedNamespace.rss1), path: path)
        case ("feed", FeedNamespace.atom), ("feed", FeedNamespace.atom03):
            return readAtom(feed: root, path: path)
        default:
            let name = root.namespaceURI.map { "{\($0)}" + root.name } ?? root.name
            throw IngestError(
                .unknownFormat,
                "not an RSS or Atom feed: the root element is <\(name)>",
                path: path,
                location: root.line.map { "line \($0)" }
            )
        }
    }

    /// Finishes one item's draft into `result`: an article, or an error located at "item N".
    func finish(_ draft: ArticleDraft, index: Int, into result: inout ReadResult) {
        do {
            result.articles.append(try draft.finish())
        } catch {
            var failure = (error as? IngestError) ?? IngestError(.empty, "\(error)")
            failure.path = draft.origin.path
            failure.location = "item \(index)"
            if failure.code == .empty {
                let title = draft.title.map(TextCleanup.collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
                failure.message = "feed item has no text" + (title.map { ": \(IngestError.quote($0))" } ?? "")
            }
            result.errors.append(failure)
        }
    }

    /// The error for XML that libxml2 refused, quoting the offending line.
    static func malformed(_ failure: XMLParseFailure, bytes: [UInt8], path: String?) -> IngestError {
        var message = "malformed feed XML: " + failure.message
        guard failure.line > 0 else { return IngestError(.malformedXML, message, path: path) }
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count && line < failure.line {
            if bytes[index] == 0x0A {
                line += 1
                start = index + 1
            }
            index += 1
        }
        if line == failure.line {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let text = TextCleanup.collapseWhitespace(
                String(decoding: bytes[start..<min(end, start + 400)], as: UTF8.self)
            )
            if !text.isEmpty { message += ", in " + IngestError.quote(text, limit: 80) }
        }
        return IngestError(.malformedXML, message, path: path, location: "line \(failure.line)")
    }
}
