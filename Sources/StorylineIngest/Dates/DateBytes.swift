/// The UTF-8 byte primitives the date parsers share: ASCII classes, bounded digit runs, and the spaces and
/// separators that may stand between the parts of a date.
///
/// Every date parser in this folder scans `[UInt8]` and works with byte offsets into it.
enum DateBytes {
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }

    /// Whether `b[i]` exists and satisfies `test`.
    @inline(__always) static func at(_ b: [UInt8], _ i: Int, _ test: (UInt8) -> Bool) -> Bool {
        i < b.count && test(b[i])
    }

    /// Whether `b[i]` exists and is `c`.
    @inline(__always) static func at(_ b: [UInt8], _ i: Int, is c: UInt8) -> Bool { i < b.count && b[i] == c }

    /// The run of ASCII digits at `start` (at most 5 read): its value, where it ends and how many digits it has.
    /// A longer run is no number of a date: `digits` is 0.
    static func number(_ b: [UInt8], _ start: Int) -> (value: Int, end: Int, digits: Int) {
        var j = start
        var value = 0
        while j < b.count, isDigit(b[j]), j - start < 5 {
            value = value * 10 + Int(b[j] - 0x30)
            j += 1
        }
        if j < b.count, isDigit(b[j]) { return (0, j, 0) }
        return (value, j, j - start)
    }

    /// Exactly `width` digits at `start`, or nil.
    static func fixed(_ b: [UInt8], _ start: Int, _ width: Int) -> Int? {
        guard start >= 0, start + width <= b.count else { return nil }
        var value = 0
        for k in start..<(start + width) {
            guard isDigit(b[k]) else { return nil }
            value = value * 10 + Int(b[k] - 0x30)
        }
        return value
    }

    /// The length of the space at `i`: an ASCII space or tab, a no-break space (U+00A0), a thin space (U+2009)
    /// or a narrow no-break space (U+202F, which clock formats put before "PM"); 0 when there is none.
    @inline(__always) static func spaceLength(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        switch b[i] {
        case 0x20, 0x09: return 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard i + 2 < b.count, b[i + 1] == 0x80 else { return 0 }
            return b[i + 2] == 0x89 || b[i + 2] == 0xAF ? 3 : 0
        default: return 0
        }
    }

    /// Skips spaces (see ``spaceLength(_:_:)``) and the ASCII bytes of `also`.
    static func skipSpaces(_ b: [UInt8], _ start: Int, also: StaticString = "") -> Int {
        var j = start
        while j < b.count {
            if b[j] < 0x80, also.withUTF8Buffer({ $0.contains(b[j]) }) {
                j += 1
                continue
            }
            let n = spaceLength(b, j)
            guard n > 0 else { break }
            j += n
        }
        return j
    }

    /// Skips the separators between the parts of a written date ("February 27, 2025"): spaces, commas and
    /// line breaks.
    static func skipSeparators(_ b: [UInt8], _ start: Int) -> Int { skipSpaces(b, start, also: ",\n\r") }

    /// `text` without the ASCII whitespace around it, as bytes.
    static func trimmed(_ text: String) -> [UInt8] {
        var b = Array(text.utf8)
        while let last = b.last, last == 0x20 || (last >= 0x09 && last <= 0x0D) { b.removeLast() }
        var lo = 0
        while lo < b.count, b[lo] == 0x20 || (b[lo] >= 0x09 && b[lo] <= 0x0D) { lo += 1 }
        if lo > 0 { b.removeFirst(lo) }
        return b
    }
}
