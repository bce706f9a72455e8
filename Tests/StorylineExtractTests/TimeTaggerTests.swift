import Foundation
import StorylineCore
import Testing

@testable import StorylineExtract

/// The time tagger on the founding corpus articles and on real-shaped sentences.
struct TimeTaggerTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var type: TimexType
        var value: String
        var description: String { "\(text) \(type.rawValue) \(value)" }
    }

    static func article(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) })
        return try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    }

    static func date(_ iso: String) -> PublicationDate { PublicationDate(iso8601: iso)! }

    static func tag(_ text: String, _ date: String?) -> [Found] {
        let bytes = Array(text.utf8)
        return TimeTagger.tag(text, documentDate: date.map(Self.date)).map {
            Found(
                text: String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self),
                type: $0.type,
                value: $0.value
            )
        }
    }

    /// The first expression with surface `surface` after the first occurrence of `context` in `text`.
    static func find(_ surface: String, after context: String, in text: String, date: String) throws -> Found {
        let anchor = try #require(text.utf8.firstRange(of: context.utf8), "context not found: \(context)")
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: anchor.lowerBound)
        let bytes = Array(text.utf8)
        let hit = try #require(
            TimeTagger.tag(text, documentDate: Self.date(date)).first {
                $0.range.start >= offset
                    && String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) == surface
            },
            "no \(surface) after \(context)"
        )
        return Found(text: surface, type: hit.type, value: hit.value)
    }

    // MARK: The corpus articles

    @Test func futureFridayInTheFebruary27Article() throws {
        let text = try Self.article("000_")
        let friday = try Self.find(
            "Friday",
            after: "Zelenskyy is scheduled to meet with Trump",
            in: text,
            date: "2025-02-27"
        )
        #expect(friday.value == "2025-02-28")
        let meeting = try Self.find("Friday", after: "would have a \"very good meeting\"", in: text, date: "2025-02-27")
        #expect(meeting.value == "2025-02-28")
    }

    @Test func yearsAgoAndDurationsInTheFebruary27Article() throws {
        let text = try Self.article("000_")
        #expect(
            try Self.find("three years ago", after: "which Moscow invaded", in: text, date: "2025-02-27").value
                == "2022"
        )
        let justOver = try Self.find(
            "just over three years ago",
            after: "full-scale invasion",
            in: text,
            date: "2025-02-27"
        )
        #expect(justOver.value == "2022")
        let tenYears = try Self.find("more than 10 years", after: "has occupied parts", in: text, date: "2025-02-27")
        #expect(tenYears.type == .duration && tenYears.value == "P10Y")
    }

    @Test func pastThursdayInTheFebruary28Article() throws {
        let text = try Self.article("002_")
        let thursday = try Self.find("Thursday", after: "President Donald Trump said on", in: text, date: "2025-02-28")
        #expect(thursday.value == "2025-02-27")
        #expect(try Self.find("Feb 27", after: "Thursday (", in: text, date: "2025-02-28").value == "2025-02-27")
        // The metadata line "date 2025-02-28" is not body text.
        #expect(!Self.tag(text, "2025-02-28").contains { $0.text == "2025-02-28" })
    }

    @Test func explicitDayMonthYearInTheMarch3Article() throws {
        let text = try Self.article("004_")
        let date = try Self.find(
            "24 February 2022",
            after: "full-scale invasion of Russia",
            in: text,
            date: "2025-03-03"
        )
        #expect(date == Found(text: "24 February 2022", type: .date, value: "2022-02-24"))
    }

    @Test func theFallOfACityIsNotASeason() {
        let found = Self.tag("The fall of Kabul and the spring of hope shaped the decade.", "2025-02-27")
        #expect(!found.contains { $0.value.hasSuffix("-FA") || $0.value.hasSuffix("-SP") }, "\(found)")
    }

    @Test func mayAsAVerbIsNotADate() throws {
        let text = try Self.article("003_")
        let found = Self.tag(text, "2025-08-14")
        #expect(!found.contains { $0.text.lowercased() == "may" })
    }

    // MARK: Sentences

    @Test(arguments: [
        ("The talks ended on February 27, 2025.", "February 27, 2025", "2025-02-27"),
        ("Troops arrived on 27 February 2025.", "27 February 2025", "2025-02-27"),
        ("The deal was signed Feb. 27.", "Feb. 27", "2025-02-27"),
        ("The memo is dated 2/27/2025.", "2/27/2025", "2025-02-27"),
        ("Filed 2025-02-27 in Kyiv.", "2025-02-27", "2025-02-27"),
        ("The offensive began in September 2022.", "September 2022", "2022-09"),
        ("Russia annexed Crimea in 2014.", "2014", "2014"),
        ("He said it yesterday.", "yesterday", "2025-02-26"),
        ("Talks resume tomorrow.", "tomorrow", "2025-02-28"),
        ("Prices rose last week.", "last week", "2025-W08"),
        ("Exports fell last month.", "last month", "2025-01"),
        ("Talks collapsed last fall.", "last fall", "2024-FA"),
        ("Fighting slowed throughout the winter.", "winter", "2024-WI"),
        ("The meeting opened at 11:30am.", "11:30am", "2025-02-27T11:30"),
        ("Sirens sounded overnight.", "overnight", "2025-02-26TNI"),
        ("He met Macron on Friday morning.", "Friday morning", "2025-02-21TMO"),
        ("It is over now.", "now", "PRESENT_REF"),
        ("Strikes intensified in recent weeks.", "recent weeks", "PAST_REF"),
        ("A deal will come soon.", "soon", "FUTURE_REF"),
        ("The economy grew in the 1990s.", "the 1990s", "199"),
        ("Troops were home by Christmas.", "Christmas", "2024-12-25"),
        ("Shops closed on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28"),
    ])
    func dates(sentence: String, surface: String, value: String) {
        let found = Self.tag(sentence, "2025-02-27")
        #expect(found.contains { $0.text == surface && $0.value == value }, "\(found)")
    }

    @Test(arguments: [
        ("The war has lasted three years.", "three years", TimexType.duration, "P3Y"),
        ("They agreed a one-month truce.", "one-month", .duration, "P1M"),
        ("Ending the 3 1/2-year-old war is the goal.", "3 1/2-year-old", .duration, "P3Y6M"),
        ("The talks lasted 5 1/2 hours.", "5 1/2 hours", .duration, "PT5H30M"),
        ("Violence has lasted two decades.", "two decades", .duration, "P20Y"),
        ("Harvests begin each July.", "each July", .set, "XXXX-07"),
        ("Polls closed at 10 p.m. Wednesday.", "10 p.m. Wednesday", .time, "2025-02-26T22:00"),
        ("Patrols go out every week.", "every week", .set, "P1W"),
        ("Shelling is reported daily.", "daily", .set, "P1D"),
    ])
    func durationsAndSets(sentence: String, surface: String, type: TimexType, value: String) {
        let found = Self.tag(sentence, "2025-02-27")
        #expect(found.contains { $0.text == surface && $0.type == type && $0.value == value }, "\(found)")
    }

    @Test func weekdayTenseFollowsTheClause() {
        #expect(Self.tag("Trump will meet Zelensky on Monday.", "2025-02-27").first?.value == "2025-03-03")
        #expect(Self.tag("Trump met Zelensky on Monday.", "2025-02-27").first?.value == "2025-02-24")
        #expect(Self.tag("The vote is due on Tuesday.", "2025-02-27").first?.value == "2025-03-04")
        // A simple present after a pronoun is a schedule, even inside a past-tense report; "says" is not.
        let schedule = "Leaders said Trump had assured them of a ceasefire when he meets Putin on Friday in Anchorage."
        #expect(Self.tag(schedule, "2025-08-14").first?.value == "2025-08-15")
        #expect(Self.tag("He says on Friday the talks failed.", "2025-08-14").first?.value == "2025-08-08")
    }

    @Test func theFollowingYearAndPreviousMonthCountFromTheDateLastMentioned() {
        let text = "The plant opened in March 1995. The following month it closed. The previous year it was sold."
        let found = Self.tag(text, "2025-02-27")
        #expect(found.map(\.value) == ["1995-03", "1995-04", "1994"], "\(found)")
    }

    @Test(arguments: [
        ("He will leave as soon as possible.", nil as String?),
        ("A recent poll showed a lead.", "PAST_REF"),
        ("Shares began trading this summer.", "2025-SU"),
    ])
    func vagueReferences(sentence: String, value: String?) {
        let found = Self.tag(sentence, "2025-11-02")
        #expect(found.first?.value == value, "\(found)")
    }

    @Test func withoutADocumentDateValuesAreUnderspecified() {
        #expect(Self.tag("The deal was signed Feb. 27.", nil).first?.value == "XXXX-02-27")
        #expect(Self.tag("They met on Friday.", nil).first?.value == "XXXX-WXX-5")
    }

    @Test(arguments: [
        "Officials may meet again.",
        "Protesters march through Kyiv.",
        "He gave a speech to a crowd.",
        "The 11g charge was found.",
        "Mr. Friday said nothing.",
        "She reads the Sunday Times.",
    ])
    func falsePositives(sentence: String) {
        #expect(Self.tag(sentence, "2025-02-27").isEmpty, "\(Self.tag(sentence, "2025-02-27"))")
    }

    @Test func rangesAreUTF8ByteOffsets() throws {
        let text = "Zelensky’s visit — on Friday."
        let found = TimeTagger.tag(text, documentDate: Self.date("2025-02-27"))
        let range = try #require(found.first).range
        #expect(Array(Array(text.utf8)[range.start..<range.end]) == Array("Friday".utf8))
    }

    // MARK: Reporting periods, anaphora, tense

    @Test(arguments: [
        ("Profit rose in the 2024 fourth quarter.", "2025-11-05", "the 2024 fourth quarter", "2024-Q4"),
        ("Sales should recover in next year's first quarter.", "2025-11-05", "next year's first quarter", "2026-Q1"),
        ("Troops should be home by the end of the year.", "2025-11-05", "the end of the year", "2025"),
        ("Revenue for the full year was flat.", "2025-11-05", "the full year", "2025"),
        ("Output will rise in the second half of 2026.", "2025-11-05", "the second half of 2026", "2026-H2"),
        ("Exports fell in the fourth quarter.", "2026-01-20", "the fourth quarter", "2025-Q4"),
        // A year after "of" fixes the period whatever the tense and the document date.
        ("Growth will slow in the third quarter of 1984.", "2025-11-05", "the third quarter of 1984", "1984-Q3"),
        ("Prices rose in the winter of 2022.", "2025-11-05", "the winter of 2022", "2022-WI"),
        ("The spring of 2019 was calm.", "2025-11-05", "The spring of 2019", "2019-SP"),
        (
            "He recalled the summer of nineteen ninety-four.", "2025-11-05", "the summer of nineteen ninety-four",
            "1994-SU"
        ),
        (
            "Kyiv hopes to hold elections in the year two thousand and thirty.", "2025-11-05",
            "the year two thousand and thirty", "2030"
        ),
        ("The treaty dates from nineteen ninety-four.", "2025-11-05", "nineteen ninety-four", "1994"),
        ("Talks are to resume at 5 p.m. EST Nov. 9.", "2025-11-05", "5 p.m. EST Nov. 9", "2025-11-09T17:00"),
        ("The plant was shelled last Oct. 23.", "2025-11-05", "last Oct. 23", "2025-10-23"),
        ("Elections were held in June last year.", "2025-11-05", "June last year", "2024-06"),
        ("The alliance has kept the peace to this day.", "2025-11-05", "this day", "PRESENT_REF"),
        ("Crowds gathered as Easter week began.", "2025-04-17", "Easter week", "2025-W16"),
        ("Churches were full on Good Friday.", "2025-04-22", "Good Friday", "2025-04-18"),
        ("Fireworks lit Kyiv on New Year's Eve.", "2025-01-02", "New Year's Eve", "2024-12-31"),
        ("Polls open on Election Day.", "2026-10-20", "Election Day", "2026-11-03"),
        ("The city must cut costs by the fall.", "2025-07-06", "fall", "2025-FA"),
        ("Rivals are likely to attack him in the fall.", "2025-04-28", "fall", "2025-FA"),
        ("She hopes Saturday's vote will help.", "2025-02-27", "Saturday", "2025-03-01"),
        ("Lawyers will try to overturn Wednesday's ruling.", "2025-02-27", "Wednesday", "2025-02-26"),
        ("Campaigns shift focus to the November election.", "2026-04-28", "November", "2026-11"),
    ])
    func reportingPeriods(sentence: String, date: String, surface: String, value: String) {
        let found = Self.tag(sentence, date)
        #expect(found.contains { $0.text == surface && $0.value == value }, "\(found)")
    }

    @Test func theQuarterUnderDiscussionAnchorsYearEarlierComparisons() {
        let text = """
            Rheinmetall said third-quarter profit rose 12%. The year-earlier quarter included a one-off \
            charge, and sales were up from a year earlier. After a weak second quarter, orders recovered.
            """
        let found = Self.tag(text, "2025-11-06")
        #expect(found.contains { $0.text == "The year-earlier quarter" && $0.value == "2024-Q3" }, "\(found)")
        #expect(found.contains { $0.text == "a year earlier" && $0.value == "2024-Q3" }, "\(found)")
        #expect(found.contains { $0.text == "second quarter" && $0.value == "2025-Q2" }, "\(found)")
    }

    @Test func thatDayAndTheNextDayFollowTheDateLastMentioned() {
        let text =
            "The ceasefire began on March 3, 2025. Later that day, shelling resumed. The next day, talks broke off."
        let found = Self.tag(text, "2025-06-01")
        #expect(found.contains { $0.text == "Later that day" && $0.value == "2025-03-03" }, "\(found)")
        #expect(found.contains { $0.text == "The next day" && $0.value == "2025-03-04" }, "\(found)")
    }

    @Test func tenseCuesLookPastAbbreviationsAndInitials() {
        // The full stops of "Gen." and "P." do not end the clause that "will" opens.
        #expect(
            Self.tag("Rutte will hand command to Gen. Alexus G. Grynkewich Feb. 1.", "2025-11-20").first?.value
                == "2026-02-01"
        )
        #expect(Self.tag("A vote is expected in December.", "2025-03-04").first?.value == "2025-12")
        #expect(Self.tag("Parliament voted in December.", "2025-03-04").first?.value == "2024-12")
        // "plans" without "to" and a "hastily planned trip" are not future cues.
        #expect(
            Self.tag(
                "On Friday, when Starmer set aside his holiday plans for a hastily planned trip, talks ended.",
                "2025-08-18"
            ).first?.value == "2025-08-15"
        )
        // A present passive says nothing about the past: "is heard in May" stays in the document's year.
        #expect(Self.tag("The appeal is heard in May.", "2025-03-29").first?.value == "2025-05")
    }

    @Test(arguments: [
        ("The envoy asked for two more weeks.", "two more weeks", TimexType.duration, "P2W"),
        ("The pilot radioed a minute and a half later.", "a minute and a half", .duration, "PT1M30S"),
        ("Vance began a two day visit to Kyiv.", "two day", .duration, "P2D"),
        ("Ending the 75-year-old alliance is unthinkable.", "75-year-old", .duration, "P75Y"),
        ("Europe could spend $350 billion a year.", "a year", .set, "P1Y"),
        ("Flights leave on Mondays.", "Mondays", .set, "XXXX-WXX-1"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", .set, "XXXX-WXX-2TNI"),
        ("Fighting has gone on for decades.", "decades", .duration, "PXDE"),
        ("The country changed over the years.", "the years", .duration, "PXY"),
        ("Aid will arrive in coming weeks.", "coming weeks", .duration, "PXW"),
        ("Repairs take two to six days.", "six days", .duration, "P6D"),
        ("Repairs take two to six days.", "two", .duration, "P2D"),
    ])
    func compoundDurationsAndSets(sentence: String, surface: String, type: TimexType, value: String) {
        let found = Self.tag(sentence, "2025-02-27")
        #expect(found.contains { $0.text == surface && $0.type == type && $0.value == value }, "\(found)")
    }

    @Test(arguments: [
        "Police detained a 44-year-old protester.",
        "Mark Rutte, 58 years old, spoke first.",
        "Imports covered about three quarters of its food.",
        "The film High Noon was shown.",
        "Regulators told banks to fall in line.",
        "Schumer, the future Democratic leader, objected.",
        "Critics attacked the now-cancelled pipeline.",
    ])
    func agesFractionsAndTitlesAreNotTimes(sentence: String) {
        #expect(Self.tag(sentence, "2025-02-27").isEmpty, "\(Self.tag(sentence, "2025-02-27"))")
    }

    @Test func theExtractorIgnoresChromeLeftInRawText() {
        let text = """
            Zelensky met Starmer in London on Thursday to discuss security guarantees and the minerals deal.
            The two leaders agreed to keep working on a plan with France before the summit on Sunday.
            Officials said the talks would continue next week with European partners and the US envoy.
            Related Articles
            France 24
            5 hours ago
            """
        let found = ArticleExtractor().annotate(text: text, documentDate: Self.date("2025-02-27")).timexes
        let bytes = Array(text.utf8)
        let surfaces = found.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
        #expect(surfaces == ["Thursday", "Sunday", "next week"], "\(surfaces)")
    }
}
