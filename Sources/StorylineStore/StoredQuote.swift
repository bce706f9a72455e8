import StorylineCore

/// One stored quote with what a reader needs to cite it: its text, the sentence around it, and the article
/// and sources that reported it (``ArticleStore/quotes(matching:)``).
///
/// A quote belongs to one stored article. That article may have several sources (syndicated copies of one
/// body), all listed in ``sources``; merging the same statement reported in different articles is left to
/// cross-document resolution.
public struct StoredQuote: Sendable, Hashable, Codable {
    /// The quote as extracted, with UTF-8 byte ranges into the article's text (``StorylineCore/Article/text``).
    public var quote: QuoteMention
    /// What was said: the article's text at ``StorylineCore/QuoteMention/range``.
    public var text: String
    /// The quote in its surroundings: the article's text at ``contextRange``.
    public var context: String
    /// The UTF-8 byte range of ``context`` in the article's text: the sentence (or sentences) the quote is in,
    /// within its paragraphs, cut at a word boundary about 200 bytes from the quote on either side. It always
    /// contains the quote's range.
    public var contextRange: TextRange
    /// The stored article the quote is in.
    public var articleID: String
    /// The article's title, outlet, URL and publication date (those of its first reading).
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    /// Every reading of the article's body, in the order they were stored: the first is the article's own.
    public var sources: [ArticleSource]
    /// The quote's, its speaker's and its context's ranges in Unicode scalars of the article's text, for
    /// clients that count characters: ``StorylineCore/QuoteMention/range`` and ``contextRange`` are UTF-8 bytes.
    public var scalarRanges: ScalarRanges

    /// Ranges of a quote in Unicode scalars of its article's text.
    public struct ScalarRanges: Sendable, Hashable, Codable {
        public var quote: TextRange
        public var speaker: TextRange?
        public var context: TextRange

        public init(quote: TextRange, speaker: TextRange?, context: TextRange) {
            self.quote = quote
            self.speaker = speaker
            self.context = context
        }
    }

    public init(
        quote: QuoteMention,
        text: String,
        context: String,
        contextRange: TextRange,
        articleID: String,
        title: String?,
        outlet: String?,
        url: String?,
        published: PublicationDate?,
        sources: [ArticleSource],
        scalarRanges: ScalarRanges
    ) {
        self.quote = quote
        self.text = text
        self.context = context
        self.contextRange = contextRange
        self.articleID = articleID
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.sources = sources
        self.scalarRanges = scalarRanges
    }
}
