import Foundation

/// What every Storyline benchmark measures the same way: memory, CPU time, elapsed time, and a parallel
/// pass over in-memory items on Swift's cooperative pool.

/// Peak (`VmHWM`) and current (`VmRSS`) resident memory of this process, in bytes (0 where
/// `/proc/self/status` is not available).
public func memoryStatus() -> (peak: Int, current: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    var peak = 0
    var current = 0
    for line in text.split(separator: "\n") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2, let kb = Int(fields[1]) else { continue }
        if fields[0] == "VmHWM:" { peak = kb * 1024 }
        if fields[0] == "VmRSS:" { current = kb * 1024 }
    }
    return (peak, current)
}

/// User + system CPU time of the whole process (all threads), in seconds.
public func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}

/// A `Duration` in seconds.
public func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

/// Counts that add up across chunks of work.
public protocol Mergeable: Sendable {
    init()
    mutating func add(_ other: Self)
}

/// `work` over `items` in small chunks (items differ much in size; small chunks balance the load), as many
/// chunks at once as the cooperative pool has threads (one per core), the chunks' results added up.
public func parallelTally<Item: Sendable, Result: Mergeable>(
    _ items: [Item],
    workers: Int,
    _ work: @escaping @Sendable (ArraySlice<Item>) -> Result
) async -> Result {
    let chunkSize = max(1, items.count / max(1, workers * 16))
    return await withTaskGroup(of: Result.self) { group in
        var start = 0
        while start < items.count {
            let end = min(items.count, start + chunkSize)
            let slice = items[start..<end]
            group.addTask { work(slice) }
            start = end
        }
        var total = Result()
        for await part in group { total.add(part) }
        return total
    }
}
