/// The byte format of ``StateEncoder`` and ``StateDecoder``: a compact binary form of any `Codable` value,
/// written in one pass and read back without building a tree.
///
/// A blob is the magic bytes `SLS1` followed by one value. Each value starts with a one-byte tag:
///
/// | tag | value | then |
/// |---|---|---|
/// | 0 | nil | — |
/// | 1, 2 | false, true | — |
/// | 3 | signed integer | zigzag LEB128 varint |
/// | 4 | unsigned integer | LEB128 varint |
/// | 5 | floating point | 8 bytes, the IEEE 754 double's bits, little-endian |
/// | 6 | string | varint byte count, UTF-8 bytes |
/// | 7 | keyed container | UInt32 body size, UInt32 entry count, then per entry its key (varint byte count, UTF-8) and value |
/// | 8 | unkeyed container | UInt32 body size, UInt32 element count, then the values |
///
/// Sizes and counts are little-endian; a container's body size is the byte count after its 9-byte header, so
/// a reader skips any value without reading inside it. A container holds at most 4 GiB.
enum StateFormat {
    static let magic: [UInt8] = Array("SLS1".utf8)

    enum Tag: UInt8 {
        case null = 0
        case falseValue = 1
        case trueValue = 2
        case signed = 3
        case unsigned = 4
        case double = 5
        case string = 6
        case keyed = 7
        case unkeyed = 8
    }

    /// Bytes of a container's header: tag, body size, count.
    static let containerHeader = 9

    /// Whether a blob is in this format (else it may be an older JSON snapshot).
    static func isState(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count > magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}
