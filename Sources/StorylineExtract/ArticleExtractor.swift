import StorylineCore
import StorylineText

/// The per-article extraction pipeline: everything Storyline finds in one article's text, in one call.
///
/// It is the one place that decides what runs on an article, so that `storyline extract` (JSONL records)
/// and `storyline ingest` (articles saved to a store) can never disagree. Today it tags time expressions
/// (``TimeTagger``); entity mentions, quotes and events will be further steps here, each filling its own
/// field of `ArticleAnnotations`.
///
/// A pure function of the text and the document date, with no shared state: call it from as many tasks
/// at once as there are cores.
public struct ArticleExtractor: Sendable {
    /// The pipeline with every extraction step.
    public init() {}

    /// Annotates `text` — an article's body (`Article.text`) or a JSONL record's `text`.
    ///
    /// - Parameter documentDate: the date relative expressions ("on Thursday", "last week") are resolved
    ///   against: the article's publication date. With `nil` they get underspecified values
    ///   (`XXXX-WXX-4`).
    /// - Returns: annotations whose ranges are UTF-8 byte offsets into `text`.
    ///
    /// Page chrome left in a raw text (share bars, "Related Articles" and the teasers after it; see
    /// `ChromeLines`) is not article content: nothing is reported inside it.
    public func annotate(text: String, documentDate: PublicationDate?) -> ArticleAnnotations {
        let chrome = ChromeLines.chromeRanges(in: text)
        var timexes = TimeTagger.tag(text, documentDate: documentDate)
        if !chrome.isEmpty {
            timexes.removeAll { t in chrome.contains { $0.overlaps(t.range.range) } }
        }
        return ArticleAnnotations(timexes: timexes)
    }

    /// Annotates an article's body (``Article/text``) against its publication date, recording this
    /// pipeline's ``version`` with the annotations.
    public func annotate(_ article: Article) -> AnnotatedArticle {
        AnnotatedArticle(
            article: article,
            annotations: annotate(text: article.text, documentDate: article.published),
            extractorVersion: Self.version
        )
    }
}
