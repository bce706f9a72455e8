/// The words story clustering and near-duplicate detection read: runs of ASCII letters and digits in the
/// article's UTF-8 bytes, lower-cased; every other byte (punctuation, spaces, non-ASCII letters) ends a word.
///
/// Scans bytes, never `Character`s, so a long article costs one pass.
enum ContentWords {
    /// Calls `body` with each word's lower-cased bytes, in text order.
    static func forEach(in text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        for b in text.utf8 {
            switch b {
            case 0x30...0x39, 0x61...0x7A:
                word.append(b)
            case 0x41...0x5A:
                word.append(b | 0x20)
            default:
                if !word.isEmpty {
                    body(word[...])
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { body(word[...]) }
    }

    /// The 64-bit hash of each word (``StatementHash/bytes(_:)``), in text order.
    static func hashes(of text: String) -> [UInt64] {
        var out: [UInt64] = []
        forEach(in: text) { word in
            var h = StatementHash.seed
            for b in word { h = (h ^ UInt64(b)) &* StatementHash.prime }
            out.append(h)
        }
        return out
    }

    /// The content terms of a text with their counts: words of at least three letters that are not all
    /// digits and not stop words (``stopWords``), a plural "s" dropped from words of five letters or more
    /// ("talks" → "talk", "minerals" → "mineral"; not "ss", "us", "is").
    static func termCounts(of text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        forEach(in: text) { word in
            guard word.count >= 3, word.contains(where: { $0 >= 0x61 }) else { return }
            var bytes = word
            if bytes.count >= 5, bytes.last == UInt8(ascii: "s") {
                let before = bytes[bytes.endIndex - 2]
                if before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") {
                    bytes = bytes.dropLast()
                }
            }
            let term = String(decoding: bytes, as: UTF8.self)
            guard !stopWords.contains(term) else { return }
            counts[term, default: 0] += 1
        }
        return counts
    }
}
