import StorylineCore
import Testing

@testable import StorylineText

struct TokenizerTests {
    /// The tokens of `text` as (text, kind) pairs.
    private func tokens(_ text: String) -> [(String, Token.Kind)] {
        Tokenizer().tokenize(text).map { ($0.text(in: text), $0.kind) }
    }

    private func texts(_ text: String) -> [String] { tokens(text).map(\.0) }

    private func kind(of piece: String, in text: String) -> Token.Kind? {
        tokens(text).first { $0.0 == piece }?.1
    }

    @Test func rangesAreUTF8ByteOffsetsIntoTheOriginalText() {
        let text = "“Kyiv’s” plan"
        let result = Tokenizer().tokenize(text)
        #expect(result.map { $0.text(in: text) } == ["“", "Kyiv", "’s", "”", "plan"])
        #expect(result[0].range == TextRange(start: 0, end: 3))
        #expect(result[1].range == TextRange(start: 3, end: 7))
        #expect(result[4].range == TextRange(start: text.utf8.count - 4, end: text.utf8.count))
        #expect(result.map(\.range) == Tokenizer().tokenize(utf8: Array(text.utf8)).map(\.range))
    }

    @Test func dottedAbbreviationsAndTitlesKeepTheirFullStop() {
        #expect(
            texts("U.S. President Donald Trump met U.K. and U.N. officials.")
                == ["U.S.", "President", "Donald", "Trump", "met", "U.K.", "and", "U.N.", "officials", "."]
        )
        #expect(
            texts("Gen. Mark Milley, Mr. Starmer, Dr. Smith, St. Petersburg, Sen. Lee, Rep. Ross, Gov. Hochul")
                .filter { $0.hasSuffix(".") } == ["Gen.", "Mr.", "Dr.", "St.", "Sen.", "Rep.", "Gov."]
        )
        #expect(texts("Lt. Col. Jones") == ["Lt.", "Col.", "Jones"])
        #expect(kind(of: "U.S.", in: "the U.S. backstop") == .abbreviation)
        #expect(kind(of: "Gen.", in: "Gen. Syrskyi") == .abbreviation)
    }

    @Test func monthsWithAndWithoutTheDot() {
        #expect(texts("on Feb. 27 and Sept. 3") == ["on", "Feb.", "27", "and", "Sept.", "3"])
        #expect(kind(of: "Feb", in: "Thursday (Feb 27)") == .abbreviation)
        #expect(kind(of: "Jan", in: "took office on Jan 20") == .abbreviation)
        #expect(kind(of: "Dec.", in: "on Dec. 1") == .abbreviation)
        // A sentence-final full stop after an ordinary word is its own token.
        #expect(texts("in February.") == ["in", "February", "."])
        // May is a word, never an abbreviation.
        #expect(kind(of: "May", in: "May 5") == .word)
    }

    @Test func latinAbbreviationsAndMeridiems() {
        #expect(
            texts("e.g. tanks, i.e. armour, etc. at 9 a.m. or 5 p.m.") == [
                "e.g.", "tanks", ",", "i.e.", "armour", ",", "etc.", "at", "9", "a.m.", "or", "5", "p.m.",
            ]
        )
    }

    @Test func lowercaseWordBeforeAFullStopIsNotATitle() {
        // "gen" and "no" are abbreviations only when capitalized / before a number.
        #expect(texts("the next gen. No. 10 said no.") == ["the", "next", "gen", ".", "No.", "10", "said", "no", "."])
    }

    @Test func initials() {
        let text = "J. D. Vance and J.D. Salinger"
        #expect(texts(text) == ["J.", "D.", "Vance", "and", "J.D.", "Salinger"])
        #expect(tokens(text).filter { $0.1 == .initial }.map(\.0) == ["J.", "D.", "J.D."])
    }

    @Test func moneyPercentagesAndNumbers() {
        let text = "an additional £1.6bn ($2bn) of UK export finance, 3.5% growth, 1,000 troops, 10,000 more, €500m"
        let result = tokens(text)
        #expect(result.filter { $0.1 == .money }.map(\.0) == ["£1.6bn", "$2bn", "€500m"])
        #expect(result.filter { $0.1 == .percent }.map(\.0) == ["3.5%"])
        #expect(result.filter { $0.1 == .number }.map(\.0) == ["1,000", "10,000"])
        #expect(texts("($2bn)") == ["(", "$2bn", ")"])
    }

    @Test func ordinalsDecadesAndFractions() {
        #expect(kind(of: "27th", in: "the 27th") == .number)
        #expect(kind(of: "1990s", in: "in the 1990s") == .number)
        #expect(kind(of: "'90s", in: "in the '90s") == .number)
        #expect(kind(of: "2/27/2025", in: "on 2/27/2025") == .number)
        #expect(kind(of: "2025-02-27", in: "date 2025-02-27") == .number)
        // A sentence-final full stop after a number is punctuation, not a decimal point.
        #expect(texts("in 2014. Then") == ["in", "2014", ".", "Then"])
    }

    @Test func hyphenatedCompoundsAreOneToken() {
        let text = "the Russia-Ukraine war, a full-scale invasion, a one-on-one meeting"
        let result = Tokenizer().tokenize(text)
        let compounds = result.filter { $0.flags.contains(.hyphenated) }.map { $0.text(in: text) }
        #expect(compounds == ["Russia-Ukraine", "full-scale", "one-on-one"])
        // Dashes are not hyphens.
        #expect(texts("Starmer – after the summit — said") == ["Starmer", "–", "after", "the", "summit", "—", "said"])
    }

    @Test func ageWithAFractionStaysTokenizable() {
        let text = "the 3 1/2-year-old war"
        #expect(texts(text) == ["the", "3", "1/2-year-old", "war"])
        #expect(Tokenizer().tokenize(text)[2].flags.isSuperset(of: [.hasDigit, .hyphenated]))
    }

    @Test func possessivesSplitOff() {
        #expect(texts("Kyiv's allies") == ["Kyiv", "'s", "allies"])
        #expect(texts("Ukraine’s security") == ["Ukraine", "’s", "security"])
        #expect(texts("the allies' support") == ["the", "allies", "'", "support"])
        #expect(kind(of: "'s", in: "Kyiv's allies") == .possessive)
        // A closing single quotation mark after a word ending in s is not a possessive.
        #expect(texts("'fair talks'.") == ["'", "fair", "talks", "'", "."])
        // Names with an apostrophe stay whole.
        #expect(texts("O'Brien's") == ["O'Brien", "'s"])
    }

    @Test func contractionsFollowThePennTreebank() {
        #expect(texts("can't won't don't isn't") == ["ca", "n't", "wo", "n't", "do", "n't", "is", "n't"])
        #expect(
            texts("We've it's they’re I'll he'd I'm") == [
                "We", "'ve", "it", "'s", "they", "’re", "I", "'ll", "he", "'d", "I", "'m",
            ]
        )
        #expect(kind(of: "'s", in: "it's") == .contraction)
        #expect(kind(of: "n't", in: "can't") == .contraction)
    }

    @Test func clockTimes() {
        let text = "start at 11:30am local time, 15:21 GMT, 3.21pm, 9am and 10:05:30"
        #expect(tokens(text).filter { $0.1 == .time }.map(\.0) == ["11:30am", "15:21", "3.21pm", "9am", "10:05:30"])
        // A ratio-like score with a three-digit part is not a time.
        #expect(kind(of: "3.5", in: "3.5 million") == .number)
    }

    @Test func urlsHandlesHashtagsAndEmailsAreOneToken() {
        let text =
            "See https://www.dw.com/en/live-ukraine/a-71770170?x=1. Follow @ZelenskyyUa #StandWithUkraine or mail news@example.org."
        let result = tokens(text)
        #expect(result.first { $0.1 == .url }?.0 == "https://www.dw.com/en/live-ukraine/a-71770170?x=1")
        #expect(result.first { $0.1 == .handle }?.0 == "@ZelenskyyUa")
        #expect(result.first { $0.1 == .hashtag }?.0 == "#StandWithUkraine")
        #expect(result.first { $0.1 == .email }?.0 == "news@example.org")
        #expect(result.last?.0 == ".")
    }

    @Test func punctuationRunsAndQuotationMarks() {
        #expect(texts("wait... \"what?!\" …") == ["wait", "...", "\"", "what", "?", "!", "\"", "…"])
    }

    @Test func orthographicFlags() {
        let text = "NATO Kyiv iPhone G7 Zelenskyy Ukraïna ÉCOLE"
        let flags = Dictionary(uniqueKeysWithValues: Tokenizer().tokenize(text).map { ($0.text(in: text), $0.flags) })
        #expect(flags["NATO"] == [.capitalized, .allCaps])
        #expect(flags["Kyiv"] == [.capitalized])
        #expect(flags["iPhone"] == [])
        #expect(flags["G7"] == [.capitalized, .allCaps, .hasDigit])
        #expect(flags["ÉCOLE"] == [.capitalized, .allCaps])
        #expect(flags["Ukraïna"] == [.capitalized])
    }

    @Test func nonASCIITextAndSpacesDoNotBreakWords() {
        let text = "Volodymyr\u{A0}Zelenskyy in Київ met 北京 officials 🇺🇦"
        #expect(texts(text) == ["Volodymyr", "Zelenskyy", "in", "Київ", "met", "北京", "officials", "🇺", "🇦"])
    }

    @Test func everyTokenOfTheCorpusIsNonEmptyOrderedAndInBounds() throws {
        for text in try Corpus.all() {
            let result = Tokenizer().tokenize(text)
            #expect(!result.isEmpty)
            var previousEnd = 0
            for token in result {
                #expect(token.range.start >= previousEnd && !token.range.isEmpty && token.range.end <= text.utf8.count)
                previousEnd = token.range.end
            }
        }
    }

    @Test func corpusMoneyDatesAndNames() throws {
        let text004 = try Corpus.text("004_")
        let money = tokens(text004).filter { $0.1 == .money }.map(\.0)
        #expect(money == ["£1.6bn", "$2bn", "£2.2bn"])
        #expect(tokens(text004).contains { $0 == ("5,000", .number) })

        let text001 = try Corpus.text("001_")
        #expect(texts(text001).filter { $0 == "U.S." }.count == 4)
        #expect(texts(text001).contains("50%"))

        let text002 = try Corpus.text("002_")
        #expect(texts(text002).contains("Trump's") == false)
        #expect(kind(of: "Feb", in: text002) == .abbreviation)
        #expect(texts(text002).contains("US-Russia"))

        let text003 = try Corpus.text("003_")
        #expect(kind(of: "11:30am", in: text003) == .time)
        #expect(kind(of: "15:21", in: text003) == .time)
        #expect(texts(text003).contains("1/2-year-old"))
    }

    /// Arbitrary bytes — truncated and invalid UTF-8 included — never crash the tokenizer or the splitter,
    /// and tokens stay ordered, non-empty and in bounds.
    @Test func arbitraryBytesAreHandled() {
        let pieces: [[UInt8]] = [
            Array("U.S. ".utf8), Array("£1.6bn".utf8), Array("’".utf8), [0xE2, 0x80], [0xFF], [0xC3], Array("'".utf8),
            Array("...".utf8), Array("\n\n".utf8), Array("15:21".utf8), Array("-".utf8), Array("J.".utf8),
            Array("@".utf8), Array("#".utf8), Array("http://".utf8), Array("“".utf8), [0xF0, 0x9F, 0x87],
            Array("s".utf8),
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var bytes = [UInt8]()
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(seed >> 33) % pieces.count]
            }
            bytes.withUnsafeBufferPointer { buffer in
                let result = Tokenizer().tokenize(utf8: buffer)
                var previousEnd = 0
                for token in result {
                    #expect(token.range.start >= previousEnd && !token.range.isEmpty && token.range.end <= buffer.count)
                    previousEnd = token.range.end
                }
                let sentences = SentenceSplitter().sentenceTokenRanges(utf8: buffer, tokens: result)
                #expect(sentences.allSatisfy { !$0.isEmpty && $0.upperBound <= result.count })
            }
        }
    }
}
