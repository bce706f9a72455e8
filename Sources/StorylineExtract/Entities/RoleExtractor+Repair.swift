import StorylineCore
import StorylineText

extension RoleExtractor.Document {
    /// The mentions with each non-person mention that reads `[words] title Name Name…` — the recognizer's
    /// "German Chancellor Friedrich Merz" as one ORG, "Defence Minister Sebastien Lecornu told France Info"
    /// as one FAC — replaced by a PERSON mention of the two or more capitalized words after the title (its
    /// canonical name the words as written). The words before the title are left to the gazetteer, so
    /// "German" still gives the affiliation.
    static func repairing(
        _ mentions: [EntityMention],
        tokenRanges: [Range<Int>],
        tokens: [Token],
        exact: [UInt64],
        lower: [UInt64],
        bytes: [UInt8],
        tables: EntityGazetteer.RoleTables
    ) -> [EntityMention] {
        var result = mentions
        for (n, mention) in mentions.enumerated() where mention.type != .person {
            let range = tokenRanges[n]
            guard range.count >= 3 else { continue }
            for t in range {
                guard
                    let (length, title) = tables.longestTitle(
                        exact: exact,
                        lower: lower,
                        from: t,
                        before: range.upperBound
                    ),
                    title.isRole
                else { continue }
                // The name: the capitalized words after the title (and a closing bracket: "Taoiseach (Prime
                // Minister) Micheál Martin"), up to a lower-case word or the end.
                var start = t + length
                if start < range.upperBound, tokens[start].kind == .punctuation,
                    bytes[tokens[start].range.start] == 0x29
                {
                    start += 1
                }
                var end = start
                while end < range.upperBound, tokens[end].kind == .word || tokens[end].kind == .initial,
                    tokens[end].flags.contains(.capitalized),
                    tables.longestTitle(exact: exact, lower: lower, from: end, before: end + 1) == nil
                {
                    end += 1
                }
                let name = start..<end
                guard name.count >= 2, end == range.upperBound || tokens[end].kind == .word else { break }
                let byteRange = TextRange(
                    start: tokens[name.lowerBound].range.start,
                    end: tokens[name.upperBound - 1].range.end
                )
                result[n] = EntityMention(
                    range: byteRange,
                    type: .person,
                    canonical: String(decoding: bytes[byteRange.range], as: UTF8.self)
                )
                break
            }
        }
        return result
    }

    /// The token range of each mention (empty when its bytes fall between tokens).
    static func tokenRanges(of mentions: [EntityMention], in tokens: [Token]) -> [Range<Int>] {
        func firstToken(startingAtOrAfter offset: Int) -> Int {
            var lo = 0
            var hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tokens[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return mentions.map { mention in
            let lo = firstToken(startingAtOrAfter: mention.range.start)
            var hi = lo
            while hi < tokens.count, tokens[hi].range.end <= mention.range.end { hi += 1 }
            return lo..<hi
        }
    }
}
