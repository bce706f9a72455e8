import CLibXML2

/// Up to 16 ASCII bytes, lowercased and packed into two words: an allocation-free key for
/// tag-name and class-token tables.
struct PackedWord: Hashable {
    var low: UInt64
    var high: UInt64

    /// Packs `bytes` (nil when longer than 16 bytes). `skipSeparators` drops `-` and `_`.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (k, byte) in bytes.enumerated() {
            let b = UInt64(HTMLBytes.lower(byte))
            if k < 8 { low |= b << (8 * UInt64(k)) } else { high |= b << (8 * UInt64(k - 8)) }
        }
        self.low = low
        self.high = high
    }

    init(name string: StaticString) {
        self = string.withUTF8Buffer { PackedWord($0)! }
    }

    /// Packs a table entry; nil when longer than 16 bytes.
    init?(_ string: String) {
        var copy = string
        guard let word = copy.withUTF8({ PackedWord($0) }) else { return nil }
        self = word
    }
}

/// What the reader does with an element, by tag name.
enum HTMLTag: UInt8 {
    /// Unknown or inline-level element: its text joins the surrounding run unless it holds blocks.
    case inline
    /// A block container (`div`, `section`, `td`…): children are walked, loose text becomes paragraphs.
    case container
    case paragraph
    case heading
    case listItem
    case list
    case blockquote
    case pre
    case br
    case anchor
    case time
    case header
    case form
    case html
    case body
    case head
    case title
    case meta
    case link
    case script
    /// Removed with its text recorded as chrome (`nav`, `footer`, `aside`, `figcaption`, `button`…).
    case dropVisible
    /// Removed silently: no reader-visible text (`style`, `svg`, `template`, `iframe`, `img`…).
    case dropSilent

    /// Whether the element starts a block of its own.
    var isBlock: Bool {
        switch self {
        case .container, .paragraph, .heading, .listItem, .list, .blockquote, .pre, .header, .form, .body, .html:
            return true
        default:
            return false
        }
    }

    /// The kind of a libxml2 element.
    @inline(__always)
    static func of(_ node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .inline }
        let length = cLength(name)
        guard let key = PackedWord(UnsafeBufferPointer(start: name, count: length)) else { return .inline }
        return table[key] ?? .inline
    }

    static let table: [PackedWord: HTMLTag] = {
        var t: [PackedWord: HTMLTag] = [:]
        for name in [
            "div", "section", "article", "main", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "figure",
            "dl", "dd", "dt", "center", "details", "summary", "address", "hgroup", "fieldset", "caption",
        ] {
            t[PackedWord(name)!] = .container
        }
        t[PackedWord(name: "p")] = .paragraph
        for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { t[PackedWord(name)!] = .heading }
        t[PackedWord(name: "li")] = .listItem
        t[PackedWord(name: "ul")] = .list
        t[PackedWord(name: "ol")] = .list
        t[PackedWord(name: "blockquote")] = .blockquote
        t[PackedWord(name: "pre")] = .pre
        t[PackedWord(name: "br")] = .br
        t[PackedWord(name: "a")] = .anchor
        t[PackedWord(name: "time")] = .time
        t[PackedWord(name: "header")] = .header
        t[PackedWord(name: "form")] = .form
        t[PackedWord(name: "html")] = .html
        t[PackedWord(name: "body")] = .body
        t[PackedWord(name: "head")] = .head
        t[PackedWord(name: "title")] = .title
        t[PackedWord(name: "meta")] = .meta
        t[PackedWord(name: "link")] = .link
        t[PackedWord(name: "script")] = .script
        for name in [
            "nav", "footer", "aside", "figcaption", "button", "noscript", "select", "textarea", "label", "dialog",
            "menu", "option", "legend",
        ] {
            t[PackedWord(name)!] = .dropVisible
        }
        for name in [
            "style", "svg", "template", "iframe", "img", "picture", "source", "video", "audio", "canvas", "object",
            "embed", "map", "input", "math", "link", "base", "track", "param", "wbr",
        ] where t[PackedWord(name)!] == nil {
            t[PackedWord(name)!] = .dropSilent
        }
        return t
    }()
}
