/// The identifier of a thread — a closer-knit strand of one ``Story``, such as the minerals deal inside the
/// Ukraine peace talks — within one ``StoryClusterer``: dense across all stories, assigned in order of
/// creation.
public struct ThreadID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The number behind the ID.
    public var rawValue: Int

    /// Creates an ID.
    public init(rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: ThreadID, rhs: ThreadID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "thread-\(rawValue)" }
}
