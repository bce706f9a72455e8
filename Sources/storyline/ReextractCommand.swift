import ArgumentParser
import Foundation
import StorylineExtract
import StorylineStore

/// `storyline reextract`
struct ReextractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Extract again from stored articles whose annotations are missing or from another version.",
        discussion: """
            Runs this version's extraction (the same as `storyline ingest` and `storyline extract`) on the stored \
            text and publication date of every article whose annotations were made by another version of the \
            extractor, or never made (a database from before Storyline extracted at ingest), and replaces its \
            annotations; --all redoes every article. The input files are not needed. Articles are written in \
            batches of one transaction each: a run that is interrupted leaves each article with either its old \
            or its new annotations, and running the command again completes the job.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Re-extract every article, also those this version has already extracted.")
    var all = false

    @Option(name: .shortAndLong, help: "Articles extracted in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress output; the summary only.")
    var quiet = false

    func run() async throws {
        let db = try store.openExisting()
        let runner = ReextractRunner(store: db, jobs: max(1, jobs))
        let reporter = ProgressReporter(quiet: quiet || json)
        let summary: ReextractRunner.Summary
        do {
            summary = try await runner.run(all: all) { summary in
                let fraction = summary.selected > 0 ? Double(summary.reextracted) / Double(summary.selected) : 1
                reporter.show(
                    fraction: fraction,
                    line: Self.progressLine(summary),
                    done: summary.reextracted >= summary.selected
                )
            }
        } catch let error as StoreError {
            reporter.finish()
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        reporter.finish()
        if json {
            try Terminal.json(summary)
        } else {
            Terminal.out(Self.describe(summary))
        }
    }

    static func progressLine(_ s: ReextractRunner.Summary) -> String {
        let perSecond = s.seconds > 0 ? Double(s.reextracted) / s.seconds : 0
        return "\(Terminal.grouped(s.reextracted))/\(Terminal.grouped(s.selected)) articles "
            + "(\(Terminal.grouped(s.changed)) changed) · time expressions \(Terminal.grouped(s.timexesBefore)) → "
            + "\(Terminal.grouped(s.timexesAfter)) · \(String(format: "%.0f", perSecond)) articles/s"
    }

    static func describe(_ s: ReextractRunner.Summary) -> String {
        var text =
            "Re-extracted \(Terminal.grouped(s.reextracted)) of \(Terminal.grouped(s.articles)) articles "
            + "with extractor \(s.extractorVersion) in \(String(format: "%.2f", s.seconds)) s: "
            + "\(Terminal.grouped(s.changed)) changed, \(Terminal.grouped(s.unchanged)) unchanged; "
            + "\(Terminal.grouped(s.upToDate)) already up to date, skipped."
        if s.reextracted > 0 {
            text +=
                " In the re-extracted articles: entity mentions \(Terminal.grouped(s.entitiesBefore)) → "
                + "\(Terminal.grouped(s.entitiesAfter)), quotes \(Terminal.grouped(s.quotesBefore)) → "
                + "\(Terminal.grouped(s.quotesAfter)), time expressions \(Terminal.grouped(s.timexesBefore)) → "
                + "\(Terminal.grouped(s.timexesAfter))."
        }
        return text
    }
}
