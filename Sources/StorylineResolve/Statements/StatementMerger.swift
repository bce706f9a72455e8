import StorylineCore

/// Merges the quotes of many articles into statements: the same words by the same speaker reported by
/// several outlets — verbatim or with small differences — become one ``Statement`` with all its reports,
/// the earliest report and each outlet's wording.
///
/// Add quotes one at a time with ``add(quote:text:speaker:source:)``. The merger is incremental: adding a
/// quote reads the inverted index (shingle → statements) for its own shingles only, counts how many each
/// statement shares, and compares wordings only with statements that share enough to pass a rule — never
/// with all statements. (The cost is the length of those index entries: small for "tough and fair", larger
/// for a shingle as common as "we will not".) It is deterministic: the same quotes in the same order give
/// the same statements and IDs. Its state is `Codable`, and a decoded merger continues exactly as the
/// encoded one would have.
///
/// Two reports are the same statement when all of these hold (thresholds in ``Configuration``):
/// - **Wording.** Both are normalized (``StatementNormalizer``: quotation marks, dashes, case, punctuation,
///   diacritics and British/American spelling set aside) and cut into word 3-gram shingles
///   (``StatementFeatures``). They match when the Jaccard similarity of their shingle sets is at least
///   ``Configuration/similarity`` (0.5), or when the shorter wording has at least
///   ``Configuration/minimumFragmentWords`` (5) words and at least ``Configuration/containment`` (80%) of its
///   shingles are in the longer one — an outlet quoting a trimmed fragment of another's quote. When either
///   report is ``QuoteMention/Kind/indirect`` (a paraphrase) only similarity counts, and it must reach
///   ``Configuration/indirectSimilarity`` (0.7). A statement matches when any of its reports does.
/// - **Speaker.** Known speakers must be compatible (``SpeakerKey``: equal after normalization, or one a
///   shorter form of the other, "Starmer" / "Keir Starmer"); different known speakers never merge. An
///   unknown speaker (nil) is compatible with any, but then the shorter wording must have at least
///   ``Configuration/minimumFragmentWords`` words, so that a three-word phrase with nobody attached does not
///   join someone's statement. A statement's speaker is the fullest name among its reports.
/// - **Date.** All dated reports of the merged statement lie within ``Configuration/windowDays`` (14) days
///   of each other (calendar days of the stated dates, time zones ignored). Undated reports fit any window.
///
/// A new quote that matches several statements joins the best one (highest similarity, then lowest ID)
/// together with every other matched statement that is compatible with the result — a full quote joining
/// two fragments that were reported apart. Joined statements keep the oldest ID; the others' IDs stay valid
/// as aliases (``canonicalID(of:)``). Adding a report already added (same article and range) changes
/// nothing and returns the statement's ID.
public struct StatementMerger: Sendable {
    /// Thresholds of the matching rules.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Words per shingle.
        public var shingleSize: Int
        /// Minimum Jaccard similarity of shingle sets for two direct or partial quotes.
        public var similarity: Double
        /// Minimum share of the shorter wording's shingles found in the longer one, for a fragment.
        public var containment: Double
        /// Minimum normalized words of the shorter wording for a fragment match, and for any match with an
        /// unknown speaker.
        public var minimumFragmentWords: Int
        /// Minimum Jaccard similarity when either report is an indirect quote (a paraphrase).
        public var indirectSimilarity: Double
        /// Maximum span, in calendar days, between the dated reports of one statement.
        public var windowDays: Int

        /// The defaults: 3-word shingles, similarity 0.5, containment 0.8 with 5 words, indirect 0.7, 14 days.
        public init(
            shingleSize: Int = 3,
            similarity: Double = 0.5,
            containment: Double = 0.8,
            minimumFragmentWords: Int = 5,
            indirectSimilarity: Double = 0.7,
            windowDays: Int = 14
        ) {
            self.shingleSize = shingleSize
            self.similarity = similarity
            self.containment = containment
            self.minimumFragmentWords = minimumFragmentWords
            self.indirectSimilarity = indirectSimilarity
            self.windowDays = windowDays
        }
    }

    /// What the merger keeps of one report besides the report itself (rebuilt when decoding).
    struct ReportInfo: Sendable {
        var kind: QuoteMention.Kind
        var features: StatementFeatures
        var speaker: SpeakerKey?
        /// Days since 1970-01-01 of the publication date, when known.
        var day: Int?
    }

    /// Identifies a report for idempotence: the article and the quote's range.
    struct ReportKey: Sendable, Hashable {
        var articleID: String
        var range: TextRange
    }

    /// The thresholds in use.
    public let configuration: Configuration
    /// Per ID: the live statement, or nil when it was folded into another.
    var slots: [Statement?] = []
    /// Per ID: the report infos of a live statement, in the order of its reports.
    var infos: [[ReportInfo]] = []
    /// Per ID: the ID it was folded into, or -1 for a live statement.
    var folded: [Int] = []
    /// Shingle hash → IDs of statements with a report that has it (may hold aliases; resolve before use).
    var index: [UInt64: [Int32]] = [:]
    /// Every report added, with the ID it was added to (may be an alias).
    var reportIDs: [ReportKey: Int] = [:]

    /// An empty merger.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The live statements, by ID.
    public var statements: [Statement] { slots.compactMap { $0 } }

    /// The number of live statements.
    public var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The statement with this ID, following aliases of folded statements; nil for an ID never handed out.
    public func statement(_ id: StatementID) -> Statement? {
        guard let live = canonicalID(of: id) else { return nil }
        return slots[live.rawValue]
    }

    /// The live ID an ID stands for (itself, or the statement it was folded into); nil for an unknown ID.
    public func canonicalID(of id: StatementID) -> StatementID? {
        guard id.rawValue >= 0, id.rawValue < slots.count else { return nil }
        return StatementID(rawValue: resolve(id.rawValue))
    }

    func resolve(_ id: Int) -> Int {
        var id = id
        while folded[id] >= 0 { id = folded[id] }
        return id
    }

    /// Adds one quote and returns the ID of the statement it belongs to (new or existing).
    ///
    /// - Parameters:
    ///   - quote: the quote; its ``QuoteMention/range`` is read from `text`, its kind and cue are kept.
    ///   - text: the article text the quote's UTF-8 byte range points into.
    ///   - speaker: the resolved speaker name, or nil when unknown (see the type's speaker rule).
    ///   - source: the article, outlet and date of the report.
    @discardableResult
    public mutating func add(quote: QuoteMention, text: String, speaker: String?, source: ReportSource)
        -> StatementID
    {
        let utf8 = text.utf8
        let start = min(max(0, quote.range.start), utf8.count)
        let end = min(max(start, quote.range.end), utf8.count)
        let bytes = Array(utf8.dropFirst(start).prefix(end - start))
        return add(quote: quote, wording: String(decoding: bytes, as: UTF8.self), speaker: speaker, source: source)
    }

    /// Adds one quote whose words are already cut from its article (`wording`: the text of its
    /// ``QuoteMention/range``), as ``add(quote:text:speaker:source:)`` does.
    @discardableResult
    public mutating func add(quote: QuoteMention, wording: String, speaker: String?, source: ReportSource)
        -> StatementID
    {
        let key = ReportKey(articleID: source.articleID, range: quote.range)
        if let known = reportIDs[key] { return StatementID(rawValue: resolve(known)) }
        let report = StatementReport(
            source: source,
            range: quote.range,
            wording: wording,
            kind: quote.kind,
            cue: quote.cue,
            speaker: speaker
        )
        let info = makeInfo(report)
        let id = place(report, info)
        reportIDs[key] = id
        return StatementID(rawValue: id)
    }

    /// Adds one quote with the name its own attribution gives (``QuoteMention/attributedName``).
    @discardableResult
    public mutating func add(quote: QuoteMention, text: String, source: ReportSource) -> StatementID {
        add(quote: quote, text: text, speaker: quote.attributedName, source: source)
    }

    func makeInfo(_ report: StatementReport) -> ReportInfo {
        ReportInfo(
            kind: report.kind,
            features: StatementFeatures(wording: Array(report.wording.utf8), shingleSize: configuration.shingleSize),
            speaker: SpeakerKey(report.speaker),
            day: report.source.published.map(\.dayNumber)
        )
    }
}
