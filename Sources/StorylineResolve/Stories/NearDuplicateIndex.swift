/// Finds near-duplicate articles — a syndicated wire story republished by other outlets, a re-post with a new
/// headline or one sentence changed — by MinHash signatures with locality-sensitive hashing (LSH).
///
/// An article's text is cut into word shingles (``Configuration/shingleSize`` consecutive words of
/// ``ContentWords``: lower-cased ASCII letters and digits, hashed on their UTF-8 bytes); its signature is,
/// for each of ``Configuration/hashCount`` seeded hash functions, the smallest hash of any shingle. The share
/// of equal positions in two signatures estimates the Jaccard similarity of the two shingle sets. Signatures
/// are cut into ``Configuration/bands`` bands; articles that agree on a whole band are candidates, and a
/// candidate is a copy when the estimate reaches ``Configuration/threshold`` (0.8). With 32 bands of 4 rows an
/// article at similarity 0.8 is a candidate with probability above 0.9999, one at 0.3 with about 0.23, and
/// two articles on the same topic in different words share almost no shingles.
///
/// Adding an article reads only the buckets of its own bands, so the cost does not grow with the number of
/// articles indexed. Deterministic: the hashes are the same in every process. `Codable`: the signatures are
/// kept, the buckets rebuilt when decoding.
public struct NearDuplicateIndex: Sendable {
    /// The shingling and LSH parameters.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Words per shingle.
        public var shingleSize: Int
        /// LSH bands.
        public var bands: Int
        /// Signature values per band; ``hashCount`` is `bands × rowsPerBand`.
        public var rowsPerBand: Int
        /// Minimum estimated Jaccard similarity of a copy.
        public var threshold: Double

        /// The defaults: 5-word shingles, 32 bands of 4 rows (128 hashes), threshold 0.8.
        public init(shingleSize: Int = 5, bands: Int = 32, rowsPerBand: Int = 4, threshold: Double = 0.8) {
            self.shingleSize = max(1, shingleSize)
            self.bands = max(1, bands)
            self.rowsPerBand = max(1, rowsPerBand)
            self.threshold = threshold
        }

        /// Hash functions per signature.
        public var hashCount: Int { bands * rowsPerBand }
    }

    /// The parameters in use.
    public let configuration: Configuration
    /// Article IDs in the order added.
    var articleIDs: [String] = []
    /// Signatures, `hashCount` values per article, in the order added (empty texts have all `UInt32.max`).
    var signatures: [UInt32] = []
    /// Per article: the position of the article it copies, or -1.
    var originals: [Int32] = []
    /// Article ID → position.
    var positions: [String: Int] = [:]
    /// Band hash → positions of the articles with that band.
    var buckets: [UInt64: [Int32]] = [:]
    /// The seeds of the hash functions.
    let seeds: [UInt64]

    /// An empty index.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        var seeds: [UInt64] = []
        var state: UInt64 = 0x5eed_0f_5ca1e
        for _ in 0..<configuration.hashCount {
            state &+= 0x9e37_79b9_7f4a_7c15
            seeds.append(StatementHash.mix(state))
        }
        self.seeds = seeds
    }

    /// The number of articles indexed.
    public var count: Int { articleIDs.count }

    /// The ID of the article an indexed article copies, as found when it was added; nil for an original or
    /// an unknown ID.
    public func original(of articleID: String) -> String? {
        guard let p = positions[articleID], originals[p] >= 0 else { return nil }
        return articleIDs[Int(originals[p])]
    }

    /// Indexes an article and returns the ID of the earlier article it is a near-duplicate of, or nil.
    ///
    /// The match is the indexed article with the highest estimated similarity at or above the threshold (the
    /// earliest among equals); when that article is itself a copy, its original is returned, so every copy
    /// names the first article of its family. A text without words is indexed but matches nothing. Adding
    /// an ID already indexed changes nothing and returns what it returned the first time.
    @discardableResult
    public mutating func add(articleID: String, text: String) -> String? {
        if let p = positions[articleID] { return originals[p] >= 0 ? articleIDs[Int(originals[p])] : nil }
        let signature = self.signature(of: text)
        let hasWords = signature.contains { $0 != UInt32.max }
        let match = hasWords ? bestMatch(signature) : nil
        let position = articleIDs.count
        articleIDs.append(articleID)
        signatures.append(contentsOf: signature)
        positions[articleID] = position
        let original = match.map { originals[$0] >= 0 ? Int(originals[$0]) : $0 }
        originals.append(Int32(original ?? -1))
        if hasWords { file(position, signature) }
        return original.map { articleIDs[$0] }
    }

    /// The estimated Jaccard similarity of two texts' shingle sets (0 when either has no words).
    public func similarity(_ a: String, _ b: String) -> Double {
        let x = signature(of: a)
        let y = signature(of: b)
        guard x.contains(where: { $0 != UInt32.max }), y.contains(where: { $0 != UInt32.max }) else { return 0 }
        return Self.agreement(x[...], y[...])
    }

    /// The MinHash signature of a text.
    func signature(of text: String) -> [UInt32] {
        let words = ContentWords.hashes(of: text)
        var signature = [UInt32](repeating: UInt32.max, count: configuration.hashCount)
        guard !words.isEmpty else { return signature }
        let size = min(configuration.shingleSize, words.count)
        var seen = Set<UInt64>()
        for start in 0...(words.count - size) {
            let shingle = StatementHash.sequence(words[start..<(start + size)])
            guard seen.insert(shingle).inserted else { continue }
            for k in 0..<seeds.count {
                let v = UInt32(truncatingIfNeeded: StatementHash.mix(shingle ^ seeds[k]) >> 32)
                if v < signature[k] { signature[k] = v }
            }
        }
        return signature
    }

    /// The share of equal positions.
    static func agreement(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Double {
        var same = 0
        for (x, y) in zip(a, b) where x == y { same += 1 }
        return Double(same) / Double(max(1, a.count))
    }

    /// The hash of band `band` of a signature.
    func bandKey(_ signature: ArraySlice<UInt32>, band: Int) -> UInt64 {
        let rows = configuration.rowsPerBand
        var h = StatementHash.mix(UInt64(band) &+ 0x2545_f491_4f6c_dd1d)
        let start = signature.startIndex + band * rows
        for v in signature[start..<(start + rows)] { h = StatementHash.mix(h ^ UInt64(v)) }
        return h
    }

    /// The indexed article most similar to a signature at or above the threshold.
    func bestMatch(_ signature: [UInt32]) -> Int? {
        let n = configuration.hashCount
        var seen = Set<Int32>()
        var best: (position: Int, score: Double)?
        for band in 0..<configuration.bands {
            guard let hits = buckets[bandKey(signature[...], band: band)] else { continue }
            for p in hits where seen.insert(p).inserted {
                let start = Int(p) * n
                let score = Self.agreement(signature[...], signatures[start..<(start + n)])
                guard score >= configuration.threshold else { continue }
                if let b = best, b.score > score || (b.score == score && b.position < Int(p)) { continue }
                best = (Int(p), score)
            }
        }
        return best?.position
    }

    /// Files an article's bands.
    mutating func file(_ position: Int, _ signature: [UInt32]) {
        for band in 0..<configuration.bands {
            buckets[bandKey(signature[...], band: band), default: []].append(Int32(position))
        }
    }
}
