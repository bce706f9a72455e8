import StorylineCore
import Testing

@testable import StorylineExtract

/// Who a quote is attributed to, on the constructions news writing uses around its sources (sentences
/// written for these tests): heads and modifiers of source phrases, attributions in the next sentence or
/// after an adjunct, cue words used as nouns, and unnamed sources.
struct QuoteAttributionTests {
    typealias Found = QuoteExtractorTests.Found

    static func found(_ text: String, people: [String] = []) -> [Found] {
        QuoteExtractorTests.found(text, entities: people.map { QuoteExtractorTests.person($0, in: text) })
    }

    // MARK: The head of a source phrase

    @Test func personNamedAfterAnotherPersonsRoleIsTheSource() {
        let text = "\"This is reckless,\" said Varga campaign manager Tom Eriksen in a statement."
        #expect(Self.found(text, people: ["Varga", "Tom Eriksen"]).map(\.speaker) == ["Tom Eriksen"])
        let apposition = "Varga's lawyer, Ana Petrov, said the charges were invented by his rivals."
        #expect(
            Self.found(apposition, people: ["Varga", "Ana Petrov"])
                == [Found(text: "the charges were invented by his rivals", kind: .indirect, speaker: "Ana Petrov")]
        )
    }

    @Test func aPersonsCampaignIsASourceOfItsOwn() {
        let text = "Mr. Varga's campaign said it would appeal the ruling before the election."
        let quotes = Self.found(text, people: ["Varga"])
        #expect(quotes.map(\.speaker) == ["Mr. Varga's campaign"])
    }

    @Test func modifiersBeforeARoleBelongToTheSourcePhrase() {
        let text = "\"We will fight this,\" former State policy planning director Anne Whitfield wrote on Monday."
        #expect(Self.found(text, people: ["Anne Whitfield"]).map(\.speaker) == ["Anne Whitfield"])
    }

    @Test func aLongAppositiveBetweenSourceAndCue() {
        let text = """
            "Wage growth is finally here," Douglas Holtz-Eakin, an economic adviser to Republicans and former \
            director of the Congressional Budget Office, wrote.
            """
        #expect(Self.found(text, people: ["Douglas Holtz-Eakin"]).map(\.speaker) == ["Douglas Holtz-Eakin"])
    }

    @Test func relativeClauseSource() {
        let text = "Graham, who says the allies should send ground forces, tweeted on Friday."
        #expect(
            Self.found(text, people: ["Graham"])
                == [Found(text: "the allies should send ground forces", kind: .indirect, speaker: "Graham")]
        )
    }

    @Test func aChainOfAppositivesKeepsTheNameBeforeIt() {
        let text = """
            Christopher Shelton, the president of the Communications Workers of America, which endorsed Mr. \
            Sanders in December, said that support for Trump was higher than usual.
            """
        let quotes = Self.found(text, people: ["Christopher Shelton", "Sanders"])
        #expect(quotes.map(\.speaker) == ["Christopher Shelton"])
    }

    @Test func anAgeAndADescriptionBetweenCommas() {
        let text = "Aung Thein Win, 60, a doctor, said she was elated but still feared the military."
        #expect(
            Self.found(text, people: ["Aung Thein Win"]) == [
                Found(text: "she was elated but still feared the military", kind: .indirect, speaker: "Aung Thein Win")
            ]
        )
    }

    @Test func numbersAndDemonstrativesInReportedSpeech() {
        let poll = "Around that time, 47 percent said they would vote for the former secretary of state."
        #expect(
            Self.found(poll) == [
                Found(
                    text: "they would vote for the former secretary of state",
                    kind: .indirect,
                    speaker: "47 percent"
                )
            ]
        )
        let that = "But legal experts said that is highly unlikely."
        #expect(Self.found(that).map(\.text) == ["that is highly unlikely"])
        let adverb = "Law enforcement experts said that once she filed her complaint, the police had no choice."
        #expect(Self.found(adverb).map(\.text) == ["once she filed her complaint, the police had no choice"])
    }

    @Test func anAdverbialBetweenCommasIsNoAppositive() {
        let text = "Kelly Ayotte's campaign, for example, said she would support the nominee."
        #expect(Self.found(text).map(\.speaker) == ["Kelly Ayotte's campaign"])
    }

    @Test func aRoleResolvesOnlyThroughTheRoleWordNearestAName() {
        let text = """
            Trump campaign spokeswoman Hope Hicks declined to comment. Later, the campaign said it believed the \
            reporter had been grabbed by another man.
            """
        let quotes = Self.found(text, people: ["Trump", "Hope Hicks"])
        #expect(quotes.last?.speaker == "the campaign")
    }

    @Test func theRoleOfAFormerHolderIsNotTheSittingOnes() {
        let text = """
            US President Donald Trump met Starmer. Trump said, "trust and verify," echoing former US President \
            Ronald Reagan's views. But the US president said the two countries could reach a deal "very shortly".
            """
        let trump = QuoteExtractorTests.person("Donald Trump", in: text)
        let second = QuoteExtractorTests.person("Trump", in: text, from: trump.range.end)
        let entities = [
            trump, QuoteExtractorTests.person("Starmer", in: text),
            EntityMention(range: second.range, type: .person, canonical: "Donald Trump"),
            QuoteExtractorTests.person("Ronald Reagan", in: text),
        ]
        let quotes = QuoteExtractorTests.found(text, entities: entities)
        #expect(quotes.last == Found(text: "very shortly", kind: .partial, speaker: "Donald Trump"))
        // A bare title is the fallback when no title repeats the phrase's own words.
        let bare = "President Donald Trump met Starmer. Later the US president said a deal was \"close\"."
        let bareQuotes = QuoteExtractorTests.found(
            bare,
            entities: [
                QuoteExtractorTests.person("Donald Trump", in: bare), QuoteExtractorTests.person("Starmer", in: bare),
            ]
        )
        #expect(bareQuotes.map(\.speaker) == ["Donald Trump"])
    }

    // MARK: Where the attribution is

    @Test func questionAttributedInTheNextSentence() {
        let text = """
            "Does he not understand what he signed?" Lindqvist said. "It was his own treaty."

            "We are refugees," Ms. Alawee said. "We are not terrorists." Mr. Zahed said: "The attack was \
            the work of terrorists."
            """
        let speakers = Self.found(text, people: ["Lindqvist", "Alawee", "Zahed"]).map(\.speaker)
        #expect(speakers == ["Lindqvist", "Lindqvist", "Alawee", "Alawee", "Zahed"])
    }

    @Test func adjunctBetweenQuotationAndAttribution() {
        let text = "\"We are a backstop,\" as a result of the economic partnership, Trump said."
        #expect(Self.found(text, people: ["Trump"]).map(\.speaker) == ["Trump"])
    }

    @Test func accordingToANationalityAndANoun() {
        let text = "North Korea appears to have sent fresh troops, according to South Korean intelligence."
        #expect(Self.found(text).map(\.speaker) == ["South Korean intelligence"])
        let released = "The toll rose to 40, according to NATO figures released on Monday."
        #expect(Self.found(released).map(\.speaker) == ["NATO figures"])
    }

    @Test func accordingToAfterADirectQuote() {
        let text = "\"The documents show a pattern of neglect,\" according to Judicial Watch."
        #expect(Self.found(text).map(\.speaker) == ["Judicial Watch"])
    }

    @Test func trailingAttributionWithAnAdjunct() {
        let text = """
            Turkey is open to providing troops for a peacekeeping force, Bloomberg News has reported with \
            reference to unnamed sources.
            """
        #expect(
            Self.found(text) == [
                Found(
                    text: "Turkey is open to providing troops for a peacekeeping force",
                    kind: .indirect,
                    speaker: "Bloomberg News"
                )
            ]
        )
    }

    @Test func openingAdjunctIsNotTheSource() {
        let text = "Minutes later, the Varga campaign issued a statement saying that the remark was a joke."
        #expect(Self.found(text).map(\.speaker) == ["the Varga campaign"])
    }

    @Test func headlineStatementOnItsOwnLine() {
        let text = "Kremlin: One civilian killed in Belgorod\nThe regional governor said a drone hit a car."
        let quotes = Self.found(text)
        #expect(quotes.first == Found(text: "One civilian killed in Belgorod", kind: .indirect, speaker: "Kremlin"))
    }

    @Test func coordinatedReportedClausesAreOneQuote() {
        let text = "Rubio said that he had not thought about it and that he would practise law in Miami."
        #expect(
            Self.found(text, people: ["Rubio"]) == [
                Found(
                    text: "he had not thought about it and that he would practise law in Miami",
                    kind: .indirect,
                    speaker: "Rubio"
                )
            ]
        )
    }

    @Test func aPronounTakesThePersonNamedEarlierInItsSentence() {
        let text = """
            "We'll see," Trump said. At the start of the visit, Vice President JD Vance said the leaders were             discussing what he described as "infringements on free speech" in Britain.
            """
        let quotes = Self.found(text, people: ["Trump", "JD Vance"])
        #expect(quotes.contains(Found(text: "infringements on free speech", kind: .partial, speaker: "JD Vance")))
    }

    @Test func anOrganisationSpeaksThroughItsSpokesmanAndItsReports() {
        let text = "The meeting was cancelled, with a European Union spokesman citing \"scheduling issues.\""
        let eu = EntityMention(
            range: QuoteExtractorTests.person("European Union", in: text).range,
            type: .organization,
            canonical: "European Union"
        )
        #expect(QuoteExtractorTests.found(text, entities: [eu]).map(\.speaker) == ["European Union"])
    }

    // MARK: Words that look like cues or sources

    @Test func cueWordsUsedAsNounsAreNotCues() {
        let text = "Putin said the first talks provide some hope of resolving \"problems\" between the countries."
        #expect(Self.found(text, people: ["Putin"]).contains(Found(text: "problems", kind: .partial, speaker: "Putin")))
        let comment = """
            Trump praised Putin. On Thursday, Trump distanced himself from the dictator comment and said he \
            gets along with the Ukrainian leader.
            """
        let quotes = Self.found(comment, people: ["Trump"])
        #expect(quotes.map(\.text) == ["he gets along with the Ukrainian leader"])
        #expect(quotes.map(\.speaker) == ["Trump"])
    }

    @Test func aSpeechActWithAnObjectIsNoQuote() {
        for text in [
            "Martin reiterated Ireland's support for Ukraine during the talks.",
            "Obama announced a series of steps to tighten firearms sales.",
            "He wrote only one amendment to the bill.",
        ] {
            #expect(Self.found(text).isEmpty, "\(text)")
        }
        #expect(Self.found("Trump announced he would meet Putin in May.").map(\.text) == ["he would meet Putin in May"])
        #expect(
            Self.found("As Politico revealed, the party agreed to share its voter file.").map(\.text)
                == ["the party agreed to share its voter file"]
        )
        #expect(
            Self.found("Weddle explained why he disagrees with the plan.").map(\.text)
                == ["why he disagrees with the plan"]
        )
    }

    @Test func aClauseAfterTheCueIsNotAnInvertedSource() {
        let text = """
            Trump spoke for an hour. He went on to claim the war would not have started had he been president \
            and that a peace agreement would prevent a "war on European soil."
            """
        let quotes = Self.found(text, people: ["Trump"])
        #expect(quotes.contains(Found(text: "war on European soil.", kind: .partial, speaker: "Trump")))
        #expect(
            quotes.contains(
                Found(text: "the war would not have started had he been president", kind: .indirect, speaker: "Trump")
            )
        )
    }

    @Test func adverbsBetweenSourceAndCue() {
        let text = "Moscow vehemently denied that its troops had crossed the border."
        #expect(Self.found(text).map(\.speaker) == ["Moscow"])
    }

    @Test func anUnnamedPersonIsNoNamedSourceButAGroupIs() {
        let range = TextRange(start: 0, end: 1)
        #expect(QuoteMention(range: range, kind: .indirect, speaker: "the US official").namedSource == nil)
        #expect(QuoteMention(range: range, kind: .indirect, speaker: "a senior diplomat").namedSource == nil)
        #expect(
            QuoteMention(range: range, kind: .indirect, speaker: "Facebook officials").namedSource
                == "Facebook officials"
        )
        #expect(
            QuoteMention(range: range, kind: .indirect, speaker: "the Kremlin spokesman", speakerName: "Dmitry Peskov")
                .namedSource == "Dmitry Peskov"
        )
        #expect(QuoteMention(range: range, kind: .indirect, speaker: "Starmer").namedSource == "Starmer")
    }
}
