import StorylineCore
import StorylineStore

/// The quotes in `storyline show`: one line per quote with the paragraph it is in, its kind, who said it and
/// what was said.
extension ShowCommand {
    /// The "Quotes" section: one line per quote in text order — its paragraph (counted from 1, as the body is
    /// printed), its kind, its speaker (with the words naming it when they are not part of the name: `Keir
    /// Starmer (as "he")`), its cue with the addressee and channel, and the quote itself, in quotation marks
    /// unless it is reported speech. Empty when the article has no annotations (the time expressions section
    /// says why).
    static func quoteSection(_ stored: StoredArticle, colour: Bool) -> [String] {
        guard let annotations = stored.annotations else { return [] }
        let quotes = annotations.quotes
        guard !quotes.isEmpty else { return ["Quotes: none found."] }
        let text = Array(stored.article.text.utf8)
        let paragraphs = paragraphRanges(stored.article.paragraphs)
        var lines = ["Quotes (\(quotes.count); ¶ = paragraph):"]
        for quote in quotes.sorted(by: { $0.range < $1.range }) {
            let end = min(quote.range.end, text.count)
            let said = String(decoding: text[min(quote.range.start, end)..<end], as: UTF8.self)
                .replacing("\n\n", with: " ¶ ").replacing("\n", with: " ")
            let paragraph = paragraphNumber(at: quote.range.start, in: paragraphs)
            let cue = attribution(quote)
            lines.append(
                "  " + Terminal.padded("¶\(paragraph)", 5) + Terminal.padded(quote.kind.rawValue, 10)
                    + speakerLabel(quote) + (cue.isEmpty ? "" : " — " + cue) + ": "
                    + quoted(Terminal.styled(said, .highlight, colour: colour), quote.kind)
            )
        }
        return lines
    }

    /// Who said it, as the quote lists show it: the attributed name, followed by the words that name the speaker
    /// in the text when they are not part of that name (`Donald Trump (as "the US president")`, but not for
    /// "Trump" or "President Donald Trump"); "unattributed" when the text does not say.
    static func speakerLabel(_ quote: QuoteMention) -> String {
        guard let name = quote.attributedName else {
            return quote.speaker.map { "unresolved \"\($0)\"" } ?? "unattributed"
        }
        guard let written = quote.speaker else { return name }
        let (a, b) = (written.lowercased(), name.lowercased())
        return a.contains(b) || b.contains(a) ? name : name + " (as \"" + written + "\")"
    }

    /// The cue, addressee and channel as they read together ("told reporters", "said in a statement"); empty
    /// when none is known. A cue without letters (the colon of `Starmer: "…"`) is left out.
    static func attribution(_ quote: QuoteMention) -> String {
        let cue = quote.cue.flatMap { cue in cue.contains(where: \.isLetter) ? cue : nil }
        return [cue, quote.addressee, quote.channel].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `text` in quotation marks unless the quote is reported speech.
    static func quoted(_ text: String, _ kind: QuoteMention.Kind) -> String {
        kind == .indirect ? text : "“" + text + "”"
    }
}
