import StorylineCore
import StorylineStore
import StorylineText

/// `storyline quotes --json`: an array of quotes, each a ``QuoteJSON`` (its offsets into its article's text)
/// with the article's date, its context and every source.
extension QuotesCommand {
    /// One source of a quote: an article that reported it and where that article was published. Today all the
    /// sources of a quote are readings of one article (syndicated copies); once the same statement is merged
    /// across articles, one quote lists the sources of every article that reported it.
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

    /// One quote of the output.
    struct Item: Encodable {
        /// The quote with Unicode-scalar offsets into the text of the article ``articleID``.
        var quote: QuoteJSON
        /// The article's publication date (its first reading's).
        var published: PublicationDate?
        var articleID: String
        /// The sentence around the quote, with its Unicode-scalar offsets in the article's text.
        var context: String
        var contextStart: Int
        var contextEnd: Int
        /// Every source, the article's own first.
        var sources: [Source]

        private enum CodingKeys: String, CodingKey {
            case published, articleID, context, contextStart, contextEnd, sources
        }

        func encode(to encoder: any Encoder) throws {
            try quote.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(published, forKey: .published)
            try container.encode(articleID, forKey: .articleID)
            try container.encode(context, forKey: .context)
            try container.encode(contextStart, forKey: .contextStart)
            try container.encode(contextEnd, forKey: .contextEnd)
            try container.encode(sources, forKey: .sources)
        }
    }

    /// The JSON items of `quotes`, reading each of their articles once for the offsets' conversion.
    static func items(_ quotes: [StoredQuote], in store: any ArticleStore) async throws -> [Item] {
        var texts: [String: (utf8: [UInt8], offsets: ScalarOffsets)] = [:]
        var items: [Item] = []
        items.reserveCapacity(quotes.count)
        for stored in quotes {
            if texts[stored.articleID] == nil {
                guard let article = try await store.article(id: stored.articleID)?.article else { continue }
                let text = article.text
                texts[stored.articleID] = (Array(text.utf8), ScalarOffsets(text))
            }
            guard let (utf8, offsets) = texts[stored.articleID] else { continue }
            let context = offsets.scalarRange(of: stored.contextRange)
            items.append(
                Item(
                    quote: QuoteJSON(stored.quote, utf8: utf8, offsets: offsets),
                    published: stored.published,
                    articleID: stored.articleID,
                    context: stored.context,
                    contextStart: context.start,
                    contextEnd: context.end,
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
            )
        }
        return items
    }
}
