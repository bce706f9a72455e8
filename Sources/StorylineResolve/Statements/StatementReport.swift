import StorylineCore

/// One outlet's report of a ``Statement``: where it appeared and how that outlet worded it.
public struct StatementReport: Sendable, Hashable, Codable {
    /// The article, outlet and publication date of the report.
    public var source: ReportSource
    /// The quote's UTF-8 byte range in the article's text (``QuoteMention/range``).
    public var range: TextRange
    /// The words as this outlet wrote them: the article's text in ``range``.
    public var wording: String
    /// Direct, partial or indirect, as in this report.
    public var kind: QuoteMention.Kind
    /// The cue as written in this report ("said", "told", "according to"), when known.
    public var cue: String?
    /// The speaker name this report was added with, when known.
    public var speaker: String?

    /// Creates a report.
    public init(
        source: ReportSource,
        range: TextRange,
        wording: String,
        kind: QuoteMention.Kind,
        cue: String? = nil,
        speaker: String? = nil
    ) {
        self.source = source
        self.range = range
        self.wording = wording
        self.kind = kind
        self.cue = cue
        self.speaker = speaker
    }

    /// Report order: ``ReportSource/earlier(_:_:)`` (dated before undated, then by article ID), then by
    /// position in the article.
    public static func precedes(_ a: StatementReport, _ b: StatementReport) -> Bool {
        if ReportSource.earlier(a.source, b.source) { return true }
        if ReportSource.earlier(b.source, a.source) { return false }
        return a.range < b.range
    }
}
