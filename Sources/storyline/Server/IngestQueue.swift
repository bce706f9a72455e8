/// Runs the ingests of `POST /api/articles` one at a time, in the order they arrive, while reads go on: each
/// ingest continues the store's entity resolution from where the previous one committed, which two at once
/// could not (the second would be refused as a conflict).
actor IngestQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `work` once every ingest queued before it has finished.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            // Hand the turn to the next in line (still busy), or free the queue.
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await work()
    }
}
