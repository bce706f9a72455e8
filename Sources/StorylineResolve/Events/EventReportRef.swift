import StorylineCore

/// Where a ``MergedEvent`` was reported: the article and the event's index in its annotations, and how that
/// report put it (happened, planned…).
public struct EventReportRef: Sendable, Hashable, Codable {
    /// The article, outlet and publication date of the report.
    public var source: ReportSource
    /// The event's index in the article's `annotations.events`.
    public var index: Int
    /// The report's own modality; a merged event can hold planned and happened reports.
    public var modality: EventModality

    /// Creates a reference.
    public init(source: ReportSource, index: Int, modality: EventModality) {
        self.source = source
        self.index = index
        self.modality = modality
    }

    /// Report order: ``ReportSource/earlier(_:_:)`` (dated before undated, then by article ID), then by index.
    public static func precedes(_ a: EventReportRef, _ b: EventReportRef) -> Bool {
        if ReportSource.earlier(a.source, b.source) { return true }
        if ReportSource.earlier(b.source, a.source) { return false }
        return a.index < b.index
    }
}
