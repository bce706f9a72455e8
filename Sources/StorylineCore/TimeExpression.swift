/// The TIMEX3 type of a time expression.
public enum TimexType: String, Sendable, Hashable, Codable {
    case date = "DATE"
    case time = "TIME"
    case duration = "DURATION"
    case set = "SET"
}

/// A time expression found in a text, normalized to a TIMEX3 value.
///
/// `range` is in UTF-8 byte offsets into the text that was tagged (see ``TextRange``).
public struct TimeExpression: Sendable, Hashable, Codable {
    public var range: TextRange
    public var type: TimexType
    /// The TIMEX3 value: `2025-02-27`, `2025-W08`, `2025-02-27T11:30`, `P3Y`, `PAST_REF`, `XXXX-02-27`…
    public var value: String

    public init(range: TextRange, type: TimexType, value: String) {
        self.range = range
        self.type = type
        self.value = value
    }
}
