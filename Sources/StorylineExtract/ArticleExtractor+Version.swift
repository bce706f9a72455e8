extension ArticleExtractor {
    /// Identifies what this build's pipeline produces: under one version, the same text and date always give
    /// the same annotations.
    ///
    /// Stores record it with every article's annotations (`AnnotatedArticle.extractorVersion`), and
    /// `storyline reextract` recomputes the annotations of stored articles that were extracted under any other
    /// version. Change it — `yyyy.mm.dd-n`: the day of the change and a counter — whenever a change to any
    /// extraction step can change its output (a new rule, lexicon entry, model or kind of annotation).
    public static let version = "2026.12.07-12"
}
