/// A small seeded pseudo-random generator (SplitMix64): the same seed gives the same article stream on every
/// machine and in every process.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in the range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// Draws ranks 0..<n with probability proportional to 1 / (rank + 1)^s: a few names are everywhere, most are rare.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent s: Double = 1.0) {
        var sum = 0.0
        var c: [Double] = []
        c.reserveCapacity(count)
        for r in 0..<count {
            sum += 1 / pow(Double(r + 1), s)
            c.append(sum)
        }
        cumulative = c
    }

    func sample(_ rng: inout SplitMix64) -> Int {
        let u = rng.unit() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

import Foundation
