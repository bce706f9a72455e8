import Foundation
import StorylineCore
import StorylineText

/// The name lists of `Resources/Gazetteers` (see `Scripts/gazetteers/README.md`) as token-sequence
/// tables, for gazetteer features and canonical names.
///
/// Every name and alias is tokenized with the same ``Tokenizer`` as the text, and a sequence of tokens
/// is keyed by a rolling 64-bit hash of its tokens' bytes, so that matching a text is a few hash-set
/// probes per token and allocates nothing. Names match case-sensitively (aliases are exact surface
/// forms: "WHO", never "who"); titles whose `match` column says `ignore-case` match lower-cased.
struct EntityGazetteer: Sendable {
    /// Which list a name comes from (a bit in a ``Sources`` mask).
    enum Source: Int, CaseIterable {
        case country = 0, demonym, city, region, place, organization, facility, title
    }

    /// A set of ``Source``s.
    typealias Sources = UInt16

    /// The longest name a table holds, in tokens.
    static let maxLength = 8

    /// The sources of each complete name, by sequence hash (exact tokens).
    private(set) var names: [UInt64: Sources] = [:]
    /// Sequence hashes of every proper prefix of a name (exact tokens).
    private(set) var namePrefixes: Set<UInt64> = []
    /// Ignore-case titles, by sequence hash of lower-cased tokens.
    private(set) var titles: Set<UInt64> = []
    private(set) var titlePrefixes: Set<UInt64> = []
    /// Canonical names: `FeatureHash.combine(sequence, source)` → name.
    private(set) var canonical: [UInt64: String] = [:]
    /// Given names and surnames (`person-names.tsv`), by exact token hash: the frequency band of the word
    /// as a given name in bits 0–1 and as a surname in bits 2–3 (3 = among the most frequent, 0 = not one).
    private(set) var personNames: [UInt64: UInt8] = [:]

    /// The gazetteers shipped with the module, loaded once.
    static let shared: EntityGazetteer = {
        guard let directory = Bundle.module.url(forResource: "Gazetteers", withExtension: nil) else {
            return EntityGazetteer()
        }
        return EntityGazetteer(directory: directory)
    }()

    /// An empty gazetteer.
    init() {}

    /// Loads the six TSV files of `directory`; a missing file leaves its lists empty.
    init(directory: URL) {
        let tokenizer = Tokenizer()
        func rows(_ file: String) -> [[Substring]] {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            else { return [] }
            var out: [[Substring]] = []
            var header = true
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("#") { continue }
                if header {
                    header = false
                    continue
                }
                out.append(line.split(separator: "\t", omittingEmptySubsequences: false))
            }
            return out
        }
        func field(_ row: [Substring], _ i: Int) -> Substring { i < row.count ? row[i] : "" }
        func aliases(_ row: [Substring], _ i: Int) -> [Substring] {
            field(row, i).split(separator: "|")
        }
        for row in rows("countries.tsv") {
            let name = String(field(row, 0))
            add(name, source: .country, canonical: name, tokenizer)
            for alias in aliases(row, 10) { add(String(alias), source: .country, canonical: name, tokenizer) }
        }
        for row in rows("demonyms.tsv") {
            add(String(field(row, 0)), source: .demonym, canonical: String(field(row, 1)), tokenizer)
        }
        for row in rows("organisations.tsv") {
            let name = String(field(row, 0))
            let source: Source = field(row, 1) == "FAC" ? .facility : .organization
            add(name, source: source, canonical: name, tokenizer)
            for alias in aliases(row, 5) where alias.count > 1 {
                add(String(alias), source: source, canonical: name, tokenizer)
            }
        }
        for row in rows("places.tsv") {
            let name = String(field(row, 0))
            let kind = field(row, 2)
            let source: Source =
                field(row, 1) == "LOC" ? .place : kind == "city" ? .city : .region
            add(name, source: source, canonical: name, tokenizer)
            for alias in aliases(row, 8) { add(String(alias), source: source, canonical: name, tokenizer) }
        }
        for row in rows("person-names.tsv") {
            func band(_ rank: Substring) -> UInt8 {
                guard let r = Int(rank) else { return 0 }
                return r <= 200 ? 3 : r <= 1000 ? 2 : 1
            }
            let bits = band(field(row, 1)) | band(field(row, 2)) << 2
            if bits != 0 { personNames[FeatureHash.string(String(field(row, 0)))] = bits }
        }
        for row in rows("titles.tsv") {
            let form = String(field(row, 0))
            if field(row, 4) == "ignore-case" {
                addTitle(form, tokenizer)
            } else {
                add(form, source: .title, canonical: form, tokenizer)
            }
        }
    }

    private mutating func add(_ name: String, source: Source, canonical name2: String, _ tokenizer: Tokenizer) {
        guard !name.isEmpty else { return }
        guard let h = Self.sequenceHash(Self.tokenHashes(name, lower: false, tokenizer), prefixes: &namePrefixes)
        else { return }
        names[h, default: 0] |= 1 << Sources(source.rawValue)
        let key = FeatureHash.combine(h, UInt64(source.rawValue))
        if canonical[key] == nil { canonical[key] = name2 }
    }

    private mutating func addTitle(_ form: String, _ tokenizer: Tokenizer) {
        guard let h = Self.sequenceHash(Self.tokenHashes(form, lower: true, tokenizer), prefixes: &titlePrefixes)
        else { return }
        titles.insert(h)
    }

    /// The hash of a token sequence of at most ``maxLength`` tokens (nil for an empty or longer one), with
    /// the hash of each proper prefix put in `prefixes` so that a longest-match scan knows when to go on.
    private static func sequenceHash(_ hashes: [UInt64], prefixes: inout Set<UInt64>) -> UInt64? {
        guard !hashes.isEmpty, hashes.count <= maxLength else { return nil }
        var h = FeatureHash.seed
        for (n, t) in hashes.enumerated() {
            h = FeatureHash.combine(h, t)
            if n < hashes.count - 1 { prefixes.insert(h) }
        }
        return h
    }

    private static func tokenHashes(_ text: String, lower: Bool, _ tokenizer: Tokenizer) -> [UInt64] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(utf8: buffer).map { FeatureHash.bytes(buffer, $0.range.range, lower: lower) }
        }
    }

    /// Gazetteer matches of a token sequence: left-to-right longest matches of names and of titles.
    struct Matches {
        /// Per token: the BILOU position (0…3) of the token in a matched name, or 255.
        var namePosition: [UInt8]
        /// Per token: the sources of the matched name it is part of.
        var nameSources: [Sources]
        /// Per token: the BILOU position in a matched title (either table), or 255.
        var titlePosition: [UInt8]
    }

    /// Matches names and titles over tokens given by their exact and lower-cased byte hashes.
    func match(exact: [UInt64], lower: [UInt64], in range: Range<Int>) -> Matches {
        let n = exact.count
        var m = Matches(
            namePosition: Array(repeating: 255, count: n),
            nameSources: Array(repeating: 0, count: n),
            titlePosition: Array(repeating: 255, count: n)
        )
        var i = range.lowerBound
        while i < range.upperBound {
            var h = FeatureHash.seed
            var best = 0
            var bestSources: Sources = 0
            var j = i
            while j < range.upperBound, j - i < Self.maxLength {
                h = FeatureHash.combine(h, exact[j])
                if let s = names[h] {
                    best = j - i + 1
                    bestSources = s
                }
                if !namePrefixes.contains(h) { break }
                j += 1
            }
            if best > 0 {
                let title = bestSources & (1 << Sources(Source.title.rawValue)) != 0
                for k in 0..<best {
                    let pos: UInt8 = best == 1 ? 3 : k == 0 ? 0 : k == best - 1 ? 2 : 1
                    m.namePosition[i + k] = pos
                    m.nameSources[i + k] = bestSources
                    if title { m.titlePosition[i + k] = pos }
                }
                i += best
            } else {
                i += 1
            }
        }
        i = range.lowerBound
        while i < range.upperBound {
            var h = FeatureHash.seed
            var best = 0
            var j = i
            while j < range.upperBound, j - i < Self.maxLength {
                h = FeatureHash.combine(h, lower[j])
                if titles.contains(h) { best = j - i + 1 }
                if !titlePrefixes.contains(h) { break }
                j += 1
            }
            if best > 0 {
                for k in 0..<best {
                    m.titlePosition[i + k] = best == 1 ? 3 : k == 0 ? 0 : k == best - 1 ? 2 : 1
                }
                i += best
            } else {
                i += 1
            }
        }
        return m
    }

    /// The sources of the exact name formed by the tokens `range`, or 0.
    func sources(exact: [UInt64], range: Range<Int>) -> Sources {
        guard !range.isEmpty, range.count <= Self.maxLength else { return 0 }
        return names[sequenceHash(exact, range)] ?? 0
    }

    /// The sources and canonical name (for `type`) of one token given by its exact byte hash.
    func lookup(token hash: UInt64, as type: EntityType) -> (sources: Sources, canonical: String?) {
        let tokens = [hash]
        return (sources(exact: tokens, range: 0..<1), canonicalName(exact: tokens, range: 0..<1, type: type))
    }

    /// The canonical name of the tokens `range` read as `type`, if a list has it.
    func canonicalName(exact: [UInt64], range: Range<Int>, type: EntityType) -> String? {
        guard !range.isEmpty, range.count <= Self.maxLength else { return nil }
        let h = sequenceHash(exact, range)
        guard let sources = names[h] else { return nil }
        let order: [Source]
        switch type {
        case .geopolitical: order = [.country, .city, .region, .place]
        case .nationalityOrGroup: order = [.demonym]
        case .organization: order = [.organization, .facility, .country]
        case .facility: order = [.facility, .organization]
        case .location: order = [.place, .region, .country]
        case .person, .event: order = []
        }
        for source in order where sources & (1 << Sources(source.rawValue)) != 0 {
            if let name = canonical[FeatureHash.combine(h, UInt64(source.rawValue))] { return name }
        }
        return nil
    }

    private func sequenceHash(_ exact: [UInt64], _ range: Range<Int>) -> UInt64 {
        var h = FeatureHash.seed
        for j in range { h = FeatureHash.combine(h, exact[j]) }
        return h
    }
}
