import Foundation
import StorylineCore

/// A full-text search over the stored articles' titles and bodies (``ArticleStore/search(_:)``).
///
/// The text is a list of words and "quoted phrases", all of which an article must contain (case,
/// diacritics and punctuation set aside: `zelenskyy`, `Zelenskyy's` and `ZELENSKYY` are one word); a word
/// ending in `*` matches every word it begins (`negotiat*`). Nothing else is syntax: operators and
/// brackets are searched for as words, so any user text is a valid query.
public struct SearchQuery: Sendable, Hashable {
    public var text: String
    /// Only articles published on or after this day.
    public var since: PublicationDate?
    /// Only articles published on or before this day.
    public var until: PublicationDate?
    public var limit: Int
    public var offset: Int

    public init(
        _ text: String,
        since: PublicationDate? = nil,
        until: PublicationDate? = nil,
        limit: Int = 20,
        offset: Int = 0
    ) {
        self.text = text
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }

    /// One term of the query: the words of a word or a phrase, and whether its last word is a prefix.
    public struct Term: Sendable, Hashable {
        public var words: [String]
        public var prefix: Bool
    }

    /// The query's terms, each word folded (``SearchText/words(_:)``); empty when it has no word.
    public var terms: [Term] {
        var terms: [Term] = []
        var rest = Substring(text)
        while let quote = rest.firstIndex(of: "\"") {
            terms += Self.wordTerms(rest[..<quote])
            let after = rest[rest.index(after: quote)...]
            let close = after.firstIndex(of: "\"") ?? after.endIndex
            let words = SearchText.words(after[..<close]).map(\.word)
            if !words.isEmpty { terms.append(Term(words: words, prefix: false)) }
            rest = close < after.endIndex ? after[after.index(after: close)...] : ""
        }
        return terms + Self.wordTerms(rest)
    }

    private static func wordTerms(_ text: Substring) -> [Term] {
        text.split(whereSeparator: \.isWhitespace).flatMap { piece -> [Term] in
            var words = SearchText.words(piece).map(\.word)
            // A possessive finds its noun: "Zelenskyy's" is "Zelenskyy".
            if words.count > 1, piece.range(of: "['’][sS][*]?$", options: .regularExpression) != nil {
                words.removeLast()
            }
            guard !words.isEmpty else { return [] }
            // "U.S." is the phrase "u s", as the index reads it; "negotiat*" a prefix.
            return [Term(words: words, prefix: piece.hasSuffix("*"))]
        }
    }
}

/// One article a search found, best first.
public struct SearchHit: Sendable, Hashable, Codable {
    public var article: ArticleSummary
    /// How well it matches: higher is better (BM25, title words weighing three times body words); comparable
    /// only within one result list.
    public var score: Double
    /// A short passage of the title or body around the matches, in parts: the matched words have `match` set.
    public var snippet: [SnippetPart]

    public init(article: ArticleSummary, score: Double, snippet: [SnippetPart]) {
        self.article = article
        self.score = score
        self.snippet = snippet
    }

    /// A piece of a snippet.
    public struct SnippetPart: Sendable, Hashable, Codable {
        public var text: String
        public var match: Bool

        public init(text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    /// The snippet as text, each match wrapped in `open` and `close` («Zelensky»).
    public func snippetText(open: String = "«", close: String = "»") -> String {
        snippet.map { $0.match ? open + $0.text + close : $0.text }.joined()
    }
}

/// How search reads text: words are runs of letters and digits, lower-cased with diacritics removed, as
/// SQLite's `unicode61` tokenizer with `remove_diacritics 2` reads them.
public enum SearchText {
    /// The words of `text` with their ranges.
    public static func words<S: StringProtocol>(_ text: S) -> [(word: String, range: Range<String.Index>)] {
        var found: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = text[index].isLetter || text[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                found.append((fold(text[s..<index]), s..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { found.append((fold(text[s..<text.endIndex]), s..<text.endIndex)) }
        return found.map { (word: $0.0, range: $0.1) }
    }

    /// Where `term` occurs in `words` (folded, as ``words(_:)`` gives them): the index of each occurrence's
    /// first word. A prefix term's last word may begin a longer word.
    public static func occurrences(_ term: SearchQuery.Term, in words: [String]) -> [Int] {
        let n = term.words.count
        guard n > 0, words.count >= n else { return [] }
        return (0...(words.count - n)).filter { start in
            (0..<n).allSatisfy { k in
                let word = words[start + k]
                return k == n - 1 && term.prefix ? word.hasPrefix(term.words[k]) : word == term.words[k]
            }
        }
    }

    static func fold<S: StringProtocol>(_ word: S) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
