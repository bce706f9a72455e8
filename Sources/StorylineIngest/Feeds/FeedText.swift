import CLibXML2

/// Turns the text of a feed element (an item's body, a title) into clean paragraphs.
///
/// Feeds carry bodies in two shapes: HTML (RSS `content:encoded`, most `description`s, Atom `type="html"`
/// and `type="xhtml"`), which goes through ``HTMLReader/paragraphs(fromFragment:)`` so that share bars and
/// related-link blocks are removed as on a web page; and plain text, split into paragraphs at blank lines.
enum FeedText {
    /// The paragraphs of an HTML fragment and the chrome removed from it. When the extractor finds no
    /// paragraph structure at all (text with only `<br>`s or links), the fragment's text is split at block
    /// elements and double line breaks instead.
    static func paragraphs(html: String) -> (paragraphs: [String], removed: [String]) {
        // Text marked up only with inline tags and <br>s has no blocks for an extractor to judge.
        guard containsTag(html, in: blockElements) else { return (blockText(html: html), []) }
        let extracted = HTMLReader().paragraphs(fromFragment: html)
        if !extracted.paragraphs.isEmpty || !extracted.removed.isEmpty { return extracted }
        return (blockText(html: html), [])
    }

    /// Plain text split at blank lines. With `decodingEntities`, HTML character references (`&amp;`, `&#8217;`,
    /// `&nbsp;`) are decoded first, as RSS text that was escaped twice needs.
    static func paragraphs(plainText text: String, decodingEntities: Bool) -> [String] {
        let decoded = decodingEntities ? decodeEntities(text) : text
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var line: [UInt8] = []
        func endLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
                current = []
            } else {
                if !current.isEmpty { current.append(0x20) }
                current += line
            }
            line = []
        }
        for byte in decoded.utf8 {
            if byte == 0x0A { endLine() } else { line.append(byte) }
        }
        endLine()
        if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
        return paragraphs.map(TextCleanup.collapseWhitespace).filter { !$0.isEmpty }
    }

    /// A title or name that may hold markup or character references, as one line of text.
    static func inlineText(_ text: String, html: Bool) -> String {
        if html || looksLikeHTML(text) {
            let bytes = Array(("<html><body><div>" + text + "</div></body></html>").utf8)
            if let tree = bytes.withUnsafeBytes({ XMLTree.html($0, encoding: "UTF-8") }), let root = tree.root {
                return TextCleanup.collapseWhitespace(root.textContent)
            }
        }
        return TextCleanup.collapseWhitespace(text.utf8.contains(0x26) ? decodeEntities(text) : text)
    }

    /// Whether text contains an HTML tag (`<p>`, `</a>`, `<br/>`, `<!-- -->`) rather than a bare `<`.
    static func looksLikeHTML(_ text: String) -> Bool {
        containsTag(text, in: htmlTags, orMarkupDeclaration: true)
    }

    /// Whether text contains a start or end tag whose name is in `names` (or, optionally, `<!`).
    private static func containsTag(_ text: String, in names: Set<String>, orMarkupDeclaration: Bool = false) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x3C else { continue }
            var j = i + 1
            if bytes[j] == 0x21 {  // <!-- or <![CDATA[
                if orMarkupDeclaration { return true }
                continue
            }
            if bytes[j] == 0x2F { j += 1 }
            let nameStart = j
            while j < bytes.count,
                (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || (0x30...0x39).contains(bytes[j])
            {
                j += 1
            }
            guard j > nameStart, j == bytes.count || [0x20, 0x3E, 0x2F, 0x0A, 0x09, 0x0D].contains(bytes[j]) else {
                continue
            }
            let name = String(decoding: bytes[nameStart..<j].map { $0 | 0x20 }, as: UTF8.self)
            if names.contains(name) { return true }
        }
        return false
    }

    private static let htmlTags: Set<String> = [
        "a", "abbr", "article", "aside", "audio", "b", "blockquote", "br", "caption", "center", "cite", "code",
        "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "i", "iframe", "img", "li", "nav", "ol", "p", "picture", "pre", "q", "s", "section",
        "small", "source", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "time", "tr",
        "u", "ul", "video",
    ]

    /// Decodes HTML character references: numeric (`&#8217;`, `&#x2019;`) and every HTML 4 named entity.
    /// An unknown or unterminated reference is kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x26, let semicolon = bytes[(i + 1)..<min(bytes.count, i + 12)].firstIndex(of: 0x3B)
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let name = Array(bytes[(i + 1)..<semicolon])
            if let scalar = characterReference(name) {
                out += Array(String(Character(scalar)).utf8)
                i = semicolon + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func characterReference(_ name: [UInt8]) -> Unicode.Scalar? {
        guard let first = name.first else { return nil }
        if first == 0x23 {  // "#"
            var digits = name.dropFirst()
            var radix = 10
            if let x = digits.first, x | 0x20 == 0x78 {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: radix),
                value != 0
            else { return nil }
            return Unicode.Scalar(value)
        }
        guard name.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) }) else {
            return nil
        }
        let entity: UnsafePointer<htmlEntityDesc>? = (name + [0]).withUnsafeBufferPointer {
            htmlEntityLookup($0.baseAddress)
        }
        guard let entity else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }

    /// The text of an HTML fragment split at block elements and at two or more consecutive `<br>`s.
    private static func blockText(html: String) -> [String] {
        let bytes = Array(("<html><body>" + html + "</body></html>").utf8)
        guard let tree = bytes.withUnsafeBytes({ XMLTree.html($0, encoding: "UTF-8") }), let root = tree.root else {
            return []
        }
        var text: [UInt8] = []
        appendBlockText(root, to: &text)
        return paragraphs(plainText: String(decoding: text, as: UTF8.self), decodingEntities: false)
    }

    private static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "figure", "figcaption", "table", "tr", "pre", "hr", "dl", "dd", "dt", "header", "footer",
    ]

    private static func appendBlockText(_ node: XMLNode, to text: inout [UInt8]) {
        for child in node.children {
            if child.isText {
                text += Array(child.content.utf8.map { $0 == 0x0A ? 0x20 : $0 })
            } else if child.isElement {
                let name = child.name
                if name == "script" || name == "style" { continue }
                if name == "br" {
                    text.append(0x0A)
                    continue
                }
                let block = blockElements.contains(name)
                if block { text += [0x0A, 0x0A] }
                appendBlockText(child, to: &text)
                if block { text += [0x0A, 0x0A] }
            }
        }
    }
}
