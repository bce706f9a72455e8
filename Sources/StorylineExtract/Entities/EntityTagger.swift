import StorylineCore

/// Finds named-entity mentions — PERSON, ORG, GPE, LOC, NORP, FAC, EVENT — in English news text and
/// gives each an in-document canonical name.
///
/// Recognition is an averaged perceptron over BILOU tags (``EntityModel``), decoded greedily left to
/// right per sentence with the two previous tags as features and BILOU well-formedness enforced. Its
/// features are hashed from the token, its shape and affixes, its neighbours, gazetteer matches
/// (countries, demonyms, places, organisations) and titles before it, so it recognizes names it has
/// never seen ("said Olena Kovalchuk, a spokeswoman"). Titles, a leading "the" and possessive `'s` are
/// never part of a mention. Canonical names come from the gazetteers (`U.S.` → "United States") and,
/// for people, from the fuller name earlier in the text (`Starmer` → "Keir Starmer"); see
/// ``EntityNameLinker``. After the model, document-level rules add what the text itself settles: a
/// later bare surname of a person the model found ("Starmer" after "Keir Starmer"), another
/// occurrence of a one-word or multi-word name it found elsewhere ("Church of Scientology"), and a known
/// given name with the capitalized words after it right after a title ("Secretary of State Marco
/// Rubio"); words inside a title are not names ("State" in "Secretary of State"); country pairs in one
/// hyphenated token ("Russia-Ukraine") become two places; month-and-number dates ("Jan 20") are never
/// names.
///
/// A value with no mutable state: share one tagger between tasks.
public struct EntityTagger: Sendable {
    /// The weights used.
    public let model: EntityModel
    let gazetteer: EntityGazetteer

    /// A tagger with the model shipped in the module (`Resources/Models/entities.slner`), or nil when it
    /// is missing.
    public static let shipped: EntityTagger? = EntityModel.shipped.map { EntityTagger(model: $0) }

    /// A tagger with the given weights and the module's gazetteers.
    public init(model: EntityModel) {
        self.model = model
        self.gazetteer = EntityGazetteer.shared
    }

    /// The mentions of `text`, in text order, with UTF-8 byte ranges into `text`.
    public func tag(_ text: String) -> [EntityMention] {
        let document = EntityDocument(text: text, gazetteer: gazetteer)
        let spans = Self.propagated(
            Self.namesAfterTitles(Self.mentionSpans(in: document, tags: decode(document)), in: document, gazetteer),
            in: document
        )
        let mentions = EntityNameLinker(document: document, gazetteer: gazetteer).mentions(for: spans)
        return Self.splittingHyphenatedNames(mentions, in: document, gazetteer: gazetteer)
    }

    /// The BILOU tag of every token of a prepared document.
    func decode(_ document: EntityDocument) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.tokens.count)
        let tagCount = EntityTag.count
        var scores = [Float](repeating: 0, count: tagCount)
        model.withTables { model in
            scores.withUnsafeMutableBufferPointer { buffer in
                let scores = buffer.baseAddress!
                document.features.withUnsafeBufferPointer { features in
                    for sentence in document.sentences {
                        var previous = EntityTag.start
                        var previous2 = EntityTag.start
                        for i in sentence {
                            for t in 0..<tagCount { scores[t] = 0 }
                            for k in Int(document.offsets[i])..<Int(document.offsets[i + 1]) {
                                model.add(features[k], to: scores)
                            }
                            let d = document.dynamicFeatures(at: i, previous: previous, previous2: previous2)
                            model.add(d.0, to: scores)
                            model.add(d.1, to: scores)
                            model.add(d.2, to: scores)
                            model.add(d.3, to: scores)
                            var best = EntityTag.outside
                            var bestScore = -Float.infinity
                            for t in 0..<tagCount {
                                let tag = EntityTag(raw: UInt8(t))
                                if scores[t] > bestScore, tag.canFollow(previous) {
                                    best = tag
                                    bestScore = scores[t]
                                }
                            }
                            tags[i] = best
                            previous2 = previous
                            previous = best
                        }
                    }
                }
            }
        }
        return tags
    }

    /// Token ranges and types of the names a tag sequence marks, cleaned: no title, leading "the",
    /// possessive or punctuation at the edges of a name.
    static func mentionSpans(in document: EntityDocument, tags: [EntityTag]) -> [(tokens: Range<Int>, type: EntityType)]
    {
        var spans: [(Range<Int>, EntityType)] = []
        for sentence in document.sentences {
            var open: (start: Int, type: EntityType)?
            for i in sentence {
                let tag = tags[i]
                guard let type = tag.type, let position = tag.position else {
                    if let o = open { spans.append((o.start..<i, o.type)) }
                    open = nil
                    continue
                }
                if let o = open, position == .begin || position == .unit || o.type != type {
                    spans.append((o.start..<i, o.type))
                    open = nil
                }
                if open == nil { open = (i, type) }
                if position == .last || position == .unit {
                    spans.append((open!.start..<i + 1, type))
                    open = nil
                }
            }
            if let o = open { spans.append((o.start..<sentence.upperBound, o.type)) }
        }
        return spans.compactMap { span in clean(span.0, type: span.1, in: document) }
    }

    private static let theHash = FeatureHash.string("the")

    /// A name's token range without edge punctuation, possessives, a leading "the" and (for people)
    /// leading titles; nil when nothing is left. A span of another type that starts with a title of
    /// two or more words, or with a title before a name of two or more words ("Foreign Minister
    /// Andrii Sybiha" read as ORG), is the person after the title.
    static func clean(
        _ range: Range<Int>,
        type: EntityType,
        in document: EntityDocument
    ) -> (tokens: Range<Int>, type: EntityType)? {
        var type = type
        var lo = range.lowerBound
        var hi = range.upperBound
        func isJunk(_ i: Int) -> Bool {
            switch document.tokens[i].kind {
            case .punctuation, .possessive, .contraction, .symbol: return true
            default: return false
            }
        }
        while lo < hi, isJunk(hi - 1) { hi -= 1 }
        while lo < hi, isJunk(lo) || document.lower[lo] == theHash { lo += 1 }
        if type == .person {
            while lo < hi - 1, document.matches.titlePosition[lo] != 255 { lo += 1 }
        } else if lo < hi, document.matches.titlePosition[lo] == 0 || document.matches.titlePosition[lo] == 3 {
            var end = lo
            while end < hi, document.matches.titlePosition[end] != 255 { end += 1 }
            let titleLength = end - lo
            let nameLength = hi - end
            if nameLength >= 1, titleLength >= 2 || nameLength >= 2,
                (end..<hi).allSatisfy({ document.tokens[$0].flags.contains(.capitalized) })
            {
                lo = end
                type = .person
            }
        }
        return lo < hi ? (lo..<hi, type) : nil
    }
}
