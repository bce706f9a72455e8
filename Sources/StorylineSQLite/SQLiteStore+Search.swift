import Foundation
import GRDB
import StorylineCore
import StorylineStore

/// Full-text search (schema migration `v9-search`): the FTS5 table `article_search` over each article's title
/// and body, ranked by BM25 with the title weighing three times the body, snippets by FTS5's `snippet()`.
extension SQLiteStore {
    /// Marks FTS5 puts around each match in a snippet: control characters that stored text does not hold.
    private static let matchOpen = "\u{1}"
    private static let matchClose = "\u{2}"

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard let match = Self.matchExpression(query.terms) else { return [] }
        var (conditions, arguments) = Self.publishedBetween(query.since, query.until)
        // FTS5's own `rank` column, set to the weighted BM25: ordered by it, FTS5 ranks the matches itself and
        // hands them over best first, so the LIMIT stops the scan and only the rows returned get a snippet and
        // a source count. (Ordering by an expression instead made SQLite compute both for every match.)
        conditions.insert("article_search MATCH ? AND article_search.rank MATCH 'bm25(0.0, 3.0, 1.0)'", at: 0)
        arguments = [match] + arguments
        arguments += [max(query.limit, 0), max(query.offset, 0)]
        let sql = """
            SELECT a.id, a.title, a.outlet, a.url, a.published, a.word_count, a.live_blog_entry_count,
                   (SELECT COUNT(*) FROM article_source s WHERE s.article_id = a.id) AS source_count,
                   article_search.rank AS rank_value,
                   snippet(article_search, -1, char(1), char(2), '…', 24) AS snippet
            FROM article_search JOIN article a ON a.id = article_search.article_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY article_search.rank
            LIMIT ? OFFSET ?
            """
        let finalArguments = arguments
        return try await perform("search") {
            try await self.pool.read { db in
                try Self.values(db, sql, finalArguments) { row in
                    SearchHit(
                        article: try Self.summary(row),
                        score: -(row["rank_value"] as Double),
                        snippet: Self.snippetParts(row["snippet"])
                    )
                }
            }
        }
    }

    /// The FTS5 expression of the terms: each a quoted phrase of folded words (which hold no quote), a prefix
    /// marked with `*`, all required; nil without terms.
    static func matchExpression(_ terms: [SearchQuery.Term]) -> String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"" + $0.words.joined(separator: " ") + "\"" + ($0.prefix ? "*" : "") }
            .joined(separator: " ")
    }

    /// A snippet with FTS5's marks as parts.
    static func snippetParts(_ text: String) -> [SearchHit.SnippetPart] {
        var parts: [SearchHit.SnippetPart] = []
        for (n, piece) in text.components(separatedBy: matchOpen).enumerated() {
            let halves = piece.components(separatedBy: matchClose)
            if n > 0, halves.count > 1 {
                parts.append(SearchHit.SnippetPart(text: halves[0], match: true))
                let rest = halves.dropFirst().joined()
                if !rest.isEmpty { parts.append(SearchHit.SnippetPart(text: rest, match: false)) }
            } else if !piece.isEmpty {
                parts.append(SearchHit.SnippetPart(text: halves.joined(), match: false))
            }
        }
        return parts
    }
}
