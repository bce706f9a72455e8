/// The identifier of a thread — a closer-knit strand of one ``Story``, such as the minerals deal inside the
/// Ukraine peace talks — within one ``StoryClusterer``: dense across all stories, assigned in order of
/// creation.
public typealias ThreadID = DenseID<ThreadKind>

/// The kind of ``ThreadID``.
public enum ThreadKind: DenseIDKind {
    public static let prefix = "thread-"
}
