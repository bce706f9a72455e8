/// One article together with what extraction found in it: the unit that ingest hands to a store, so that
/// an article is never stored without its annotations.
public struct AnnotatedArticle: Sendable, Hashable, Codable {
    /// The article as read.
    public var article: Article
    /// What extraction found in ``Article/text``, with its ``Article/published`` date as the document date.
    public var annotations: ArticleAnnotations
    /// Which version of the extraction pipeline produced ``annotations`` (`ArticleExtractor.version`), stored
    /// with them so that annotations from an older pipeline can be found and recomputed; `nil` when unknown.
    public var extractorVersion: String?

    public init(article: Article, annotations: ArticleAnnotations, extractorVersion: String? = nil) {
        self.article = article
        self.annotations = annotations
        self.extractorVersion = extractorVersion
    }
}
