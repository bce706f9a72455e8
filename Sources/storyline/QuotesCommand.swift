import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline quotes`
struct QuotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Find who said what: stored quotes with speaker, date, cue, context and every source.",
        discussion: """
            Lists the quotes (direct, partial and indirect) found in the stored articles, oldest article first \
            and in text order within an article: each with its speaker, the article's date and outlet, its cue \
            and kind, the quote and the sentence around it, and every source that published the article. \
            --speaker matches the speaker's resolved name or the words naming it ("trump" finds "Donald \
            Trump"), --about the quote's own words, both case-insensitively. With --json, each quote carries \
            Unicode-scalar offsets into its article's text (see `storyline show ID --json`) and a list of \
            sources.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only quotes whose speaker's name contains this text.", valueName: "NAME"))
    var speaker: String?

    @Option(help: ArgumentHelp("Only quotes whose words contain this text.", valueName: "TEXT"))
    var about: String?

    @Option(help: ArgumentHelp("Only quotes from articles published on or after this day.", valueName: "YYYY-MM-DD"))
    var since: PublicationDate?

    @Option(help: ArgumentHelp("Only quotes from articles published on or before this day.", valueName: "YYYY-MM-DD"))
    var until: PublicationDate?

    @Option(help: "At most this many quotes.")
    var limit: Int = 50

    @Option(help: "Skip this many quotes first (for paging).")
    var offset: Int = 0

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let db = try store.openExisting()
        let query = QuoteQuery(
            speaker: speaker,
            about: about,
            since: since,
            until: until,
            limit: limit,
            offset: offset
        )
        let quotes: [StoredQuote]
        do {
            quotes = try await db.quotes(matching: query)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        if json {
            try Terminal.json(try await Self.items(quotes, in: db))
            return
        }
        if quotes.isEmpty {
            let filtered = speaker != nil || about != nil || since != nil || until != nil || offset > 0
            Terminal.out(filtered ? "No quotes match." : "No quotes stored yet.")
            return
        }
        Terminal.out(Self.render(quotes, colour: Terminal.stdoutUsesColour))
        if quotes.count == limit {
            Terminal.out("\n(\(quotes.count) shown; --offset \(offset + quotes.count) for more)")
        }
    }

    /// The text output: a block per quote — date and speaker with cue and kind, the quote, its context (the
    /// quote highlighted in it on a colour terminal), and one line per source.
    static func render(_ quotes: [StoredQuote], colour: Bool) -> String {
        var blocks: [String] = []
        for stored in quotes {
            let quote = stored.quote
            var lines: [String] = []
            let date = stored.published.map { $0.dateOnly.iso8601 } ?? "undated"
            var header = [date, ShowCommand.speakerLabel(quote)]
            let said = ShowCommand.attribution(quote)
            if !said.isEmpty { header.append(said) }
            header.append(quote.kind.rawValue)
            if let outlet = stored.outlet { header.append(outlet) }
            lines.append(header.joined(separator: " · "))
            lines.append("  " + ShowCommand.quoted(oneLine(stored.text), quote.kind))
            lines.append("  " + highlightedContext(stored, colour: colour))
            for source in stored.sources {
                var parts = [source.outlet ?? "—", source.published?.iso8601 ?? "undated"]
                parts.append(source.url ?? source.origin.locator)
                lines.append("  • " + parts.joined(separator: " · ") + " · article " + stored.articleID)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
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
