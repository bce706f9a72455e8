import StorylineCore
import Testing

@testable import StorylineExtract

/// Quote extraction on real-shaped news sentences (written for these tests).
struct QuoteExtractorTests {
    /// A quote reduced to what the tests compare.
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var kind: QuoteMention.Kind
        var speaker: String?
        var description: String { "\(kind) \"\(text)\" — \(speaker ?? "nil")" }
    }

    static func extract(_ text: String, entities: [EntityMention] = []) -> [QuoteMention] {
        QuoteExtractor().quotes(in: text, entities: entities)
    }

    static func found(_ text: String, entities: [EntityMention] = []) -> [Found] {
        let utf8 = Array(text.utf8)
        return extract(text, entities: entities).map {
            Found(
                text: String(decoding: utf8[$0.range.start..<$0.range.end], as: UTF8.self),
                kind: $0.kind,
                speaker: $0.attributedName
            )
        }
    }

    /// A person mention of `name` at its first occurrence at or after byte `from`.
    static func person(_ name: String, in text: String, from: Int = 0) -> EntityMention {
        let bytes = Array(text.utf8)
        let needle = Array(name.utf8)
        let start = (from...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
        return EntityMention(range: TextRange(start: start, end: start + needle.count), type: .person, canonical: name)
    }

    @Test func splitQuoteGivesTwoQuotesWithOneSpeaker() {
        let text = "\"We cannot rush this,\" Olsen said. \"A bad deal would only reward the aggressor.\""
        #expect(
            Self.found(text) == [
                Found(text: "We cannot rush this,", kind: .direct, speaker: "Olsen"),
                Found(text: "A bad deal would only reward the aggressor.", kind: .direct, speaker: "Olsen"),
            ]
        )
    }

    @Test func continuationParagraphKeepsTheSpeaker() {
        let text = """
            "The talks went well," said Maria Lindqvist, the foreign minister.

            "We expect a second round before the summer, and we expect it to be harder."
            """
        let quotes = Self.found(text)
        #expect(quotes.count == 2)
        #expect(quotes.allSatisfy { $0.kind == .direct && $0.speaker == "Maria Lindqvist" })
    }

    @Test func multiParagraphQuoteIsOneQuote() {
        let text = """
            Holm wrote to his party:

            "First, we hold the line in the east.

            "Second, we rebuild what was destroyed."
            """
        let quotes = Self.found(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.text.hasPrefix("First, we hold") == true)
        #expect(quotes.first?.text.hasSuffix("what was destroyed.") == true)
        #expect(quotes.first?.speaker == "Holm")
    }

    @Test func pronounSpeakerResolvesToThePersonBefore() {
        let text = """
            Prime Minister Anders Holm met the delegation in Oslo on Tuesday.

            "Nobody wants a frozen conflict," he said.
            """
        let entities = [Self.person("Anders Holm", in: text)]
        let quotes = Self.extract(text, entities: entities)
        #expect(quotes.count == 1)
        #expect(quotes.first?.speaker == "he")
        #expect(quotes.first?.speakerName == "Anders Holm")
        #expect(quotes.first?.kind == .direct)
    }

    @Test func roleSpeakerWithAddressee() {
        let text = "\"The sanctions will stay,\" the Kremlin spokesman told reporters."
        let quotes = Self.extract(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.speaker == "the Kremlin spokesman")
        #expect(quotes.first?.cue == "told")
        #expect(quotes.first?.addressee == "reporters")
    }

    @Test func roleSpeakerResolvesToThePersonIntroducedWithTheRole() {
        let text = """
            Kremlin spokesman Pavel Orlov spoke on Monday.

            "The sanctions will stay," the Kremlin spokesman said.
            """
        let quotes = Self.extract(text, entities: [Self.person("Pavel Orlov", in: text)])
        #expect(quotes.first?.speakerName == "Pavel Orlov")
    }

    @Test func organisationSpeakerWithChannel() {
        let text = "The Defence Ministry said in a statement that its air defences had shot down 12 drones overnight."
        let quotes = Self.extract(text)
        #expect(quotes.count == 1)
        #expect(quotes.first?.kind == .indirect)
        #expect(quotes.first?.speaker == "The Defence Ministry")
        #expect(quotes.first?.channel == "in a statement")
        #expect(Self.found(text).first?.text == "its air defences had shot down 12 drones overnight")
    }

    @Test func headlineQuotes() {
        let colon = "Holm: peace deal will come 'sooner than many expect'\n\nThe talks resume in Geneva."
        #expect(Self.found(colon) == [Found(text: "sooner than many expect", kind: .partial, speaker: "Holm")])
        let says = "Lindqvist says talks offer 'real hope'\n\nThe talks resume in Geneva."
        #expect(Self.found(says) == [Found(text: "real hope", kind: .partial, speaker: "Lindqvist")])
    }

    @Test func partialQuoteInsideParaphrase() {
        let text = "Holm said the agreement would be \"firm but fair\" for both sides."
        #expect(Self.found(text) == [Found(text: "firm but fair", kind: .partial, speaker: "Holm")])
    }

    @Test func aDatelineIsNeverTheSpeaker() {
        let text =
            "WASHINGTON (AP) — President Mara Lindqvist met the visiting premier on Thursday and said that "
            + "the talks had gone well."
        let quotes = Self.found(text, entities: [Self.person("Mara Lindqvist", in: text)])
        #expect(!quotes.isEmpty, "\(quotes)")
        #expect(quotes.allSatisfy { $0.speaker != "WASHINGTON" && $0.speaker != "Washington" }, "\(quotes)")
        #expect(quotes.first?.speaker?.hasSuffix("Lindqvist") == true, "\(quotes)")
    }

    @Test func indirectWithToldReportersThat() {
        let text = "Lindqvist told reporters on Wednesday that the ceasefire was holding in the east."
        let quotes = Self.extract(text)
        #expect(quotes.first?.addressee == "reporters")
        #expect(
            Self.found(text) == [
                Found(text: "the ceasefire was holding in the east", kind: .indirect, speaker: "Lindqvist")
            ]
        )
    }

    @Test func accordingTo() {
        let leading = "According to the state news agency, the two leaders will meet in Geneva next month."
        #expect(
            Self.found(leading) == [
                Found(
                    text: "the two leaders will meet in Geneva next month",
                    kind: .indirect,
                    speaker: "the state news agency"
                )
            ]
        )
        let trailing = "The convoy reached the city on Sunday, according to local officials."
        #expect(
            Self.found(trailing) == [
                Found(text: "The convoy reached the city on Sunday", kind: .indirect, speaker: "local officials")
            ]
        )
    }

    @Test func trailingAttributionOfAnIndirectQuote() {
        let text = "Talks on a prisoner exchange were moving quickly, Holm said."
        #expect(
            Self.found(text) == [
                Found(text: "Talks on a prisoner exchange were moving quickly", kind: .indirect, speaker: "Holm")
            ]
        )
    }

    @Test func saidXAddingKeepsTheSpeaker() {
        let text = "\"We are ready,\" said Maria Lindqvist, adding: \"The next step is up to Moscow.\""
        let quotes = Self.found(text)
        #expect(quotes.count == 2)
        #expect(quotes.allSatisfy { $0.kind == .direct && $0.speaker == "Maria Lindqvist" })
    }

    @Test func scareQuotesAndTitlesAreNotQuotes() {
        let text = """
            Leaders of the so-called 'coalition of the willing' met in Paris on Monday.

            The film "Winter on Fire" was shown at the embassy.
            """
        #expect(Self.found(text).isEmpty)
    }

    @Test func unbalancedMarkDoesNotLoseTheRestOfTheDocument() {
        let text = """
            Critics called the plan "a betrayal of everything we fought for.

            Later, Holm met the press. "We will not sign this," Holm said.
            """
        let quotes = Self.found(text)
        #expect(quotes.contains(Found(text: "We will not sign this,", kind: .direct, speaker: "Holm")))
    }

    @Test func channelOnAPlatform() {
        let text = "Trump wrote on his Truth Social platform that the deal was close."
        let quotes = Self.extract(text)
        #expect(quotes.first?.channel == "on his Truth Social platform")
        #expect(Self.found(text).first == Found(text: "the deal was close", kind: .indirect, speaker: "Trump"))
    }

    @Test func appositiveSourceKeepsItsDescriptionAndResolvesToTheName() {
        let inverted = Self.extract("\"We will not wait for Moscow,\" said Elin Berg, the defence minister.")
        #expect(inverted.first?.speaker == "Elin Berg, the defence minister")
        #expect(inverted.first?.speakerName == "Elin Berg")
        let before = Self.extract("Tomas Vik, 52, told the local radio station that the bridge had been closed.")
        #expect(before.first?.speakerName == "Tomas Vik")
        #expect(before.first?.kind == .indirect)
    }

    @Test func coordinatedCueTakesTheSentenceSubject() {
        let text = "Berg shook her head and said, \"Not this year, and not on these terms.\""
        #expect(
            Self.found(text) == [Found(text: "Not this year, and not on these terms.", kind: .direct, speaker: "Berg")]
        )
    }
}
