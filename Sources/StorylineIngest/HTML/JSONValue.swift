/// A parsed JSON value, as far as the HTML reader needs it for JSON-LD metadata.
///
/// The parser is a small byte-level recursive-descent parser: it is lenient about trailing commas and
/// control characters inside strings (both common in hand-written JSON-LD) and gives up (returns nil)
/// on anything else malformed.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Parses a whole JSON document (surrounding whitespace and an HTML comment wrapper are tolerated).
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        var parser = JSONParser(bytes: bytes)
        return parser.parseDocument()
    }

    /// The member of an object, or nil.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The string value, or nil.
    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as a list: the elements of an array, or the value itself.
    var list: [JSONValue] {
        if case .array(let items) = self { return items }
        if case .null = self { return [] }
        return [self]
    }

    /// Strings of a value that is a string or an array of strings.
    var strings: [String] {
        list.compactMap(\.string)
    }
}

/// The byte-level parser behind ``JSONValue/parse(_:)``.
private struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() -> JSONValue? {
        skipSpace()
        // `<!--` … `-->` wrappers and CDATA markers appear around JSON-LD on old pages.
        skipLiteral("<!--")
        skipLiteral("//<![CDATA[")
        skipSpace()
        guard let value = parseValue() else { return nil }
        return value
    }

    mutating func skipLiteral(_ literal: String) {
        let l = Array(literal.utf8)
        if i + l.count <= bytes.count, Array(bytes[i..<(i + l.count)]) == l { i += l.count }
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func parseValue() -> JSONValue? {
        skipSpace()
        guard i < bytes.count, depth < 64 else { return nil }
        switch bytes[i] {
        case 0x7B: return parseObject()
        case 0x5B: return parseArray()
        case 0x22: return parseString().map(JSONValue.string)
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        default: return parseNumber()
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return nil }
            i += 1
        }
        return value
    }

    mutating func parseNumber() -> JSONValue? {
        let start = i
        while i < bytes.count {
            let c = bytes[i]
            if (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 {
                i += 1
            } else {
                break
            }
        }
        guard i > start else { return nil }
        return .number(Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0)
    }

    mutating func parseObject() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var members: [(key: String, value: JSONValue)] = []
        while true {
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x7D { i += 1; return .object(members) }
            if bytes[i] == 0x2C { i += 1; continue }
            guard bytes[i] == 0x22, let key = parseString() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let value = parseValue() else { return nil }
            members.append((key, value))
        }
    }

    mutating func parseArray() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var items: [JSONValue] = []
        while true {
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            if bytes[i] == 0x2C { i += 1; continue }
            guard let value = parseValue() else { return nil }
            items.append(value)
        }
    }

    mutating func parseString() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x22 {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == 0x5C {
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62, 0x66: out.append(0x20)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800, scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                        i += 2
                        if let low = hex4(), low >= 0xDC00, low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
