import StorylineCore
import StorylineText

/// The per-article extraction pipeline: everything Storyline finds in one article's text, in one call.
///
/// It is the one place that decides what runs on an article, so that `storyline extract` (JSONL records),
/// `storyline ingest` (articles saved to a store) and `storyline reextract` can never disagree. It tags time
/// expressions (``TimeTagger``) and entity mentions (``EntityTagger``), then finds quotes
/// (``QuoteExtractor``), whose speakers are resolved with the help of those entity mentions, and the roles
/// the text gives people (``RoleExtractor``), and last the events its sentences report (``EventExtractor``:
/// who did what to whom, where and when, and one statement per attributed quote), which read the entity
/// mentions, time expressions and quotes found before them; each step fills its own field of
/// `ArticleAnnotations`.
///
/// A pure function of the text and the document date, with no shared state: call it from as many tasks
/// at once as there are cores.
public struct ArticleExtractor: Sendable {
    /// The entity tagger used; nil when the shipped model is missing (no entities, quotes without their help).
    let entityTagger: EntityTagger?

    /// The pipeline with every extraction step.
    public init() {
        entityTagger = EntityTagger.shipped
    }

    /// Annotates `text` — an article's body (`Article.text`) or a JSONL record's `text`.
    ///
    /// - Parameter documentDate: the date relative expressions ("on Thursday", "last week") are resolved
    ///   against: the article's publication date. With `nil` they get underspecified values
    ///   (`XXXX-WXX-4`).
    /// - Returns: annotations whose ranges are UTF-8 byte offsets into `text`, each kind in text order.
    ///
    /// Page chrome left in a raw text (share bars, "Related Articles" and the teasers after it; see
    /// `ChromeLines`) is not article content: nothing is reported inside it — no time expression, entity
    /// mention, quote or event trigger overlaps a chrome line.
    public func annotate(text: String, documentDate: PublicationDate?) -> ArticleAnnotations {
        let chrome = ChromeLines.chromeRanges(in: text)
        var timexes = TimeTagger.tag(text, documentDate: documentDate)
        var entities = entityTagger?.tag(text) ?? []
        if !chrome.isEmpty {
            timexes.removeAll { t in chrome.contains { $0.overlaps(t.range.range) } }
            entities.removeAll { e in chrome.contains { $0.overlaps(e.range.range) } }
        }
        var quotes = QuoteExtractor().quotes(in: text, entities: entities, ignoring: chrome.map { TextRange($0) })
        if !chrome.isEmpty {
            quotes.removeAll { q in chrome.contains { $0.overlaps(q.range.range) } }
        }
        let roles = entities.isEmpty ? [] : RoleExtractor().roles(in: text, entities: entities)
        var events = EventExtractor().events(
            in: text,
            documentDate: documentDate,
            entities: entities,
            timexes: timexes,
            quotes: quotes
        )
        if !chrome.isEmpty {
            events.removeAll { e in chrome.contains { $0.overlaps(e.trigger.range) } }
        }
        return ArticleAnnotations(timexes: timexes, entities: entities, quotes: quotes, roles: roles, events: events)
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
