import Foundation
import PostgresNIO
import StorylineCore
import StorylineStore

/// Full-text search: the `article.search` vector (GIN index) of each article's folded title words (weight A)
/// and body words (weight B), ranked by `ts_rank_cd` with a title word weighing three times a body word, ties in
/// storage order.
///
/// Words are folded in Swift (``SearchText``, the same folding as the query's and the other stores') and
/// handed to the `simple` configuration, which only splits them: case, diacritics and punctuation are set
/// aside alike on every server, with no extension (`unaccent`) and whatever the database's locale. For the
/// same reason the snippets are made from the page's articles by ``StorylineStore/SearchDocument`` rather than
/// by `ts_headline`, which would compare the unfolded text with folded query words and miss `Café` for `cafe`.
extension PostgresStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let terms = query.terms
        guard let expression = Self.tsquery(terms) else { return [] }
        var sql = SQLBuilder()
        sql.append("SELECT \(Self.summaryColumns), ts_rank_cd('{0, 0, 0.3333333, 1}', a.search, q, 0)::float8 AS score")
        sql.append(" FROM article a, to_tsquery('simple', ")
        sql.bind(expression)
        sql.append(") AS q WHERE a.search @@ q")
        Self.publishedBetween(query.since, query.until, &sql)
        sql.append(" ORDER BY score DESC, a.seq LIMIT ")
        sql.bind(max(query.limit, 0))
        sql.append(" OFFSET ")
        sql.bind(max(query.offset, 0))
        let finalQuery = sql.query
        return try await read("search") { connection in
            var found: [(ArticleSummary, Double)] = []
            for try await row in try await connection.query(finalQuery, logger: self.logger) {
                let score = try row.decode((String, String?, String?, String?, String, Int, Int, Int, Double).self).8
                found.append((try Self.summary(row), score))
            }
            let articles = try await Self.storedArticles(ids: found.map(\.0.id), connection, self.logger)
            var byID: [String: Article] = [:]
            for stored in articles { byID[stored.article.id] = stored.article }
            return found.map { summary, score in
                SearchHit(
                    article: summary,
                    score: score,
                    snippet: byID[summary.id].map { SearchDocument($0).snippet(terms) } ?? []
                )
            }
        }
    }

    /// The `tsquery` of the terms: each a phrase of its folded words (`<->`), a prefix's last word marked `:*`,
    /// all required (`&`); nil without terms. Every word is quoted, so no user text is query syntax.
    static func tsquery(_ terms: [SearchQuery.Term]) -> String? {
        guard !terms.isEmpty else { return nil }
        func quoted(_ word: String) -> String {
            "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }
        return terms.map { term in
            let words = term.words.map(quoted)
            let phrase = words.joined(separator: " <-> ") + (term.prefix ? ":*" : "")
            return words.count > 1 ? "(" + phrase + ")" : phrase
        }.joined(separator: " & ")
    }
}
