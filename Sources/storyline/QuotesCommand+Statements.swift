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
        struct Key: Hashable {
            var articleID: String
            var range: TextRange
        }
        var merger = StatementMerger()
        var byKey: [Key: StoredQuote] = [:]
        for stored in quotes {
            byKey[Key(articleID: stored.articleID, range: stored.quote.range)] = stored
            merger.add(
                quote: stored.quote,
                text: Self.textReaching(stored),
                speaker: stored.quote.attributedName,
                source: ReportSource(articleID: stored.articleID, outlet: stored.outlet, published: stored.published)
            )
        }
        return merger.statements.compactMap { statement -> Grouped? in
            let reports = statement.reports.compactMap { byKey[Key(articleID: $0.source.articleID, range: $0.range)] }
            guard !reports.isEmpty else { return nil }
            return Grouped(statement: statement, quotes: reports)
        }.sorted { a, b in
            StatementReport.precedes(a.statement.firstReport, b.statement.firstReport)
        }
    }

    /// A text in which the quote's UTF-8 range holds the quote's words, for the merger (which reads only that
    /// range): the words after as many spaces as the range's start. The merger keys reports by article and
    /// range, so the ranges must stay those of the article.
    static func textReaching(_ stored: StoredQuote) -> String {
        String(repeating: " ", count: stored.quote.range.start) + stored.text
    }
}
