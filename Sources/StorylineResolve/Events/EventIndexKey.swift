import StorylineCore

/// A key of the event merger's index: an event type, the last word of a participant's name, and a date
/// slot. Every event that a report can merge with is filed under one of the keys the report looks up (see
/// ``EventMerger``), so a report reads a few short lists instead of all events.
struct EventIndexKey: Sendable, Hashable {
    /// What ``value`` is.
    enum Slot: UInt8, Sendable, Hashable {
        /// The event's narrowest date is the period of ``precision`` starting on day ``value``.
        case exact
        /// The event's narrowest date lies strictly inside the period of ``precision`` starting on ``value``.
        case within
        /// The event's first report was published on day ``value`` (for undated reports).
        case firstReport
        /// The event has no dated report and its first report was published on day ``value``.
        case undatedEvent
    }

    var type: EventType
    var surname: UInt64
    var slot: Slot
    var precision: EventPeriod.Precision
    var value: Int

    init(_ type: EventType, _ surname: UInt64, _ slot: Slot, _ precision: EventPeriod.Precision, _ value: Int) {
        self.type = type
        self.surname = surname
        self.slot = slot
        self.precision = precision
        self.value = value
    }
}
