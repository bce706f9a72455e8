import StorylineCore

/// Keys and checks that every store backend shares, so that all backends order, filter and look up
/// articles identically (the conformance tests run the same expectations against each of them).
package enum StoreKeys {
    /// The shortest id prefix ``ArticleStore/article(id:)`` accepts.
    package static let minimumPrefixLength = 4

    /// Multiplier that moves a day (`yyyymmdd`) above the time-of-day part of a ``sortKey(_:)``.
    private static let dayScale: Int64 = 1_000_000

    /// An integer that orders dates exactly like `PublicationDate.<`: by the stated calendar fields, a field
    /// that is not stated sorting before any stated value (so `2025-02-27` sorts before `2025-02-27T00:00`).
    ///
    /// Layout: `yyyymmdd · HH · MM · SS` in decimal, each time field stored as value + 1 (0 when not stated).
    package static func sortKey(_ date: PublicationDate) -> Int64 {
        func field(_ value: Int?) -> Int64 { value.map { Int64($0) + 1 } ?? 0 }
        return dayKey(date) * dayScale + field(date.hour) * 10_000 + field(date.minute) * 100 + field(date.second)
    }

    /// The smallest ``sortKey(_:)`` of any date on the same calendar day as `date` (time and zone ignored).
    package static func dayStart(_ date: PublicationDate) -> Int64 { dayKey(date) * dayScale }

    /// One past the largest ``sortKey(_:)`` of any date on the same calendar day as `date` (an exclusive bound).
    package static func dayEnd(_ date: PublicationDate) -> Int64 { (dayKey(date) + 1) * dayScale }

    private static func dayKey(_ date: PublicationDate) -> Int64 {
        Int64(date.year) * 10_000 + Int64(date.month) * 100 + Int64(date.day)
    }

    /// The form of an outlet name that ``ArticleQuery/outlet`` is compared in: Unicode lowercase.
    package static func outletKey(_ outlet: String) -> String { outlet.lowercased() }

    /// The id prefix that `input` asks for, lowercased; nil when it is shorter than ``minimumPrefixLength``
    /// or not made only of hex digits (such input can match no article id).
    package static func idPrefix(_ input: String) -> String? {
        let lowered = input.lowercased()
        guard lowered.utf8.count >= minimumPrefixLength else { return nil }
        for byte in lowered.utf8 {
            guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else { return nil }
        }
        return lowered
    }

    /// Whether `id` starts with the normalized `prefix` (byte-wise, as SQL range queries compare).
    package static func id(_ id: String, hasPrefix prefix: String) -> Bool {
        id.utf8.starts(with: prefix.utf8)
    }

    /// The error for a prefix that matches several articles; `candidates` are their ids.
    package static func ambiguous(_ input: String, candidates: [String]) -> StoreError {
        let shown = 10
        var list = candidates.sorted().prefix(shown).joined(separator: ", ")
        if candidates.count > shown { list += ", and \(candidates.count - shown) more" }
        return StoreError(
            .ambiguousID,
            "id prefix \"\(input)\" is ambiguous: it matches \(candidates.count) articles (\(list)); give more digits"
        )
    }

    /// Checks that every annotation range lies inside the article's text (`textLength` UTF-8 bytes): an
    /// annotation computed on another text must not be stored, nor read back from a damaged file.
    package static func checkAnnotations(
        _ annotations: ArticleAnnotations,
        textLength: Int,
        articleID: String
    ) throws {
        for timex in annotations.timexes where timex.range.start < 0 || timex.range.end > textLength {
            throw StoreError(
                .io,
                "article \(articleID) has a time expression at bytes \(timex.range) outside its text of "
                    + "\(textLength) bytes (\"\(timex.value)\")"
            )
        }
    }

    /// The error for replacing the annotations of an article that is not stored; the batch is not stored.
    package static func unknownArticle(_ id: String) -> StoreError {
        StoreError(.unknownArticle, "cannot replace the annotations of article \"\(id)\": no article has that id")
    }

    /// The error for an article whose id is already used by a different body (a malformed id or a
    /// 64-bit hash-prefix collision); the batch it came in is not stored.
    package static func idConflict(_ article: Article) -> StoreError {
        StoreError(
            .io,
            "cannot store article \(article.id) (content hash \(article.contentHash)): "
                + "a different body is already stored under that id"
        )
    }
}
