/// One news article as read from one source: clean body text plus the metadata the source states.
///
/// The body is a list of paragraphs; `text` joins them with a blank line (`"\n\n"`), and every
/// range that later stages report into an article is a ``TextRange`` into `text` (UTF-8 byte offsets
/// inside the pipeline, Unicode-scalar offsets at the edge).
/// Two readings with the same body (a wire story syndicated by several outlets) have the same
/// `contentHash` and so the same `id`; a store keeps the body once and records every source.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier: the first 16 hex digits of `contentHash`.
    public var id: String
    /// SHA-256 (lowercase hex) of `text`: the deduplication key.
    public var contentHash: String
    public var title: String?
    /// The outlet's name, e.g. "Reuters" (from `og:site_name`, a feed's title, JSONL `source`…).
    public var outlet: String?
    /// The article's URL; the canonical URL when the page declares one.
    public var url: String?
    /// When the article was first published, as precisely as the source states it.
    public var published: PublicationDate?
    /// When the article was last modified, when stated.
    public var modified: PublicationDate?
    /// Authors' names, in the order given.
    public var byline: [String]
    /// BCP 47 language tag when stated (`<html lang>`, `og:locale`, a feed's `language`).
    public var language: String?
    /// The dateline that opened the body ("WASHINGTON"), when there was one; it is not part of `paragraphs`.
    public var dateline: String?
    /// The clean body, one paragraph per element, boilerplate removed.
    public var paragraphs: [String]
    /// Live-blog entries, in document order, when the article is a live blog; empty otherwise.
    public var liveBlogEntries: [LiveBlogEntry]
    /// Blocks recognised as page chrome and removed from the body (share bars, "Related Articles"…),
    /// kept so that a reader can see what was dropped.
    public var removedChrome: [String]
    /// Where this reading came from.
    public var origin: ArticleOrigin

    public init(
        id: String,
        contentHash: String,
        title: String? = nil,
        outlet: String? = nil,
        url: String? = nil,
        published: PublicationDate? = nil,
        modified: PublicationDate? = nil,
        byline: [String] = [],
        language: String? = nil,
        dateline: String? = nil,
        paragraphs: [String],
        liveBlogEntries: [LiveBlogEntry] = [],
        removedChrome: [String] = [],
        origin: ArticleOrigin
    ) {
        self.id = id
        self.contentHash = contentHash
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.modified = modified
        self.byline = byline
        self.language = language
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.liveBlogEntries = liveBlogEntries
        self.removedChrome = removedChrome
        self.origin = origin
    }

    /// The body: paragraphs joined by `"\n\n"`. Ranges into an article (``TextRange``) are offsets into this string.
    public var text: String { paragraphs.joined(separator: "\n\n") }

    /// Number of whitespace-separated words in the body.
    public var wordCount: Int {
        var count = 0
        for paragraph in paragraphs {
            var inWord = false
            for byte in paragraph.utf8 {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !space && !inWord { count += 1 }
                inWord = !space
            }
        }
        return count
    }
}

/// One entry of a live blog: a run of the parent article's paragraphs under one headline or time stamp.
public struct LiveBlogEntry: Sendable, Hashable, Codable {
    /// The entry's headline, when it has one.
    public var headline: String?
    /// The time stamp as written ("15:21", "3.21pm"), when given.
    public var timeText: String?
    /// The time stamp resolved against the article's date, when both are known.
    public var timestamp: PublicationDate?
    /// Indices into the parent article's `paragraphs` that make up this entry: its headline first, when it
    /// has one (headlines carry news and quotes of their own), then its body. Time-stamp lines are not paragraphs.
    public var paragraphRange: Range<Int>

    public init(
        headline: String? = nil,
        timeText: String? = nil,
        timestamp: PublicationDate? = nil,
        paragraphRange: Range<Int>
    ) {
        self.headline = headline
        self.timeText = timeText
        self.timestamp = timestamp
        self.paragraphRange = paragraphRange
    }
}

/// The input an article was read from.
public struct ArticleOrigin: Sendable, Hashable, Codable {
    /// The file's path, or `nil` for standard input.
    public var path: String?
    /// The format the reader recognised.
    public var format: InputFormat
    /// For containers (feeds, JSONL, WARC): which record of the file, 0-based.
    public var record: Int?
    /// An identifier the input gave the article (a JSONL `id`, a feed item's `guid`, a WARC-Record-ID).
    public var externalID: String?
    /// When the page was fetched, for crawled inputs (a WARC record's `WARC-Date`).
    public var retrieved: PublicationDate?

    public init(
        path: String?,
        format: InputFormat,
        record: Int? = nil,
        externalID: String? = nil,
        retrieved: PublicationDate? = nil
    ) {
        self.path = path
        self.format = format
        self.record = record
        self.externalID = externalID
        self.retrieved = retrieved
    }

    /// "path", "path#record" or "<stdin>#record": how messages and the store name this origin.
    public var locator: String {
        let base = path ?? "<stdin>"
        guard let record else { return base }
        return "\(base)#\(record)"
    }
}

/// The input formats Storyline reads.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case plainText = "text"
    case html
    case rss
    case atom
    case jsonl
    case warc
}
