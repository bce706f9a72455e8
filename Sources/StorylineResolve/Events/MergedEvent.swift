import StorylineCore

/// One real-world event with every report of it across articles and outlets: the meeting in Washington that
/// four outlets reported, the summit that was announced as planned and later happened.
///
/// Built by ``EventMerger``. Every report links back to its article and the event's index there.
public struct MergedEvent: Sendable, Hashable, Codable, Identifiable {
    /// The event's identifier in its merger.
    public var id: EventID
    /// The PLOVER type every report shares.
    public var type: EventType
    /// The mode of the first report (in the order added) that states one.
    public var mode: String?
    /// ``EventModality/happened`` when any report says it happened (a planned event that later happened is
    /// one event), else the reports' common modality.
    public var modality: EventModality
    /// Who acted, each participant once in its fullest form ("Donald Trump" rather than "Trump"), in order of
    /// first appearance. For symmetric types (CONSULT, AGREE, COOPERATE) a participant is listed in the role
    /// it was first reported in.
    public var actors: [String]
    /// Whom the action was aimed at, as ``actors``, without the participants already listed there.
    public var targets: [String]
    /// Where: the first place reported, in its fullest form ("Filoli Estate" for "Filoli"); nil when no report
    /// says.
    public var place: String?
    /// The most precise date the reports agree on, as the TIMEX3 value of the report that gave it ("2025-02-27"
    /// rather than "2025-02"); nil when no report gives a date.
    public var date: String?
    /// Every report, earliest first (``EventReportRef/precedes(_:_:)``); never empty.
    public var reports: [EventReportRef]
    /// The earliest report's source.
    public var firstReport: ReportSource
    /// How many distinct outlets reported the event. Outlets are compared case-insensitively without a
    /// leading `www.`; a report whose outlet is unknown counts as an outlet of its own; a report from an
    /// article that is a syndicated copy of another article with a report of this event counts no more.
    public var independentOutlets: Int
    /// The earliest report that announced the event as planned, when any did.
    public var plannedFirstReportedBy: ReportSource?

    /// Creates an event; ``EventMerger`` is the usual way.
    public init(
        id: EventID,
        type: EventType,
        mode: String? = nil,
        modality: EventModality,
        actors: [String],
        targets: [String],
        place: String? = nil,
        date: String? = nil,
        reports: [EventReportRef],
        firstReport: ReportSource,
        independentOutlets: Int,
        plannedFirstReportedBy: ReportSource? = nil
    ) {
        self.id = id
        self.type = type
        self.mode = mode
        self.modality = modality
        self.actors = actors
        self.targets = targets
        self.place = place
        self.date = date
        self.reports = reports
        self.firstReport = firstReport
        self.independentOutlets = independentOutlets
        self.plannedFirstReportedBy = plannedFirstReportedBy
    }
}
