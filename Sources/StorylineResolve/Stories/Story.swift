import StorylineCore

/// A developing story: the articles that ``StoryClusterer`` grouped by content over time, such as the Ukraine
/// peace talks of February 2025.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    /// The story's identifier in its clusterer.
    public var id: StoryID
    /// A short label from the story's heaviest entities and terms: "Keir Starmer · Donald Trump · mineral".
    public var label: String
    /// The story's articles, in the order added.
    public var articleIDs: [String]
    /// The story's threads, in order of creation.
    public var threads: [ThreadID]
    /// The earliest publication date of its articles, when any is dated.
    public var firstPublished: PublicationDate?
    /// The latest publication date of its articles, when any is dated.
    public var lastPublished: PublicationDate?

    /// Creates a story; ``StoryClusterer`` is the usual way.
    public init(
        id: StoryID,
        label: String,
        articleIDs: [String],
        threads: [ThreadID],
        firstPublished: PublicationDate? = nil,
        lastPublished: PublicationDate? = nil
    ) {
        self.id = id
        self.label = label
        self.articleIDs = articleIDs
        self.threads = threads
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
    }
}
