import ArgumentParser
import StorylineCore
import StorylineExtract
import StorylineStore

/// `storyline show ID`
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Show one article: metadata, every source, the clean text, its entities, quotes and time expressions.",
        discussion: """
            On a terminal the time expressions are highlighted in the text, and the quotes and names in their \
            lists (set NO_COLOR to turn colour off). With --json, entity mentions, quotes and time expressions \
            carry Unicode-scalar offsets into the article's text (its paragraphs joined by a blank line), as in \
            `storyline extract` output.
            """
    )

    @Argument(help: "The article's id, or a unique prefix of it (at least 4 characters).")
    var id: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Flag(help: "Also list the page chrome that was removed.")
    var chrome = false

    func run() async throws {
        let db = try store.openExisting()
        let found: StoredArticle?
        do {
            found = try await db.article(id: id)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        guard let stored = found else {
            Terminal.error("no article with id \(id) — `storyline articles` lists the ids")
            throw ExitCode(1)
        }
        if json {
            try Terminal.json(ShowJSON(stored))
        } else {
            Terminal.out(Self.render(stored, chrome: chrome, colour: Terminal.stdoutUsesColour))
        }
    }

    /// Which extractor version made the article's annotations, and whether `storyline reextract` would redo
    /// them; nil when there are none (the time expressions section says so).
    static func extractorNote(_ stored: StoredArticle) -> String? {
        guard stored.annotations != nil else { return nil }
        guard let version = stored.extractorVersion else {
            return "unknown version (annotations stored before versions were recorded; `storyline reextract` "
                + "updates them)"
        }
        guard version == ArticleExtractor.version else {
            return "\(version) (this is \(ArticleExtractor.version); `storyline reextract` updates the annotations)"
        }
        return version
    }

    /// The text output; with `colour`, time expressions are highlighted in the body, and names and quotes in
    /// their sections.
    static func render(_ stored: StoredArticle, chrome: Bool, colour: Bool = false) -> String {
        let a = stored.article
        let spans = (stored.annotations?.timexes ?? []).map(\.range).sorted()
        let paragraphRanges = Self.paragraphRanges(a.paragraphs)
        var out: [String] = []
        out.append(a.title ?? "(untitled)")
        out.append(String(repeating: "═", count: min(78, max(10, (a.title ?? "(untitled)").count))))
        func field(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { out.append(Terminal.cell(name, 10) + value) }
        }
        field("id", a.id)
        field("published", a.published?.iso8601)
        field("modified", a.modified?.iso8601)
        field("outlet", a.outlet)
        field("byline", a.byline.isEmpty ? nil : a.byline.joined(separator: ", "))
        field("url", a.url)
        field("language", a.language)
        field("dateline", a.dateline)
        field("words", String(a.wordCount))
        field("hash", a.contentHash)
        field("extractor", Self.extractorNote(stored))
        out.append("")
        out.append("Sources (\(stored.sources.count)):")
        for source in stored.sources {
            var parts = [source.outlet ?? "—", source.published?.iso8601 ?? "undated", source.origin.format.rawValue]
            parts.append(source.url ?? source.origin.locator)
            out.append("  • " + parts.joined(separator: " · "))
        }
        out.append("")
        var entryStarts: [Int: LiveBlogEntry] = [:]
        for entry in a.liveBlogEntries { entryStarts[entry.paragraphRange.lowerBound] = entry }
        if !a.liveBlogEntries.isEmpty { out.append("Live blog: \(a.liveBlogEntries.count) entries") }
        for (index, paragraph) in a.paragraphs.enumerated() {
            if let entry = entryStarts[index] {
                out.append("")
                let stamp = [entry.timestamp?.iso8601 ?? entry.timeText].compactMap { $0 }.joined()
                out.append("── entry" + (stamp.isEmpty ? "" : " at \(stamp)") + " " + String(repeating: "─", count: 30))
            }
            out.append(Self.highlighted(paragraph, at: paragraphRanges[index], spans: spans, colour: colour))
            out.append("")
        }
        if chrome, !a.removedChrome.isEmpty {
            out.append("Removed as page chrome (\(a.removedChrome.count)):")
            for block in a.removedChrome { out.append("  ✂ " + block) }
            out.append("")
        }
        for section in [Self.entitySection(stored, colour: colour), Self.quoteSection(stored, colour: colour)]
        where !section.isEmpty {
            out += section
            out.append("")
        }
        out += Self.timexSection(stored, colour: colour)
        return out.joined(separator: "\n")
    }
}
