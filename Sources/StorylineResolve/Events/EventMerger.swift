import StorylineCore

/// Merges the event reports of many articles into events: the same meeting reported by four outlets, with
/// "Trump" in one and "Donald Trump" in another, becomes one ``MergedEvent`` with four reports, its first
/// report and its count of independent outlets; a planned summit and its later happening are one event.
///
/// Add reports one at a time with ``add(_:)``. The merger is incremental: it files each event in an index
/// under (type, last word of each participant's name, date slot) and a new report looks up only its own
/// keys — the events of the same type, with a participant of the same surname, whose date can agree with its
/// own — so the cost of an add does not grow with the number of events (only a report dated by a whole year
/// or quarter reads every such event in that period). It is deterministic: the same reports in the same
/// order give the same events and IDs. Its state is `Codable`, and a decoded merger continues exactly as the
/// encoded one would have.
///
/// A report joins an event when all of these hold:
/// - **Type.** The same PLOVER type.
/// - **Mode.** When both state one, the report's mode is among the event's ("visit" is not "phone", nor a
///   bilateral visit the "multilateral" summit around it).
/// - **Participants.** At least one participant in common, and no contradiction (``EventNames``): names
///   match case-insensitively, a surname alone matches a full name ending with it; both sides naming someone
///   the other does not, with fewer than two shared, is a different event ({Trump, Putin} is not
///   {Trump, Zelensky}). Descriptions ("mediators", "protesters") never contradict, and when both report and
///   event are multilateral nothing does (each outlet names a few of the leaders present). For the symmetric
///   types CONSULT, AGREE and COOPERATE actors and targets are one set of participants ("Starmer met Trump"
///   is "Trump hosted Starmer"); for the others actors and targets are compared role by role. A report
///   without any participant never joins an event.
/// - **Date.** When both have dates, the report's date is equal to, contains or is contained in every date
///   of the event's reports, read as calendar periods (``EventPeriod``): "2025-02-27" agrees with "2025-02"
///   and "2025-W09" but never with "2025-02-28" — the same people meeting on another day is another event.
///   A happened report that only its article dates ("the meeting", reported the next day) took place in the
///   ``Configuration/recentDays`` (7) days up to its article's day: it agrees with dates in that span, and
///   with events so dated whose spans overlap its own. When either has no date at all, the report's article
///   must be published within ``Configuration/undatedWindowDays`` (1) days of the event's first report.
/// - **Place.** One is unknown, or they name the same place (compatible names, or the words of one among
///   the words of the other: "Filoli" and "Filoli Estate"), or one is a site and the other an area that may
///   hold it ("the White House" and "Washington", by ``EventReport/placeType``). Different places separate
///   only reports that
///   share at most ``Configuration/placeVetoMaxShared`` (1) participant: outlets name one meeting's place at
///   different scales ("Filoli", "Woodside", "California"), while the same two leaders rarely meet twice
///   on one day.
/// - **Modality.** Happened and planned reports merge — a plan announced no later than the day it happened
///   (the event then reads as happened and keeps ``MergedEvent/plannedFirstReportedBy``); proposed, denied
///   and hypothetical reports merge only with events of their own modality, never with what happened.
/// - **Statements.** A STATEMENT report with ``EventReport/content`` joins a statement event only when at
///   least ``Configuration/statementOverlap`` (half) of the smaller set of content words is shared with one
///   of its reports' contents; without content, one speaker's statements of one day are one event.
///
/// A report that fits several events joins the one with the best score — shared participants, minus
/// participants only one side names, plus the statement overlap, the narrowest date equal to the report's,
/// the same modality and the same place — then the oldest. Adding a report already added (same article and
/// index) changes nothing and returns its event's ID.
///
/// On the event evaluation set (`Tests/Fixtures/events`, gold events fed in as reports, in publication
/// order) the merged clusters score pairwise F1 0.72 (precision 0.77) and B³ F1 0.89; with each statement's
/// sentence as its content, pairwise F1 0.74 (precision 0.89), B³ F1 0.90.
public struct EventMerger: Sendable {
    /// Thresholds of the matching rules.
    public struct Configuration: Sendable, Hashable, Codable {
        /// How many days apart the publication dates of an undated report and an event's first report may be.
        public var undatedWindowDays: Int
        /// Places that disagree separate a report from an event only when they share at most this many
        /// participants: outlets name one meeting's place at different scales ("Filoli", "Woodside",
        /// "California"), while the same two leaders rarely meet twice on one day.
        public var placeVetoMaxShared: Int
        /// The least share of the smaller statement's content words found in the other for two statements
        /// (with ``EventReport/content``) by one speaker on one day to be one.
        public var statementOverlap: Double
        /// How many days before its article's publication a happened event that only the article dates
        /// (``EventReport/dateFromArticle``) may have taken place.
        public var recentDays: Int

        /// The defaults: undated reports within one day, places veto with one shared participant, statements
        /// sharing half their content words, events dated only by their article within the week before it.
        public init(
            undatedWindowDays: Int = 1,
            placeVetoMaxShared: Int = 1,
            statementOverlap: Double = 0.5,
            recentDays: Int = 7
        ) {
            self.undatedWindowDays = undatedWindowDays
            self.placeVetoMaxShared = placeVetoMaxShared
            self.statementOverlap = statementOverlap
            self.recentDays = recentDays
        }

        private enum CodingKeys: String, CodingKey {
            case undatedWindowDays, placeVetoMaxShared, statementOverlap, recentDays
        }

        /// Decodes a configuration; one encoded before ``recentDays`` existed gets the default.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                undatedWindowDays: try c.decode(Int.self, forKey: .undatedWindowDays),
                placeVetoMaxShared: try c.decode(Int.self, forKey: .placeVetoMaxShared),
                statementOverlap: try c.decode(Double.self, forKey: .statementOverlap),
                recentDays: try c.decodeIfPresent(Int.self, forKey: .recentDays) ?? Configuration().recentDays
            )
        }
    }

    /// The types whose actors and targets are one set of participants.
    public static let symmetricTypes: Set<EventType> = [.consult, .agree, .cooperate]

    /// Identifies a report for idempotence.
    struct ReportKey: Sendable, Hashable {
        var articleID: String
        var index: Int
    }

    /// The thresholds in use.
    public let configuration: Configuration
    /// Per ID: the event and what the rules know of it.
    var slots: [EventState] = []
    /// Index key → IDs of events filed under it, oldest first.
    var index: [EventIndexKey: [Int32]] = [:]
    /// Every report added, with the ID of its event.
    var reportIDs: [ReportKey: Int] = [:]
    /// Every report added, in order, with its event's ID: the encoded state.
    var log: [(report: EventReport, event: Int32)] = []

    /// An empty merger.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The events, by ID.
    public var events: [MergedEvent] { slots.map(\.event) }

    /// The number of events.
    public var count: Int { slots.count }

    /// The event with this ID; nil for an ID never handed out.
    public func event(_ id: EventID) -> MergedEvent? {
        guard let n = id.index, n < slots.count else { return nil }
        return slots[n].event
    }

    /// The ID of the event a report (article and event index) was merged into; nil when it was never added.
    public func eventID(articleID: String, index: Int) -> EventID? {
        reportIDs[ReportKey(articleID: articleID, index: index)].map(EventID.init(index:))
    }

    /// Adds one report and returns the ID of the event it belongs to, new or existing.
    @discardableResult
    public mutating func add(_ report: EventReport) -> EventID {
        let key = ReportKey(articleID: report.source.articleID, index: report.index)
        if let known = reportIDs[key] { return EventID(index: known) }
        let info = EventReportInfo(report, recentDays: configuration.recentDays)
        let id = bestEvent(for: report, info) ?? slots.count
        apply(report, info, to: id)
        return EventID(index: id)
    }

    /// Adds a report to event `id`, or to a new event when `id` is the next ID, and files the event.
    mutating func apply(_ report: EventReport, _ info: EventReportInfo, to id: Int) {
        if id == slots.count {
            slots.append(EventState(id: EventID(index: id), report: report, info: info))
        } else {
            slots[id].add(report, info)
        }
        reportIDs[ReportKey(articleID: report.source.articleID, index: report.index)] = id
        log.append((report, Int32(id)))
        file(id)
    }
}
