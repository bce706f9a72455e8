/// The identifier of a ``Statement`` within one ``StatementMerger``: dense, assigned in order of creation.
///
/// When a later report shows that two statements are one, the merger folds the younger into the older and
/// keeps the younger's ID as an alias: ``StatementMerger/statement(_:)`` and
/// ``StatementMerger/canonicalID(of:)`` follow it, so an ID once handed out never dangles.
public struct StatementID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
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

    public static func < (lhs: StatementID, rhs: StatementID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "S\(rawValue)" }
}
