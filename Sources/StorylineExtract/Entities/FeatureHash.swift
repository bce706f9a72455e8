/// 64-bit hashing of UTF-8 bytes and of feature templates for the entity recognizer.
///
/// Features are never materialised as strings: a feature is `combine(template, value…)` of byte hashes,
/// so the training tool and the tagger agree as long as this file does not change (the model file
/// records ``EntityModel/featureVersion``).
enum FeatureHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of `bytes[range]`, optionally ASCII-lower-cased.
    @inline(__always)
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lower: Bool = false) -> UInt64 {
        var h = seed
        for i in range {
            var b = bytes[i]
            if lower, b >= 0x41, b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }

    /// FNV-1a of a string's UTF-8 bytes.
    static func string(_ s: String, lower: Bool = false) -> UInt64 {
        var h = seed
        for var b in s.utf8 {
            if lower, b >= 0x41, b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }

    /// A well-mixed combination of two hashes (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9e37_79b9_7f4a_7c15 &+ (b &* 0xbf58_476d_1ce4_e5b9)
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A feature: a template number and one value.
    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 { combine(template &* 0x1000_0000_01b3, value) }

    /// A feature: a template number and two values.
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        combine(combine(template &* 0x1000_0000_01b3, a), b)
    }
}
