import StorylineCore
import StorylineText

/// A text prepared for the entity recognizer: tokens, sentences, per-token hashes, gazetteer matches and
/// the hashed context features of every token that do not depend on the tags chosen before it.
///
/// Training (``EntityTrainer``) and tagging (``EntityTagger``) both build this, so the two can never
/// compute features differently.
struct EntityDocument {
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    let tokens: [Token]
    /// Sentences as ranges of token indices.
    let sentences: [Range<Int>]
    /// Per token: hash of its exact bytes, of its ASCII-lower-cased bytes, of its short word shape.
    let exact: [UInt64]
    let lower: [UInt64]
    let shortShape: [UInt64]
    let matches: EntityGazetteer.Matches
    /// Lower-cased hashes of the words that occur in lower case somewhere in the text.
    let seenLower: Set<UInt64>
    /// The static features of token `i` are `features[offsets[i]..<offsets[i + 1]]`.
    let features: [UInt64]
    let offsets: [Int32]

    init(text: String, gazetteer: EntityGazetteer) {
        self.init(bytes: Array(text.utf8), gazetteer: gazetteer)
    }

    init(bytes: [UInt8], gazetteer: EntityGazetteer) {
        self.bytes = bytes
        let tokenizer = Tokenizer()
        var tokens: [Token] = []
        var sentences: [Range<Int>] = []
        var exact: [UInt64] = []
        var lower: [UInt64] = []
        var shape: [UInt64] = []
        var shortShape: [UInt64] = []
        var prefixes: [UInt64] = []
        var suffixes: [UInt64] = []
        bytes.withUnsafeBufferPointer { buffer in
            tokens = tokenizer.tokenize(utf8: buffer)
            sentences = SentenceSplitter(tokenizer: tokenizer).sentenceTokenRanges(utf8: buffer, tokens: tokens)
            let n = tokens.count
            exact.reserveCapacity(n)
            lower.reserveCapacity(n)
            shape.reserveCapacity(n)
            shortShape.reserveCapacity(n)
            prefixes.reserveCapacity(4 * n)
            suffixes.reserveCapacity(4 * n)
            for token in tokens {
                let r = token.range.range
                exact.append(FeatureHash.bytes(buffer, r))
                lower.append(FeatureHash.bytes(buffer, r, lower: true))
                let (long, short) = Self.shapes(buffer, r)
                shape.append(long)
                shortShape.append(short)
                for k in 1...4 {
                    prefixes.append(
                        r.count > k ? FeatureHash.bytes(buffer, r.lowerBound..<r.lowerBound + k, lower: true) : 0
                    )
                    suffixes.append(
                        r.count > k ? FeatureHash.bytes(buffer, r.upperBound - k..<r.upperBound, lower: true) : 0
                    )
                }
            }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.exact = exact
        self.lower = lower
        self.shortShape = shortShape
        let matches = gazetteer.match(exact: exact, lower: lower, in: 0..<tokens.count)
        self.matches = matches

        // Words seen in lower case anywhere in the document: a capitalized "Reading" or "Will" that also
        // occurs as "reading"/"will" is likely a common word capitalized by position.
        var seenLower = Set<UInt64>()
        for (i, token) in tokens.enumerated() where token.kind == .word && !token.flags.contains(.capitalized) {
            seenLower.insert(lower[i])
        }
        self.seenLower = seenLower

        var features: [UInt64] = []
        features.reserveCapacity(tokens.count * 48)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(tokens.count + 1)
        // Given-name and surname bands of every token, looked up once.
        let personBands: [UInt8] =
            gazetteer.personNames.isEmpty ? Array(repeating: 0, count: tokens.count) : exact.map { gazetteer.personNames[$0] ?? 0 }
        let bos = FeatureHash.string("<s>")
        let eos = FeatureHash.string("</s>")
        // The sentence of every token (a token outside every sentence, such as a bullet marker, is its own).
        var sentenceOf = (0..<tokens.count).map { $0..<$0 + 1 }
        for sentence in sentences {
            for i in sentence { sentenceOf[i] = sentence }
        }
        for i in 0..<tokens.count {
            do {
                let sentence = sentenceOf[i]
                @inline(__always) func at(_ a: [UInt64], _ j: Int) -> UInt64 {
                    j < sentence.lowerBound ? bos : j >= sentence.upperBound ? eos : a[j]
                }
                @inline(__always) func gaz(_ j: Int) -> (UInt64, UInt64) {
                    guard sentence.contains(j) else { return (0, 255) }
                    return (UInt64(matches.nameSources[j]), UInt64(matches.namePosition[j]))
                }
                @inline(__always) func personName(_ j: Int) -> UInt64 {
                    sentence.contains(j) ? UInt64(personBands[j]) : 0
                }
                @inline(__always) func title(_ j: Int) -> UInt64 {
                    sentence.contains(j) ? UInt64(matches.titlePosition[j]) : 254
                }
                let token = tokens[i]
                let w0 = lower[i]
                let s0 = shape[i]
                let ss0 = shortShape[i]
                let first: UInt64 = i == sentence.lowerBound ? 1 : 0
                features.append(FeatureHash.feature(1, 0))
                features.append(FeatureHash.feature(2, w0))
                features.append(FeatureHash.feature(3, s0))
                features.append(FeatureHash.feature(4, ss0))
                for k in 0..<4 {
                    let p = prefixes[4 * i + k]
                    if p != 0 { features.append(FeatureHash.feature(10 + UInt64(k), p)) }
                    let s = suffixes[4 * i + k]
                    if s != 0 { features.append(FeatureHash.feature(14 + UInt64(k), s)) }
                }
                let code = UInt64(token.kind.rawValue) | UInt64(token.flags.rawValue) << 8
                features.append(FeatureHash.feature(20, code, first))
                features.append(FeatureHash.feature(21, first, ss0))
                features.append(FeatureHash.feature(22, first, w0))
                features.append(FeatureHash.feature(23, at(lower, i - 1)))
                features.append(FeatureHash.feature(24, at(lower, i - 2)))
                features.append(FeatureHash.feature(25, at(lower, i + 1)))
                features.append(FeatureHash.feature(26, at(lower, i + 2)))
                features.append(FeatureHash.feature(27, at(shortShape, i - 1)))
                features.append(FeatureHash.feature(28, at(shortShape, i + 1)))
                features.append(FeatureHash.feature(29, at(shortShape, i - 2)))
                features.append(FeatureHash.feature(30, at(shortShape, i + 2)))
                features.append(FeatureHash.feature(31, at(lower, i - 1), w0))
                features.append(FeatureHash.feature(32, w0, at(lower, i + 1)))
                features.append(FeatureHash.feature(33, at(shortShape, i - 1), ss0))
                features.append(FeatureHash.feature(34, ss0, at(shortShape, i + 1)))
                features.append(FeatureHash.feature(35, at(lower, i - 1), ss0))
                features.append(FeatureHash.feature(36, ss0, at(lower, i + 1)))
                features.append(FeatureHash.feature(37, at(lower, i + 1), at(lower, i + 2)))
                features.append(FeatureHash.feature(38, at(lower, i - 2), at(lower, i - 1)))
                // Gazetteers: per source, the whole mask, and the neighbours' matches.
                let (mask, pos) = gaz(i)
                if mask != 0 {
                    for source in 0..<EntityGazetteer.Source.allCases.count where mask & (1 << UInt64(source)) != 0 {
                        features.append(FeatureHash.feature(40, UInt64(source), pos))
                    }
                }
                features.append(FeatureHash.feature(41, mask, pos))
                features.append(FeatureHash.feature(42, mask, ss0))
                let (maskP, posP) = gaz(i - 1)
                features.append(FeatureHash.feature(43, maskP, posP))
                let (maskN, posN) = gaz(i + 1)
                features.append(FeatureHash.feature(44, maskN, posN))
                // Titles and roles before the token ("Prime Minister", "spokeswoman").
                features.append(FeatureHash.feature(45, title(i)))
                features.append(FeatureHash.feature(46, title(i - 1), title(i - 2)))
                features.append(FeatureHash.feature(47, title(i - 1), ss0))
                features.append(FeatureHash.feature(48, title(i + 1), ss0))
                if token.flags.contains(.capitalized) {
                    features.append(FeatureHash.feature(49, seenLower.contains(w0) ? 1 : 0, first))
                }
                // Given names and surnames (census frequency bands): "Tom Cruise", "Olena Kovalchuk".
                let person = personName(i)
                let capitalized: UInt64 = token.flags.contains(.capitalized) ? 1 : 0
                features.append(FeatureHash.feature(50, person, capitalized))
                features.append(FeatureHash.feature(51, personName(i - 1) & 3, ss0))
                features.append(FeatureHash.feature(52, person & 3, at(shortShape, i + 1)))
                features.append(FeatureHash.feature(53, personName(i - 1) & 3, person >> 2))
                offsets.append(Int32(features.count))
            }
        }
        self.features = features
        self.offsets = offsets
    }

    /// The features that depend on the previous two tags.
    @inline(__always)
    func dynamicFeatures(at i: Int, previous: EntityTag, previous2: EntityTag) -> (UInt64, UInt64, UInt64, UInt64) {
        let p = UInt64(previous.raw)
        return (
            FeatureHash.feature(100, p),
            FeatureHash.feature(101, p, UInt64(previous2.raw)),
            FeatureHash.feature(102, p, lower[i]),
            FeatureHash.feature(103, p, shortShape[i])
        )
    }

    /// The word shape of `bytes[range]`, long (runs capped at 4: `Xxxxx` → `Xxxx`) and short (runs of one).
    static func shapes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        var long = FeatureHash.seed
        var short = FeatureHash.seed
        var last: UInt8 = 0
        var run = 0
        for i in range {
            let b = bytes[i]
            let c: UInt8
            switch b {
            case 0x41...0x5A: c = 0x58  // X
            case 0x61...0x7A: c = 0x78  // x
            case 0x30...0x39: c = 0x64  // d
            case 0x80...0xBF: continue  // continuation byte
            case 0xC0...0xFF: c = 0x78  // non-ASCII letter, most likely lower case
            default: c = b
            }
            if c == last {
                run += 1
                if run < 4 { long = (long ^ UInt64(c)) &* FeatureHash.prime }
            } else {
                run = 0
                long = (long ^ UInt64(c)) &* FeatureHash.prime
                short = (short ^ UInt64(c)) &* FeatureHash.prime
                last = c
            }
        }
        return (long, short)
    }
}
