import StorylineCore
import StorylineText

/// The matching form of a statement's wording: what two outlets' versions of one quote have in common once
/// house style is set aside.
///
/// The wording is read as UTF-8 bytes, folded with ``TextNormalizer`` (curly and straight quotation marks,
/// apostrophes and dashes become one form, `…` becomes `...`), split with ``Tokenizer``, and every word is
/// reduced to a key:
/// - punctuation, quotation marks and symbols are dropped; so are the full stops of abbreviations
///   (`U.S.` → `us`, `Mr.` → `mr`), the thousands separators of numbers (`1,000` → `1000`), hyphens inside
///   words (`cease-fire` → `ceasefire`) and apostrophes (`'s` → `s`, `n't` → `nt`);
/// - letters are lower-cased, and Latin letters lose their diacritics (`Sébastien` → `sebastien`);
/// - `%` and `per cent` both read `percent` (`3.5%` → `3.5 percent`);
/// - British and American spellings read alike (see ``americanized(_:)``): `-ise`/`-ize`, `-yse`/`-yze`,
///   `-our`/`-or`, `defence`/`defense`, `-re`/`-er`, doubled `l` (`travelled`/`traveled`) and a few words
///   (`programme`, `judgement`, `ageing`, `grey`, `sceptic`, `towards`).
///
/// An ellipsis (`...`) or square brackets (an editor's insertion: `he [Putin] said`) break the wording
/// into *segments*: an outlet that trims words out of the middle of a quote, or inserts its own, still
/// quotes each remaining piece verbatim. Bracketed words are dropped.
public enum StatementNormalizer {
    /// The normalized words of a wording, segment by segment (see the type's documentation).
    public static func segments(of text: String) -> [[String]] {
        segmentBytes(of: Array(text.utf8)).map { segment in
            segment.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The normalized words of a wording, all segments in order.
    public static func words(of text: String) -> [String] { segments(of: text).flatMap { $0 } }

    /// The normalized words of UTF-8 bytes, segment by segment, as bytes.
    static func segmentBytes(of utf8: [UInt8]) -> [[[UInt8]]] {
        let folded = TextNormalizer.fold(utf8: utf8).bytes
        let tokens = Tokenizer().tokenize(utf8: folded)
        var segments: [[[UInt8]]] = []
        var current: [[UInt8]] = []
        var bracketDepth = 0
        func breakSegment() {
            if !current.isEmpty { segments.append(current) }
            current = []
        }
        for token in tokens {
            let bytes = folded[token.range.start..<token.range.end]
            switch token.kind {
            case .punctuation:
                if bytes.first == UInt8(ascii: "[") {
                    bracketDepth += 1
                    breakSegment()
                } else if bytes.first == UInt8(ascii: "]") {
                    bracketDepth = max(0, bracketDepth - 1)
                    breakSegment()
                } else if bytes.count >= 3, bytes.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                    breakSegment()
                }
                continue
            case .symbol, .url, .email, .handle, .hashtag:
                continue
            default:
                break
            }
            guard bracketDepth == 0 else { continue }
            var word = key(of: bytes)
            guard !word.isEmpty else { continue }
            if token.kind == .percent, word.last == UInt8(ascii: "%") {
                word.removeLast()
                if !word.isEmpty { current.append(word) }
                current.append(Self.percent)
                continue
            }
            // "per cent" → "percent".
            if word == Self.cent, current.last == Self.per {
                current[current.count - 1] = Self.percent
                continue
            }
            current.append(americanized(word))
        }
        breakSegment()
        return segments
    }

    private static let percent = Array("percent".utf8)
    private static let per = Array("per".utf8)
    private static let cent = Array("cent".utf8)

    /// The key of one token's bytes: lower-cased, diacritics removed, inner punctuation dropped.
    static func key(of token: ArraySlice<UInt8>) -> [UInt8] {
        token.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    switch lead {
                    case 0x41...0x5A: out.append(lead | 0x20)
                    case 0x61...0x7A, 0x30...0x39, UInt8(ascii: "%"): out.append(lead)
                    case UInt8(ascii: "."):
                        // A decimal point stays ("1.6bn"); an abbreviation's full stop goes ("U.S.").
                        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                        if let last = out.last, isDigit(last), isDigit(next) { out.append(lead) }
                    default: break  // apostrophes, hyphens, commas, currency signs …
                    }
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                if let ascii = foldedLatin(scalar) {
                    out.append(ascii)
                } else if let s = Unicode.Scalar(scalar), s.properties.isAlphabetic || s.properties.numericType != nil {
                    out.append(contentsOf: Array(s.properties.lowercaseMapping.utf8))
                }
                i += length
            }
            return out
        }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The lower-case ASCII base letter of a Latin-1 or Latin Extended-A letter (`É` → `e`, `ł` → `l`,
    /// `ß` → `s`), or nil.
    static func foldedLatin(_ scalar: UInt32) -> UInt8? {
        guard scalar >= 0xC0, scalar < 0x180 else { return nil }
        let folded = latinTable[Int(scalar - 0xC0)]
        return folded == UInt8(ascii: "*") ? nil : folded
    }

    /// U+00C0…U+017F folded to lower-case ASCII base letters (`*` for the two signs × and ÷).
    private static let latinTable: [UInt8] = Array(
        ("aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty"
            + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrss"
            + "ssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs").utf8
    )
}
