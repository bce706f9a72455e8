import ArgumentParser
import Foundation
import StorylineIngest

/// `storyline ingest PATH…`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles from files, directories or standard input into the database.",
        discussion: """
            Formats are recognised from content: plain text, HTML, RSS/Atom, JSONL (one {"text": …} object \
            per line), WARC and gzip-compressed files. Directories are read recursively. Use - (or no path) \
            for standard input. Each new article is stored with the entity mentions, quotes and time expressions \
            found in it (the same extraction as `storyline extract`). Re-ingesting the same input changes nothing; a syndicated copy \
            of a stored body adds its source to the stored article. Every input that cannot be read is reported with its \
            path and reason, the others are ingested, and the exit status is 1.
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to read; - for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Inputs read in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        help: """
            The inputs are annotated articles written by `storyline extract --annotated` (elsewhere, e.g. on a \
            cluster): store and resolve them without extracting again.
            """
    )
    var extracted = false

    @Flag(help: "Print the summary (and every error) as JSON on standard output.")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress output; errors and the summary only.")
    var quiet = false

    func validate() throws {
        if paths.isEmpty && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("no input: give files or directories, or pipe an input into standard input (-)")
        }
    }

    func run() async throws {
        let summary = try await Self.ingest(
            paths: paths,
            store: store,
            jobs: jobs,
            quiet: quiet || json,
            extracted: extracted
        )
        if json {
            try Terminal.json(summary)
        } else {
            Terminal.out(Self.describe(summary))
        }
        if !summary.errors.isEmpty { throw ExitCode(1) }
    }

    /// Shared by `ingest` and `demo`.
    static func ingest(paths: [String], store options: StoreOptions, jobs: Int, quiet: Bool, extracted: Bool = false)
        async throws -> IngestRunner.Summary
    {
        let store = try options.open()
        var runner = IngestRunner(store: store, jobs: max(1, jobs))
        runner.extracted = extracted
        let reporter = ProgressReporter(quiet: quiet)
        let summary: IngestRunner.Summary
        if paths.isEmpty || paths == ["-"] {
            summary = try await runner.run(stdin: FileHandle.standardInput, report: reporter.handle)
        } else {
            summary = try await runner.run(paths: paths.filter { $0 != "-" }, report: reporter.handle)
        }
        reporter.finish()
        return summary
    }

    static func describe(_ s: IngestRunner.Summary) -> String {
        var text =
            "Ingested \(Terminal.grouped(s.files - s.failedFiles)) of \(Terminal.grouped(s.files)) inputs "
            + "(\(Terminal.bytes(Double(s.bytes)))) in \(String(format: "%.2f", s.seconds)) s: "
            + "\(Terminal.grouped(s.articlesRead)) articles — \(Terminal.grouped(s.inserted)) new, "
            + "\(Terminal.grouped(s.addedSources)) new sources of stored articles, "
            + "\(Terminal.grouped(s.unchanged)) already stored."
        if !s.errors.isEmpty {
            text +=
                " \(s.errors.count) input\(s.errors.count == 1 ? "" : "s") or record\(s.errors.count == 1 ? "" : "s") failed (listed above)."
        }
        return text
    }
}
