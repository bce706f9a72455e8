/// One article together with what extraction found in it: the unit that ingest hands to a store, so that
/// an article is never stored without its annotations.
public struct AnnotatedArticle: Sendable, Hashable, Codable {
    /// The article as read.
    public var article: Article
    /// What extraction found in ``Article/text``, with its ``Article/published`` date as the document date.
    public var annotations: ArticleAnnotations

    public init(article: Article, annotations: ArticleAnnotations) {
        self.article = article
        self.annotations = annotations
    }
}
