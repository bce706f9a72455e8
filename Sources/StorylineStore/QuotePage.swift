import StorylineCore

/// One page of ``ArticleStore/quotes(matching:)`` collected by the stores that filter quotes in Swift (in-memory,
/// PostgreSQL): fed the candidate articles in result order, it keeps the quotes that match the query's speaker
/// and words, skips the query's offset and stops at its limit.
package struct QuotePage {
    private let speaker: String?
    private let about: [SearchQuery.Term]?
    private let limit: Int
    private var toSkip: Int
    package private(set) var quotes: [StoredQuote] = []

    /// A page for `query`; `speaker` and `about` are its folded filter key and word terms.
    package init(_ query: QuoteQuery, speaker: String?, about: [SearchQuery.Term]?) {
        self.speaker = speaker
        self.about = about
        self.limit = max(query.limit, 0)
        self.toSkip = max(query.offset, 0)
    }

    /// Whether the page has its limit of quotes.
    package var isFull: Bool { quotes.count >= limit }

    /// Offers one article's quotes, in text order; `spokenByEntity` says whether a quote's speaker is the query's
    /// speaker entity (nil when the query names none).
    package mutating func add(
        _ article: Article,
        quotes candidates: [QuoteMention],
        sources: [ArticleSource],
        spokenByEntity: ((QuoteMention) -> Bool)?
    ) {
        let body = Array(article.text.utf8)
        for quote in candidates where !isFull {
            if let speaker, !StoreKeys.matches(quote.speakerName, key: speaker),
                !StoreKeys.matches(quote.speaker, key: speaker)
            {
                continue
            }
            if let spokenByEntity, !spokenByEntity(quote) { continue }
            if let about {
                let words = SearchText.words(
                    String(decoding: body[quote.range.start..<quote.range.end], as: UTF8.self)
                ).map(\.word)
                guard !about.isEmpty, about.allSatisfy({ !SearchText.occurrences($0, in: words).isEmpty }) else {
                    continue
                }
            }
            if toSkip > 0 {
                toSkip -= 1
                continue
            }
            quotes.append(
                StoredQuote(
                    quote,
                    body: body,
                    articleID: article.id,
                    title: article.title,
                    outlet: article.outlet,
                    url: article.url,
                    published: article.published,
                    sources: sources
                )
            )
        }
    }

    /// Counts `count` quotes against the offset without offering them (whole articles before the page).
    package mutating func skip(_ count: Int) {
        toSkip -= min(count, toSkip)
    }

    /// The offset still to skip.
    package var offsetLeft: Int { toSkip }
}
