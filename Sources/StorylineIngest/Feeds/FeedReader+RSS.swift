import StorylineCore

extension FeedReader {
    /// Reads RSS 2.0 (items in no namespace) and RSS 1.0 (items in the RSS 1.0 namespace) items.
    func readRSS(channel: XMLNode?, items: [XMLNode], path: String?) -> ReadResult {
        let outlet = channel?.element("title", in: channel?.namespaceURI)?.trimmedText
            .map { FeedText.inlineText($0, html: false) }
        let channelLanguage =
            channel?.element("language", in: nil)?.trimmedText
            ?? channel?.element("language", in: FeedNamespace.dublinCore)?.trimmedText ?? channel?.xmlLanguage
        var result = ReadResult()
        for (index, item) in items.enumerated() {
            let ns = item.namespaceURI
            let guid =
                item.element("guid", in: ns)?.trimmedText
                ?? item.attributeInRDF("about")
            var draft = ArticleDraft(origin: ArticleOrigin(path: path, format: .rss, record: index, externalID: guid))
            draft.outlet = outlet
            draft.title = item.element("title", in: ns)?.trimmedText.map { FeedText.inlineText($0, html: false) }
            draft.url = item.element("link", in: ns)?.trimmedText
            if draft.url == nil, let guid, guid.hasPrefix("http"),
                item.element("guid", in: ns)?.attribute("isPermaLink")?.lowercased() != "false"
            {
                draft.url = guid
            }
            draft.language =
                item.element("language", in: FeedNamespace.dublinCore)?.trimmedText
                ?? item.xmlLanguage ?? channelLanguage

            if let pubDate = item.element("pubDate", in: ns)?.trimmedText {
                draft.published = RFC822Date.parse(pubDate) ?? ISODate.parse(pubDate)
            }
            if draft.published == nil, let date = item.element("date", in: FeedNamespace.dublinCore)?.trimmedText {
                draft.published = ISODate.parse(date) ?? RFC822Date.parse(date)
            }
            if let updated = item.element("updated", in: FeedNamespace.atom)?.trimmedText {
                draft.modified = ISODate.parse(updated)
            }

            for creator in item.elements("creator", in: FeedNamespace.dublinCore) {
                if let text = creator.trimmedText { draft.byline += Byline.names(text) }
            }
            if draft.byline.isEmpty {
                for author in item.elements("author", in: ns) {
                    if let text = author.trimmedText { draft.byline += FeedReader.namesFromRSSAuthor(text) }
                }
            }

            let body =
                item.element("encoded", in: FeedNamespace.content).flatMap { nonBlank($0.textContent) }
                ?? item.element("description", in: ns).flatMap { nonBlank($0.textContent) }
            if let body {
                if FeedText.looksLikeHTML(body) {
                    let extracted = FeedText.paragraphs(html: body)
                    draft.paragraphs = extracted.paragraphs
                    draft.removedChrome = extracted.removed
                } else {
                    draft.paragraphs = FeedText.paragraphs(plainText: body, decodingEntities: true)
                }
            }
            finish(draft, index: index, into: &result)
        }
        return result
    }

    /// The names in an RSS `author` ("jane@example.com (Jane Doe)" → ["Jane Doe"]); none for a bare e-mail address.
    static func namesFromRSSAuthor(_ text: String) -> [String] {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let names = Byline.names(String(text[text.index(after: open)..<close]))
            if !names.isEmpty { return names }
        }
        let trimmed = TextCleanup.collapseWhitespace(text)
        if trimmed.contains("@") && !trimmed.contains(" ") { return [] }
        return Byline.names(trimmed)
    }
}

/// The text when it holds anything but whitespace.
private func nonBlank(_ text: String) -> String? {
    text.unicodeScalars.contains { !$0.properties.isWhitespace } ? text : nil
}

extension XMLNode {
    /// An `rdf:` attribute (RSS 1.0 `rdf:about`).
    fileprivate func attributeInRDF(_ name: String) -> String? {
        namespaceURI == FeedNamespace.rss1 ? attribute(name) : nil
    }
}
