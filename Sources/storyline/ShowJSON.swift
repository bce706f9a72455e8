import StorylineCore
import StorylineStore
import StorylineText

/// The document `storyline show --json` prints: the stored article and its sources, and its annotations with
/// Unicode-scalar offsets — the unit of every JSON output — into the article's text (its paragraphs joined by
/// a blank line). Time expressions, entity mentions and quotes have the fields they have in `storyline extract`
/// output (quotes a few more: ``QuoteJSON``). `extractorVersion` says which version of the extractor made the
/// annotations.
struct ShowJSON: Encodable {
    /// A time expression at the edge: Unicode-scalar offsets, `start` inclusive and `end` exclusive.
    struct Timex: Encodable, Equatable {
        /// The expression as written in the text.
        var text: String
        /// The TIMEX3 type: DATE, TIME, DURATION or SET.
        var type: String
        /// The TIMEX3 value.
        var value: String
        var start: Int
        var end: Int
    }

    /// An entity mention at the edge: Unicode-scalar offsets, `start` inclusive and `end` exclusive.
    struct Entity: Encodable, Equatable {
        /// The name as written in the text.
        var text: String
        /// PERSON, ORG, GPE, LOC, NORP, FAC or EVENT.
        var type: String
        /// The canonical name it resolves to in the article.
        var entity: String
        var start: Int
        var end: Int
    }

    /// The annotations at the edge, each kind in text order.
    struct Annotations: Encodable, Equatable {
        var entities: [Entity]
        var quotes: [QuoteJSON]
        var timexes: [Timex]
    }

    var article: Article
    var sources: [ArticleSource]
    /// `nil` (JSON `null`) when the article was stored before Storyline extracted at ingest.
    var annotations: Annotations?
    /// The extractor version that made ``annotations``; `nil` (JSON `null`) when unknown or there are none.
    var extractorVersion: String?

    init(_ stored: StoredArticle) {
        article = stored.article
        sources = stored.sources
        extractorVersion = stored.extractorVersion
        annotations = stored.annotations.map { annotations in
            let text = stored.article.text
            let utf8 = Array(text.utf8)
            let offsets = ScalarOffsets(text)
            func surface(_ range: TextRange) -> String {
                String(decoding: utf8[range.start..<range.end], as: UTF8.self)
            }
            return Annotations(
                entities: annotations.entities.map { entity in
                    let scalar = offsets.scalarRange(of: entity.range)
                    return Entity(
                        text: surface(entity.range),
                        type: entity.type.rawValue,
                        entity: entity.canonical,
                        start: scalar.start,
                        end: scalar.end
                    )
                },
                quotes: annotations.quotes.map { QuoteJSON($0, utf8: utf8, offsets: offsets) },
                timexes: annotations.timexes.map { timex in
                    let scalar = offsets.scalarRange(of: timex.range)
                    return Timex(
                        text: surface(timex.range),
                        type: timex.type.rawValue,
                        value: timex.value,
                        start: scalar.start,
                        end: scalar.end
                    )
                }
            )
        }
    }

    private enum CodingKeys: String, CodingKey {
        case article, sources, annotations, extractorVersion
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encode(sources, forKey: .sources)
        // Explicit `null`: "not extracted" is not the same as "nothing found".
        try container.encode(annotations, forKey: .annotations)
        try container.encode(extractorVersion, forKey: .extractorVersion)
    }
}
