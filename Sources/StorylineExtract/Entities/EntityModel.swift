import Foundation

/// The weights of the entity recognizer: an averaged perceptron over hashed features and BILOU tags.
///
/// A model maps a 64-bit feature hash to a short list of (tag, weight) pairs. It is an immutable,
/// `Sendable` value: load it once (``shipped`` does) and share it between tasks.
///
/// ## File format (`entities.slner`, little-endian)
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `SLNER\0\0\u{1}` |
/// | 4 × 4 | `UInt32`: feature version (``featureVersion``), tag count, feature count F, entry count E |
/// | 8 × F | feature hashes, `UInt64`, ascending |
/// | 4 × F | `UInt32` end of each feature's entries (cumulative; feature k's entries are `end[k-1]..<end[k]`) |
/// | 1 × E | tag number of each entry (`UInt8`) |
/// | 4 × E | weight of each entry (`Float32`) |
public struct EntityModel: Sendable {
    /// The version of the feature functions (`EntityDocument`, `FeatureHash`); a model trained with
    /// another version is refused.
    public static let featureVersion: UInt32 = 2
    static let magic: [UInt8] = [0x53, 0x4C, 0x4E, 0x45, 0x52, 0, 0, 1]

    /// Sorted feature hashes and, per feature, the end of its entries.
    let hashes: [UInt64]
    let ends: [UInt32]
    let tags: [UInt8]
    let weights: [Float]
    /// Open-addressing table from feature hash to its record in ``records``: per slot, the upper 32 bits
    /// of the feature hash (its slot index comes from the lower bits) and 1 + the record's start; 0 is
    /// empty. Eight bytes a slot keep the table small enough to stay mostly in cache.
    private let slots: [UInt64]
    private let slotMask: Int
    /// Per feature, a header entry whose `tag` is the number of entries, then its (tag, weight) entries:
    /// a feature's weights usually share the header's cache line, so a lookup costs one miss, not two.
    private let records: [Entry]

    struct Entry {
        var tag: UInt32
        var weight: Float
    }

    /// The number of features with weights.
    public var featureCount: Int { hashes.count }
    /// The number of (feature, tag) weights.
    public var weightCount: Int { weights.count }

    /// A model from per-feature weight lists (tag numbers below `EntityTag.count`).
    init(entries: [UInt64: [(tag: UInt8, weight: Float)]]) {
        var hashes: [UInt64] = []
        var ends: [UInt32] = []
        var tags: [UInt8] = []
        var weights: [Float] = []
        for key in entries.keys.sorted() {
            let list = entries[key]!.sorted { $0.tag < $1.tag }
            guard !list.isEmpty else { continue }
            hashes.append(key)
            for e in list {
                tags.append(e.tag)
                weights.append(e.weight)
            }
            ends.append(UInt32(tags.count))
        }
        self.init(hashes: hashes, ends: ends, tags: tags, weights: weights)
    }

    private init(hashes: [UInt64], ends: [UInt32], tags: [UInt8], weights: [Float]) {
        self.hashes = hashes
        self.ends = ends
        self.tags = tags
        self.weights = weights
        var capacity = 16
        while capacity < 2 * hashes.count { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var records: [Entry] = []
        records.reserveCapacity(hashes.count + weights.count)
        let mask = capacity - 1
        for (row, h) in hashes.enumerated() {
            let start = row == 0 ? 0 : Int(ends[row - 1])
            let end = Int(ends[row])
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (h >> 32) << 32 | UInt64(records.count + 1)
            records.append(Entry(tag: UInt32(end - start), weight: 0))
            for e in start..<end { records.append(Entry(tag: UInt32(tags[e]), weight: weights[e])) }
        }
        self.slots = slots
        slotMask = mask
        self.records = records
    }

    /// Read-only views of the lookup tables, for a hot loop.
    struct Tables {
        let slots: UnsafeBufferPointer<UInt64>
        let mask: Int
        let records: UnsafeBufferPointer<Entry>

        /// Adds the weights of `feature` (if the model has any) to `scores`. A feature absent from the model
        /// is mistaken for a present one only if it shares both its slot and the upper 32 bits of its hash
        /// with one (about one in four billion lookups).
        @inline(__always)
        func add(_ feature: UInt64, to scores: UnsafeMutablePointer<Float>) {
            var slot = Int(truncatingIfNeeded: feature) & mask
            let fingerprint = feature >> 32
            while true {
                let s = slots[slot]
                if s == 0 { return }
                if s >> 32 == fingerprint {
                    let start = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                    let count = Int(records[start].tag)
                    for e in start + 1...start + count {
                        let entry = records[e]
                        scores[Int(entry.tag)] += entry.weight
                    }
                    return
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Calls `body` with the lookup tables.
    func withTables<R>(_ body: (Tables) -> R) -> R {
        slots.withUnsafeBufferPointer { s in
            records.withUnsafeBufferPointer { r in body(Tables(slots: s, mask: slotMask, records: r)) }
        }
    }

    // MARK: - Files

    /// The model shipped in the module's `Resources/Models/entities.slner`, loaded once; nil when the
    /// file is missing or unreadable.
    public static let shipped: EntityModel? = {
        guard let directory = Bundle.module.url(forResource: "Models", withExtension: nil) else { return nil }
        return try? EntityModel(contentsOf: directory.appendingPathComponent("entities.slner"))
    }()

    /// Reads a model file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EntityModelError(message: "cannot read the model file \"\(url.path)\"", cause: error)
        }
        try self.init(data: data, name: url.path)
    }

    /// Reads a model from the bytes of a model file (`name` is used in error messages).
    public init(data: Data, name: String = "<data>") throws {
        let bytes = [UInt8](data)
        var offset = 0
        func fail(_ what: String) -> EntityModelError {
            EntityModelError(message: "\"\(name)\" is not a usable entity model: \(what) (at byte \(offset))")
        }
        func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= bytes.count else { throw fail("truncated") }
            var v: T = 0
            for k in 0..<size { v |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k) }
            offset += size
            return v
        }
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else { throw fail("wrong magic number") }
        offset = 8
        let version = try read(UInt32.self)
        guard version == Self.featureVersion else {
            throw fail("feature version \(version), this build computes version \(Self.featureVersion)")
        }
        let tagCount = try read(UInt32.self)
        guard tagCount == EntityTag.count else { throw fail("\(tagCount) tags, expected \(EntityTag.count)") }
        let f = Int(try read(UInt32.self))
        let e = Int(try read(UInt32.self))
        guard bytes.count == offset + 12 * f + 5 * e else {
            throw fail("size does not match \(f) features, \(e) weights")
        }
        var hashes = [UInt64](repeating: 0, count: f)
        var ends = [UInt32](repeating: 0, count: f)
        for k in 0..<f { hashes[k] = try read(UInt64.self) }
        for k in 0..<f { ends[k] = try read(UInt32.self) }
        let tags = Array(bytes[offset..<offset + e])
        offset += e
        var weights = [Float](repeating: 0, count: e)
        for k in 0..<e { weights[k] = Float(bitPattern: try read(UInt32.self)) }
        guard ends.last.map({ Int($0) == e }) ?? (e == 0), tags.allSatisfy({ Int($0) < EntityTag.count }) else {
            throw fail("inconsistent entry table")
        }
        self.init(hashes: hashes, ends: ends, tags: tags, weights: weights)
    }

    /// The bytes of the model file.
    public func fileData() -> Data {
        var out = [UInt8]()
        out.reserveCapacity(24 + 12 * hashes.count + 5 * weights.count)
        func put<T: FixedWidthInteger>(_ v: T) {
            for k in 0..<MemoryLayout<T>.size { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
        }
        out += Self.magic
        put(Self.featureVersion)
        put(UInt32(EntityTag.count))
        put(UInt32(hashes.count))
        put(UInt32(weights.count))
        for h in hashes { put(h) }
        for e in ends { put(e) }
        out += tags
        for w in weights { put(w.bitPattern) }
        return Data(out)
    }

    /// Writes the model file.
    public func write(to url: URL) throws {
        do {
            try fileData().write(to: url, options: .atomic)
        } catch {
            throw EntityModelError(message: "cannot write the model file \"\(url.path)\"", cause: error)
        }
    }
}
