import StorylineCore

/// The body of the article view: each paragraph as HTML with the stored annotations marked — quotes
/// (`<mark class="quote" id="q-N">`, N its index among the article's quotes), entity mentions
/// (`<mark class="entity" data-type="TYPE">`, inside `<a href="/entities/{id}">` when the mention resolves) and
/// time expressions (`<mark class="timex" title="VALUE">`).
///
/// Annotations are UTF-8 byte ranges into ``StorylineCore/Article/text`` (the paragraphs joined by a blank
/// line). They may nest (a quote holds names and dates) or overlap in any way, so the text is cut at every
/// boundary and each piece is wrapped in the annotations that cover it, always quote outside entity outside
/// timex, at most one of each kind (the one that starts first, then the longest): an annotation crossing
/// another's edge, or a paragraph's, is closed there and opened again, never misnested. Only the first piece
/// of a quote carries its id. Every piece of text is escaped; ranges outside the text are clamped, and cut
/// points inside a UTF-8 sequence move to its start.
struct ArticleHighlighter {
    enum Kind: Int, Comparable {
        case quote = 0, entity = 1, timex = 2

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// One annotation to mark.
    struct Span: Equatable {
        var kind: Kind
        /// Its index among the annotations of its kind.
        var index: Int
        var start: Int
        var end: Int
    }

    let text: [UInt8]
    /// The UTF-8 length of each paragraph.
    let paragraphLengths: [Int]
    let annotations: ArticleAnnotations
    /// The entity page of an in-document canonical name, when it names a resolved entity.
    let entityID: (String) -> Int64?

    init(article: Article, annotations: ArticleAnnotations, entityID: @escaping (String) -> Int64?) {
        text = Array(article.text.utf8)
        paragraphLengths = article.paragraphs.map(\.utf8.count)
        self.annotations = annotations
        self.entityID = entityID
    }

    /// Each paragraph's HTML, in order (the blank lines between paragraphs are not part of any).
    func paragraphs() -> [String] {
        let spans = self.spans()
        var paragraphs: [String] = []
        var quoteIDsGiven = Set<Int>()
        var start = 0
        for length in paragraphLengths {
            let end = min(start + length, text.count)
            if start < end { paragraphs.append(render(start, end, spans, &quoteIDsGiven)) }
            start = end + 2
        }
        return paragraphs
    }

    /// Every annotation as a span clamped to the text, empty ones left out.
    func spans() -> [Span] {
        var spans: [Span] = []
        func add(_ kind: Kind, _ index: Int, _ range: TextRange) {
            let start = boundary(range.start)
            let end = boundary(range.end)
            if start < end { spans.append(Span(kind: kind, index: index, start: start, end: end)) }
        }
        for (index, quote) in annotations.quotes.enumerated() { add(.quote, index, quote.range) }
        for (index, entity) in annotations.entities.enumerated() { add(.entity, index, entity.range) }
        for (index, timex) in annotations.timexes.enumerated() { add(.timex, index, timex.range) }
        return spans
    }

    /// `offset` clamped to the text and moved back to the start of its UTF-8 sequence.
    func boundary(_ offset: Int) -> Int {
        var offset = min(max(offset, 0), text.count)
        while offset > 0, offset < text.count, text[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// The HTML of the bytes `start..<end` with the parts of `spans` inside them marked.
    private func render(_ start: Int, _ end: Int, _ spans: [Span], _ quoteIDsGiven: inout Set<Int>) -> String {
        let inside = spans.filter { $0.start < end && $0.end > start }
        var cuts = Set([start, end])
        for span in inside {
            cuts.insert(max(span.start, start))
            cuts.insert(min(span.end, end))
        }
        let points = cuts.sorted()
        var html = ""
        var open: [Span] = []
        for (from, to) in zip(points, points.dropFirst()) where from < to {
            let wanted = covering(from, to, inside)
            var keep = 0
            while keep < open.count, keep < wanted.count, open[keep] == wanted[keep] { keep += 1 }
            for span in open[keep...].reversed() { html += closeTag(span) }
            for span in wanted[keep...] { html += openTag(span, &quoteIDsGiven) }
            open = wanted
            html += HTML.escape(String(decoding: text[from..<to], as: UTF8.self))
        }
        for span in open.reversed() { html += closeTag(span) }
        return html
    }

    /// The spans that wrap the bytes `from..<to`: at most one per kind, quote first, then entity, then timex.
    private func covering(_ from: Int, _ to: Int, _ spans: [Span]) -> [Span] {
        var chosen: [Kind: Span] = [:]
        for span in spans where span.start <= from && span.end >= to {
            if let current = chosen[span.kind] {
                let better = span.start < current.start || (span.start == current.start && span.end > current.end)
                if !better { continue }
            }
            chosen[span.kind] = span
        }
        return chosen.keys.sorted().map { chosen[$0]! }
    }

    private func openTag(_ span: Span, _ quoteIDsGiven: inout Set<Int>) -> String {
        switch span.kind {
        case .quote:
            let quote = annotations.quotes[span.index]
            var tag = "<mark class=\"quote\""
            if quoteIDsGiven.insert(span.index).inserted { tag += " id=\"q-\(span.index)\"" }
            if let speaker = quote.attributedName { tag += " title=\"" + HTML.escape("Said by " + speaker) + "\"" }
            return tag + ">"
        case .entity:
            let entity = annotations.entities[span.index]
            let mark = "<mark class=\"entity\" data-type=\"\(HTML.escape(entity.type.rawValue))\">"
            guard let id = entityID(entity.canonical) else { return mark }
            return "<a href=\"/entities/\(id)\">" + mark
        case .timex:
            return "<mark class=\"timex\" title=\"\(HTML.escape(annotations.timexes[span.index].value))\">"
        }
    }

    private func closeTag(_ span: Span) -> String {
        guard span.kind == .entity, entityID(annotations.entities[span.index].canonical) != nil else {
            return "</mark>"
        }
        return "</mark></a>"
    }
}
