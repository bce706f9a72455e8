import Foundation
import StorylineCore
import Testing

@testable import StorylineResolve

/// Cross-outlet statement merging on real-shaped news paragraphs written for these tests.
@Suite struct StatementMergerTests {
    /// One article: its text and source.
    struct Page {
        var text: String
        var source: ReportSource

        init(_ id: String, _ outlet: String?, _ date: String, _ text: String) {
            self.text = text
            self.source = ReportSource(articleID: id, outlet: outlet, published: PublicationDate(iso8601: date))
        }

        /// The quote whose words are `words` (their first occurrence in the text).
        func quote(_ words: String, _ kind: QuoteMention.Kind = .direct, cue: String? = "said") -> QuoteMention {
            let bytes = Array(text.utf8)
            let needle = Array(words.utf8)
            var start = -1
            if needle.count <= bytes.count {
                for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    start = i
                    break
                }
            }
            precondition(start >= 0, "fixture error: «\(words)» is not in the text")
            return QuoteMention(range: TextRange(start: start, end: start + needle.count), kind: kind, cue: cue)
        }
    }

    @discardableResult
    static func add(
        _ merger: inout StatementMerger,
        _ article: Page,
        _ words: String,
        speaker: String?,
        _ kind: QuoteMention.Kind = .direct
    ) -> StatementID {
        merger.add(quote: article.quote(words, kind), text: article.text, speaker: speaker, source: article.source)
    }

    static let starmerWords =
        "We have to get this right, because a peace that does not last would only reward the aggressor."

    @Test func verbatimAcrossThreeOutletsIsOneStatement() throws {
        let bbc = Page(
            "bbc-1",
            "BBC",
            "2025-02-27T18:05:00Z",
            "Speaking at the White House, Sir Keir said: \"\(Self.starmerWords)\" He did not say how long the talks would take."
        )
        let reuters = Page(
            "reuters-7",
            "Reuters",
            "2025-02-27T16:40:00Z",
            "WASHINGTON (Reuters) - British Prime Minister Keir Starmer told reporters: \"\(Self.starmerWords)\""
        )
        let guardian = Page(
            "guardian-3",
            "The Guardian",
            "2025-02-28",
            "\"\(Self.starmerWords)\" Starmer said on Thursday, before flying back to London."
        )
        var merger = StatementMerger()
        let a = Self.add(&merger, bbc, Self.starmerWords, speaker: "Keir Starmer")
        let b = Self.add(&merger, guardian, Self.starmerWords, speaker: "Starmer")
        let c = Self.add(&merger, reuters, Self.starmerWords, speaker: "Keir Starmer")
        #expect(a == b && b == c)
        #expect(merger.count == 1)
        let statement = try #require(merger.statement(a))
        #expect(statement.reports.count == 3)
        #expect(statement.outletCount == 3)
        #expect(statement.firstReport.source.articleID == "reuters-7")
        #expect(statement.reports.map(\.source.articleID) == ["reuters-7", "bbc-1", "guardian-3"])
        #expect(statement.speaker == "Keir Starmer")
        #expect(statement.outlets == ["Reuters", "BBC", "The Guardian"])
        // The range points at the words in each article.
        for report in statement.reports {
            #expect(report.wording == Self.starmerWords)
        }
    }

    @Test func punctuationQuoteMarksAndHouseSpellingMerge() throws {
        let british = Page(
            "sky-1",
            "Sky News",
            "2025-03-02",
            "Mr Starmer said: \u{201C}We\u{2019}re prepared to put boots on the ground \u{2013} to defend the "
                + "ceasefire, to honour our commitments, and to organise the defence of Ukraine\u{2019}s skies.\u{201D}"
        )
        let american = Page(
            "ap-9",
            "AP",
            "2025-03-02",
            "\"We're prepared to put boots on the ground -- to defend the cease-fire, to honor our commitments and "
                + "to organize the defense of Ukraine's skies,\" Starmer said."
        )
        var merger = StatementMerger()
        let a = Self.add(
            &merger,
            british,
            "We\u{2019}re prepared to put boots on the ground \u{2013} to defend the ceasefire, to honour our "
                + "commitments, and to organise the defence of Ukraine\u{2019}s skies.",
            speaker: "Keir Starmer"
        )
        let b = Self.add(
            &merger,
            american,
            "We're prepared to put boots on the ground -- to defend the cease-fire, to honor our commitments and to "
                + "organize the defense of Ukraine's skies,",
            speaker: "Starmer"
        )
        #expect(a == b)
        let statement = try #require(merger.statement(a))
        #expect(statement.outletCount == 2)
        #expect(statement.reports.map(\.source.outlet) == ["AP", "Sky News"])
    }

    @Test func normalizerFoldsHouseStyle() {
        let british = StatementNormalizer.words(
            of:
                "\u{2018}The U.S. programme will be finalised \u{2014} 3.5% of defence spending, 1,000 travellers\u{2019}"
        )
        let american = StatementNormalizer.words(
            of: "\"The US program will be finalized - 3.5 per cent of defense spending, 1000 travelers\""
        )
        #expect(british == american, "\(british) vs \(american)")
        #expect(StatementNormalizer.words(of: "S\u{E9}bastien Lecornu\u{2019}s") == ["sebastien", "lecornu", "s"])
        #expect(StatementNormalizer.segments(of: "We will not ... give up [our land] ever").count == 3)
    }

    @Test func trimmedFragmentMergesWithTheFullQuote() throws {
        let full = Page(
            "ft-2",
            "Financial Times",
            "2025-02-27",
            "Starmer told the press conference: \"\(Self.starmerWords)\""
        )
        let partial = Page(
            "tel-5",
            "The Telegraph",
            "2025-02-28",
            "The prime minister warned that \"a peace that does not last would only reward the aggressor\"."
        )
        let elided = Page(
            "ind-8",
            "The Independent",
            "2025-02-28",
            "\"We have to get this right ... a peace that does not last would only reward the aggressor,\" he said."
        )
        var merger = StatementMerger()
        let a = Self.add(
            &merger,
            partial,
            "a peace that does not last would only reward the aggressor",
            speaker: "Keir Starmer",
            .partial
        )
        let b = Self.add(&merger, full, Self.starmerWords, speaker: "Keir Starmer")
        let c = Self.add(
            &merger,
            elided,
            "We have to get this right ... a peace that does not last would only reward the aggressor,",
            speaker: "Keir Starmer"
        )
        #expect(a == b && b == c)
        let statement = try #require(merger.statement(a))
        #expect(statement.reports.count == 3)
        #expect(statement.canonicalWording == Self.starmerWords)
        #expect(statement.firstReport.source.articleID == "ft-2")
        #expect(statement.reports.first { $0.source.articleID == "tel-5" }?.kind == .partial)
    }

    @Test func shortFragmentsDoNotMergeByContainment() {
        let full = Page("ft-2", "Financial Times", "2025-02-27", "Starmer said: \"\(Self.starmerWords)\"")
        let partial = Page("tel-5", "The Telegraph", "2025-02-27", "He called the plan \"the aggressor\" again.")
        var merger = StatementMerger()
        let a = Self.add(&merger, full, Self.starmerWords, speaker: "Keir Starmer")
        let b = Self.add(&merger, partial, "the aggressor", speaker: "Keir Starmer", .partial)
        #expect(a != b)
    }

    @Test func differentQuotesBySameSpeakerStayApart() {
        let article = Page(
            "cnn-4",
            "CNN",
            "2025-02-28",
            "Trump said: \"We're going to have a very good meeting with Zelensky on Friday.\" Later he added: "
                + "\"I don't think Putin will violate the agreement once it is signed.\""
        )
        var merger = StatementMerger()
        let a = Self.add(
            &merger,
            article,
            "We're going to have a very good meeting with Zelensky on Friday.",
            speaker: "Donald Trump"
        )
        let b = Self.add(
            &merger,
            article,
            "I don't think Putin will violate the agreement once it is signed.",
            speaker: "Donald Trump"
        )
        #expect(a != b)
        #expect(merger.count == 2)
    }

    @Test func sameWordsByDifferentSpeakersStayApart() {
        let words = "There can be no negotiations about Ukraine without Ukraine at the table."
        let one = Page("dw-1", "DW", "2025-02-18", "Zelensky said: \"\(words)\"")
        let two = Page("pol-2", "Politico", "2025-02-19", "Kaja Kallas said: \"\(words)\"")
        let three = Page("afp-3", "AFP", "2025-02-19", "\"\(words)\" the Kremlin said.")
        var merger = StatementMerger()
        let a = Self.add(&merger, one, words, speaker: "Volodymyr Zelensky")
        let b = Self.add(&merger, two, words, speaker: "Kaja Kallas")
        let c = Self.add(&merger, three, words, speaker: "the Kremlin")
        #expect(Set([a, b, c]).count == 3)
        // An unknown speaker may join one of them: the best match, then the lowest ID.
        let unknown = Page("x-4", "Example Wire", "2025-02-19", "\"\(words)\" an official said.")
        let d = Self.add(&merger, unknown, words, speaker: nil)
        #expect(d == a)
        #expect(merger.statement(a)?.speaker == "Volodymyr Zelensky")
    }

    @Test func transliterationsAndSurnamesAreTheSameSpeaker() {
        let words = "We are ready to sign the minerals agreement as soon as possible."
        let one = Page("kyiv-1", "Kyiv Independent", "2025-02-26", "Zelenskyy said: \"\(words)\"")
        let two = Page("bbc-2", "BBC", "2025-02-26", "Mr Zelensky said: \"\(words)\"")
        var merger = StatementMerger()
        let a = Self.add(&merger, one, words, speaker: "Volodymyr Zelenskyy")
        let b = Self.add(&merger, two, words, speaker: "Zelensky")
        #expect(a == b)
        #expect(merger.statement(a)?.speaker == "Volodymyr Zelenskyy")
    }

    @Test func sameWordsBeyondTheWindowStayApart() {
        let words = "Russia is ready for a ceasefire, but only on terms that remove the root causes of the conflict."
        let february = Page("tass-1", "TASS", "2025-02-20", "Peskov said: \"\(words)\"")
        let withinWindow = Page("ria-1", "RIA", "2025-03-05", "Peskov said: \"\(words)\"")
        let march = Page("tass-2", "TASS", "2025-03-20", "Peskov repeated: \"\(words)\"")
        var merger = StatementMerger()
        let a = Self.add(&merger, february, words, speaker: "Dmitry Peskov")
        let b = Self.add(&merger, withinWindow, words, speaker: "Dmitry Peskov")
        let c = Self.add(&merger, march, words, speaker: "Dmitry Peskov")
        #expect(a == b)
        #expect(c != a, "28 days after the first report is beyond the 14-day window")
        #expect(merger.statement(c)?.reports.count == 1)
    }

    @Test func syndicatedCopyCountsOnce() throws {
        let words = "The Kremlin has not yet received any formal proposal from Washington."
        let original = Page("ap-100", "AP", "2025-03-03", "\"\(words)\" Peskov told reporters.")
        let copy = Page("ap-100-yahoo", "ap", "2025-03-03", "MOSCOW (AP) - \"\(words)\" Peskov told reporters.")
        let other = Page("bbc-5", "www.BBC", "2025-03-03", "Dmitry Peskov said: \"\(words)\"")
        let same = Page("bbc-6", "BBC", "2025-03-04", "Mr Peskov said \"\(words)\"")
        var merger = StatementMerger()
        let id = Self.add(&merger, original, words, speaker: "Dmitry Peskov")
        Self.add(&merger, copy, words, speaker: "Peskov")
        Self.add(&merger, other, words, speaker: "Dmitry Peskov")
        Self.add(&merger, same, words, speaker: "Peskov")
        let statement = try #require(merger.statement(id))
        #expect(statement.reports.count == 4)
        #expect(statement.outletCount == 2)
        #expect(statement.outlets == ["AP", "www.BBC"])
    }

    @Test func indirectQuotesMergeOnlyOnHighSimilarity() {
        let direct = Page(
            "a-1",
            "Reuters",
            "2025-03-01",
            "\"I believe Putin will keep his word on the ceasefire,\" Trump said."
        )
        let paraphrase = Page(
            "b-1",
            "AP",
            "2025-03-01",
            "Trump said he believed Putin would keep his word on the ceasefire."
        )
        let sameParaphrase = Page(
            "c-1",
            "CNN",
            "2025-03-01",
            "Trump said he believed Putin would keep his word on the ceasefire, according to the pool report."
        )
        var merger = StatementMerger()
        let a = Self.add(
            &merger,
            direct,
            "I believe Putin will keep his word on the ceasefire,",
            speaker: "Donald Trump"
        )
        let b = Self.add(
            &merger,
            paraphrase,
            "he believed Putin would keep his word on the ceasefire",
            speaker: "Donald Trump",
            .indirect
        )
        let c = Self.add(
            &merger,
            sameParaphrase,
            "he believed Putin would keep his word on the ceasefire",
            speaker: "Donald Trump",
            .indirect
        )
        #expect(a != b, "a paraphrase is not the direct quote's wording")
        #expect(b == c)
    }

    @Test func unknownSpeakerNeedsALongWording() {
        let known = Page("a-1", "Reuters", "2025-03-01", "Macron said the plan was \"a good start\" for Europe.")
        let unknown = Page("b-1", "AP", "2025-03-01", "Officials called it \"a good start\" on Sunday.")
        var merger = StatementMerger()
        let a = Self.add(&merger, known, "a good start", speaker: "Emmanuel Macron", .partial)
        let b = Self.add(&merger, unknown, "a good start", speaker: nil, .partial)
        #expect(a != b)
    }

    @Test func aFullQuoteJoinsTwoFragmentsReportedApart() throws {
        let full =
            "Europe must do the heavy lifting, and we will stand with Ukraine for as long as it takes to secure a lasting peace."
        let first = Page("a-1", "Le Monde", "2025-03-02", "Macron said \"Europe must do the heavy lifting\" now.")
        let second = Page(
            "b-1",
            "France 24",
            "2025-03-02",
            "He vowed to \"stand with Ukraine for as long as it takes to secure a lasting peace\"."
        )
        let whole = Page("c-1", "Euronews", "2025-03-03", "Macron said: \"\(full)\"")
        var merger = StatementMerger()
        let a = Self.add(&merger, first, "Europe must do the heavy lifting", speaker: "Emmanuel Macron", .partial)
        let b = Self.add(
            &merger,
            second,
            "stand with Ukraine for as long as it takes to secure a lasting peace",
            speaker: "Emmanuel Macron",
            .partial
        )
        #expect(a != b)
        let c = Self.add(&merger, whole, full, speaker: "Emmanuel Macron")
        #expect(c == a)
        #expect(merger.count == 1)
        #expect(merger.canonicalID(of: b) == a)
        let statement = try #require(merger.statement(b))
        #expect(statement.reports.count == 3)
        #expect(statement.outletCount == 3)
        #expect(statement.canonicalWording == full)
    }

    @Test func addingTheSameReportTwiceChangesNothing() throws {
        let article = Page("a-1", "Reuters", "2025-03-01", "Starmer said: \"\(Self.starmerWords)\"")
        var merger = StatementMerger()
        let a = Self.add(&merger, article, Self.starmerWords, speaker: "Keir Starmer")
        let b = Self.add(&merger, article, Self.starmerWords, speaker: "Keir Starmer")
        #expect(a == b)
        #expect(try #require(merger.statement(a)).reports.count == 1)
    }

    /// Quotes of several articles, in the order a feed might deliver them.
    static func feed() -> [(Page, String, String?, QuoteMention.Kind)] {
        let full =
            "Europe must do the heavy lifting, and we will stand with Ukraine for as long as it takes to secure a lasting peace."
        let peskov = "The Kremlin has not yet received any formal proposal from Washington."
        return [
            (
                Page("a", "BBC", "2025-02-27", "Starmer said: \"\(starmerWords)\""), starmerWords, "Keir Starmer",
                .direct
            ),
            (
                Page("b", "Le Monde", "2025-03-02", "Macron: \"Europe must do the heavy lifting\"."),
                "Europe must do the heavy lifting", "Emmanuel Macron", .partial
            ),
            (Page("c", "AP", "2025-03-03", "\"\(peskov)\" Peskov said."), peskov, "Dmitry Peskov", .direct),
            (
                Page(
                    "d",
                    "France 24",
                    "2025-03-02",
                    "\"stand with Ukraine for as long as it takes to secure a lasting peace\""
                ),
                "stand with Ukraine for as long as it takes to secure a lasting peace", "Emmanuel Macron", .partial
            ),
            (Page("e", "Reuters", "2025-02-27", "\"\(starmerWords)\""), starmerWords, nil, .direct),
            (Page("f", "Euronews", "2025-03-03", "\"\(full)\""), full, "Macron", .direct),
            (Page("g", "ap", "2025-03-03", "\"\(peskov)\" he said."), peskov, "Peskov", .direct),
        ]
    }

    static func encoded(_ merger: StatementMerger) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(merger)
    }

    @Test func snapshotAndRestoreIsDeterministic() throws {
        let feed = Self.feed()
        var straight = StatementMerger()
        var straightIDs: [StatementID] = []
        for (article, words, speaker, kind) in feed {
            straightIDs.append(Self.add(&straight, article, words, speaker: speaker, kind))
        }
        // The same feed with a snapshot and a restore after every quote.
        var restored = StatementMerger()
        var restoredIDs: [StatementID] = []
        for (article, words, speaker, kind) in feed {
            restoredIDs.append(Self.add(&restored, article, words, speaker: speaker, kind))
            restored = try JSONDecoder().decode(StatementMerger.self, from: try Self.encoded(restored))
        }
        #expect(straightIDs == restoredIDs)
        #expect(straight.statements == restored.statements)
        #expect(try Self.encoded(straight) == (try Self.encoded(restored)))
        // A second run from scratch gives the same bytes.
        var again = StatementMerger()
        for (article, words, speaker, kind) in feed { Self.add(&again, article, words, speaker: speaker, kind) }
        #expect(try Self.encoded(straight) == (try Self.encoded(again)))
        // Aliases survive the round trip, and the merged statements are what the feed says.
        #expect(straight.count == 3)
        #expect(restored.canonicalID(of: straightIDs[3]) == straightIDs[1])
        #expect(restored.statement(straightIDs[0])?.reports.count == 2)
        #expect(restored.statement(straightIDs[2])?.outletCount == 1)
        // Re-adding a report after a restore is still a no-op.
        let (article, words, speaker, kind) = feed[0]
        Self.add(&restored, article, words, speaker: speaker, kind)
        #expect(restored.statement(straightIDs[0])?.reports.count == 2)
    }
}
