import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline quotes`
struct QuotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Find who said what: statements with speaker, first report, cue, wording and every report.",
        discussion: """
            Lists the statements (direct, partial and indirect quotes) found in the stored articles: the same \
            words by the same speaker reported by several outlets — verbatim or with small differences, within \
            two weeks — are one statement, shown once with its speaker, the date of its first report, its cue \
            and kind, its most complete wording, how many outlets reported it, and every report (outlet, date, \
            article and URL, and that outlet's wording when it differs); earliest first report first. \
            --speaker matches the speaker's resolved name or the words naming it ("trump" finds "Donald \
            Trump"), --about the quote's own words, both case-insensitively; --since/--until the articles' days. \
            Statements are formed from the matching quotes; --limit and --offset count statements. With --format \
            json (or --json), an array of statements, each with its reports, each report with Unicode-scalar \
            offsets into its article's text (see `storyline show ID --json`) and a list of sources. With --format \
            csv, one row per report rather than per statement — what a spreadsheet can sort and filter by outlet \
            or day (RFC 4180, CR LF line ends, a header row): the statement's id (shared by the rows of one \
            statement), its speaker, first report's day and outlet count; then the report's own speaker, speaker \
            as written, cue, kind, day, outlet, article id, URL, wording and its Unicode-scalar offsets, its \
            context (the sentence around it) with offsets, and the outlets of every source of its article joined \
            with "; ".
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only quotes whose speaker's name contains this text.", valueName: "NAME"))
    var speaker: String?

    @Option(
        help: ArgumentHelp(
            "Only quotes with these words: each begins a word of the quote (\"guarantee\" finds \"guarantees\"); a \"quoted phrase\" in a row.",
            valueName: "TEXT"
        )
    )
    var about: String?

    @Option(help: ArgumentHelp("Only quotes from articles published on or after this day.", valueName: "YYYY-MM-DD"))
    var since: PublicationDate?

    @Option(help: ArgumentHelp("Only quotes from articles published on or before this day.", valueName: "YYYY-MM-DD"))
    var until: PublicationDate?

    @Option(help: "At most this many statements.")
    var limit: Int = 50

    @Option(help: "Skip this many statements first (for paging).")
    var offset: Int = 0

    @OptionGroup var output: ExportFormatOptions

    func run() async throws {
        let db = try store.openExisting()
        let query = QuoteQuery(speaker: speaker, about: about, since: since, until: until)
        let found: (page: [Grouped], more: Bool, total: Int?)
        do {
            // Statements are formed from the matching quotes, read only as far as the page needs.
            found = try await Self.statementPage(query, offset: offset, limit: limit, from: db)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        let page = found.page
        let start = max(offset, 0)
        switch output.resolved {
        case .json:
            try Terminal.json(Self.items(page))
            return
        case .csv:
            CSVWriter.write(Self.csv(Self.items(page)))
            return
        case .text:
            break
        }
        if page.isEmpty {
            let filtered = speaker != nil || about != nil || since != nil || until != nil || offset > 0
            Terminal.out(filtered ? "No quotes match." : "No quotes stored yet.")
            return
        }
        Terminal.out(Self.render(page, colour: Terminal.stdoutUsesColour))
        if found.more {
            let shown = found.total.map { "\(page.count) of \($0)" } ?? "\(page.count)"
            Terminal.out("\n(\(shown) statements shown; --offset \(start + page.count) for more)")
        }
    }

    /// The text output: a block per statement — the date of its first report, its speaker, cue, kind and
    /// outlet count; its canonical wording; the first report's context (the quote highlighted in it on a
    /// colour terminal); and a line per source of every report, followed by that report's wording when it
    /// differs from the canonical one.
    static func render(_ statements: [Grouped], colour: Bool) -> String {
        var blocks: [String] = []
        for grouped in statements {
            let first = grouped.first
            let quote = first.quote
            var lines: [String] = []
            let date = first.published.map { $0.dateOnly.iso8601 } ?? "undated"
            var header = [date, speakerLabel(grouped)]
            let said = ShowCommand.attribution(quote)
            if !said.isEmpty { header.append(said) }
            header.append(quote.kind.rawValue)
            let outlets = grouped.statement.outletCount
            header.append("\(outlets) outlet\(outlets == 1 ? "" : "s")")
            lines.append(header.joined(separator: " · "))
            lines.append("  " + ShowCommand.quoted(oneLine(grouped.statement.canonicalWording), quote.kind))
            lines.append("  " + highlightedContext(first, colour: colour))
            for stored in grouped.quotes {
                for source in stored.sources {
                    var parts = [source.outlet ?? "—", source.published?.iso8601 ?? "undated"]
                    parts.append(source.url ?? source.origin.locator)
                    lines.append("  • " + parts.joined(separator: " · ") + " · article " + stored.articleID)
                }
                if stored.text != grouped.statement.canonicalWording {
                    lines.append("      " + ShowCommand.quoted(oneLine(stored.text), stored.quote.kind))
                }
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The statement's speaker: the first report's label ("Donald Trump (as \"he\")"), or the statement's
    /// fuller name when another report gives one.
    static func speakerLabel(_ grouped: Grouped) -> String {
        let label = ShowCommand.speakerLabel(grouped.first.quote)
        guard let speaker = grouped.statement.speaker, speaker != grouped.first.quote.attributedName else {
            return label
        }
        return speaker
    }

    /// The context on one line, with the quote in it highlighted when `colour` is true.
    static func highlightedContext(_ stored: StoredQuote, colour: Bool) -> String {
        let bytes = Array(stored.context.utf8)
        let start = min(max(stored.quote.range.start - stored.contextRange.start, 0), bytes.count)
        let end = min(max(stored.quote.range.end - stored.contextRange.start, start), bytes.count)
        let before = String(decoding: bytes[..<start], as: UTF8.self)
        let inside = String(decoding: bytes[start..<end], as: UTF8.self)
        let after = String(decoding: bytes[end...], as: UTF8.self)
        return oneLine(before) + Terminal.styled(oneLine(inside), .highlight, colour: colour) + oneLine(after)
    }

    /// `text` with its paragraph breaks shown as ` ¶ ` and other line breaks as spaces.
    static func oneLine(_ text: String) -> String {
        text.replacing("\n\n", with: " ¶ ").replacing("\n", with: " ")
    }
}
