import StorylineCore

/// What the user states about one input file from outside its text — its publication date, outlet, URL or
/// title — as given by a line of a ``SourceManifest``.
///
/// A stated field replaces what the reader inferred from the file (the user's explicit statement wins);
/// a field left `nil` keeps the reader's value. Only metadata changes: the body, and so the content hash
/// and the id, are the file's alone, so the same file reads to the same article with or without a manifest.
public struct SourceMetadata: Sendable, Hashable {
    public var published: PublicationDate?
    public var outlet: String?
    public var url: String?
    public var title: String?

    public init(published: PublicationDate? = nil, outlet: String? = nil, url: String? = nil, title: String? = nil) {
        self.published = published
        self.outlet = outlet
        self.url = url
        self.title = title
    }

    /// Whether no field is stated.
    public var isEmpty: Bool { published == nil && outlet == nil && url == nil && title == nil }

    /// These fields, with every field `other` states replacing this one's.
    public func overridden(by other: SourceMetadata) -> SourceMetadata {
        SourceMetadata(
            published: other.published ?? published,
            outlet: other.outlet ?? outlet,
            url: other.url ?? url,
            title: other.title ?? title
        )
    }

    /// The article with the stated fields in place of the reader's; everything else as read.
    ///
    /// A stated publication date also dates the live-blog entries whose time stamp ("15:21") was placed on
    /// the reader's date or could not be placed for want of one.
    public func apply(to article: Article) -> Article {
        var copy = article
        if let title { copy.title = title }
        if let outlet { copy.outlet = outlet }
        if let url { copy.url = url }
        if let published, published != article.published {
            copy.published = published
            copy.liveBlogEntries = article.liveBlogEntries.map {
                Self.redate($0, from: article.published, to: published)
            }
        }
        return copy
    }

    /// An entry's time stamp moved from the article's old day to its new one, when it was placed on the old day
    /// (or on none); a time stamp the input dated by itself on another day is kept.
    private static func redate(_ entry: LiveBlogEntry, from old: PublicationDate?, to new: PublicationDate)
        -> LiveBlogEntry
    {
        guard let text = entry.timeText else { return entry }
        var copy = entry
        if let stamp = entry.timestamp {
            guard let old, stamp.year == old.year, stamp.month == old.month, stamp.day == old.day else { return entry }
            let moved = PublicationDate(
                year: new.year,
                month: new.month,
                day: new.day,
                hour: stamp.hour,
                minute: stamp.minute,
                second: stamp.second,
                utcOffsetMinutes: stamp.utcOffsetMinutes
            )
            if moved.isValid { copy.timestamp = moved }
        } else if let clock = ClockTime.first(in: text) {
            let placed = clock.on(new)
            if placed.isValid { copy.timestamp = placed }
        }
        return copy
    }
}
