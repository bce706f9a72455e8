import StorylineCore

/// What the event merger reads of one report, computed once when it is added (and again when a saved merger
/// is decoded): its names as ``EventNames``, its date as an ``EventPeriod`` and its publication day.
struct EventReportInfo: Sendable {
    var actors: EventNames
    var targets: EventNames
    var place: EventNames
    /// The report's date; nil when it has none or it is not a calendar period.
    var period: EventPeriod?
    /// Days since 1970-01-01 of the article's publication date.
    var day: Int?
    /// A statement's content words (sorted, distinct); nil for other types or without content.
    var content: [String]?
    /// The report says the meeting is multilateral: outlets name different subsets of its participants.
    var isMultilateral: Bool

    init(_ report: EventReport) {
        actors = EventNames(report.actors)
        targets = EventNames(report.targets)
        place = EventNames(report.place.map { [$0] } ?? [])
        period = report.date.flatMap(EventPeriod.init(timex:))
        day = report.source.published?.dayNumber
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
