import StorylineCore

/// A filter and a page over the stored quotes (``ArticleStore/quotes(matching:)``).
///
/// Every filter that is set must match. ``speaker`` is a case-insensitive substring (both sides lowercased with
/// Swift's Unicode `lowercased()`); ``about`` matches words, as full-text search does. An empty string filters
/// nothing.
public struct QuoteQuery: Sendable, Hashable {
    /// Only quotes whose speaker contains this text: the resolved name (``StorylineCore/QuoteMention/speakerName``)
    /// or the speaker as written (``StorylineCore/QuoteMention/speaker``), so "trump" finds the quotes of
    /// "Donald Trump" and "the Kremlin" those of "the Kremlin spokesman".
    public var speaker: String?
    /// Only quotes whose speaker resolves to this entity (``StoredEntity/id``): the quote's resolved speaker name
    /// is the in-document name of a mention of the entity in the same article.
    public var speakerEntityID: Int64?
    /// Only quotes whose text (``StoredQuote/text``) has these words: each word of it begins a word of the
    /// quote, case, accents and punctuation set aside ("guarantee" finds "guarantees", "Russia's court" finds
    /// "Russia’s court"), and a "quoted phrase" its words in a row (``aboutTerms``). Text with no word in it
    /// matches no quote.
    public var about: String?

    /// The words ``about`` asks for, as search terms that each match the start of a word
    /// (``SearchQuery/terms``); nil when ``about`` filters nothing (nil or empty).
    public var aboutTerms: [SearchQuery.Term]? {
        guard let about, !about.isEmpty else { return nil }
        return SearchQuery(about).terms.map { SearchQuery.Term(words: $0.words, prefix: true) }
    }
    /// Only quotes from articles published on or after this day.
    public var since: PublicationDate?
    /// Only quotes from articles published on or before this day.
    public var until: PublicationDate?
    /// Only quotes of articles with no publication date (which come last in publication order).
    public var undated: Bool
    public var limit: Int
    public var offset: Int

    public init(
        speaker: String? = nil,
        speakerEntityID: Int64? = nil,
        about: String? = nil,
        since: PublicationDate? = nil,
        until: PublicationDate? = nil,
        undated: Bool = false,
        limit: Int = 100,
        offset: Int = 0
    ) {
        self.speaker = speaker
        self.speakerEntityID = speakerEntityID
        self.about = about
        self.since = since
        self.until = until
        self.undated = undated
        self.limit = limit
        self.offset = offset
    }
}
