/// What the merger compares of one report: its normalized word count and the set of its word shingles.
///
/// A shingle is `size` consecutive normalized words of one segment (see ``StatementNormalizer``), hashed to
/// 64 bits with FNV-1a and a fixed mixer, so hashes are the same in every process and on every machine. A
/// segment shorter than `size` contributes one shingle of all its words, unless other segments are long
/// enough (a stray word between two ellipses would never be found in the full quote).
struct StatementFeatures: Sendable, Hashable {
    /// Normalized words across all segments.
    let wordCount: Int
    /// Sorted, distinct shingle hashes.
    let shingles: [UInt64]

    init(wording: [UInt8], shingleSize: Int) {
        let segments = StatementNormalizer.segmentBytes(of: wording)
        let hashed = segments.map { $0.map(StatementHash.bytes) }
        wordCount = hashed.reduce(0) { $0 + $1.count }
        let size = max(1, shingleSize)
        let anyLong = hashed.contains { $0.count >= size }
        var shingles: [UInt64] = []
        for words in hashed where !words.isEmpty {
            if words.count < size {
                if !anyLong { shingles.append(StatementHash.sequence(words[...])) }
                continue
            }
            for start in 0...(words.count - size) {
                shingles.append(StatementHash.sequence(words[start..<(start + size)]))
            }
        }
        shingles.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(shingles.count)
        for h in shingles where distinct.last != h { distinct.append(h) }
        self.shingles = distinct
    }

    /// The number of shingles both have.
    func overlap(_ other: StatementFeatures) -> Int {
        SortedOverlap.count(shingles, other.shingles)
    }
}

/// Counting the elements two ascending arrays share.
enum SortedOverlap {
    /// How many elements of ascending `a` are also in ascending `b`, walking both once.
    static func count<T: Comparable>(_ a: [T], _ b: [T]) -> Int {
        var i = 0
        var j = 0
        var n = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                n += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return n
    }
}

/// Stable 64-bit hashes (FNV-1a and a SplitMix64 finalizer): the same value in every process, unlike
/// `Hasher`.
enum StatementHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of bytes.
    static func bytes(_ bytes: [UInt8]) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// An order-sensitive combination of word hashes.
    static func sequence(_ words: ArraySlice<UInt64>) -> UInt64 {
        var h = seed
        for w in words { h = mix(h &+ 0x9e37_79b9_7f4a_7c15 &+ (w &* 0xbf58_476d_1ce4_e5b9)) }
        return h
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
