import Foundation
import StorylineCore
import Testing

@testable import StorylineResolve

/// Cross-outlet event merging: the same meeting reported by many outlets, a plan and its happening, a
/// meeting on another day, denials, syndicated copies, and a saved merger resumed.
@Suite struct EventMergerTests {
    /// A report of `type` from an article of `outlet` published at `published`.
    static func report(
        _ article: String,
        _ outlet: String?,
        _ published: String,
        _ type: EventType = .consult,
        actors: [String],
        targets: [String] = [],
        place: String? = nil,
        date: String?,
        modality: EventModality = .happened,
        index: Int = 0,
        syndicatedFrom: String? = nil
    ) -> EventReport {
        EventReport(
            source: ReportSource(articleID: article, outlet: outlet, published: PublicationDate(iso8601: published)),
            index: index,
            type: type,
            modality: modality,
            actors: actors,
            targets: targets,
            place: place,
            date: date,
            syndicatedFrom: syndicatedFrom
        )
    }

    /// Starmer's visit to Trump on 27 February 2025 as four outlets reported it, in the order they arrive.
    static let fourOutlets: [EventReport] = [
        report(
            "bbc-1",
            "BBC",
            "2025-02-27T18:05:00Z",
            actors: ["Starmer", "Trump"],
            place: "the White House",
            date: "2025-02-27"
        ),
        report(
            "reuters-7",
            "Reuters",
            "2025-02-27T16:40:00Z",
            actors: ["Keir Starmer"],
            targets: ["Donald Trump"],
            place: "White House",
            date: "2025-02-27"
        ),
        report(
            "cnn-3",
            "CNN",
            "2025-02-27T20:00:00Z",
            actors: ["donald trump"],
            targets: ["Sir Keir Starmer"],
            date: "2025-02-27"
        ),
        report("ap-2", "AP", "2025-02-28T07:00:00Z", actors: ["Trump", "Starmer"], date: "2025-02-27", index: 3),
    ]

    @Test func fourOutletsReportingOneMeetingMakeOneEvent() throws {
        var merger = EventMerger()
        let ids = Self.fourOutlets.map { merger.add($0) }
        #expect(Set(ids).count == 1)
        #expect(ids[0].rawValue == "E0")
        #expect(merger.events.count == 1)
        let event = try #require(merger.event(ids[0]))
        #expect(event.type == .consult)
        #expect(event.modality == .happened)
        #expect(event.reports.count == 4)
        #expect(event.independentOutlets == 4)
        #expect(event.firstReport.articleID == "reuters-7")
        #expect(event.reports.map(\.source.articleID) == ["reuters-7", "bbc-1", "cnn-3", "ap-2"])
        #expect(event.reports.last?.index == 3)
        // Each participant once, in its fullest form.
        #expect(Set(event.actors + event.targets) == ["Sir Keir Starmer", "Donald Trump"])
        #expect(event.place == "the White House")
        #expect(event.date == "2025-02-27")
        #expect(event.plannedFirstReportedBy == nil)
    }

    @Test func addingAReportTwiceChangesNothing() {
        var merger = EventMerger()
        let first = merger.add(Self.fourOutlets[0])
        let again = merger.add(Self.fourOutlets[0])
        #expect(first == again)
        #expect(merger.events.first?.reports.count == 1)
        #expect(merger.eventID(articleID: "bbc-1", index: 0) == first)
    }

    @Test func aSyndicatedCopyCountsOnceInIndependentOutlets() throws {
        let original = Self.report(
            "ap-9",
            "AP",
            "2025-02-27T15:00:00Z",
            actors: ["Trump", "Starmer"],
            date: "2025-02-27"
        )
        let copy = Self.report(
            "yahoo-4",
            "Yahoo News",
            "2025-02-27T15:30:00Z",
            actors: ["Trump", "Starmer"],
            date: "2025-02-27",
            syndicatedFrom: "ap-9"
        )
        let other = Self.report(
            "bbc-1",
            "BBC",
            "2025-02-27T18:05:00Z",
            actors: ["Keir Starmer", "Donald Trump"],
            date: "2025-02-27"
        )
        for order in [[original, copy, other], [copy, other, original]] {
            var merger = EventMerger()
            for report in order { merger.add(report) }
            #expect(merger.events.count == 1)
            let event = try #require(merger.events.first)
            #expect(event.reports.count == 3)
            #expect(event.independentOutlets == 2, "order \(order.map(\.source.articleID))")
            #expect(event.firstReport.articleID == "ap-9")
        }
        // A copy whose original did not report the event is an outlet of its own.
        var merger = EventMerger()
        merger.add(copy)
        merger.add(other)
        #expect(merger.events.first?.independentOutlets == 2)
    }

    @Test func aPlannedMeetingAndItsHappeningAreOneEvent() throws {
        let planned = Self.report(
            "ft-1",
            "Financial Times",
            "2025-02-26T09:00:00Z",
            actors: ["Volodymyr Zelensky"],
            targets: ["Donald Trump"],
            place: "Washington",
            date: "2025-02-28",
            modality: .planned
        )
        let happened = Self.report(
            "bbc-5",
            "BBC",
            "2025-02-28T19:00:00Z",
            actors: ["Zelensky", "Trump"],
            place: "Washington",
            date: "2025-02-28"
        )
        var merger = EventMerger()
        let a = merger.add(planned)
        #expect(merger.event(a)?.modality == .planned)
        let b = merger.add(happened)
        #expect(a == b)
        let event = try #require(merger.event(a))
        #expect(event.modality == .happened)
        #expect(event.plannedFirstReportedBy?.articleID == "ft-1")
        #expect(event.firstReport.articleID == "ft-1")
        #expect(event.reports.map(\.modality) == [.planned, .happened])
        #expect(event.date == "2025-02-28")

        // The plan given by week still links to the happening on a day of that week.
        var weekly = EventMerger()
        var vague = planned
        vague.date = "2025-W09"
        weekly.add(vague)
        weekly.add(happened)
        #expect(weekly.events.count == 1)
        #expect(weekly.events.first?.date == "2025-02-28")
    }

    @Test func theSamePeopleMeetingOnAnotherDayIsAnotherEvent() {
        var merger = EventMerger()
        let first = merger.add(Self.fourOutlets[1])
        let later = merger.add(
            Self.report(
                "bbc-9",
                "BBC",
                "2025-03-02T12:00:00Z",
                actors: ["Keir Starmer", "Donald Trump"],
                date: "2025-03-02"
            )
        )
        #expect(first != later)
        #expect(merger.events.count == 2)
        // A plan for one day does not absorb a meeting on another.
        let plan = merger.add(
            Self.report(
                "ft-2",
                "FT",
                "2025-03-01T08:00:00Z",
                actors: ["Starmer", "Trump"],
                date: "2025-03-05",
                modality: .planned
            )
        )
        #expect(plan != later)
        #expect(merger.events.count == 3)
    }

    @Test func differentParticipantsOnTheSameDayAreDifferentEvents() {
        var merger = EventMerger()
        let a = merger.add(
            Self.report(
                "r-1",
                "Reuters",
                "2025-08-15T22:00:00Z",
                actors: ["Donald Trump", "Vladimir Putin"],
                place: "Anchorage",
                date: "2025-08-15"
            )
        )
        let b = merger.add(
            Self.report("r-2", "Reuters", "2025-08-15T23:00:00Z", actors: ["Trump", "Zelensky"], date: "2025-08-15")
        )
        let c = merger.add(
            Self.report(
                "cnn-1",
                "CNN",
                "2025-08-16T01:00:00Z",
                actors: ["Putin"],
                targets: ["Trump"],
                place: "Anchorage",
                date: "2025-08-15"
            )
        )
        #expect(a != b)
        #expect(c == a)
        // A report whose type differs is another event.
        let e = merger.add(
            Self.report("x-2", "X", "2025-08-16T01:00:00Z", .agree, actors: ["Putin", "Trump"], date: "2025-08-15")
        )
        #expect(e != a)
    }

    @Test func placesAtDifferentScalesSeparateOnlyWeaklyLinkedReports() {
        var merger = EventMerger()
        let filoli = merger.add(
            Self.report(
                "ap-1",
                "AP",
                "2023-11-15T22:00:00Z",
                actors: ["Joe Biden", "Xi Jinping"],
                place: "Filoli",
                date: "2023-11-15"
            )
        )
        let estate = merger.add(
            Self.report(
                "x-1",
                "Xinhua",
                "2023-11-16T02:00:00Z",
                actors: ["Xi Jinping"],
                targets: ["Biden"],
                place: "Filoli Estate",
                date: "2023-11-15"
            )
        )
        let woodside = merger.add(
            Self.report(
                "r-1",
                "Reuters",
                "2023-11-16T02:00:00Z",
                actors: ["Biden", "Xi Jinping"],
                place: "Woodside",
                date: "2023-11-15"
            )
        )
        #expect(estate == filoli)
        #expect(woodside == filoli)
        #expect(merger.event(filoli)?.place == "Filoli Estate")

        // One shared participant and two places: two strikes.
        let kyiv = merger.add(
            Self.report(
                "k-1",
                "Kyiv Independent",
                "2024-07-08T10:00:00Z",
                .assault,
                actors: ["Russia"],
                place: "Kyiv",
                date: "2024-07-08"
            )
        )
        let kharkiv = merger.add(
            Self.report(
                "k-2",
                "Kyiv Independent",
                "2024-07-08T11:00:00Z",
                .assault,
                actors: ["Russia"],
                place: "Kharkiv",
                date: "2024-07-08"
            )
        )
        #expect(kyiv != kharkiv)
    }

    @Test func descriptionsAndMultilateralMeetingsDoNotContradict() {
        var merger = EventMerger()
        let doha = merger.add(
            EventReport(
                source: ReportSource(articleID: "a", outlet: "AP", published: PublicationDate(iso8601: "2024-08-15")),
                index: 0,
                type: .consult,
                mode: "multilateral",
                actors: ["mediators", "Israel"],
                place: "Doha",
                date: "2024-08-15"
            )
        )
        let named = merger.add(
            Self.report(
                "b",
                "Reuters",
                "2024-08-15T20:00:00Z",
                actors: ["William Burns", "Abbas Kamel"],
                targets: ["Israel"],
                date: "2024-08-15"
            )
        )
        #expect(named == doha)
        let summit = merger.add(
            EventReport(
                source: ReportSource(articleID: "c", outlet: "AP", published: PublicationDate(iso8601: "2024-07-10")),
                index: 0,
                type: .consult,
                mode: "multilateral",
                actors: ["Joe Biden"],
                targets: ["NATO leaders"],
                date: "2024-07-10"
            )
        )
        let others = merger.add(
            EventReport(
                source: ReportSource(articleID: "d", outlet: "BBC", published: PublicationDate(iso8601: "2024-07-10")),
                index: 0,
                type: .consult,
                mode: "multilateral",
                actors: ["Viktor Orban", "Joe Biden", "Keir Starmer"],
                date: "2024-07-10"
            )
        )
        let visit = merger.add(
            EventReport(
                source: ReportSource(articleID: "e", outlet: "BBC", published: PublicationDate(iso8601: "2024-07-10")),
                index: 1,
                type: .consult,
                mode: "visit",
                actors: ["Keir Starmer"],
                targets: ["Joe Biden"],
                date: "2024-07-10"
            )
        )
        #expect(others == summit)
        #expect(visit != summit)
    }

    @Test func statementsWithContentMergeOnlyWhenTheirWordsOverlap() {
        func statement(_ article: String, _ content: String) -> EventReport {
            EventReport(
                source: ReportSource(
                    articleID: article,
                    outlet: article,
                    published: PublicationDate(iso8601: "2024-08-19")
                ),
                index: 0,
                type: .statement,
                actors: ["Antony Blinken"],
                date: "2024-08-19",
                content: content
            )
        }
        var merger = EventMerger()
        let accepts = merger.add(statement("a", "Blinken said Israel had accepted the US bridging proposal."))
        let again = merger.add(statement("b", "Israel has accepted the bridging proposal, Blinken told reporters."))
        let other = merger.add(
            statement("c", "This is maybe the last opportunity to bring the hostages home, Blinken said.")
        )
        #expect(again == accepts)
        #expect(other != accepts)
        // Without content, one speaker's statements of one day are one event.
        var plain = EventMerger()
        var x = statement("a", "")
        x.content = nil
        var y = statement("c", "")
        y.content = nil
        let first = plain.add(x)
        let second = plain.add(y)
        #expect(first == second)
    }

    @Test func aDenialNeverMergesIntoWhatHappened() {
        var merger = EventMerger()
        let call = merger.add(
            Self.report("a-1", "AP", "2025-02-12T20:00:00Z", actors: ["Trump", "Putin"], date: "2025-02-12")
        )
        let denied = merger.add(
            Self.report(
                "t-1",
                "TASS",
                "2025-02-13T09:00:00Z",
                actors: ["Vladimir Putin", "Donald Trump"],
                date: "2025-02-12",
                modality: .denied
            )
        )
        let deniedAgain = merger.add(
            Self.report(
                "k-1",
                "Kommersant",
                "2025-02-13T10:00:00Z",
                actors: ["Putin", "Trump"],
                date: "2025-02",
                modality: .denied
            )
        )
        let hypothetical = merger.add(
            Self.report(
                "g-1",
                "Guardian",
                "2025-02-13T10:00:00Z",
                actors: ["Putin", "Trump"],
                date: "2025-02-12",
                modality: .hypothetical
            )
        )
        #expect(denied != call)
        #expect(deniedAgain == denied)
        #expect(hypothetical != call && hypothetical != denied)
        #expect(merger.event(call)?.modality == .happened)
        #expect(merger.event(denied)?.modality == .denied)
        #expect(merger.event(denied)?.date == "2025-02-12")
        #expect(merger.event(hypothetical)?.modality == .hypothetical)
    }

    @Test func datesAgreeWithinTheirPrecision() {
        var merger = EventMerger()
        let day = merger.add(
            Self.report("a", "A", "2025-02-27T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-02-27")
        )
        let month = merger.add(
            Self.report("b", "B", "2025-03-10T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-02")
        )
        let otherDay = merger.add(
            Self.report("d", "D", "2025-02-26T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-02-26")
        )
        #expect(month == day)
        #expect(otherDay != day)
        #expect(merger.event(day)?.date == "2025-02-27")
        #expect(merger.event(day)?.reports.count == 2)

        // A week holds its days, and no day of another week.
        var weeks = EventMerger()
        let week = weeks.add(
            Self.report("c", "C", "2025-03-01T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-W09")
        )
        let inWeek = weeks.add(
            Self.report("a", "A", "2025-02-27T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-02-27")
        )
        let otherWeek = weeks.add(
            Self.report("e", "E", "2025-03-10T10:00:00Z", actors: ["Trump", "Starmer"], date: "2025-03-04")
        )
        #expect(inWeek == week)
        #expect(otherWeek != week)
        #expect(weeks.event(week)?.date == "2025-02-27")
    }

    @Test func undatedReportsMergeOnlyWithinADayOfTheFirstReport() {
        var merger = EventMerger()
        let meeting = merger.add(Self.fourOutlets[1])
        let nextDay = merger.add(
            Self.report("u-1", "U", "2025-02-28T10:00:00Z", actors: ["Starmer", "Trump"], date: nil)
        )
        let weekLater = merger.add(
            Self.report("u-2", "U", "2025-03-06T10:00:00Z", actors: ["Starmer", "Trump"], date: nil)
        )
        let unparsed = merger.add(
            Self.report("u-3", "V", "2025-02-27T23:00:00Z", actors: ["Starmer", "Trump"], date: "PRESENT_REF")
        )
        #expect(nextDay == meeting)
        #expect(weekLater != meeting)
        #expect(unparsed == meeting)
        #expect(merger.event(meeting)?.date == "2025-02-27")
    }

    @Test func anAccountDatedOnlyByItsArticleJoinsAnOccasionOfThePastWeek() {
        var merger = EventMerger()
        let meeting = merger.add(Self.fourOutlets[1])
        var recap = Self.report("r-1", "R", "2025-03-03T09:00:00Z", actors: ["Starmer"], date: "2025-03-03")
        recap.dateFromArticle = true
        var tooLate = Self.report("r-2", "S", "2025-03-08T09:00:00Z", actors: ["Starmer"], date: "2025-03-08")
        tooLate.dateFromArticle = true
        var plannedLater = Self.report(
            "r-3",
            "T",
            "2025-03-03T09:00:00Z",
            actors: ["Starmer", "Trump"],
            date: "2025-03-03",
            modality: .planned
        )
        plannedLater.dateFromArticle = true
        #expect(merger.add(recap) == meeting, "four days later, 'Starmer's visit' is the visit of 27 February")
        #expect(merger.add(tooLate) != meeting, "more than a week later it is not")
        #expect(merger.add(plannedLater) != meeting, "a plan its article alone dates is not what happened before it")
        #expect(merger.event(meeting)?.date == "2025-02-27")
        // Two such accounts of one undated occasion meet when their weeks overlap.
        var undated = EventMerger()
        var first = Self.report("u-1", "U", "2025-05-10T09:00:00Z", actors: ["Lammy"], date: "2025-05-10")
        first.dateFromArticle = true
        var second = Self.report("u-2", "V", "2025-05-14T09:00:00Z", actors: ["David Lammy"], date: "2025-05-14")
        second.dateFromArticle = true
        var third = Self.report("u-3", "W", "2025-05-20T09:00:00Z", actors: ["Lammy"], date: "2025-05-20")
        third.dateFromArticle = true
        let one = undated.add(first)
        #expect(undated.add(second) == one)
        #expect(undated.add(third) != one, "the first two allow only 7–10 May; the third the week to 20 May")
    }

    @Test func aLaterUndatedAccountPrefersTheOccasionWithADate() {
        // 27 February: Zelensky's visit to Washington is planned for 28 February; the same day he meets Ireland's
        // prime minister on his way there. 3 March: "during Zelensky's visit to Washington", with no date.
        var merger = EventMerger()
        let visit = merger.add(
            Self.report(
                "a",
                "A",
                "2025-02-27T10:00:00Z",
                actors: ["Volodymyr Zelenskyy"],
                targets: ["Donald Trump"],
                place: "Washington",
                date: "2025-02-28",
                modality: .planned
            )
        )
        var stopover = Self.report(
            "b",
            "B",
            "2025-02-27T12:00:00Z",
            actors: ["Micheal Martin"],
            targets: ["Volodymyr Zelenskyy"],
            date: "2025-02-27"
        )
        stopover.dateFromArticle = true
        var travels = Self.report(
            "b",
            "B",
            "2025-02-27T12:00:00Z",
            actors: ["Volodymyr Zelenskyy"],
            place: "Washington",
            date: "2025-02-27",
            index: 1
        )
        travels.dateFromArticle = true
        let meeting = merger.add(stopover)
        #expect(merger.add(travels) == meeting)
        var account = Self.report(
            "c",
            "C",
            "2025-03-03T08:00:00Z",
            actors: ["Zelensky"],
            place: "Washington",
            date: "2025-03-03"
        )
        account.dateFromArticle = true
        #expect(merger.add(account) == visit)
        #expect(merger.event(visit)?.modality == .happened)
        #expect(merger.event(visit)?.plannedFirstReportedBy?.articleID == "a")
    }

    @Test func aSiteAndAnAreaDoNotVetoEachOther() {
        var merger = EventMerger()
        var atTheWhiteHouse = Self.fourOutlets[1]
        atTheWhiteHouse.placeType = .facility
        let meeting = merger.add(atTheWhiteHouse)
        var inWashington = Self.report(
            "w-1",
            "W",
            "2025-02-28T09:00:00Z",
            actors: ["Starmer"],
            place: "Washington",
            date: "2025-02-27"
        )
        inWashington.placeType = .geopolitical
        var inAnkara = Self.report(
            "a-1",
            "A",
            "2025-02-28T09:00:00Z",
            actors: ["Starmer"],
            place: "Ankara",
            date: "2025-02-27",
            index: 1
        )
        inAnkara.placeType = .geopolitical
        var inOttawa = Self.report(
            "o-1",
            "O",
            "2025-02-28T09:00:00Z",
            actors: ["Starmer"],
            place: "Ottawa",
            date: "2025-02-27",
            index: 2
        )
        inOttawa.placeType = .geopolitical
        #expect(merger.add(inWashington) == meeting, "the White House is in Washington")
        // Once an area is known, another area with one shared participant is another event.
        #expect(merger.add(inAnkara) != meeting)
        #expect(merger.add(inOttawa) != meeting)
    }

    @Test func aSavedMergerResumesExactly() throws {
        var reports = Self.fourOutlets
        reports.append(
            Self.report(
                "ft-1",
                "FT",
                "2025-02-26T09:00:00Z",
                actors: ["Zelensky"],
                targets: ["Trump"],
                date: "2025-02-28",
                modality: .planned
            )
        )
        reports.append(
            Self.report(
                "bbc-5",
                "BBC",
                "2025-02-28T19:00:00Z",
                actors: ["Volodymyr Zelensky", "Donald Trump"],
                date: "2025-02-28"
            )
        )
        reports.append(
            Self.report(
                "t-1",
                "TASS",
                "2025-02-13T09:00:00Z",
                .sanction,
                actors: ["United States"],
                targets: ["Russia"],
                date: "2025-02-13"
            )
        )
        reports.append(
            Self.report(
                "y-1",
                "Yahoo",
                "2025-02-27T19:00:00Z",
                actors: ["Trump", "Starmer"],
                date: "2025-02-27",
                syndicatedFrom: "reuters-7"
            )
        )
        reports.append(
            Self.report(
                "t-2",
                "TASS",
                "2025-02-14T09:00:00Z",
                .sanction,
                actors: ["US"],
                targets: ["Russia"],
                date: "2025-02"
            )
        )
        var straight = EventMerger()
        let straightIDs = reports.map { straight.add($0) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for cut in [0, 3, 5, reports.count] {
            var first = EventMerger()
            for report in reports[..<cut] { first.add(report) }
            for (codec, restored) in try Codecs.roundTrips(first) {
                var resumed = restored
                #expect(resumed.events == first.events, "\(codec)")
                let ids = reports[cut...].map { resumed.add($0) }
                #expect(ids == Array(straightIDs[cut...]), "\(codec)")
                #expect(resumed.events == straight.events, "\(codec)")
                #expect(try encoder.encode(resumed) == encoder.encode(straight), "\(codec)")
            }
        }
        #expect(straight.events.count == 4)
        #expect(straight.event(straightIDs[0])?.independentOutlets == 4)
        #expect(straight.event(straightIDs[0])?.reports.count == 5)
    }

    @Test func timexValuesAreReadAsCalendarPeriods() throws {
        let day = try #require(EventPeriod(timex: "2025-02-27"))
        let week = try #require(EventPeriod(timex: "2025-W09"))
        let month = try #require(EventPeriod(timex: "2025-02"))
        let quarter = try #require(EventPeriod(timex: "2025-Q1"))
        let year = try #require(EventPeriod(timex: "2025"))
        #expect(week.first == PublicationDate.dayNumber(year: 2025, month: 2, day: 24))
        #expect(week.last == PublicationDate.dayNumber(year: 2025, month: 3, day: 2))
        for coarse in [week, month, quarter, year] { #expect(coarse.contains(day)) }
        #expect(!month.isComparable(with: week))
        #expect(EventPeriod(timex: "2025-W09-4") == day)
        #expect(EventPeriod(timex: "2025-02-27T15:21") == day)
        #expect(EventPeriod(timex: "2025-SU") == year)
        #expect(EventPeriod(timex: "2025-02-30") == nil)
        #expect(EventPeriod(timex: "PRESENT_REF") == nil)
        #expect(day.enclosing.map(\.precision) == [.week, .month, .quarter, .year])
    }
}
