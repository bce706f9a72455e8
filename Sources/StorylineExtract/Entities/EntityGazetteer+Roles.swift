import Foundation
import StorylineCore
import StorylineText

extension EntityGazetteer {
    /// A person title of `titles.tsv` with what role extraction needs: the normalized role and the kind.
    struct Title: Sendable, Hashable {
        /// The `kind` column of `titles.tsv`.
        enum Kind: String, Sendable {
            case corporate, diplomatic, government, honorific, judicial, media, military, modifier, political
            case religious, royal, other
        }

        /// The `role` column, lower-cased ("spokesperson" for "spokesman", "defence minister").
        var role: String
        var kind: Kind

        /// Whether the title is a role by itself (not an honorific such as "Mr", not a modifier such as
        /// "Deputy").
        var isRole: Bool { kind != .honorific && kind != .modifier }
    }

    /// The tables role extraction reads besides the name lists: every title with its role and kind, and the
    /// place each nationality adjective names ("French" → "France").
    ///
    /// Keys are token-sequence hashes built like the gazetteer's own (``FeatureHash``, the same
    /// ``Tokenizer``): titles whose `match` column says `ignore-case` by their lower-cased tokens, the others
    /// and demonyms by their exact tokens.
    struct RoleTables: Sendable {
        private(set) var exactTitles: [UInt64: Title] = [:]
        private(set) var lowerTitles: [UInt64: Title] = [:]
        /// Hashes of every proper prefix of a title, exact and lower-cased.
        private(set) var exactTitlePrefixes: Set<UInt64> = []
        private(set) var lowerTitlePrefixes: Set<UInt64> = []
        /// Demonym (exact tokens) → the place it names, for demonyms that name one.
        private(set) var demonymPlaces: [UInt64: String] = [:]
        /// Religious and ethnic group words ("Muslim", "Christian", "Kurdish"): they describe a person, they
        /// are not the body a role belongs to.
        private(set) var descriptiveDemonyms: Set<UInt64> = []

        /// The tables of the gazetteers shipped with the module, loaded once.
        static let shared: RoleTables = {
            guard let directory = Bundle.module.url(forResource: "Gazetteers", withExtension: nil) else {
                return RoleTables()
            }
            return RoleTables(directory: directory)
        }()

        /// Empty tables.
        init() {}

        /// Loads `titles.tsv` and `demonyms.tsv` from `directory`; a missing file leaves its table empty.
        init(directory: URL) {
            let tokenizer = Tokenizer()
            for row in Self.rows(directory.appendingPathComponent("titles.tsv")) where row.count >= 3 {
                let form = String(row[0])
                let title = Title(role: row[1].lowercased(), kind: Title.Kind(rawValue: String(row[2])) ?? .other)
                let ignoreCase = row.count > 4 && row[4] == "ignore-case"
                let hashes = Self.tokenHashes(form, lower: ignoreCase, tokenizer)
                guard let h = Self.sequenceHash(hashes) else { continue }
                if ignoreCase {
                    if lowerTitles[h] == nil { lowerTitles[h] = title }
                    Self.addPrefixes(hashes, to: &lowerTitlePrefixes)
                } else {
                    if exactTitles[h] == nil { exactTitles[h] = title }
                    Self.addPrefixes(hashes, to: &exactTitlePrefixes)
                }
            }
            for row in Self.rows(directory.appendingPathComponent("demonyms.tsv")) where row.count >= 6 {
                guard let h = Self.sequenceHash(Self.tokenHashes(String(row[0]), lower: false, tokenizer)) else {
                    continue
                }
                if row[3] == "religious" || row[3] == "ethnic" { descriptiveDemonyms.insert(h) }
                let place = String(row[5])
                if !place.isEmpty, demonymPlaces[h] == nil { demonymPlaces[h] = place }
            }
        }

        /// The longest title that starts at token `start` and ends before `end`, by exact or lower-cased
        /// token hashes: its length in tokens and the title, or nil.
        func longestTitle(exact: [UInt64], lower: [UInt64], from start: Int, before end: Int) -> (Int, Title)? {
            let a = Self.longest(exact, exactTitles, exactTitlePrefixes, from: start, before: end)
            let b = Self.longest(lower, lowerTitles, lowerTitlePrefixes, from: start, before: end)
            guard let a else { return b }
            guard let b else { return a }
            return b.0 > a.0 ? b : a
        }

        private static func longest(
            _ hashes: [UInt64],
            _ table: [UInt64: Title],
            _ prefixes: Set<UInt64>,
            from start: Int,
            before end: Int
        ) -> (Int, Title)? {
            var best: (Int, Title)?
            var h = FeatureHash.seed
            var j = start
            while j < end, j - start < EntityGazetteer.maxLength {
                h = FeatureHash.combine(h, hashes[j])
                if let title = table[h] { best = (j - start + 1, title) }
                if !prefixes.contains(h) { break }
                j += 1
            }
            return best
        }

        /// Whether the tokens `range` form a religious or ethnic group word ("Muslim mayor Sadiq Khan").
        func isDescriptive(_ exact: [UInt64], range: Range<Int>) -> Bool {
            guard !range.isEmpty, range.count <= EntityGazetteer.maxLength else { return false }
            var h = FeatureHash.seed
            for j in range { h = FeatureHash.combine(h, exact[j]) }
            return descriptiveDemonyms.contains(h)
        }

        /// The place a demonym formed by the tokens `range` names ("British" → "United Kingdom"), if known.
        func place(ofDemonym exact: [UInt64], range: Range<Int>) -> String? {
            guard !range.isEmpty, range.count <= EntityGazetteer.maxLength else { return nil }
            var h = FeatureHash.seed
            for j in range { h = FeatureHash.combine(h, exact[j]) }
            return demonymPlaces[h]
        }

        private static func rows(_ url: URL) -> [[Substring]] {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            var out: [[Substring]] = []
            var header = true
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
                if header {
                    header = false
                    continue
                }
                out.append(line.split(separator: "\t", omittingEmptySubsequences: false))
            }
            return out
        }

        private static func tokenHashes(_ text: String, lower: Bool, _ tokenizer: Tokenizer) -> [UInt64] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                tokenizer.tokenize(utf8: buffer).map { FeatureHash.bytes(buffer, $0.range.range, lower: lower) }
            }
        }

        private static func sequenceHash(_ hashes: [UInt64]) -> UInt64? {
            guard !hashes.isEmpty, hashes.count <= EntityGazetteer.maxLength else { return nil }
            return hashes.reduce(FeatureHash.seed) { FeatureHash.combine($0, $1) }
        }

        private static func addPrefixes(_ hashes: [UInt64], to prefixes: inout Set<UInt64>) {
            var h = FeatureHash.seed
            for t in hashes.dropLast() {
                h = FeatureHash.combine(h, t)
                prefixes.insert(h)
            }
        }
    }
}
