/// Where ``StoryClusterer/add(articleID:published:text:entities:)`` put an article.
public struct StoryAssignment: Sendable, Hashable, Codable {
    /// The story the article belongs to.
    public var story: StoryID
    /// The thread within that story.
    public var thread: ThreadID
    /// The earlier article this one is a near-duplicate copy of (see ``NearDuplicateIndex``); a copy joins its
    /// original's story and thread without weighing in on the story's content a second time.
    public var duplicateOf: String?

    /// Creates an assignment.
    public init(story: StoryID, thread: ThreadID, duplicateOf: String? = nil) {
        self.story = story
        self.thread = thread
        self.duplicateOf = duplicateOf
    }
}
