import CLibXML2

/// Byte-level helpers over libxml2 nodes for the HTML reader's hot paths: attribute values as raw
/// UTF-8 spans, ASCII-case-insensitive comparisons, and a per-node slot for the reader's statistics.
extension XMLNode {
    /// The raw UTF-8 value of an attribute when libxml2 stores it as a single text child (the usual case),
    /// without copying; `nil` when the attribute is absent. Multi-part values fall back to `nil` here;
    /// use ``attribute(_:)`` for those.
    func withRawAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var attr = pointer.pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, cStringEquals(attrName, name) {
                guard let child = current.pointee.children, let content = child.pointee.content else {
                    return body(UnsafeBufferPointer(start: nil, count: 0))
                }
                return body(UnsafeBufferPointer(start: content, count: cLength(content)))
            }
            attr = current.pointee.next
        }
        return nil
    }

    /// Whether the element has the attribute at all (e.g. `hidden`).
    func hasAttribute(_ name: StaticString) -> Bool {
        var attr = pointer.pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, cStringEquals(attrName, name) { return true }
            attr = current.pointee.next
        }
        return false
    }

    /// Whether an attribute's value equals `expected`, ASCII case-insensitively, ignoring surrounding spaces.
    func attribute(_ name: StaticString, equalsIgnoringCase expected: StaticString) -> Bool {
        withRawAttribute(name) { value in HTMLBytes.trimmedEqualsIgnoringCase(value, expected) } ?? false
    }

    /// Whether an attribute's whitespace-separated token list contains `expected` (ASCII case-insensitive).
    func attribute(_ name: StaticString, hasToken expected: StaticString) -> Bool {
        withRawAttribute(name) { value in
            var found = false
            HTMLBytes.forEachToken(value) { token in
                if !found, HTMLBytes.trimmedEqualsIgnoringCase(token, expected) { found = true }
            }
            return found
        } ?? false
    }

    /// Whether an attribute's value contains `needle` (lowercase ASCII), ASCII case-insensitively.
    func attribute(_ name: StaticString, contains needle: StaticString) -> Bool {
        withRawAttribute(name) { value in HTMLBytes.containsIgnoringCase(value, needle) } ?? false
    }

    /// The first child node, the next sibling and the parent element as raw pointers.
    var firstChildPointer: xmlNodePtr? { pointer.pointee.children }
    var nextPointer: xmlNodePtr? { pointer.pointee.next }

    /// The index the reader stored in libxml2's application slot (`_private`), or nil.
    var slot: Int? {
        get {
            guard let raw = pointer.pointee._private else { return nil }
            return Int(bitPattern: raw) - 1
        }
        nonmutating set {
            pointer.pointee._private = newValue.flatMap { UnsafeMutableRawPointer(bitPattern: $0 + 1) }
        }
    }

    /// The heading level 1–6 for `h1`…`h6`, else nil.
    var headingLevel: Int? {
        guard let name = pointer.pointee.name, name[0] == 0x68, name[1] >= 0x31, name[1] <= 0x36, name[2] == 0
        else { return nil }
        return Int(name[1] - 0x30)
    }

    /// Visible text with whitespace collapsed.
    var collapsedText: String { TextCleanup.collapseWhitespace(textContent) }
}

/// The length of a NUL-terminated byte string.
@inline(__always)
func cLength(_ p: UnsafePointer<UInt8>) -> Int {
    var n = 0
    while p[n] != 0 { n += 1 }
    return n
}

/// Compares a NUL-terminated libxml2 name with an ASCII literal.
@inline(__always)
func cStringEquals(_ name: UnsafePointer<UInt8>, _ expected: StaticString) -> Bool {
    expected.withUTF8Buffer { buffer in
        for index in 0..<buffer.count where name[index] != buffer[index] {
            return false
        }
        return name[buffer.count] == 0
    }
}

/// ASCII byte utilities shared by the HTML reader.
enum HTMLBytes {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Calls `body` with every whitespace-separated token of `bytes`.
    static func forEachToken(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, isSpace(base[i]) { i += 1 }
            let start = i
            while i < n, !isSpace(base[i]) { i += 1 }
            if i > start { body(UnsafeBufferPointer(start: base + start, count: i - start)) }
        }
    }

    /// Whether `bytes`, trimmed of ASCII spaces, equals `expected` ignoring ASCII case.
    static func trimmedEqualsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        guard let base = bytes.baseAddress else { return expected.utf8CodeUnitCount == 0 }
        var lo = 0
        var hi = bytes.count
        while lo < hi, isSpace(base[lo]) { lo += 1 }
        while hi > lo, isSpace(base[hi - 1]) { hi -= 1 }
        return expected.withUTF8Buffer { e in
            guard e.count == hi - lo else { return false }
            for k in 0..<e.count where lower(base[lo + k]) != lower(e[k]) { return false }
            return true
        }
    }

    /// Whether `haystack` contains the lowercase ASCII `needle`, ignoring ASCII case.
    static func containsIgnoringCase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { containsIgnoringCase(haystack, $0) }
    }

    /// Whether `haystack` contains the lowercase ASCII `needle`, ignoring ASCII case.
    static func containsIgnoringCase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        let n = needle.count
        guard n > 0, let h = haystack.baseAddress, haystack.count >= n else { return n == 0 }
        let first = needle[0]
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if lower(h[i]) == first {
                var k = 1
                while k < n, lower(h[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `bytes` is valid UTF-8 (overlongs and surrogates rejected).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minNext: UInt8 = 0x80
            var maxNext: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; minNext = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; maxNext = 0x9F
            case 0xF0: need = 3; minNext = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; maxNext = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let c1 = bytes[i + 1]
            guard c1 >= minNext, c1 <= maxNext else { return false }
            for k in 2...max(2, need) where k <= need {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
            }
            i += need + 1
        }
        return true
    }
}
