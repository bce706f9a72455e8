/// The identifier of a ``MergedEvent`` within one ``EventMerger``: "E" and a number dense in order of creation
/// ("E0", "E1"…), never reused, so an ID once handed out always names the same event.
public struct EventID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The identifier as text: "E12".
    public var rawValue: String

    /// Creates an ID from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The ID of the event with this number.
    init(index: Int) { rawValue = "E\(index)" }

    /// The number behind the ID; nil for text no merger made.
    var index: Int? {
        guard rawValue.utf8.first == UInt8(ascii: "E"), let n = Int(rawValue.dropFirst()), n >= 0 else { return nil }
        return n
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Orders by number (IDs no merger made last, by text).
    public static func < (lhs: EventID, rhs: EventID) -> Bool {
        let (a, b) = (lhs.index ?? Int.max, rhs.index ?? Int.max)
        return a != b ? a < b : lhs.rawValue < rhs.rawValue
    }

    public var description: String { rawValue }
}
