import StorylineCore
import StorylineStore

/// Annotations for the sample articles, with ranges found in the article's text the way the time tagger
/// reports them: UTF-8 byte offsets into `Article.text`.
extension Sample {
    /// The time expression whose text is the first occurrence of `surface` in `article`'s text.
    static func timex(_ surface: String, in article: Article, type: TimexType = .date, value: String) -> TimeExpression
    {
        let text = Array(article.text.utf8)
        let needle = Array(surface.utf8)
        guard
            let start = (0...(text.count - needle.count)).first(where: {
                text[$0..<$0 + needle.count].elementsEqual(needle)
            })
        else { fatalError("\"\(surface)\" is not in the text of \(article.id)") }
        return TimeExpression(range: TextRange(start: start, end: start + needle.count), type: type, value: value)
    }

    /// An ordinary article (see ``Sample/article(_:hash:title:outlet:url:published:byline:)``) with the time
    /// expressions of its standard paragraphs.
    static func annotated(_ body: String, published: String? = "2025-02-28T09:15:00+01:00") -> AnnotatedArticle {
        let article = Sample.article(body, published: published)
        let annotations = ArticleAnnotations(timexes: [
            timex("Feb 28", in: article, value: "2025-02-28"),
            timex("Friday", in: article, value: "2025-02-28"),
            timex("next week", in: article, value: "2025-W10"),
            timex("weeks", in: article, type: .duration, value: "PXW"),
        ])
        return AnnotatedArticle(article: article, annotations: annotations)
    }

    /// The live blog with its time expressions; the text has curly quotes and apostrophes before them, so
    /// byte and scalar offsets differ.
    static func annotatedLiveBlog() -> AnnotatedArticle {
        let article = Sample.liveBlog()
        let annotations = ArticleAnnotations(timexes: [
            timex("Friday", in: article, value: "2025-02-28"),
            timex("11am", in: article, type: .time, value: "2025-02-28T11:00"),
            timex("the first minutes", in: article, type: .duration, value: "PTXM"),
        ])
        return AnnotatedArticle(article: article, annotations: annotations)
    }
}

extension ArticleStore {
    /// Saves readings whose extraction found nothing, for the tests about articles and sources.
    func save(_ articles: [Article]) async throws -> [SaveOutcome] {
        try await save(articles.map { AnnotatedArticle(article: $0, annotations: ArticleAnnotations()) })
    }
}
