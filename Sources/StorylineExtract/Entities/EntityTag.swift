import StorylineCore

/// A BILOU tag of the entity recognizer: `O`, or Begin / Inside / Last / Unit of one ``EntityType``.
///
/// Tags are numbered `0` (`O`) and `1 + 4 × type + position`, with the types in
/// `EntityTag.types` order; the model file stores weights per tag number.
struct EntityTag: Hashable, Sendable {
    /// The position of a token in a name.
    enum Position: UInt8 {
        case begin = 0, inside, last, unit
    }

    /// The types in tag-number order.
    static let types: [EntityType] = [
        .person, .organization, .geopolitical, .location, .nationalityOrGroup, .facility, .event,
    ]
    /// The number of tags.
    static let count = 1 + 4 * types.count
    /// The tag outside any name.
    static let outside = EntityTag(raw: 0)
    /// The tag before the first token of a sentence (for history features only).
    static let start = EntityTag(raw: UInt8(count))

    var raw: UInt8

    init(raw: UInt8) { self.raw = raw }

    init(type: EntityType, position: Position) {
        let t = Self.types.firstIndex(of: type)!
        raw = UInt8(1 + 4 * t) + position.rawValue
    }

    var isOutside: Bool { raw == 0 }
    var type: EntityType? { raw == 0 || raw >= Self.count ? nil : Self.types[Int(raw - 1) / 4] }
    var position: Position? { raw == 0 || raw >= Self.count ? nil : Position(rawValue: (raw - 1) % 4) }

    /// Whether this tag may follow `previous` (BILOU well-formedness).
    @inline(__always)
    func canFollow(_ previous: EntityTag) -> Bool {
        let prevOpen = previous.raw != 0 && previous.raw < Self.count && (previous.raw - 1) % 4 < 2
        if prevOpen {
            // After B-x or I-x only I-x or L-x.
            guard raw != 0 else { return false }
            let sameType = (raw - 1) / 4 == (previous.raw - 1) / 4
            let pos = (raw - 1) % 4
            return sameType && (pos == 1 || pos == 2)
        }
        if raw == 0 { return true }
        let pos = (raw - 1) % 4
        return pos == 0 || pos == 3
    }

    /// Tags for tokens `0..<count` of a name.
    static func tags(for type: EntityType, count: Int) -> [EntityTag] {
        if count == 1 { return [EntityTag(type: type, position: .unit)] }
        var tags = [EntityTag(type: type, position: .begin)]
        tags += Array(repeating: EntityTag(type: type, position: .inside), count: count - 2)
        tags.append(EntityTag(type: type, position: .last))
        return tags
    }
}
