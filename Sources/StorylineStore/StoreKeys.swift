import StorylineCore

/// Keys and checks that every store backend shares, so that all backends order, filter and look up
/// articles identically (the conformance tests run the same expectations against each of them).
package enum StoreKeys {
    /// The Unicode-scalar offsets of UTF-8 byte offsets into `body`, in one pass up to the largest: the bytes
    /// before an offset that start a scalar (every byte that does not continue a UTF-8 sequence). An offset
    /// past the end counts every scalar.
    package static func scalarOffsets(ofBytes offsets: [Int], in body: [UInt8]) -> [Int: Int] {
        var scalars: [Int: Int] = [:]
        var count = 0
        var position = 0
        for offset in Set(offsets).sorted() {
            while position < min(max(offset, 0), body.count) {
                if body[position] & 0xC0 != 0x80 { count += 1 }
                position += 1
            }
            scalars[offset] = count
        }
        return scalars
    }

    /// The shortest id prefix ``ArticleStore/article(id:)`` accepts.
    package static let minimumPrefixLength = 4

    /// Multiplier that moves a day (`yyyymmdd`) above the time-of-day part of a ``sortKey(_:)``.
    package static let dayScale: Int64 = 1_000_000

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

    /// The calendar day of a ``sortKey(_:)``, without time or zone.
    package static func day(ofSortKey key: Int64) -> PublicationDate {
        let day = key / dayScale
        return PublicationDate(year: Int(day / 10_000), month: Int(day / 100 % 100), day: Int(day % 100))
    }

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
        func outside(_ range: TextRange) -> Bool { range.start < 0 || range.end > textLength }
        func error(_ what: String, _ range: TextRange, _ label: String) -> StoreError {
            StoreError(
                .io,
                "article \(articleID) has \(what) at bytes \(range) outside its text of \(textLength) bytes (\"\(label)\")"
            )
        }
        for timex in annotations.timexes where outside(timex.range) {
            throw error("a time expression", timex.range, timex.value)
        }
        for entity in annotations.entities where outside(entity.range) {
            throw error("an entity mention", entity.range, entity.canonical)
        }
        for quote in annotations.quotes {
            if outside(quote.range) {
                throw error("a quote", quote.range, quote.attributedName ?? quote.kind.rawValue)
            }
            if let speakerRange = quote.speakerRange, outside(speakerRange) {
                throw error("a quote's speaker", speakerRange, quote.speaker ?? "")
            }
        }
        for fact in annotations.roles {
            for range in [fact.personRange, fact.roleRange] + (fact.affiliationRange.map { [$0] } ?? [])
            where outside(range) {
                throw error("a role fact", range, fact.person + ", " + fact.role)
            }
        }
        for event in annotations.events {
            let arguments = event.actors + event.targets + (event.place.map { [$0] } ?? [])
            let ranges =
                [event.trigger, event.sentence] + arguments.map(\.range) + (event.dateRange.map { [$0] } ?? [])
            for range in ranges where outside(range) {
                throw error("an event", range, event.type.rawValue)
            }
        }
    }

    /// `annotations` in the order every store keeps and returns them: each kind sorted by where it starts in
    /// the text, annotations that start at the same byte kept in the order they were given.
    package static func inTextOrder(_ annotations: ArticleAnnotations) -> ArticleAnnotations {
        func sorted<T>(_ items: [T], _ range: (T) -> TextRange) -> [T] {
            var inOrder = true
            for i in items.indices.dropFirst() where range(items[i - 1]).start > range(items[i]).start {
                inOrder = false
                break
            }
            if inOrder { return items }
            return items.enumerated().sorted { a, b in
                let (x, y) = (range(a.element).start, range(b.element).start)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        return ArticleAnnotations(
            timexes: sorted(annotations.timexes, \.range),
            entities: sorted(annotations.entities, \.range),
            quotes: sorted(annotations.quotes, \.range),
            roles: sorted(annotations.roles, \.personRange),
            events: sorted(annotations.events, \.trigger)
        )
    }

    /// The form in which text filters (``QuoteQuery/speaker``, ``QuoteQuery/about``, ``EntityQuery/name``) and
    /// the values they are compared with are matched: Swift's Unicode `lowercased()`, the same function SQL
    /// queries call (GRDB's `swiftLowercaseString`). Nil for a filter that is empty, which filters nothing.
    package static func filterKey(_ filter: String?) -> String? {
        guard let filter, !filter.isEmpty else { return nil }
        return filter.lowercased()
    }

    /// Whether `value`, lowercased, contains `key` (a ``filterKey(_:)``) as a run of UTF-8 bytes — as SQLite's
    /// `instr` compares the lowercased column with the lowercased filter.
    package static func matches(_ value: String?, key: String) -> Bool {
        guard let value else { return false }
        let haystack = Array(value.lowercased().utf8)
        let needle = Array(key.utf8)
        guard needle.count <= haystack.count else { return false }
        guard let first = needle.first else { return true }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
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

/// Errors of cross-document entity resolution that every backend reports alike.
extension StoreKeys {
    /// The error for a resolution naming an article that the write does not cover: not inserted by this batch
    /// (another writer stored it first), or not stored at all.
    package static func resolutionConflict(_ id: String) -> StoreError {
        StoreError(
            .conflict,
            "the entity resolution names article \(id), which this write does not store; "
                + "another ingest may have stored it meanwhile — run the ingest again"
        )
    }

    /// The error for a resolution that gives an article another number of entity ids than it has mentions.
    package static func mentionCountMismatch(_ id: String, mentions: Int, entityIDs: Int) -> StoreError {
        StoreError(
            .conflict,
            "the entity resolution gives article \(id) \(entityIDs) entity id(s) for its \(mentions) mention(s)"
        )
    }
}
