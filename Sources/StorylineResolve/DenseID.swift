/// An identifier handed out by one merger or clusterer: a number dense in order of creation, coded in JSON as
/// the bare number and printed with the kind's prefix ("S12", "story-3", "thread-7"). ``StatementID``,
/// ``StoryID`` and ``ThreadID`` are its kinds.
public struct DenseID<Kind: DenseIDKind>: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
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

    public static func < (lhs: DenseID, rhs: DenseID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { Kind.prefix + String(rawValue) }
}

/// What a ``DenseID`` identifies, and how it is printed.
public protocol DenseIDKind: Sendable {
    /// The text before the number in ``DenseID/description``.
    static var prefix: String { get }
}
