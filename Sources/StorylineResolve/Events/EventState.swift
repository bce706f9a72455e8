import StorylineCore

/// What ``EventMerger`` knows of one event besides its public summary: the name groups, dates and
/// modalities its compatibility rules read, and the outlet tallies, all kept up to date report by report so
/// that adding a report never re-reads the event's earlier reports.
struct EventState: Sendable {
    /// A planned report's date and publication day, for the rule that a plan is announced before it happens.
    struct Plan: Sendable, Hashable {
        var period: EventPeriod?
        var published: Int?
    }

    var event: MergedEvent
    /// CONSULT, AGREE, COOPERATE: actors and targets are one set of participants.
    let isSymmetric: Bool
    var actors = EventNames()
    var targets = EventNames()
    var place = EventNames()
    /// Lower-cased names of the reports' places known to be buildings or seats, and of those known to be areas.
    var sites: Set<String> = []
    var areas: Set<String> = []
    /// Distinct dates of the dated reports (pairwise nested), each with the TIMEX3 value first seen for it.
    var periods: [(period: EventPeriod, value: String)] = []
    /// The days every happened report dated only by its article allows (their spans' intersection; see
    /// ``EventReportInfo/recent``); nil when there is none.
    var recent: ClosedRange<Int>?
    /// Distinct dates of the happened reports.
    var happened: [EventPeriod] = []
    /// Distinct dates and days of the planned reports.
    var plans: [Plan] = []
    var modalities: Set<EventModality> = []
    /// The content words of each statement report that has them, distinct.
    var contents: [[String]] = []
    /// Some report says the meeting is multilateral.
    var isMultilateral = false
    /// The modes the reports state, lower-cased.
    var modes: Set<String> = []
    /// Articles with a report of the event.
    var articles: Set<String> = []
    /// Counted reports per outlet key.
    var outletCounts: [String: Int] = [:]
    /// Outlet keys of counted reports from syndicated copies, by the article they copy (not yet a report).
    var pendingCopies: [String: [String]] = [:]
    /// Index keys the event is filed under (some may be out of date; lookups verify).
    var indexKeys: Set<EventIndexKey> = []

    init(id: EventID, report: EventReport, info: EventReportInfo) {
        event = MergedEvent(
            id: id,
            type: report.type,
            modality: report.modality,
            actors: [],
            targets: [],
            reports: [],
            firstReport: report.source,
            independentOutlets: 0
        )
        isSymmetric = EventMerger.symmetricTypes.contains(report.type)
        add(report, info)
    }

    /// Whether a place group of the event and a report's place are of different kinds, a site and an area,
    /// so that one may lie in the other ("the White House" in "Washington").
    func differentKinds(_ group: EventNames.Group, _ reportIsSite: Bool?) -> Bool {
        guard let reportIsSite else { return false }
        let name = group.name.lowercased()
        return reportIsSite
            ? areas.contains(name) && !sites.contains(name) : sites.contains(name) && !areas.contains(name)
    }

    /// The day number of the first report's publication date.
    var firstDay: Int? { event.firstReport.published?.dayNumber }

    /// The narrowest date of the dated reports (they are nested, so it is in all the others).
    var narrowest: (period: EventPeriod, value: String)? {
        periods.min { ($0.period.last - $0.period.first) < ($1.period.last - $1.period.first) }
    }

    /// Participants as the matching rules read them: one list for symmetric types.
    var participants: (actors: [EventNames.Group], targets: [EventNames.Group]) {
        isSymmetric ? (actors.groups + targets.groups, []) : (actors.groups, targets.groups)
    }

    /// Adds a report that the rules matched (or the first report).
    mutating func add(_ report: EventReport, _ info: EventReportInfo) {
        let ref = EventReportRef(source: report.source, index: report.index, modality: report.modality)
        let at = event.reports.firstIndex { EventReportRef.precedes(ref, $0) } ?? event.reports.count
        event.reports.insert(ref, at: at)
        event.firstReport = event.reports[0].source
        if event.mode == nil { event.mode = report.mode }

        for group in info.actors.groups {
            if isSymmetric, actors.group(of: group.key) == nil, targets.group(of: group.key) != nil {
                targets.add(group.name, key: group.key)
            } else {
                actors.add(group.name, key: group.key)
            }
        }
        for group in info.targets.groups {
            if isSymmetric, targets.group(of: group.key) == nil, actors.group(of: group.key) != nil {
                actors.add(group.name, key: group.key)
            } else {
                targets.add(group.name, key: group.key)
            }
        }
        event.actors = actors.names
        event.targets = targets.names
        if let p = info.place.groups.first {
            place.addPlace(p)
            if let site = info.placeIsSite {
                if site { sites.insert(p.name.lowercased()) } else { areas.insert(p.name.lowercased()) }
            }
        }
        event.place = place.names.first

        if let period = info.period, let value = report.date {
            if !periods.contains(where: { $0.period == period }) { periods.append((period, value)) }
            if report.modality == .happened, !happened.contains(period) { happened.append(period) }
        }
        if let span = info.recent {
            if let known = recent {
                // The rules let only overlapping spans meet; the bound keeps the range valid regardless.
                let lower = max(known.lowerBound, span.lowerBound)
                recent = lower...max(lower, min(known.upperBound, span.upperBound))
            } else {
                recent = span
            }
        }
        if report.modality == .planned {
            let plan = Plan(period: info.period, published: info.day)
            if !plans.contains(plan) { plans.append(plan) }
            if let earliest = event.plannedFirstReportedBy {
                if ReportSource.earlier(report.source, earliest) { event.plannedFirstReportedBy = report.source }
            } else {
                event.plannedFirstReportedBy = report.source
            }
        }
        event.date = narrowest?.value
        modalities.insert(report.modality)
        if let content = info.content, !contents.contains(content) { contents.append(content) }
        if info.isMultilateral { isMultilateral = true }
        if let mode = report.mode?.lowercased() { modes.insert(mode) }
        event.modality =
            modalities.contains(.happened) ? .happened : modalities.contains(.planned) ? .planned : report.modality

        countOutlet(report)
    }

    /// Counts the report's outlet unless its article copies an article that reported the event; uncounts the
    /// copies of its own article that were counted before it arrived.
    private mutating func countOutlet(_ report: EventReport) {
        let article = report.source.articleID
        if articles.insert(article).inserted, let copies = pendingCopies.removeValue(forKey: article) {
            for key in copies { uncount(key) }
        }
        let key = Self.outletKey(report.source)
        if let original = report.syndicatedFrom, original != article {
            if articles.contains(original) { return }
            pendingCopies[original, default: []].append(key)
        }
        outletCounts[key, default: 0] += 1
        event.independentOutlets = outletCounts.count
    }

    private mutating func uncount(_ key: String) {
        guard let n = outletCounts[key] else { return }
        outletCounts[key] = n > 1 ? n - 1 : nil
        event.independentOutlets = outletCounts.count
    }

    /// The key an outlet is counted by: lower-cased, trimmed, without `www.`; an unknown outlet is its article.
    static func outletKey(_ source: ReportSource) -> String {
        guard let outlet = source.outlet else { return "\u{0}article:" + source.articleID }
        var key = Substring(outlet.lowercased())
        while let first = key.first, first.isWhitespace { key.removeFirst() }
        while let last = key.last, last.isWhitespace { key.removeLast() }
        if key.hasPrefix("www.") { key.removeFirst(4) }
        return key.isEmpty ? "\u{0}article:" + source.articleID : String(key)
    }
}
