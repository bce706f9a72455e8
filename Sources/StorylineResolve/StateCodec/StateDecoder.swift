import Foundation

/// Decodes a value that ``StateEncoder`` encoded, reading the bytes in place: a keyed container is indexed
/// (key → offset) when it is opened, every other value is read where it lies, so decoding costs the decoded
/// value and one container's index at a time, not a tree of the whole input.
public struct StateDecoder: Sendable {
    public init() {}

    /// Whether `data` is in the format this decoder reads (it starts with the format's magic bytes).
    public static func canDecode(_ data: Data) -> Bool {
        data.withUnsafeBytes { StateFormat.isState($0) }
    }

    /// The value encoded in `data`; a `DecodingError` when it is not a well-formed encoding of a `T`.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { buffer in
            guard StateFormat.isState(buffer) else { throw StateReader.corrupt("the data is not in the state format") }
            let reader = StateReader(bytes: buffer)
            let start = StateFormat.magic.count
            let value = try reader.decode(T.self, at: start)
            guard try reader.end(of: start) == buffer.count else {
                throw StateReader.corrupt("bytes after the encoded value")
            }
            return value
        }
    }
}

/// Reads values out of an encoding; every read checks bounds and tags.
struct StateReader {
    let bytes: UnsafeRawBufferPointer

    static func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: message))
    }

    func byte(at offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw Self.corrupt("the data ends early") }
        return bytes[offset]
    }

    func tag(at offset: Int) throws -> StateFormat.Tag {
        let raw = try byte(at: offset)
        guard let tag = StateFormat.Tag(rawValue: raw) else { throw Self.corrupt("unknown tag \(raw) at \(offset)") }
        return tag
    }

    func varint(at offset: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte(at: offset)
            offset += 1
            guard shift < 64 else { throw Self.corrupt("an integer of more than 64 bits") }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    func uint32(at offset: Int) throws -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { throw Self.corrupt("the data ends early") }
        return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// A string's bytes as a `String`; `offset` moves past them.
    func string(at offset: inout Int) throws -> String {
        let count = Int(try varint(at: &offset))
        guard count <= bytes.count - offset else { throw Self.corrupt("a string longer than the data") }
        let string = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        offset += count
        return string
    }

    /// The offset just past the value at `offset`.
    func end(of offset: Int) throws -> Int {
        switch try tag(at: offset) {
        case .null, .falseValue, .trueValue: return offset + 1
        case .signed, .unsigned:
            var o = offset + 1
            _ = try varint(at: &o)
            return o
        case .double:
            guard offset + 9 <= bytes.count else { throw Self.corrupt("the data ends early") }
            return offset + 9
        case .string:
            var o = offset + 1
            let count = Int(try varint(at: &o))
            guard count <= bytes.count - o else { throw Self.corrupt("a string longer than the data") }
            return o + count
        case .keyed, .unkeyed:
            let body = try uint32(at: offset + 1)
            let end = offset + StateFormat.containerHeader + body
            guard end <= bytes.count else { throw Self.corrupt("a container longer than the data") }
            return end
        }
    }

    func mismatch(_ type: Any.Type, _ found: StateFormat.Tag) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: [], debugDescription: "found \(found)"))
    }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case .trueValue: return true
        case .falseValue: return false
        case let other: throw mismatch(Bool.self, other)
        }
    }

    func string(at offset: Int) throws -> String {
        let found = try tag(at: offset)
        guard found == .string else { throw mismatch(String.self, found) }
        var o = offset + 1
        return try string(at: &o)
    }

    func double(at offset: Int) throws -> Double {
        switch try tag(at: offset) {
        case .double:
            guard offset + 9 <= bytes.count else { throw Self.corrupt("the data ends early") }
            return Double(
                bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 1, as: UInt64.self))
            )
        case .signed, .unsigned: return Double(try integer(Int64.self, at: offset))
        case let other: throw mismatch(Double.self, other)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) throws -> T {
        let found = try tag(at: offset)
        var o = offset + 1
        let result: T?
        switch found {
        case .signed: result = T(exactly: StateFormat.unzigzag(try varint(at: &o)))
        case .unsigned: result = T(exactly: try varint(at: &o))
        default: throw mismatch(T.self, found)
        }
        guard let result else { throw Self.corrupt("an integer out of the range of \(T.self)") }
        return result
    }

    /// The value at `offset` as a `T`: primitives read directly, anything else through its `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        switch type {
        case is String.Type: return try string(at: offset) as! T
        case is Int.Type: return try integer(Int.self, at: offset) as! T
        case is Bool.Type: return try bool(at: offset) as! T
        case is Double.Type: return try double(at: offset) as! T
        case is Int64.Type: return try integer(Int64.self, at: offset) as! T
        case is Int32.Type: return try integer(Int32.self, at: offset) as! T
        case is UInt32.Type: return try integer(UInt32.self, at: offset) as! T
        case is UInt64.Type: return try integer(UInt64.self, at: offset) as! T
        default: return try T(from: StateDecoding(reader: self, offset: offset))
        }
    }
}

/// The decoder handed to `init(from:)` for the value at one offset.
struct StateDecoding: Decoder {
    let reader: StateReader
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The offset of the first entry of the container at `offset`, its end and its count.
    static func body(of reader: StateReader, at offset: Int, keyed: Bool) throws -> (start: Int, end: Int, count: Int) {
        let found = try reader.tag(at: offset)
        guard found == (keyed ? .keyed : .unkeyed) else {
            throw reader.mismatch(keyed ? [String: Any].self : [Any].self, found)
        }
        let start = offset + StateFormat.containerHeader
        let end = try reader.end(of: offset)
        let count = try reader.uint32(at: offset + 5)
        // Every element takes at least a byte, every entry two: a count beyond that is damage.
        guard count * (keyed ? 2 : 1) <= end - start else {
            throw StateReader.corrupt("a container's count exceeds its size")
        }
        return (start, end, count)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let (start, end, count) = try Self.body(of: reader, at: offset, keyed: true)
        var entries: [String: Int] = [:]
        entries.reserveCapacity(count)
        var o = start
        for _ in 0..<count {
            let key = try reader.string(at: &o)
            entries[key] = o
            o = try reader.end(of: o)
        }
        guard o == end else { throw StateReader.corrupt("a keyed container's entries do not fill it") }
        return KeyedDecodingContainer(StateKeyedDecoding<Key>(reader: reader, entries: entries))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (start, end, count) = try Self.body(of: reader, at: offset, keyed: false)
        return StateUnkeyedDecoding(reader: reader, cursor: start, end: end, count: count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StateSingleValueDecoding(reader: reader, offset: offset)
    }
}

struct StateKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: StateReader
    let entries: [String: Int]
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { entries.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

    private func offset(_ key: Key) throws -> Int {
        guard let offset = entries[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: [], debugDescription: "no value for \"\(key.stringValue)\"")
            )
        }
        return offset
    }

    func decodeNil(forKey key: Key) throws -> Bool { try reader.tag(at: try offset(key)) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.decode(T.self, at: try offset(key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(at: try offset(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(at: try offset(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(at: try offset(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader.double(at: try offset(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(Int.self, at: try offset(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try reader.integer(Int8.self, at: try offset(key))
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try reader.integer(Int16.self, at: try offset(key))
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try reader.integer(Int32.self, at: try offset(key))
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try reader.integer(Int64.self, at: try offset(key))
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try reader.integer(UInt.self, at: try offset(key))
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try reader.integer(UInt8.self, at: try offset(key))
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try reader.integer(UInt16.self, at: try offset(key))
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try reader.integer(UInt32.self, at: try offset(key))
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try reader.integer(UInt64.self, at: try offset(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try StateDecoding(reader: reader, offset: try offset(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try StateDecoding(reader: reader, offset: try offset(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw StateReader.corrupt("superDecoder is not supported") }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder() }
}

struct StateUnkeyedDecoding: UnkeyedDecodingContainer {
    let reader: StateReader
    var cursor: Int
    let end: Int
    let total: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: StateReader, cursor: Int, end: Int, count: Int) {
        self.reader = reader
        self.cursor = cursor
        self.end = end
        total = count
    }

    /// The offset of the next element, moving past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw StateReader.corrupt("no element \(currentIndex) in a list of \(total)") }
        let offset = cursor
        cursor = try reader.end(of: offset)
        guard cursor <= end else { throw StateReader.corrupt("a list's elements overrun it") }
        currentIndex += 1
        return offset
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.tag(at: cursor) == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let offset = try next()
        return try reader.decode(T.self, at: offset)
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let offset = try next()
        return try reader.bool(at: offset)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let offset = try next()
        return try reader.string(at: offset)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let offset = try next()
        return try reader.double(at: offset)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let offset = try next()
        return Float(try reader.double(at: offset))
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        let offset = try next()
        return try reader.integer(Int.self, at: offset)
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let offset = try next()
        return try reader.integer(Int8.self, at: offset)
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let offset = try next()
        return try reader.integer(Int16.self, at: offset)
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let offset = try next()
        return try reader.integer(Int32.self, at: offset)
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let offset = try next()
        return try reader.integer(Int64.self, at: offset)
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let offset = try next()
        return try reader.integer(UInt.self, at: offset)
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let offset = try next()
        return try reader.integer(UInt8.self, at: offset)
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let offset = try next()
        return try reader.integer(UInt16.self, at: offset)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let offset = try next()
        return try reader.integer(UInt32.self, at: offset)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let offset = try next()
        return try reader.integer(UInt64.self, at: offset)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try StateDecoding(reader: reader, offset: try next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try StateDecoding(reader: reader, offset: try next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw StateReader.corrupt("superDecoder is not supported") }
}

struct StateSingleValueDecoding: SingleValueDecodingContainer {
    let reader: StateReader
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.tag(at: offset)) == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(T.self, at: offset) }

    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: offset) }
    func decode(_ type: String.Type) throws -> String { try reader.string(at: offset) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(at: offset) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: offset)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, at: offset) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, at: offset) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, at: offset) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, at: offset) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self, at: offset) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, at: offset) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, at: offset) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self, at: offset) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self, at: offset) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self, at: offset) }
}
