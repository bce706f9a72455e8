import Foundation
import StorylineCore
import StorylineExtract
import StorylineIngest
import StorylineStore

/// Runs ingest: reads the inputs and extracts from their articles on all cores, saves the articles with
/// their annotations in batched transactions, and reports progress and every failed input as it goes.
/// The serial save stage also resolves the entities of each new article across documents
/// (``EntityResolutionRunner``) and saves the resolution in the batch's transaction.
///
/// Inputs are read and annotated in parallel but saved in input order, so a run's result does not depend
/// on timing, and at most a bounded window of read-but-unsaved inputs is held in memory. A large JSON Lines
/// file is cut at line boundaries into segments of about 256 KB (``JSONLSegments``), each read and
/// annotated on its own: one big file uses every core, and is never held whole. Only the writes happen one
/// batch at a time.
struct IngestRunner {
    /// Totals for a run.
    struct Summary: Codable, Sendable {
        var files = 0
        var failedFiles = 0
        var bytes = 0
        var articlesRead = 0
        var inserted = 0
        var addedSources = 0
        var unchanged = 0
        /// Entities resolved across all stored articles after the run.
        var entities = 0
        /// Whether the entity resolution was rebuilt from every stored article before the run (the database
        /// had none: written before resolution, or after an interrupted `storyline reextract`).
        var rebuiltResolution = false
        var seconds = 0.0
        var errors: [ErrorLine] = []
    }

    /// One failed input or record, for `--json` output.
    struct ErrorLine: Codable, Sendable {
        var path: String?
        var location: String?
        var code: String
        var message: String
    }

    /// What the runner tells its reporter.
    enum Event {
        case started(files: Int, bytes: Int)
        case progress(Summary)
        case failed(IngestError)
    }

    let store: any ArticleStore
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    var batchSize = 256
    var reader = DocumentReader()
    /// The per-article pipeline (the same one `storyline extract` runs), applied in the reading workers.
    var extractor = ArticleExtractor()

    /// Whether the inputs are annotated articles (`storyline extract --annotated` output, ``ExtractedArticles``),
    /// stored and resolved as they are instead of read and extracted.
    var extracted = false
    /// Cuts large JSON Lines inputs into segments read on their own (see ``JSONLSegments``); its line limit is
    /// the reader's limit for one document.
    var segmenter = JSONLSegments()

    /// Ingests files and directories (walked recursively).
    func run(paths: [String], report: @escaping (Event) -> Void) async throws -> Summary {
        let (items, missing) = InputFiles.expand(paths)
        var summary = Summary()
        let start = Date()
        report(.started(files: items.count, bytes: items.reduce(0) { $0 + $1.size }))
        for error in missing {
            // A bad line of a sources manifest is an error, not a failed input of its own.
            if !SourceManifest.isManifest(error.path ?? "") {
                summary.files += 1
                summary.failedFiles += 1
            }
            summary.errors.append(Self.line(error))
            report(.failed(error))
        }
        return try await run(FileUnits(items, segmenter: lineSegmenter), summary: summary, start: start, report: report)
    }

    /// Ingests standard input. JSON Lines (articles, or annotated articles with ``extracted``) are cut into
    /// segments as they arrive and go through the same pipeline as a large file — every core, bounded memory,
    /// whatever the input's size; any other format is read whole, as a file is.
    func run(stdin: FileHandle, report: @escaping (Event) -> Void) async throws -> Summary {
        let head = [UInt8]((try? stdin.read(upToCount: StreamUnits.chunkBytes)) ?? Data())
        guard FormatSniffer.sniff(head) == .format(.jsonl), JSONLSegments.startsWithOneLineObject(head) else {
            let all = head + [UInt8](stdin.readDataToEndOfFile())
            guard extracted else { return try await run(bytes: all, report: report) }
            // Annotated articles, compressed (or not JSON Lines): one unit, read as a file's.
            report(.started(files: 1, bytes: all.count))
            let unit = Unit(item: nil, segment: nil, bytes: all, last: true)
            return try await run(SingleUnit(unit: unit), summary: Summary(), start: Date(), report: report)
        }
        report(.started(files: 1, bytes: 0))
        let segmenter = lineSegmenter
        let cutter = JSONLStreamCutter(
            segmentBytes: segmenter.segmentBytes,
            maxLineBytes: segmenter.reader.maxLineBytes
        )
        return try await run(
            StreamUnits(handle: stdin, head: head, cutter: cutter),
            summary: Summary(),
            start: Date(),
            report: report
        )
    }

    /// The segmenter with the line limit of this run: the reader's limit for one document, or for one
    /// annotated article with ``extracted``.
    private var lineSegmenter: JSONLSegments {
        var segmenter = self.segmenter
        segmenter.reader.maxLineBytes =
            extracted ? ExtractedArticles.maxLineBytes(documentBytes: reader.maxDocumentBytes) : reader.maxDocumentBytes
        return segmenter
    }

    /// Reads and annotates the units on all cores, at most a window of them at once, and saves their articles
    /// in unit order in batches with their resolution.
    private func run(
        _ source: some IngestUnitSource,
        summary initial: Summary,
        start: Date,
        report: @escaping (Event) -> Void
    ) async throws -> Summary {
        var summary = initial
        var source = source
        let reader = self.reader
        let segmenter = lineSegmenter
        let extractor = extracted ? nil : self.extractor
        let store = self.store
        let window = max(2, jobs * 4)
        var pending: [AnnotatedArticle] = []
        var lastSave = Date()
        var resolution = try await startResolution(&summary)
        // The articles and errors of the input whose units are being saved (for its failed-file count).
        var inputArticles = 0
        var inputErrors = 0

        try await withThrowingTaskGroup(of: (Int, Unit, Read).self) { group in
            var next = 0
            var nextToSave = 0
            var done: [Int: (Unit, Read)] = [:]
            func startMore() throws {
                while next < nextToSave + window, let unit = try source.next() {
                    let index = next
                    group.addTask {
                        let read = try await Self.read(
                            unit,
                            reader: reader,
                            segmenter: segmenter,
                            extractor: extractor,
                            store: store
                        )
                        return (index, unit, read)
                    }
                    next += 1
                }
            }
            try startMore()
            while let (index, unit, read) = try await group.next() {
                done[index] = (unit, read)
                while let (unit, result) = done.removeValue(forKey: nextToSave) {
                    nextToSave += 1
                    summary.bytes += result.size
                    summary.articlesRead += result.articles.count
                    inputArticles += result.articles.count
                    inputErrors += result.errors.count
                    if unit.last {
                        summary.files += 1
                        if inputErrors > 0 && inputArticles == 0 { summary.failedFiles += 1 }
                        inputArticles = 0
                        inputErrors = 0
                    }
                    for error in result.errors {
                        summary.errors.append(Self.line(error))
                        report(.failed(error))
                    }
                    pending += result.articles
                    // Commit a full batch, or whatever is read once a second, so that a long run shows its
                    // progress in the database and a crash loses at most a second of work.
                    if pending.count >= batchSize || (!pending.isEmpty && Date().timeIntervalSince(lastSave) >= 1) {
                        try await save(&pending, resolution: &resolution, into: &summary)
                        lastSave = Date()
                    }
                    summary.seconds = Date().timeIntervalSince(start)
                    report(.progress(summary))
                }
                try startMore()
            }
        }
        try await save(&pending, resolution: &resolution, into: &summary)
        try await resolution.finish()
        summary.entities = resolution.resolver.count
        summary.seconds = Date().timeIntervalSince(start)
        report(.progress(summary))
        return summary
    }

    /// Ingests one input already in memory (standard input).
    func run(bytes: [UInt8], report: @escaping (Event) -> Void) async throws -> Summary {
        try await run(reader.read(bytes, path: nil), bytes: bytes.count, report: report).summary
    }

    /// Ingests what reading one input in memory gave (standard input, or the body of `POST /api/articles`): its
    /// failed records are reported, its articles annotated on `jobs` cores and saved in batches with their
    /// resolution, as for files. `outcomes` has one element per article of `result`, in its order.
    func run(_ result: ReadResult, bytes: Int, report: @escaping (Event) -> Void) async throws
        -> (summary: Summary, outcomes: [SaveOutcome])
    {
        try await run(
            annotated: await annotate(result.articles),
            errors: result.errors,
            bytes: bytes,
            report: report
        )
    }

    /// Saves the annotated articles of one input in memory in batches with their resolution, after reporting
    /// its failed records. `outcomes` has one element per article, in order.
    private func run(
        annotated: [AnnotatedArticle],
        errors: [IngestError],
        bytes: Int,
        report: @escaping (Event) -> Void
    ) async throws -> (summary: Summary, outcomes: [SaveOutcome]) {
        var summary = Summary()
        let start = Date()
        report(.started(files: 1, bytes: bytes))
        summary.files = 1
        summary.bytes = bytes
        summary.articlesRead = annotated.count
        if !errors.isEmpty && annotated.isEmpty { summary.failedFiles = 1 }
        for error in errors {
            summary.errors.append(Self.line(error))
            report(.failed(error))
        }
        var outcomes: [SaveOutcome] = []
        outcomes.reserveCapacity(annotated.count)
        var resolution = try await startResolution(&summary)
        var pending = annotated
        while !pending.isEmpty {
            var batch = Array(pending.prefix(batchSize))
            pending.removeFirst(batch.count)
            outcomes += try await save(&batch, resolution: &resolution, into: &summary)
        }
        try await resolution.finish()
        summary.entities = resolution.resolver.count
        summary.seconds = Date().timeIntervalSince(start)
        report(.progress(summary))
        return (summary, outcomes)
    }

    /// Annotates the articles of one input on `jobs` cores, keeping their order. (Inputs read from files are
    /// annotated by their reading worker; standard input is a single input, so its articles are spread here.)
    private func annotate(_ articles: [Article]) async -> [AnnotatedArticle] {
        let extractor = self.extractor
        let chunkSize = max(1, (articles.count + jobs * 4 - 1) / (jobs * 4))
        return await withTaskGroup(of: (Int, [AnnotatedArticle]).self) { group in
            for start in stride(from: 0, to: articles.count, by: chunkSize) {
                let chunk = articles[start..<min(start + chunkSize, articles.count)]
                group.addTask { (start, chunk.map { Self.annotate($0, with: extractor) }) }
            }
            var chunks: [Int: [AnnotatedArticle]] = [:]
            for await (start, annotated) in group { chunks[start] = annotated }
            return chunks.keys.sorted().flatMap { chunks[$0] ?? [] }
        }
    }

    /// Annotates one article; the pipeline records its version with the annotations so that a later
    /// `storyline reextract` knows whether they are current.
    private static func annotate(_ article: Article, with extractor: ArticleExtractor) -> AnnotatedArticle {
        extractor.annotate(article)
    }

    /// The store's entity resolver, rebuilt first when the store has none (see ``EntityResolutionRunner``).
    private func startResolution(_ summary: inout Summary) async throws -> EntityResolutionRunner {
        let (runner, rebuilt) = try await EntityResolutionRunner.load(store: store)
        summary.rebuiltResolution = rebuilt
        return runner
    }

    /// Saves the pending articles, with the cross-document resolution of the new ones, in one transaction, and
    /// returns the outcome of each.
    @discardableResult
    private func save(
        _ pending: inout [AnnotatedArticle],
        resolution: inout EntityResolutionRunner,
        into summary: inout Summary
    ) async throws -> [SaveOutcome] {
        guard !pending.isEmpty else { return [] }
        let outcomes = try await resolution.save(pending)
        for outcome in outcomes {
            switch outcome {
            case .inserted: summary.inserted += 1
            case .addedSource: summary.addedSources += 1
            case .unchanged: summary.unchanged += 1
            }
        }
        pending.removeAll(keepingCapacity: true)
        return outcomes
    }

    static func line(_ error: IngestError) -> ErrorLine {
        ErrorLine(
            path: error.path,
            location: error.location,
            code: error.code.rawValue,
            message: error.message + (error.cause.map { " — \($0)" } ?? "")
        )
    }
}
