/// A speaker's name as the merger compares it: normalized words (``StatementNormalizer``), a leading
/// "the" dropped and doubled letters collapsed, so that house transliterations read alike
/// ("Zelenskyy" and "Zelensky", "Sébastien" and "Sebastien").
///
/// Two keys are *compatible* when they are equal, or when the shorter one's words occur in order in the
/// longer one and end with the same word: "Starmer" and "Keir Starmer", "Keir Starmer" and
/// "Keir Rodney Starmer". Anything else — "Dmitry Peskov" and "the Kremlin", "Keir Starmer" and
/// "Donald Trump" — is a different speaker.
struct SpeakerKey: Sendable, Hashable {
    /// Hashes of the normalized words.
    let words: [UInt64]

    /// The key of a name; nil for no name or a name without words.
    init?(_ name: String?) {
        guard let name else { return nil }
        var words = StatementNormalizer.segmentBytes(of: Array(name.utf8)).flatMap { $0 }
        if words.first == Self.the { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        self.words = words.map { StatementHash.bytes(Self.collapsingDoubles($0)) }
    }

    private static let the = Array("the".utf8)

    private static func collapsingDoubles(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        for b in word where out.last != b { out.append(b) }
        return out
    }

    /// Whether the two names can be the same person or body (see the type's documentation).
    func isCompatible(with other: SpeakerKey) -> Bool {
        if words == other.words { return true }
        let (short, long) = words.count <= other.words.count ? (words, other.words) : (other.words, words)
        guard short.last == long.last else { return false }
        var k = 0
        for w in long where k < short.count && w == short[k] { k += 1 }
        return k == short.count
    }
}
