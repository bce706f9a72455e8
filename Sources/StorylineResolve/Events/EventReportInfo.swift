import StorylineCore

/// What the event merger reads of one report, computed once when it is added (and again when a saved merger
/// is decoded): its names as ``EventNames``, its date as an ``EventPeriod`` and its publication day.
struct EventReportInfo: Sendable {
    var actors: EventNames
    var targets: EventNames
    var place: EventNames
    /// The place is a building or seat (FAC, ORG) rather than an area; nil when unknown.
    var placeIsSite: Bool?
    /// The report's date; nil when it has none or it is not a calendar period.
    var period: EventPeriod?
    /// Days since 1970-01-01 of the article's publication date.
    var day: Int?
    /// For a happened event dated only by its article: the days it may have taken place on, the week up to the
    /// article's day (see ``EventReport/dateFromArticle``); ``period`` is then nil.
    var recent: ClosedRange<Int>?
    /// A statement's content words (sorted, distinct); nil for other types or without content.
    var content: [String]?
    /// The report says the meeting is multilateral: outlets name different subsets of its participants.
    var isMultilateral: Bool

    init(_ report: EventReport, recentDays: Int) {
        actors = EventNames(report.actors)
        targets = EventNames(report.targets)
        place = EventNames(report.place.map { [$0] } ?? [])
        placeIsSite = report.placeType.map { $0 == .facility || $0 == .organization }
        period = report.date.flatMap(EventPeriod.init(timex:))
        day = report.source.published?.dayNumber
        // Only for what happened: a plan its article alone dates is too often one of many ahead (measured on
        // the event evaluation set, a forward span made merging worse).
        if report.dateFromArticle, report.modality == .happened, let p = period, p.precision == .day {
            recent = (p.first - recentDays)...p.first
            period = nil
        }
        if report.type == .statement, let text = report.content {
            let words = ContentWords.termCounts(of: text).keys.sorted()
            content = words.isEmpty ? nil : words
        }
        isMultilateral = report.mode?.lowercased() == "multilateral"
    }

    /// The share of the smaller of two sorted word lists found in the other.
    static func containment(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(SortedOverlap.count(a, b)) / Double(min(a.count, b.count))
    }

    /// The last words of every participant: the index's name keys (compatible names share their last word).
    var surnames: [UInt64] {
        var out: [UInt64] = []
        for group in actors.groups + targets.groups {
            if let last = group.key.words.last, !out.contains(last) { out.append(last) }
        }
        return out
    }
}
