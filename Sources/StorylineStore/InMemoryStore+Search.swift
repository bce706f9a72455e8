import Foundation
import StorylineCore

/// Full-text search in the in-memory store: the same query language, filters and order as the persistent
/// stores — every term required, BM25 (k1 1.2, b 0.75) over title and body with the title weighing three
/// times, ties in storage order — computed by scanning every stored article.
extension InMemoryStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let terms = query.terms
        guard !terms.isEmpty else { return [] }
        let since = query.since.map(StoreKeys.dayStart)
        let until = query.until.map(StoreKeys.dayEnd)
        let entries: [Entry] = state.withLock { Array($0.entries.values) }
        let documents = entries.map { SearchDocument($0.article) }
        // Document frequencies and average lengths over the whole store, as FTS5 computes them.
        var frequency = Array(repeating: 0, count: terms.count)
        for document in documents {
            for (t, term) in terms.enumerated() {
                let (inTitle, inBody) = document.count(term)
                if inTitle + inBody > 0 { frequency[t] += 1 }
            }
        }
        let total = Double(max(documents.count, 1))
        let averageTitle = Double(documents.reduce(0) { $0 + $1.title.count }) / total
        let averageBody = Double(documents.reduce(0) { $0 + $1.body.count }) / total
        var hits: [(hit: SearchHit, sequence: Int64)] = []
        for (entry, document) in zip(entries, documents) {
            if since != nil || until != nil {
                guard let key = entry.sortKey else { continue }
                if let since, key < since { continue }
                if let until, key >= until { continue }
            }
            var score = 0.0
            var matchesAll = true
            for (t, term) in terms.enumerated() {
                let (inTitle, inBody) = document.count(term)
                guard inTitle + inBody > 0 else {
                    matchesAll = false
                    break
                }
                let n = Double(frequency[t])
                let idf = max(log((total - n + 0.5) / (n + 0.5)), 1e-6)
                func weight(_ count: Int, _ length: Int, _ average: Double) -> Double {
                    let tf = Double(count)
                    return tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(length) / max(average, 1)))
                }
                score +=
                    idf
                    * (3 * weight(inTitle, document.title.count, averageTitle)
                        + weight(inBody, document.body.count, averageBody))
            }
            guard matchesAll else { continue }
            hits.append(
                (SearchHit(article: entry.summary, score: score, snippet: document.snippet(terms)), entry.sequence)
            )
        }
        hits.sort { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.sequence < $1.sequence }
        let offset = min(max(query.offset, 0), hits.count)
        let end = offset + min(max(query.limit, 0), hits.count - offset)
        return hits[offset..<end].map(\.hit)
    }
}

/// An article's title and body as search reads them: folded words with their ranges. (The PostgreSQL store
/// makes its snippets with it too, so that they mark the words its folded index matched.)
package struct SearchDocument {
    let titleText: String
    let bodyText: String
    let title: [(word: String, range: Range<String.Index>)]
    let body: [(word: String, range: Range<String.Index>)]

    package init(_ article: Article) {
        titleText = article.title ?? ""
        bodyText = article.text
        title = SearchText.words(titleText)
        body = SearchText.words(bodyText)
    }

    /// Where a term occurs in `words`: the index of each occurrence's first word.
    static func occurrences(_ term: SearchQuery.Term, in words: [(word: String, range: Range<String.Index>)]) -> [Int] {
        SearchText.occurrences(term, in: words.map(\.word))
    }

    /// Occurrences of `term` in the title and in the body.
    func count(_ term: SearchQuery.Term) -> (Int, Int) {
        (Self.occurrences(term, in: title).count, Self.occurrences(term, in: body).count)
    }

    /// About 24 words of the title, or else of the body, around the first match, every matched word marked.
    package func snippet(_ terms: [SearchQuery.Term]) -> [SearchHit.SnippetPart] {
        let inTitle = terms.contains { !Self.occurrences($0, in: title).isEmpty }
        let (text, words) = inTitle ? (titleText, title) : (bodyText, body)
        var matched = Set<Int>()
        for term in terms {
            for start in Self.occurrences(term, in: words) { matched.formUnion(start..<(start + term.words.count)) }
        }
        guard let first = matched.min() else { return [SearchHit.SnippetPart(text: text, match: false)] }
        let from = max(0, min(first - 4, words.count - 24))
        let to = min(words.count, from + 24)
        var parts: [SearchHit.SnippetPart] = []
        if from > 0 { parts.append(SearchHit.SnippetPart(text: "…", match: false)) }
        var cursor = words[from].range.lowerBound
        for k in from..<to {
            let range = words[k].range
            if cursor < range.lowerBound {
                parts.append(SearchHit.SnippetPart(text: String(text[cursor..<range.lowerBound]), match: false))
            }
            parts.append(SearchHit.SnippetPart(text: String(text[range]), match: matched.contains(k)))
            cursor = range.upperBound
        }
        if to < words.count { parts.append(SearchHit.SnippetPart(text: "…", match: false)) }
        // Adjacent plain parts as one.
        var merged: [SearchHit.SnippetPart] = []
        for part in parts {
            if let last = merged.last, !last.match, !part.match {
                merged[merged.count - 1].text += part.text
            } else {
                merged.append(part)
            }
        }
        return merged
    }
}
