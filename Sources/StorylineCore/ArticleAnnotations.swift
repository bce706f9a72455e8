/// Everything extraction found in one article's text: the output of the per-article pipeline
/// (`StorylineExtract.ArticleExtractor`), stored with the article and shown with it.
///
/// Every range is a ``TextRange`` of UTF-8 byte offsets into the text that was annotated, the article's
/// ``Article/text``; it becomes a Unicode-scalar offset only at the edge (JSON output, API).
///
/// Each kind of annotation is one field. Fields added later (entity mentions, quotes, events) decode as
/// empty from JSON written before they existed, so stored or exported annotations stay readable.
public struct ArticleAnnotations: Sendable, Hashable, Codable {
    /// Time expressions normalized to TIMEX3 values, in text order.
    public var timexes: [TimeExpression]

    /// Annotations with the given contents; nothing found by default.
    public init(timexes: [TimeExpression] = []) {
        self.timexes = timexes
    }

    /// Whether nothing at all was found.
    public var isEmpty: Bool { timexes.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case timexes
    }

    /// Decodes annotations, reading a missing field as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timexes = try container.decodeIfPresent([TimeExpression].self, forKey: .timexes) ?? []
    }
}
