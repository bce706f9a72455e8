import Foundation

/// Encodes a `Codable` value in the compact binary ``StateFormat``, straight into one buffer.
///
/// Foundation's `JSONEncoder` first builds a tree of the whole value and then writes it, which for the state of
/// a long ingest — hundreds of thousands of event reports and near-duplicate signatures — costs several times
/// the output's size on top of the state itself. This encoder writes each value as it is given, so encoding
/// costs the output's size and nothing else; a container's size and count are filled in when it is done.
///
/// It takes what synthesized and ordinary hand-written `encode(to:)` methods do: containers used one after
/// another, nested containers and values written in order, one container taken twice by one value. A
/// container written to after a later sibling was started, and `superEncoder`, are refused with an
/// `EncodingError`. Floating-point values are kept exactly; non-finite ones are refused, as by `JSONEncoder`.
public struct StateEncoder: Sendable {
    public init() {}

    /// The encoding of `value`.
    public func encode(_ value: some Encodable) throws -> Data {
        let encoder = StateEncoding()
        encoder.writer.append(StateFormat.magic)
        try encoder.encodeValue(value)
        try encoder.close(downTo: 0)
        if let failure = encoder.failure { throw failure }
        return encoder.writer.take()
    }
}

/// A growable byte buffer that hands its bytes to `Data` without copying.
final class StateWriter {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let next = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        next.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = next
        capacity = grown
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0, let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    func appendVarint(_ value: UInt64) {
        reserve(10)
        var v = value
        while v >= 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, toByteOffset: count, as: UInt8.self)
            count += 1
            v >>= 7
        }
        base.storeBytes(of: UInt8(v), toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func appendUInt64(_ value: UInt64) {
        reserve(8)
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    /// Skips `n` bytes, to be patched later.
    func skip(_ n: Int) {
        reserve(n)
        count += n
    }

    func patchUInt32(_ value: UInt32, at offset: Int) {
        base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
    }

    func appendString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count))
            append(UnsafeRawBufferPointer(utf8))
        }
    }

    /// The bytes written, as `Data` that now owns them; the writer is empty afterwards.
    func take() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        base = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
        capacity = 16
        count = 0
        return data
    }
}

/// The encoder handed to `encode(to:)`: one instance for a whole encoding, with the stack of open containers.
final class StateEncoding: Encoder {
    struct Frame {
        var id: Int
        var start: Int
        var count: UInt32
        var keyed: Bool
        /// The value whose `encode(to:)` opened it; -1 for a nested container opened by its parent.
        var owner: Int
    }

    let writer = StateWriter()
    var frames: [Frame] = []
    /// The values being encoded, innermost last (their serial numbers).
    var values: [Int] = []
    var nextValue = 0
    var nextFrame = 0
    var failure: EncodingError?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func fail(_ message: String) {
        if failure == nil {
            failure = EncodingError.invalidValue(0, EncodingError.Context(codingPath: [], debugDescription: message))
        }
    }

    /// Writes one value: a primitive directly, anything else through its `encode(to:)`; a value that writes
    /// nothing is an empty keyed container, as with `JSONEncoder`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if writePrimitive(value) { return }
        let depth = frames.count
        let before = writer.count
        nextValue += 1
        values.append(nextValue)
        defer { values.removeLast() }
        try value.encode(to: self)
        try close(downTo: depth)
        if writer.count == before {
            _ = open(keyed: true, owner: -1)
            try close(downTo: depth)
        }
    }

    /// Writes a value of a primitive type and returns true; false for other types.
    func writePrimitive<T>(_ value: T) -> Bool {
        switch value {
        case let v as String:
            writer.append(StateFormat.Tag.string.rawValue)
            writer.appendString(v)
        case let v as Int: writeSigned(Int64(v))
        case let v as Bool: writer.append(v ? StateFormat.Tag.trueValue.rawValue : StateFormat.Tag.falseValue.rawValue)
        case let v as Double: writeDouble(v)
        case let v as Int64: writeSigned(v)
        case let v as Int32: writeSigned(Int64(v))
        case let v as UInt32: writeUnsigned(UInt64(v))
        case let v as UInt64: writeUnsigned(v)
        case let v as UInt: writeUnsigned(UInt64(v))
        case let v as Int16: writeSigned(Int64(v))
        case let v as Int8: writeSigned(Int64(v))
        case let v as UInt16: writeUnsigned(UInt64(v))
        case let v as UInt8: writeUnsigned(UInt64(v))
        case let v as Float: writeDouble(Double(v))
        default: return false
        }
        return true
    }

    func writeSigned(_ value: Int64) {
        writer.append(StateFormat.Tag.signed.rawValue)
        writer.appendVarint(StateFormat.zigzag(value))
    }

    func writeUnsigned(_ value: UInt64) {
        writer.append(StateFormat.Tag.unsigned.rawValue)
        writer.appendVarint(value)
    }

    func writeDouble(_ value: Double) {
        guard value.isFinite else {
            fail("\(value) is not a finite number")
            writer.append(StateFormat.Tag.null.rawValue)
            return
        }
        writer.append(StateFormat.Tag.double.rawValue)
        writer.appendUInt64(value.bitPattern)
    }

    func writeNull() { writer.append(StateFormat.Tag.null.rawValue) }

    /// Opens a container at the current write position and returns its frame's id.
    func open(keyed: Bool, owner: Int) -> Int {
        writer.append(keyed ? StateFormat.Tag.keyed.rawValue : StateFormat.Tag.unkeyed.rawValue)
        let start = writer.count - 1
        writer.skip(8)
        nextFrame += 1
        frames.append(Frame(id: nextFrame, start: start, count: 0, keyed: keyed, owner: owner))
        return nextFrame
    }

    /// Closes the open containers above `depth`, filling in their sizes and counts.
    func close(downTo depth: Int) throws {
        while frames.count > depth {
            let frame = frames.removeLast()
            let body = writer.count - frame.start - StateFormat.containerHeader
            guard body <= Int(UInt32.max) else {
                throw EncodingError.invalidValue(
                    body,
                    EncodingError.Context(codingPath: [], debugDescription: "a container of \(body) bytes (over 4 GiB)")
                )
            }
            writer.patchUInt32(UInt32(body), at: frame.start + 1)
            writer.patchUInt32(frame.count, at: frame.start + 5)
        }
    }

    /// Makes container `id` the innermost open one before it is written to (closing the nested containers
    /// written before), counts the entry, and returns false when the container was already closed.
    func prepare(_ id: Int) -> Bool {
        guard let index = frames.lastIndex(where: { $0.id == id }) else {
            fail("a container was written to after a later one was started")
            return false
        }
        do { try close(downTo: index + 1) } catch {
            failure = failure ?? (error as? EncodingError)
            return false
        }
        frames[index].count += 1
        return true
    }

    /// The container the value being encoded already took, if any: a value may take its container again.
    func ownFrame(keyed: Bool) -> Int? {
        let owner = values.last ?? 0
        guard let mine = frames.last(where: { $0.owner == owner }) else { return nil }
        if mine.keyed != keyed { fail("a value took both a keyed and an unkeyed container") }
        return mine.id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Writing to a container taken again closes what was nested in it since.
        let frame = ownFrame(keyed: true) ?? open(keyed: true, owner: values.last ?? 0)
        return KeyedEncodingContainer(StateKeyedEncoding<Key>(encoder: self, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StateUnkeyedEncoding(
            encoder: self,
            frame: ownFrame(keyed: false) ?? open(keyed: false, owner: values.last ?? 0)
        )
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StateSingleValueEncoding(encoder: self) }
}

struct StateKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StateEncoding
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) -> Bool {
        guard encoder.prepare(frame) else { return false }
        encoder.writer.appendString(key.stringValue)
        return true
    }

    mutating func encodeNil(forKey key: Key) throws { if self.key(key) { encoder.writeNull() } }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if self.key(key) { try encoder.encodeValue(value) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        if self.key(key) { _ = encoder.writePrimitive(value) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        _ = self.key(key)
        return KeyedEncodingContainer(
            StateKeyedEncoding<NestedKey>(encoder: encoder, frame: encoder.open(keyed: true, owner: -1))
        )
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        _ = self.key(key)
        return StateUnkeyedEncoding(encoder: encoder, frame: encoder.open(keyed: false, owner: -1))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.fail("superEncoder is not supported")
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct StateUnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: StateEncoding
    let frame: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: StateEncoding, frame: Int) {
        self.encoder = encoder
        self.frame = frame
    }

    private mutating func element() -> Bool {
        guard encoder.prepare(frame) else { return false }
        count += 1
        return true
    }

    mutating func encodeNil() throws { if element() { encoder.writeNull() } }

    mutating func encode<T: Encodable>(_ value: T) throws { if element() { try encoder.encodeValue(value) } }

    mutating func encode(_ value: Bool) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: String) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Double) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Float) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Int) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Int8) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Int16) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Int32) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: Int64) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: UInt) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: UInt8) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: UInt16) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: UInt32) throws { if element() { _ = encoder.writePrimitive(value) } }
    mutating func encode(_ value: UInt64) throws { if element() { _ = encoder.writePrimitive(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        _ = element()
        return KeyedEncodingContainer(
            StateKeyedEncoding<NestedKey>(encoder: encoder, frame: encoder.open(keyed: true, owner: -1))
        )
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = element()
        return StateUnkeyedEncoding(encoder: encoder, frame: encoder.open(keyed: false, owner: -1))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.fail("superEncoder is not supported")
        return encoder
    }
}

struct StateSingleValueEncoding: SingleValueEncodingContainer {
    let encoder: StateEncoding
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.writeNull() }

    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }

    mutating func encode(_ value: Bool) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: String) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Double) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Float) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Int) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Int8) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Int16) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Int32) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: Int64) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: UInt) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: UInt8) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: UInt16) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: UInt32) throws { _ = encoder.writePrimitive(value) }
    mutating func encode(_ value: UInt64) throws { _ = encoder.writePrimitive(value) }
}
