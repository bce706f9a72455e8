import StorylineCore

/// One statement — something a speaker said — with every report of it across outlets.
///
/// Built by ``StatementMerger``: reports whose wordings match (verbatim, or up to punctuation, house
/// spelling, trimmed words) by compatible speakers within the date window are one statement.
public struct Statement: Sendable, Hashable, Codable, Identifiable {
    /// The statement's identifier in its merger.
    public var id: StatementID
    /// The speaker: the fullest name any report gives (most words, then the earliest report), or nil when
    /// no report names one.
    public var speaker: String?
    /// Every report, earliest first (``StatementReport/precedes(_:_:)``); never empty.
    public var reports: [StatementReport]
    /// The canonical wording: the most complete one — the wording with the most normalized words (see
    /// ``StatementNormalizer``), the earliest report among equals. A fragment quoted by one outlet is thus
    /// shown in full when another outlet quoted all of it; ``firstReport`` keeps the earliest wording.
    public var canonicalWording: String

    /// Creates a statement; ``StatementMerger`` is the usual way.
    public init(id: StatementID, speaker: String?, reports: [StatementReport], canonicalWording: String) {
        self.id = id
        self.speaker = speaker
        self.reports = reports
        self.canonicalWording = canonicalWording
    }

    /// The earliest report.
    public var firstReport: StatementReport { reports[0] }

    /// How many distinct outlets reported the statement. Outlet names are compared case-insensitively
    /// without a leading `www.`; a syndicated copy, or a second report in one outlet, counts once. A report
    /// whose outlet is unknown counts as an outlet of its own unless another report comes from the same
    /// article.
    public var outletCount: Int { Set(reports.map(Self.outletKey)).count }

    /// The outlets that reported the statement, as first written, in order of their first report.
    public var outlets: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for report in reports {
            guard let outlet = report.source.outlet, seen.insert(Self.outletKey(report)).inserted else { continue }
            out.append(outlet)
        }
        return out
    }

    /// The key one report's outlet is counted by.
    static func outletKey(_ report: StatementReport) -> String {
        guard let outlet = report.source.outlet else { return "\u{0}article:" + report.source.articleID }
        var key = Substring(outlet.lowercased())
        while let first = key.first, first.isWhitespace { key.removeFirst() }
        while let last = key.last, last.isWhitespace { key.removeLast() }
        if key.hasPrefix("www.") { key.removeFirst(4) }
        return String(key)
    }
}
