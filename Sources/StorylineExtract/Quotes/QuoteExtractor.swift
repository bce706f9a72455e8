import StorylineCore
import StorylineText

/// Finds who said what in a news text: direct quotes, partial quotes inside a paraphrase, and indirect
/// (reported) speech, each attributed to a source with its cue, and with the addressee and channel when
/// the text states them.
///
/// How it reads a text:
/// - **Candidates** are the top-level quotation spans of ``QuotationScanner`` (every mark style, nested
///   and unbalanced marks, multi-paragraph quotes merged into one) and the cue words of a precomputed
///   table of a few hundred reporting-verb forms ("said", "told", "warned", "according to", "wrote" …).
/// - **Direct** quotes are attributed by a cue and a source next to them (`"…," he said`, `Starmer said:
///   "…"`, `"…," said Starmer, adding: "…"`), by a colon ending the previous sentence, or by the last
///   direct quote's speaker when a sentence or paragraph in quotation marks carries no attribution of its
///   own (split quotes, continuation paragraphs). `Trump: '…'` headlines count.
/// - **Partial** quotes are quoted fragments inside a paraphrase, attributed to the cue of their
///   sentence; short fragments without any cue are scare quotes or names and are dropped.
/// - **Indirect** quotes are the reported clause of `X said (that) …`, `X told reporters …`, `…, X said.`,
///   `according to X, …`; a clause that holds a quotation gives only the partial quote.
/// - **Sources** are the noun phrase next to the cue: a name with its title, a role, an organisation or
///   a pronoun; ``QuoteMention/speakerName`` resolves it (see `SpeakerResolver`), helped by the entity
///   mentions when they are given.
///
/// Works on UTF-8 bytes in one left-to-right pass with bounded look-around per cue: time linear in the
/// length of the text. A value with no mutable state: share one extractor between tasks.
public struct QuoteExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// The quotes of `text`, by start, with UTF-8 byte ranges into `text`.
    ///
    /// - Parameters:
    ///   - entities: entity mentions of the same text (from `EntityTagger`), used to resolve sources to
    ///     canonical names; without them, names are taken as written.
    ///   - ignoring: ranges of page chrome where nothing is reported (see `ChromeLines`); by default the
    ///     chrome lines of `text`.
    public func quotes(
        in text: String,
        entities: [EntityMention] = [],
        ignoring: [TextRange]? = nil
    ) -> [QuoteMention] {
        let chrome = ignoring ?? ChromeLines.chromeRanges(in: text).map { TextRange($0) }
        let document = QuoteDocument(text: text)
        var pass = QuotePass(document: document, entities: entities, ignore: chrome)
        return pass.run()
    }
}
