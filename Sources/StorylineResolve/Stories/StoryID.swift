/// The identifier of a ``Story`` within one ``StoryClusterer``: dense, assigned in order of creation.
public struct StoryID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
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

    public static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "story-\(rawValue)" }
}
