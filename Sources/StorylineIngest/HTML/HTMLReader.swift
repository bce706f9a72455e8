import CLibXML2
import StorylineCore

/// Reads an HTML page into an ``Article``: metadata from the head, the main text with boilerplate removed.
public struct HTMLReader: Sendable {
    public init() {}

    /// Reads one HTML page. `url` is where the page came from (a WARC target URI, a feed link), used when
    /// the page declares no canonical URL and for URL-path dates. `declaredEncoding` is the charset an outer
    /// layer stated (an HTTP `Content-Type`); it overrides the page's own declaration.
    public func read(
        _ bytes: [UInt8], origin: ArticleOrigin, url: String? = nil, declaredEncoding: String? = nil
    ) throws -> Article {
        guard let tree = bytes.withUnsafeBytes({ XMLTree.html($0, url: url, encoding: declaredEncoding) }),
            let root = tree.root
        else {
            throw IngestError(.empty, "no HTML content", path: origin.path)
        }
        var draft = ArticleDraft(origin: origin)
        draft.url = url
        var paragraphs: [String] = []
        collectParagraphs(root, into: &paragraphs)
        draft.paragraphs = paragraphs
        return try draft.finish()
    }

    /// The paragraphs of an HTML fragment (a feed item's `content:encoded`), with chrome removed.
    public func paragraphs(fromFragment html: String) -> (paragraphs: [String], removed: [String]) {
        let bytes = Array(("<html><body>" + html + "</body></html>").utf8)
        guard let tree = bytes.withUnsafeBytes({ XMLTree.html($0, encoding: "UTF-8") }), let root = tree.root else {
            return ([], [])
        }
        var paragraphs: [String] = []
        collectParagraphs(root, into: &paragraphs)
        return (paragraphs, [])
    }

    private func collectParagraphs(_ node: XMLNode, into paragraphs: inout [String]) {
        for child in node.children where child.isElement {
            if child.hasName("script") || child.hasName("style") { continue }
            if child.hasName("p") {
                paragraphs.append(child.textContent)
            } else {
                collectParagraphs(child, into: &paragraphs)
            }
        }
    }
}
