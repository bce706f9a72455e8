import Foundation
import StorylineCore
import StorylineExtract
import StorylineStore

/// Runs re-extraction: pages through the stored articles whose annotations are missing or were produced by
/// another extractor version (or through all of them), extracts again from their stored text and date on
/// all cores, and replaces their annotations in batched transactions.
///
/// Articles are read a page at a time in id order and extracted in parallel, but written in that order by
/// one writer, a batch of ``batchSize`` articles (or whatever is done once a second) per transaction, with at
/// most a bounded window of extracted-but-unwritten articles in memory. A run killed at any moment leaves
/// every article with either its old or its new annotations, and a re-run — which selects only the articles
/// not yet extracted by this version — completes the job. Then, since mentions changed, the cross-document
/// entity resolution is rebuilt from scratch over every stored article in publication order
/// (``EntityResolutionRunner/rebuild(store:)``); an interrupted run leaves none, which the next ingest or
/// reextract rebuilds.
struct ReextractRunner {
    /// Totals for a run.
    struct Summary: Codable, Sendable {
        /// The extractor version the annotations are recomputed with (``ArticleExtractor/version``).
        var extractorVersion: String
        /// Stored articles when the run started.
        var articles = 0
        /// Articles selected for re-extraction: every article with `--all`, else those whose annotations are
        /// missing or from another extractor version.
        var selected = 0
        /// Articles whose annotations were replaced.
        var reextracted = 0
        /// Re-extracted articles whose annotations came out different (or that had none before).
        var changed = 0
        /// Re-extracted articles whose annotations came out the same; only their version was updated.
        var unchanged = 0
        /// Articles left alone because this version had already extracted them.
        var upToDate = 0
        /// Time expressions of the re-extracted articles before the run (none for an article without
        /// annotations) and after it.
        var timexesBefore = 0
        var timexesAfter = 0
        /// Entity mentions and quotes of the re-extracted articles before and after the run, likewise.
        var entitiesBefore = 0
        var entitiesAfter = 0
        var quotesBefore = 0
        var quotesAfter = 0
        /// Whether the cross-document entity resolution was rebuilt from every stored article (after any
        /// article was re-extracted, or when the database had none), and the entities it found.
        var rebuiltResolution = false
        var entities: Int?
        var seconds = 0.0
    }

    let store: any ArticleStore
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Articles written per transaction (fewer when a second has passed since the last write).
    var batchSize = 256
    /// Articles read per page.
    var pageSize = 256
    /// The per-article pipeline, the same one `storyline ingest` and `storyline extract` run.
    var extractor = ArticleExtractor()
    /// The version recorded with the new annotations, and the one articles are compared with.
    var version = ArticleExtractor.version

    /// What extracting one article again gave.
    private struct Extracted: Sendable {
        var id: String
        var annotations: ArticleAnnotations
        /// The annotations the article had before; nil when it had none.
        var before: ArticleAnnotations?
        var changed: Bool
    }

    /// Re-extracts the articles that need it — every article when `all` — and reports the totals after each
    /// article.
    func run(all: Bool, report: (Summary) -> Void) async throws -> Summary {
        let start = Date()
        var summary = Summary(extractorVersion: version)
        let filter = all ? nil : version
        summary.articles = try await store.countArticles(notExtractedBy: nil)
        summary.selected = all ? summary.articles : try await store.countArticles(notExtractedBy: version)
        summary.upToDate = summary.articles - summary.selected
        report(summary)

        let extractor = self.extractor
        let window = max(2, jobs * 4)
        var pending: [(id: String, annotations: ArticleAnnotations)] = []
        var lastWrite = Date()
        try await withThrowingTaskGroup(of: (Int, Extracted).self) { group in
            var page: [StoredArticle] = []
            var pageIndex = 0
            var lastID: String?
            var exhausted = false
            var next = 0
            var nextToWrite = 0
            var done: [Int: Extracted] = [:]
            while true {
                // Keep the window full: the workers extract while the writer below waits for the store.
                while next < nextToWrite + window {
                    if pageIndex == page.count {
                        if exhausted { break }
                        page = try await store.storedArticles(after: lastID, limit: pageSize, notExtractedBy: filter)
                        pageIndex = 0
                        exhausted = page.count < pageSize
                        guard let last = page.last else { break }
                        lastID = last.article.id
                    }
                    let stored = page[pageIndex]
                    let index = next
                    pageIndex += 1
                    next += 1
                    group.addTask { (index, Self.extract(stored, with: extractor)) }
                }
                guard let (index, extracted) = try await group.next() else { break }
                done[index] = extracted
                while let result = done.removeValue(forKey: nextToWrite) {
                    nextToWrite += 1
                    Self.count(result, into: &summary)
                    pending.append((id: result.id, annotations: result.annotations))
                    if pending.count >= batchSize || Date().timeIntervalSince(lastWrite) >= 1 {
                        try await write(&pending)
                        lastWrite = Date()
                    }
                    summary.seconds = Date().timeIntervalSince(start)
                    report(summary)
                }
            }
        }
        try await write(&pending)
        // New mentions invalidate the resolution (the store dropped its snapshot): rebuild it from scratch over
        // every stored article in publication order.
        let hasResolution = try await store.entityResolverSnapshot() != nil
        if summary.reextracted > 0 || !hasResolution {
            summary.entities = try await EntityResolutionRunner.rebuild(store: store).resolver.count
            summary.rebuiltResolution = true
        }
        summary.seconds = Date().timeIntervalSince(start)
        report(summary)
        return summary
    }

    /// Extracts from one stored article's text against its publication date, as ingest does.
    private static func extract(_ stored: StoredArticle, with extractor: ArticleExtractor) -> Extracted {
        let article = stored.article
        let annotations = extractor.annotate(text: article.text, documentDate: article.published)
        return Extracted(
            id: article.id,
            annotations: annotations,
            before: stored.annotations,
            changed: annotations != stored.annotations
        )
    }

    private static func count(_ result: Extracted, into summary: inout Summary) {
        summary.reextracted += 1
        if result.changed { summary.changed += 1 } else { summary.unchanged += 1 }
        summary.timexesBefore += result.before?.timexes.count ?? 0
        summary.timexesAfter += result.annotations.timexes.count
        summary.entitiesBefore += result.before?.entities.count ?? 0
        summary.entitiesAfter += result.annotations.entities.count
        summary.quotesBefore += result.before?.quotes.count ?? 0
        summary.quotesAfter += result.annotations.quotes.count
    }

    /// Replaces the annotations of the pending articles in one transaction.
    private func write(_ pending: inout [(id: String, annotations: ArticleAnnotations)]) async throws {
        guard !pending.isEmpty else { return }
        try await store.replaceAnnotations(pending, extractorVersion: version)
        pending.removeAll(keepingCapacity: true)
    }
}
