import Foundation
import StorylineCore
import Testing

@testable import StorylineExtract

/// Event extraction on real-shaped news sentences and on the founding corpus, through the whole pipeline
/// (entity tagger, time tagger, quotes), as `storyline extract` runs it.
struct EventExtractorTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    /// An event as a reader checks it: texts instead of ranges.
    struct Found: CustomStringConvertible {
        var type: EventType
        var mode: String?
        var trigger: String
        var actors: [String]
        var targets: [String]
        var place: String?
        var date: String?
        var modality: EventModality
        var description: String {
            "\(type.rawValue)/\(mode ?? "-") '\(trigger)' \(actors) -> \(targets) at \(place ?? "-") on \(date ?? "-") "
                + modality.rawValue
        }
    }

    static func events(_ text: String, _ date: String?) -> [Found] {
        let annotations = ArticleExtractor().annotate(text: text, documentDate: date.flatMap(PublicationDate.init))
        let bytes = Array(text.utf8)
        return annotations.events.map {
            Found(
                type: $0.type,
                mode: $0.mode,
                trigger: String(decoding: bytes[$0.trigger.range], as: UTF8.self),
                actors: $0.actors.map(\.name),
                targets: $0.targets.map(\.name),
                place: $0.place.map { String(decoding: bytes[$0.range.range], as: UTF8.self) },
                date: $0.date,
                modality: $0.modality
            )
        }
    }

    /// Whether some name in `names` ends with `surname` ("Putin" or "Vladimir Putin").
    static func has(_ names: [String], _ surname: String) -> Bool { names.contains { $0.hasSuffix(surname) } }

    @Test func meetingWithPlaceAndPastWeekday() throws {
        // Monday 18 August 2025: "on Friday" with a past verb is the Friday before.
        let events = Self.events("Trump and Putin met in Anchorage on Friday.", "2025-08-18")
        let meeting = try #require(events.first { $0.type == .consult }, "\(events)")
        let parties = meeting.actors + meeting.targets
        #expect(Self.has(parties, "Trump") && Self.has(parties, "Putin"), "\(meeting)")
        #expect(meeting.place == "Anchorage", "\(meeting)")
        #expect(meeting.date == "2025-08-15", "\(meeting)")
        #expect(meeting.modality == .happened, "\(meeting)")
    }

    @Test func dueToSignIsPlanned() throws {
        let events = Self.events("Zelensky is due in Washington on Friday to sign the minerals deal.", "2025-02-26")
        let signing = try #require(events.first { $0.type == .agree }, "\(events)")
        #expect(Self.has(signing.actors, "Zelensky"), "\(signing)")
        #expect(signing.modality == .planned, "\(signing)")
        #expect(signing.place == "Washington", "\(signing)")
        #expect(signing.date == "2025-02-28", "\(signing)")
        #expect(events.filter { $0.type == .agree }.count == 1, "the deal is the object of 'sign': \(events)")
    }

    @Test func deniedContact() throws {
        let events = Self.events("The Kremlin denied that Putin had spoken to Trump.", "2025-03-10")
        let call = try #require(events.first { $0.type == .consult }, "\(events)")
        #expect(call.modality == .denied, "\(call)")
        #expect(Self.has(call.actors, "Putin"), "\(call)")
        #expect(Self.has(call.targets, "Trump"), "\(call)")
    }

    @Test func conditionalSanctionsAreHypothetical() throws {
        let events = Self.events("If Russia attacks again, Europe will impose sanctions.", "2025-03-10")
        let sanctions = try #require(events.first { $0.type == .sanction }, "\(events)")
        #expect(sanctions.modality == .hypothetical, "\(sanctions)")
        #expect(sanctions.actors == ["Europe"], "\(sanctions)")
        #expect(events.filter { $0.type == .sanction }.count == 1, "\(events)")
        let attack = try #require(events.first { $0.type == .assault }, "\(events)")
        #expect(attack.actors == ["Russia"] && attack.modality == .hypothetical, "\(attack)")
    }

    @Test func droneAttackHasModeAndTarget() throws {
        let events = Self.events("Russia launched a drone attack on Kyiv overnight.", "2025-03-10")
        let attack = try #require(events.first { $0.type == .assault }, "\(events)")
        #expect(attack.mode == "drone", "\(attack)")
        #expect(attack.actors == ["Russia"], "\(attack)")
        #expect(attack.targets == ["Kyiv"], "\(attack)")
        #expect(attack.modality == .happened, "\(attack)")
        #expect(attack.date == "2025-03-10" || attack.date?.hasPrefix("2025-03-") == true, "\(attack)")
    }

    @Test func hostingLeadersIsAMeetingInLondon() throws {
        let text = "Keir Starmer is the UK prime minister. Starmer hosted 18 leaders in London on Sunday."
        let events = Self.events(text, "2025-03-03")
        let summit = try #require(events.first { $0.type == .consult }, "\(events)")
        #expect(summit.mode == "multilateral" || summit.mode == "visit", "\(summit)")
        #expect(Self.has(summit.actors, "Starmer"), "\(summit)")
        #expect(summit.targets == ["18 leaders"], "\(summit)")
        #expect(summit.place == "London", "\(summit)")
        #expect(summit.date == "2025-03-02", "\(summit)")
    }

    @Test func quoteIsAStatement() throws {
        let text = "\"We will never accept a ceasefire on these terms,\" Zelensky told reporters in Kyiv on Monday."
        let events = Self.events(text, "2025-03-10")
        let statement = try #require(events.first { $0.type == .statement }, "\(events)")
        #expect(Self.has(statement.actors, "Zelensky"), "\(statement)")
        #expect(statement.trigger == "told", "\(statement)")
        #expect(statement.date == "2025-03-10", "\(statement)")
    }

    @Test func proposalAndCompoundActors() throws {
        let proposal = Self.events("Emmanuel Macron proposed a one-month truce.", "2025-03-03")
        let truce = try #require(proposal.first { $0.type == .agree }, "\(proposal)")
        #expect(truce.modality == .proposed, "\(truce)")
        #expect(truce.actors == ["Emmanuel Macron"], "\(truce)")

        let affiliation = Self.events("UK Prime Minister Keir Starmer met Ukraine's President Zelensky.", "2025-03-03")
        let meetingOfTwo = try #require(affiliation.first { $0.type == .consult }, "\(affiliation)")
        #expect(meetingOfTwo.actors == ["Keir Starmer"], "the affiliation is no actor: \(meetingOfTwo)")
        #expect(Self.has(meetingOfTwo.targets, "Zelensky") && meetingOfTwo.targets.count == 1, "\(meetingOfTwo)")

        let leaders = Self.events("European leaders will meet in Paris next week.", "2025-03-03")
        let meeting = try #require(leaders.first { $0.type == .consult }, "\(leaders)")
        #expect(meeting.actors == ["European leaders"], "\(meeting)")
        #expect(meeting.modality == .planned, "\(meeting)")
        #expect(meeting.place == "Paris", "\(meeting)")
    }

    @Test func pronounSubjectIsTheLastPersonNamed() throws {
        let text = "Keir Starmer arrived in Washington on Wednesday. He met Trump at the White House on Thursday."
        let events = Self.events(text, "2025-02-27")
        let meeting = try #require(events.first { $0.type == .consult && $0.trigger == "met" }, "\(events)")
        #expect(meeting.actors == ["Keir Starmer"], "\(meeting)")
        #expect(Self.has(meeting.targets, "Trump"), "\(meeting)")
        #expect(meeting.place == "White House", "\(meeting)")
        #expect(meeting.date == "2025-02-27", "\(meeting)")
    }

    @Test func eventsNeedAnActorAndNegationDenies() {
        let headline = Self.events("Talks about the future of Ukraine", "2025-03-03")
        #expect(headline.isEmpty, "\(headline)")
        let denied = Self.events("Trump did not meet Zelensky on Friday.", "2025-03-03")
        #expect(denied.first { $0.type == .consult }?.modality == .denied, "\(denied)")
    }

    @Test func aSummitOfLeadersAndLaterMentionsOfItAreOneOccasion() throws {
        let text = """
            Starmer hosted talks on Saturday. On Sunday he opened a summit of 18 leaders in London.

            After the summit, Zelensky said Kyiv felt strong support.

            Sunday's summit concluded a week of diplomacy, which included visits to Washington by Emmanuel Macron \
            and Keir Starmer.
            """
        let events = Self.events(text, "2025-03-03")
        let summits = events.filter { $0.trigger == "summit" }
        #expect(summits.count == 3, "\(events)")
        #expect(
            summits.allSatisfy { $0.actors.contains("18 leaders") && $0.date == "2025-03-02" && $0.place == "London" },
            "\(summits)"
        )
        // Plural visits by two people are two visits, none dated by "Sunday's", which dates the summit.
        let visits = events.filter { $0.trigger == "visits" }
        #expect(visits.map(\.actors) == [["Emmanuel Macron"], ["Keir Starmer"]], "\(visits)")
        #expect(visits.allSatisfy { $0.place == "Washington" && $0.date == "2025-03-03" }, "\(visits)")
        // With nothing to refer back to, a definite event noun reports nothing.
        #expect(Self.events("After the summit, the markets rose.", "2025-03-03").isEmpty)
    }

    @Test func timeExpressionsOfOtherOccasionsDoNotDateTheEvent() throws {
        // Bound to another occasion noun: before it, as a span of years, or after it with "in".
        let term = Self.events(
            "Angela Merkel, chancellor for her 2005 to 2021 tenure, praised Emmanuel Macron on Monday.",
            "2024-05-14"
        )
        #expect(term.first { $0.trigger == "praised" }?.date == "2024-05-13", "\(term)")
        let fled = Self.events(
            "Olaf Scholz thanked Poland for sheltering refugees who fled the invasion in 2022.",
            "2024-05-14"
        )
        let thanked = try #require(fled.first { $0.trigger == "thanked" }, "\(fled)")
        #expect(thanked.date == "2024-05-14", "the invasion is dated 2022, not the thanks: \(thanked)")
        // A relative clause closed before the trigger dates what it says.
        let clause = Self.events(
            "Donald Tusk, who took office in December, met Olaf Scholz in Berlin.",
            "2024-02-12"
        )
        let met = try #require(clause.first { $0.trigger == "met" }, "\(clause)")
        #expect(met.date == "2024-02-12", "\(met)")
        // Inside the clause it still dates the clause's own event, and a date in the main clause still counts.
        let own = Self.events("Donald Tusk, who met Olaf Scholz on Monday, flew home.", "2024-02-14")
        #expect(own.first { $0.trigger == "met" }?.date == "2024-02-12", "\(own)")
        let main = Self.events("In December, Donald Tusk, who leads the coalition, met Olaf Scholz.", "2024-02-12")
        #expect(main.first { $0.trigger == "met" }?.date == "2023-12", "\(main)")
    }

    @Test func modifiersOrdinalsAndDestinations() throws {
        let deal = Self.events("Keir Starmer discussed a Ukraine peace deal with Donald Trump.", "2025-02-27")
        let discussed = try #require(deal.first { $0.trigger == "discussed" }, "\(deal)")
        #expect(!discussed.targets.contains("Ukraine"), "'a Ukraine peace deal' names no party: \(discussed)")
        let latest = Self.events("Keir Starmer is the latest European leader to meet Donald Trump.", "2025-02-28")
        #expect(latest.first { $0.type == .consult }?.modality == .happened, "\(latest)")
        let impending = Self.events("Donald Trump referred to Volodymyr Zelensky's impending visit.", "2025-02-27")
        #expect(impending.first { $0.trigger == "visit" }?.modality == .planned, "\(impending)")
        let onTheWay = Self.events(
            "Ukrainian President Volodymyr Zelensky met Irish Prime Minister Micheal Martin on his way to Washington.",
            "2025-02-27"
        )
        let met = try #require(onTheWay.first { $0.trigger == "met" }, "\(onTheWay)")
        #expect(met.place == nil && !met.targets.contains("Washington"), "a destination is not where they met: \(met)")
    }

    @Test func theTwoLeadersAreThePairJustNamed() throws {
        let text = """
            President Joe Biden met Ukrainian President Volodymyr Zelensky at the White House on Thursday.

            The two leaders discussed the delivery of F-16 fighter jets.
            """
        let events = Self.events(text, "2024-09-27")
        let discussed = try #require(events.first { $0.trigger == "discussed" }, "\(events)")
        #expect(Set(discussed.actors + discussed.targets) == ["Joe Biden", "Volodymyr Zelensky"], "\(discussed)")
        // With no pair named before, "the two leaders" stays a description.
        let alone = Self.events("The two leaders discussed the delivery of F-16 fighter jets.", "2024-09-27")
        let described = try #require(alone.first { $0.trigger == "discussed" }, "\(alone)")
        #expect(described.actors.count == 1 && described.actors[0].hasSuffix("two leaders"), "\(described)")
    }

    @Test func protestsArrestsWarningsAndUnnamedSources() throws {
        let text = """
            Thousands of protesters rallied outside parliament in Tbilisi on Monday. Dozens of demonstrators were \
            detained overnight.

            Prime Minister Irakli Kobakhidze warned that the law would pass. "We will not back down," \
            Kobakhidze said. "The vote is final," a senior government official told reporters.
            """
        let events = Self.events(text, "2024-05-14")
        #expect(events.contains { $0.type == .protest && $0.trigger == "rallied" }, "\(events)")
        let detained = try #require(events.first { $0.trigger == "detained" }, "\(events)")
        #expect(detained.type == .coerce && detained.actors.isEmpty && !detained.targets.isEmpty, "\(detained)")
        #expect(events.contains { $0.type == .threaten && $0.trigger == "warned" }, "\(events)")
        let statements = events.filter { $0.type == .statement }
        #expect(statements.contains { $0.actors.contains { $0.hasSuffix("Kobakhidze") } }, "\(statements)")
        #expect(
            !statements.contains { $0.actors.contains { $0.hasSuffix("official") } },
            "an unnamed source: \(statements)"
        )
    }

    @Test func aidPledgesAndThePairTheyStandFor() throws {
        let text = """
            President Joe Biden met Chinese President Xi Jinping in Woodside on Wednesday. They agreed to resume \
            military communications.

            NATO allies pledged a minimum of 40 billion euros in military aid. Germany pledged its support for the \
            talks. Biden announced nearly $8 billion in military assistance for Kyiv.
            """
        let events = Self.events(text, "2023-11-16")
        let agreed = try #require(events.first { $0.trigger == "agreed" }, "\(events)")
        #expect(Set(agreed.actors + agreed.targets) == ["Joe Biden", "Xi Jinping"], "\(agreed)")
        let pledges = events.filter { $0.trigger == "pledged" && $0.type != .statement }
        #expect(pledges.map(\.type) == [.aid, .support], "aid when aid follows, support otherwise: \(pledges)")
        #expect(events.contains { $0.trigger == "announced" && $0.type == .aid }, "\(events)")
        // A weapon's country acts.
        let strike = Self.events(
            "A Russian missile struck the main children's hospital in Kyiv on Monday.",
            "2024-07-09"
        )
        let struck = try #require(strike.first { $0.trigger == "struck" }, "\(strike)")
        #expect(struck.type == .assault && struck.actors == ["Russian"] && struck.place == "Kyiv", "\(struck)")
        // "They" with no pair named before stands for no one.
        let alone = Self.events("They agreed to resume military communications.", "2023-11-16")
        #expect(alone.isEmpty, "\(alone)")
    }

    // MARK: The corpus

    @Test func starmerTrumpWhiteHouseMeetingInTheCorpus() throws {
        // 000 is the 27 February live blog; 001 dates the meeting "on February 27"; 002 (28 February) reports
        // it in a sentence with no date of its own, so its report carries the publication day.
        let dates = ["000_": "2025-02-27", "001_": "2025-02-28", "002_": "2025-02-28"]
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
        var atTheWhiteHouse = 0
        for (prefix, date) in dates.sorted(by: { $0.key < $1.key }) {
            let name = try #require(names.first { $0.hasPrefix(prefix) })
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            let events = Self.events(text, date)
            let meetings = events.filter {
                $0.type == .consult && $0.modality == .happened
                    && ($0.actors + $0.targets).contains("Keir Starmer")
                    && ($0.actors + $0.targets).contains("Donald Trump")
            }
            #expect(!meetings.isEmpty, "\(name): \(events.filter { $0.type == .consult })")
            if prefix != "002_" {
                #expect(meetings.contains { $0.date == "2025-02-27" }, "\(name): \(meetings)")
            }
            if meetings.contains(where: { $0.place == "White House" && $0.actors.contains("Keir Starmer") }) {
                atTheWhiteHouse += 1
            }
        }
        #expect(atTheWhiteHouse >= 2, "the White House is the place in at least two reports")
    }
}
