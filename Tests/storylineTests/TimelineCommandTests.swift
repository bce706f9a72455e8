import Foundation
import Testing

/// `storyline timeline`, `events` and `stories` over the example corpus, run as a user runs them.
struct TimelineCommandTests {
    /// Ingests the example corpus into a new database and returns its path (and the folder to delete).
    static func ingestedCorpus() throws -> (db: String, dir: URL) {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("timeline.db").path
        let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path
        let ingest = try CLI.run(["ingest", corpus, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (db, dir)
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func theAlaskaSummitIsAPlannedMeetingOfTrumpAndPutinOnAugust15() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["timeline", "--db", db, "--entity", "putin", "--type", "CONSULT", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = try Self.jsonArray(run.stdout)
        let summit = events.first { event in
            let names = ((event["actors"] as? [String]) ?? []) + ((event["targets"] as? [String]) ?? [])
            return event["date"] as? String == "2025-08-15" && names.contains("Donald Trump")
                && names.contains("Vladimir Putin")
        }
        let found = try #require(summit, "\(events)")
        #expect(found["modality"] as? String == "planned")
        let reports = try #require(found["reports"] as? [[String: Any]])
        #expect(!reports.isEmpty)
        // Every report links back to its sentence in its article.
        for report in reports {
            let sentence = try #require(report["sentence"] as? String)
            #expect(sentence.contains("Putin"), "\(sentence)")
        }
    }

    /// The CONSULT events of the example corpus's timeline (JSON), and each one's distinct reporting articles.
    static func meetings(_ db: String) throws -> [(event: [String: Any], articles: Set<String>)] {
        let run = try CLI.run(["timeline", "--db", db, "--type", "CONSULT", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try jsonArray(run.stdout).map { event in
            let reports = (event["reports"] as? [[String: Any]]) ?? []
            return (event, Set(reports.compactMap { $0["articleID"] as? String }))
        }
    }

    static func participants(_ event: [String: Any]) -> [String] {
        ((event["actors"] as? [String]) ?? []) + ((event["targets"] as? [String]) ?? [])
    }

    @Test func theStarmerTrumpMeetingIsOneEventOfFourArticles() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let meetings = try Self.meetings(db).filter { Self.participants($0.event).contains("Keir Starmer") }
        let onThe27th = meetings.filter { $0.event["date"] as? String == "2025-02-27" }
        // One event holds every article that reports the meeting: the live blog, the 27 February report, the
        // next day's wire story and the 3 March recap ("visits to Washington by Macron, Starmer and Zelensky").
        let biggest = try #require(onThe27th.max { $0.articles.count < $1.articles.count }, "\(meetings)")
        #expect(biggest.articles.count >= 4, "\(onThe27th.map(\.articles))")
        #expect(Self.participants(biggest.event).contains("Donald Trump"))
        #expect(biggest.event["modality"] as? String == "happened")
    }

    @Test func zelenskysPlannedVisitIsLinkedToTheThirdOfMarchAccount() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let visits = try Self.meetings(db).filter {
            $0.event["date"] as? String == "2025-02-28" && Self.participants($0.event).contains("Volodymyr Zelenskyy")
                && Self.participants($0.event).contains("Donald Trump")
        }
        let visit = try #require(visits.max { $0.articles.count < $1.articles.count }, "\(visits)")
        let reports = try #require(visit.event["reports"] as? [[String: Any]])
        let published = Set(reports.compactMap { ($0["published"] as? String).map { String($0.prefix(10)) } })
        // Announced on 27 February, recounted on 3 March: one event that happened, first announced on the 27th.
        #expect(published.contains("2025-02-27") && published.contains("2025-03-03"), "\(reports)")
        #expect(visit.event["modality"] as? String == "happened")
        let announced = try #require(visit.event["announcedFirstBy"] as? [String: Any])
        #expect((announced["published"] as? String)?.hasPrefix("2025-02-27") == true, "\(announced)")
    }

    @Test func theSecondOfMarchSummitOfEighteenLeadersIsOneEvent() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summits = try Self.meetings(db).filter { meeting in
            let reports = (meeting.event["reports"] as? [[String: Any]]) ?? []
            return reports.contains { ($0["trigger"] as? String)?.lowercased() == "summit" }
        }
        let march = summits.filter { ($0.event["date"] as? String)?.hasPrefix("2025-03") == true }
        // Every mention of the summit in the 3 March article ("a summit of 18 leaders", "after the summit",
        // "Sunday's summit") is one event on Sunday 2 March.
        #expect(march.count == 1, "\(march.map(\.event))")
        let summit = try #require(march.first)
        #expect(summit.event["date"] as? String == "2025-03-02")
        #expect(Self.participants(summit.event).contains("18 leaders"), "\(summit.event)")
        let reports = try #require(summit.event["reports"] as? [[String: Any]])
        #expect(reports.count >= 5, "\(reports.count) sentences")
    }

    @Test func eventsAreOrderedByTheirOwnDateAndFilteredByIt() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run([
            "timeline", "--db", db, "--from", "2025-02-27", "--to", "2025-03-03", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let dates = try Self.jsonArray(run.stdout).compactMap { $0["date"] as? String }
        // Days (and times) as such; a week or month that overlaps the range is kept too, ordered by its start.
        let days = dates.filter { Array($0.utf8).count >= 10 && Array($0.utf8)[7] == UInt8(ascii: "-") }
            .map { $0.prefix(10) }
        #expect(!days.isEmpty)
        #expect(days.allSatisfy { $0 >= "2025-02-27" && $0 <= "2025-03-03" }, "\(dates)")
        #expect(days == days.sorted(), "\(dates)")
    }

    @Test func exportsAreCSVAndTimelineJS() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try CLI.run(["timeline", "--db", db, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("id,date,type,mode,modality,actors") == true)
        #expect(lines.count > 5)

        let tjs = try CLI.run(["timeline", "--db", db, "--format", "timelinejs"])
        #expect(tjs.status == 0, "\(tjs.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(tjs.stdout.utf8)) as? [String: Any])
        let slides = try #require(object["events"] as? [[String: Any]])
        #expect(!slides.isEmpty)
        for slide in slides {
            let start = try #require(slide["start_date"] as? [String: Any])
            #expect(start["year"] as? String != nil)
            let text = try #require(slide["text"] as? [String: Any])
            // Article text is escaped: no raw markup from a sentence reaches the page.
            let body = try #require(text["text"] as? String)
            #expect(!body.contains("<script"))
        }
    }

    @Test func storiesGroupTheFebruaryArticlesApartFromAugusts() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["stories", "--db", db, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let stories = try Self.jsonArray(run.stdout)
        var storyOf: [String: Int] = [:]
        for story in stories {
            for article in (story["articles"] as? [[String: Any]]) ?? [] {
                if let published = article["published"] as? String, let id = story["id"] as? Int {
                    storyOf[String(published.prefix(10)), default: id] = id
                }
            }
        }
        #expect(storyOf.count == 4, "\(storyOf)")
        #expect(storyOf["2025-02-27"] == storyOf["2025-02-28"], "\(stories)")
        #expect(storyOf["2025-08-14"] != storyOf["2025-02-27"], "\(stories)")
    }

    @Test func anUnknownEventTypeIsAClearError() throws {
        let (db, dir) = try Self.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["timeline", "--db", db, "--type", "MEETING"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown event type"), "\(run.stderr)")
    }
}
