import ArgumentParser
import Foundation
import StorylineCore
import StorylineExtract
import StorylineResolve

/// `storyline extract`
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, quotes and time expressions from JSONL articles.",
        discussion: """
            Reads one JSON object per line ({"id", "published", "text"}) from the files, or from standard \
            input when none is given, and writes one output object per input line, in input order: \
            {"id", "entities", "quotes", "timexes"} with Unicode-scalar offsets into "text". A line that \
            cannot be read is reported on standard error with its line number and gives an output line with \
            empty arrays; the exit status is then 1.

            Entities are resolved across all the input's records: every mention of one real-world entity \
            gets the same "entity" name (the fullest common form seen anywhere in the input), and a quote's \
            "speaker" is that name. This needs the whole input before the first line is written; \
            --no-resolve names each record on its own and streams, one record in, one record out, for \
            map-style runs over inputs of any size (Spark, Hadoop Streaming).
            """
    )

    @Argument(help: ArgumentHelp("JSONL input files (standard input when none).", valueName: "file"))
    var files: [String] = []

    @Option(help: "Articles processed concurrently (default: 4 × the number of cores).")
    var window: Int?

    @Flag(help: "Name entities per record and stream the output, without cross-record resolution.")
    var noResolve = false

    func run() async throws {
        let window = max(1, self.window ?? ProcessInfo.processInfo.activeProcessorCount * 4)
        let output = OutputBuffer()
        var resolution = noResolve ? nil : ExtractResolution()
        var failures = 0
        for file in files.isEmpty ? [nil] : files.map(Optional.some) {
            let source = file ?? "<stdin>"
            let reader: JSONLLineReader
            do {
                reader = try JSONLLineReader(path: file)
            } catch {
                throw ValidationError("cannot read \(source): \(error.localizedDescription)")
            }
            failures += try await withThrowingTaskGroup(of: (Int, ExtractRecord).self) { group in
                var pending = [Int: ExtractRecord]()
                var submitted = 0
                var written = 0
                var failures = 0
                var lineNumber = 0
                func flush() {
                    while let record = pending.removeValue(forKey: written) {
                        if let error = record.error {
                            output.flush()
                            FileHandle.standardError.write(Data("storyline extract: \(error)\n".utf8))
                            failures += 1
                        }
                        if resolution != nil {
                            resolution!.add(record)
                        } else {
                            output.write(record.json)
                        }
                        written += 1
                    }
                }
                while let line = try reader.next() {
                    lineNumber += 1
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    let index = submitted
                    let number = lineNumber
                    submitted += 1
                    group.addTask { (index, ExtractRecord.process(line, lineNumber: number, source: source)) }
                    while submitted - written >= window, let (k, record) = try await group.next() {
                        pending[k] = record
                        flush()
                    }
                }
                while let (k, record) = try await group.next() {
                    pending[k] = record
                    flush()
                }
                return failures
            }
        }
        if let resolution {
            for line in resolution.lines() { output.write(line) }
        }
        output.flush()
        if failures > 0 {
            FileHandle.standardError.write(Data("storyline extract: \(failures) line(s) could not be processed\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Buffers output lines and writes them to standard output in large blocks.
private final class OutputBuffer {
    private var buffer = [UInt8]()

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
