/// The identifier of a ``Story`` within one ``StoryClusterer``: dense, assigned in order of creation.
public typealias StoryID = DenseID<StoryKind>

/// The kind of ``StoryID``.
public enum StoryKind: DenseIDKind {
    public static let prefix = "story-"
}
