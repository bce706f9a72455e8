import StorylineCore

/// What reading one input produced: the articles read and, for containers (feeds, JSONL, WARC),
/// the records that failed. A failed record never hides the good ones.
public struct ReadResult: Sendable {
    public var articles: [Article]
    public var errors: [IngestError]

    public init(articles: [Article] = [], errors: [IngestError] = []) {
        self.articles = articles
        self.errors = errors
    }

    public mutating func append(contentsOf other: ReadResult) {
        articles += other.articles
        errors += other.errors
    }
}
