import ArgumentParser
import Foundation
import StorylineExtract

/// The lines of one JSONL input (a file, or standard input when `path` is nil), transformed on all cores and
/// consumed in input order, with at most `window` lines in flight: streaming with bounded memory.
struct OrderedLines {
    var path: String?
    var window: Int

    /// Calls `transform` on every non-blank line (its bytes, its 1-based line number and its record number —
    /// how many non-blank lines came before it) in parallel, and `consume` on the results in line order.
    func process<T: Sendable>(
        _ transform: @escaping @Sendable ([UInt8], Int, Int) -> T,
        consume: (T) throws -> Void
    ) async throws {
        let reader: JSONLLineReader
        do {
            reader = try JSONLLineReader(path: path)
        } catch {
            throw ValidationError("cannot read \(path ?? "<stdin>"): \(error.localizedDescription)")
        }
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var pending = [Int: T]()
            var submitted = 0
            var consumed = 0
            var lineNumber = 0
            func flush() throws {
                while let result = pending.removeValue(forKey: consumed) {
                    try consume(result)
                    consumed += 1
                }
            }
            while let line = try reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let index = submitted
                let number = lineNumber
                submitted += 1
                group.addTask { (index, transform(line, number, index)) }
                while submitted - consumed >= window, let (k, result) = try await group.next() {
                    pending[k] = result
                    try flush()
                }
            }
            while let (k, result) = try await group.next() {
                pending[k] = result
                try flush()
            }
        }
    }
}
