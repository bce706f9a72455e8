import StorylineCore
import StorylineResolve
import StorylineStore

/// Grouping the quotes that `storyline quotes` found into statements at query time: the same words by the
/// same speaker reported by several outlets are one statement (``StorylineResolve/StatementMerger``), printed
/// once with every report.
extension QuotesCommand {
    /// One statement and the stored quotes that report it, in the order of its reports (earliest first).
    struct Grouped {
        var statement: Statement
        var quotes: [StoredQuote]

        /// The earliest report's quote.
        var first: StoredQuote { quotes[0] }
    }

    /// Merges `quotes` — in the order the store returns them: publication order — into statements, ordered by
    /// their first report. Each quote is added with its resolved speaker (``StorylineCore/QuoteMention/attributedName``:
    /// the `speaker_name` the extractor resolved, else the source as written unless a bare pronoun) and its
    /// article as the report's source.
    static func statements(_ quotes: [StoredQuote]) -> [Grouped] {
        var grouper = Grouper()
        for stored in quotes { grouper.add(stored) }
        return grouper.statements()
    }

    /// Quotes merged into statements as they come (``statements(_:)``, one quote at a time).
    struct Grouper {
        private struct Key: Hashable {
            var articleID: String
            var range: TextRange
        }
        private var merger = StatementMerger()
        private var byKey: [Key: StoredQuote] = [:]

        /// The days after a statement's first report within which a quote read later can still join it: the
        /// merger's window, and two days for the time zones of the stated dates (the store orders by instant,
        /// the merger counts calendar days as stated, and two instants' local days can differ by two).
        var reach: Int { merger.configuration.windowDays + 2 }

        mutating func add(_ stored: StoredQuote) {
            byKey[Key(articleID: stored.articleID, range: stored.quote.range)] = stored
            merger.add(
                quote: stored.quote,
                wording: stored.text,
                speaker: stored.quote.attributedName,
                source: ReportSource(articleID: stored.articleID, outlet: stored.outlet, published: stored.published)
            )
        }

        /// The first reports of the statements so far, earliest first (what ``statements()`` orders by, without
        /// gathering every statement's quotes).
        func firstReports() -> [StatementReport] {
            merger.statements.map(\.firstReport).sorted(by: StatementReport.precedes)
        }

        /// The statements so far, ordered by their first report.
        func statements() -> [Grouped] {
            merger.statements.compactMap { statement -> Grouped? in
                let reports = statement.reports.compactMap {
                    byKey[Key(articleID: $0.source.articleID, range: $0.range)]
                }
                guard !reports.isEmpty else { return nil }
                return Grouped(statement: statement, quotes: reports)
            }.sorted { a, b in
                StatementReport.precedes(a.statement.firstReport, b.statement.firstReport)
            }
        }
    }

    /// A page of the statements `query` matches (its own limit and offset aside): in order of first report,
    /// `offset` skipped and at most `limit` kept; whether more follow; and how many there are in all when every
    /// matching quote had to be read.
    ///
    /// The same statements as ``statements(_:)`` of every matching quote, but the quotes are read in
    /// publication order, a growing chunk at a time, only as far as the page needs: a quote joins a statement
    /// only within the merger's window of days after its first report (``Grouper/reach``), so once the quotes
    /// read run more than that past the first report of the page's last statement and of the one after it,
    /// no unread dated quote can change them. Quotes of undated articles, which come last and fit any window,
    /// are then read and added.
    static func statementPage(
        _ query: QuoteQuery,
        offset: Int,
        limit: Int,
        from store: any ArticleStore,
        redact: (StoredQuote) -> StoredQuote = { $0 }
    ) async throws -> (page: [Grouped], more: Bool, total: Int?) {
        let needed = max(offset, 0) + max(limit, 0) + 1
        var grouper = Grouper()
        var chunk = QuoteQuery(
            speaker: query.speaker,
            speakerEntityID: query.speakerEntityID,
            about: query.about,
            since: query.since,
            until: query.until,
            undated: query.undated,
            limit: 256,
            offset: 0
        )
        // Redaction changes no field the merger reads, so only the page's quotes go through it.
        func page(_ all: [Grouped]) -> [Grouped] {
            all.dropFirst(max(offset, 0)).prefix(max(limit, 0)).map { grouped in
                Grouped(statement: grouped.statement, quotes: grouped.quotes.map(redact))
            }
        }
        while true {
            let quotes = try await store.quotes(matching: chunk)
            for stored in quotes { grouper.add(stored) }
            guard quotes.count == chunk.limit else {
                let all = grouper.statements()
                return (page(all), all.count >= needed, all.count)
            }
            chunk.offset += quotes.count
            chunk.limit = min(chunk.limit * 2, 16384)
            // Undated quotes come last: once they start, the rest is read.
            guard !chunk.undated, let lastDay = quotes.last?.published?.dayNumber else { continue }
            let firsts = grouper.firstReports()
            let settled =
                firsts.count >= needed
                && firsts.prefix(needed).allSatisfy { report in
                    report.source.published.map { $0.dayNumber + grouper.reach < lastDay } ?? false
                }
            guard settled else { continue }
            var undated = chunk
            undated.undated = true
            undated.offset = 0
            undated.limit = Int(Int32.max)
            for stored in try await store.quotes(matching: undated) { grouper.add(stored) }
            return (page(grouper.statements()), true, nil)
        }
    }
}
