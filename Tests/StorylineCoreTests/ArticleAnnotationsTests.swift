import Foundation
import StorylineCore
import Testing

/// `ArticleAnnotations` stays readable from JSON written before a kind of annotation existed.
struct ArticleAnnotationsTests {
    @Test func missingKindsDecodeAsEmpty() throws {
        let timexOnly = #"{"timexes":[{"range":{"start":3,"end":9},"type":"DATE","value":"2025-02-28"}]}"#
        let decoded = try JSONDecoder().decode(ArticleAnnotations.self, from: Data(timexOnly.utf8))
        #expect(
            decoded.timexes == [TimeExpression(range: TextRange(start: 3, end: 9), type: .date, value: "2025-02-28")]
        )
        #expect(decoded.entities.isEmpty)
        #expect(decoded.quotes.isEmpty)
        #expect(!decoded.isEmpty)
        #expect(try JSONDecoder().decode(ArticleAnnotations.self, from: Data("{}".utf8)) == ArticleAnnotations())
    }

    @Test func everyKindRoundTripsAndCountsForIsEmpty() throws {
        let entity = EntityMention(range: TextRange(start: 0, end: 11), type: .person, canonical: "Keir Starmer")
        let quote = QuoteMention(
            range: TextRange(start: 20, end: 35),
            kind: .direct,
            speaker: "he",
            speakerRange: TextRange(start: 38, end: 40),
            speakerName: "Keir Starmer",
            cue: "said"
        )
        #expect(ArticleAnnotations().isEmpty)
        #expect(!ArticleAnnotations(entities: [entity]).isEmpty)
        #expect(!ArticleAnnotations(quotes: [quote]).isEmpty)
        let annotations = ArticleAnnotations(entities: [entity], quotes: [quote])
        let data = try JSONEncoder().encode(annotations)
        #expect(try JSONDecoder().decode(ArticleAnnotations.self, from: data) == annotations)
    }
}
