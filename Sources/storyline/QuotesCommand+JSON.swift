import StorylineCore
import StorylineStore
import StorylineText

/// `storyline quotes --format json`: an array of statements (``StatementItem``), each with its reports; a report
/// is a ``QuoteJSON`` (its offsets into its article's text) with the article's date, outlet, its context and every
/// source of the article. `--format csv` flattens the same statements to one row per report (``csv(_:)``).
extension QuotesCommand {
    /// One source of a report: a reading of the article that reported it (several for syndicated copies).
    struct Source: Encodable {
        var articleID: String
        var outlet: String?
        var title: String?
        var url: String?
        /// The input it was read from: a path, with `#record` for a record of a container (feed, JSONL, WARC).
        var input: String
        var published: PublicationDate?

        private enum CodingKeys: String, CodingKey { case articleID, outlet, title, url, input, published }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(articleID, forKey: .articleID)
            try container.encode(outlet, forKey: .outlet)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(input, forKey: .input)
            try container.encode(published, forKey: .published)
        }
    }

    /// One statement of the output: the fields of its first report (speaker, cue, kind, date) and its canonical
    /// wording, its outlets and every report.
    struct StatementItem: Encodable {
        /// The statement's id in this listing (stable for the same matching quotes).
        var id: Int
        /// The fullest name any report gives, else the first report's speaker; null when none is known.
        var speaker: String?
        /// The first report's date, cue and kind.
        var published: PublicationDate?
        var cue: String?
        var kind: String
        /// The most complete wording of the reports.
        var text: String
        var outletCount: Int
        /// The outlets, in the order of their first report.
        var outlets: [String]
        /// Every report, earliest first.
        var reports: [Item]

        private enum CodingKeys: String, CodingKey {
            case id, speaker, published, cue, kind, text, outletCount, outlets, reports
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(published, forKey: .published)
            try container.encode(cue, forKey: .cue)
            try container.encode(kind, forKey: .kind)
            try container.encode(text, forKey: .text)
            try container.encode(outletCount, forKey: .outletCount)
            try container.encode(outlets, forKey: .outlets)
            try container.encode(reports, forKey: .reports)
        }
    }

    /// One report of a statement: the quote as this article wrote it.
    struct Item: Encodable {
        /// The quote with Unicode-scalar offsets into the text of the article ``articleID``.
        var quote: QuoteJSON
        /// The article's publication date (its first reading's).
        var published: PublicationDate?
        var articleID: String
        /// The article's outlet and URL (its first reading's).
        var outlet: String?
        var url: String?
        /// The sentence around the quote, with its Unicode-scalar offsets in the article's text.
        var context: String
        var contextStart: Int
        var contextEnd: Int
        /// Every source, the article's own first.
        var sources: [Source]

        private enum CodingKeys: String, CodingKey {
            case published, articleID, outlet, url, context, contextStart, contextEnd, sources
        }

        func encode(to encoder: any Encoder) throws {
            try quote.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(published, forKey: .published)
            try container.encode(articleID, forKey: .articleID)
            try container.encode(outlet, forKey: .outlet)
            try container.encode(url, forKey: .url)
            try container.encode(context, forKey: .context)
            try container.encode(contextStart, forKey: .contextStart)
            try container.encode(contextEnd, forKey: .contextEnd)
            try container.encode(sources, forKey: .sources)
        }
    }

    /// The JSON statements.
    static func items(_ statements: [Grouped]) -> [StatementItem] {
        statements.map { grouped in
            let first = grouped.first.quote
            return StatementItem(
                id: grouped.statement.id.rawValue,
                speaker: grouped.statement.speaker ?? first.attributedName,
                published: grouped.first.published,
                cue: first.cue,
                kind: first.kind.rawValue,
                text: grouped.statement.canonicalWording,
                outletCount: grouped.statement.outletCount,
                outlets: grouped.statement.outlets,
                reports: grouped.quotes.map(report)
            )
        }
    }

    /// The JSON report of one stored quote: its offsets are the scalar ranges the store worked out.
    static func report(_ stored: StoredQuote) -> Item {
        let scalars = stored.scalarRanges
        return Item(
            quote: QuoteJSON(stored),
            published: stored.published,
            articleID: stored.articleID,
            outlet: stored.outlet,
            url: stored.url,
            context: stored.context,
            contextStart: scalars.context.start,
            contextEnd: scalars.context.end,
            sources: stored.sources.map { source in
                Source(
                    articleID: stored.articleID,
                    outlet: source.outlet,
                    title: source.title,
                    url: source.url,
                    input: source.origin.locator,
                    published: source.published
                )
            }
        )
    }

    /// The header of `storyline quotes --format csv`, in the order of the rows of ``csv(_:)``.
    static let csvHeader = [
        "statement_id", "statement_speaker", "statement_first_published", "statement_outlets", "speaker",
        "speaker_as_written", "cue", "kind", "published", "outlet", "article_id", "url", "wording", "start", "end",
        "context", "context_start", "context_end", "sources",
    ]

    /// `statements` as CSV: a header row, then one row per report, the reports of a statement in order. Offsets
    /// are Unicode scalars into the article's text; unknown values are empty; `sources` joins the outlets (else
    /// inputs) of every reading of the article with "; ".
    static func csv(_ statements: [StatementItem]) -> String {
        var rows: [[String]] = []
        for statement in statements {
            for report in statement.reports {
                let quote = report.quote
                rows.append([
                    String(statement.id), statement.speaker ?? "", statement.published?.dateOnly.iso8601 ?? "",
                    String(statement.outletCount), quote.speaker ?? "", quote.speakerText ?? "", quote.cue ?? "",
                    quote.kind, report.published?.iso8601 ?? "", report.outlet ?? "", report.articleID,
                    report.url ?? "", quote.text, String(quote.start), String(quote.end), report.context,
                    String(report.contextStart), String(report.contextEnd),
                    CSVWriter.list(StoryBuilder.orderedUnique(report.sources.map { $0.outlet ?? $0.input })),
                ])
            }
        }
        return CSVWriter.document(header: csvHeader, rows: rows)
    }
}
