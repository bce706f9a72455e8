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

            --annotated writes, for each input line, the article as `storyline ingest` reads it with everything \
            extraction found in it (one JSON object per line, in input order; failed lines are reported and \
            left out): the map step of a cluster run, whose output `storyline ingest --extracted FILE…` stores \
            and resolves without extracting again.
            """
    )

    @Argument(help: ArgumentHelp("JSONL input files (standard input when none).", valueName: "file"))
    var files: [String] = []

    @Option(help: "Articles processed concurrently (default: 4 × the number of cores).")
    var window: Int?

    @Flag(help: "Name entities per record and stream the output, without cross-record resolution.")
    var noResolve = false

    @Flag(help: "Write annotated articles for `storyline ingest --extracted` (streams; no resolution).")
    var annotated = false

    func run() async throws {
        let window = max(1, self.window ?? ProcessInfo.processInfo.activeProcessorCount * 4)
        if annotated { return try await AnnotatedExtraction(files: files, window: window).run() }
        let output = OutputBuffer()
        var resolution = noResolve ? nil : ExtractResolution()
        var failures = 0
        for file in files.isEmpty ? [nil] : files.map(Optional.some) {
            let source = file ?? "<stdin>"
            try await OrderedLines(path: file, window: window).process { line, number, _ in
                ExtractRecord.process(line, lineNumber: number, source: source)
            } consume: { record in
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
final class OutputBuffer {
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
