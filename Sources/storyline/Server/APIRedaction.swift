import StorylineCore
import StorylineStore

/// What the API shows of where an article was read from: the input's file name, never the server's path to it
/// (issue 7: no file paths in responses). `storyline show --json` and `storyline quotes --json` keep the full
/// paths the user gave; the API answers the same shapes with every ``ArticleOrigin/path`` cut to its last
/// component, source keys made from it, and `file:` URLs left out.
enum APIRedaction {
    /// `path`'s last component: "a.txt" for "/srv/news/a.txt" (and for "a.txt").
    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }

    static func origin(_ origin: ArticleOrigin) -> ArticleOrigin {
        var copy = origin
        copy.path = origin.path.map(fileName)
        return copy
    }

    /// A URL the API may show: nil for a `file:` URL (a path on the server).
    static func url(_ url: String?) -> String? {
        guard let url else { return nil }
        return url.lowercased().hasPrefix("file:") ? nil : url
    }

    static func article(_ article: Article) -> Article {
        var copy = article
        copy.origin = origin(article.origin)
        copy.url = url(article.url)
        return copy
    }

    static func source(_ source: ArticleSource) -> ArticleSource {
        var copy = source
        copy.origin = origin(source.origin)
        copy.url = url(source.url)
        // A source without a URL is keyed by its format and locator, which holds the path.
        if source.key == source.origin.format.rawValue + ":" + source.origin.locator
            || source.key.lowercased().hasPrefix("file:")
        {
            copy.key = copy.origin.format.rawValue + ":" + copy.origin.locator
        }
        return copy
    }

    static func stored(_ stored: StoredArticle) -> StoredArticle {
        var copy = stored
        copy.article = article(stored.article)
        copy.sources = stored.sources.map(source)
        return copy
    }

    static func quote(_ quote: StoredQuote) -> StoredQuote {
        var copy = quote
        copy.url = url(quote.url)
        copy.sources = quote.sources.map(source)
        return copy
    }
}
