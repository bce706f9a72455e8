import GRDB
import StorylineCore
import StorylineStore

/// Conversion between an article's ``StorylineCore/ArticleAnnotations`` and the rows of the annotation tables
/// (`timex`, schema migration `v2-annotations`; `entity_mention` and `quote`, migration `v4-entities-quotes`;
/// `role_fact`, migration `v6-role-facts`; `event_mention`, migration `v7-events`;
/// the producing extractor's version in `article.extractor_version`, migration `v3-extractor-version`). Ranges
/// are stored as they are kept in memory: UTF-8 byte offsets into the article's body.
extension SQLiteStore {
    /// Writes the annotations of a newly inserted article, each kind in text order (the order rows are read
    /// back in), with the entity id of each mention in that order when `entityIDs` gives them.
    ///
    /// - Throws: ``StoreError/Code/conflict`` when `entityIDs` does not have one id per mention.
    static func insertAnnotations(
        _ annotations: ArticleAnnotations,
        articleID: String,
        entityIDs: [Int64]? = nil,
        _ db: Database
    ) throws {
        let annotations = StoreKeys.inTextOrder(annotations)
        if let entityIDs, entityIDs.count != annotations.entities.count {
            throw StoreKeys.mentionCountMismatch(
                articleID,
                mentions: annotations.entities.count,
                entityIDs: entityIDs.count
            )
        }
        if !annotations.timexes.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO timex (article_id, start_byte, end_byte, type, value) VALUES (?, ?, ?, ?, ?)"
            )
            for timex in annotations.timexes {
                try statement.execute(arguments: [
                    articleID, timex.range.start, timex.range.end, timex.type.rawValue, timex.value,
                ])
            }
        }
        if !annotations.entities.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO entity_mention (article_id, start_byte, end_byte, type, canonical, entity_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            )
            for (n, entity) in annotations.entities.enumerated() {
                try statement.execute(arguments: [
                    articleID, entity.range.start, entity.range.end, entity.type.rawValue, entity.canonical,
                    entityIDs?[n],
                ])
            }
        }
        if !annotations.quotes.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO quote (
                        article_id, start_byte, end_byte, kind, speaker, speaker_start, speaker_end, speaker_name,
                        cue, addressee, channel)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for quote in annotations.quotes {
                try statement.execute(arguments: [
                    articleID, quote.range.start, quote.range.end, quote.kind.rawValue, quote.speaker,
                    quote.speakerRange?.start, quote.speakerRange?.end, quote.speakerName, quote.cue, quote.addressee,
                    quote.channel,
                ])
            }
        }
        try insertRoles(annotations.roles, articleID: articleID, db)
        try insertEvents(annotations.events, articleID: articleID, db)
    }

    /// Writes the role facts of an article, in the order given (text order).
    private static func insertRoles(_ roles: [RoleFact], articleID: String, _ db: Database) throws {
        guard !roles.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO role_fact (
                    article_id, person, person_start, person_end, role, role_start, role_end, affiliation,
                    affiliation_start, affiliation_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for fact in roles {
            try statement.execute(arguments: [
                articleID, fact.person, fact.personRange.start, fact.personRange.end, fact.role, fact.roleRange.start,
                fact.roleRange.end, fact.affiliation, fact.affiliationRange?.start, fact.affiliationRange?.end,
            ])
        }
    }

    /// Deletes every annotation row of `articleID`: one statement per table that ``insertAnnotations(_:articleID:_:)``
    /// writes to (keep the two in step when a kind of annotation gets its table).
    static func deleteAnnotations(articleID: String, _ db: Database) throws {
        for table in ["timex", "entity_mention", "quote", "role_fact", "event_mention"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [articleID])
        }
    }

    /// Reads the annotations of several stored articles, each kind in the order it was written (text order);
    /// articles without any annotation row are missing from the result.
    static func fetchAnnotations(articleIDs: [String], _ db: Database) throws -> [String: ArticleAnnotations] {
        var byArticle: [String: ArticleAnnotations] = [:]
        for chunk in chunked(articleIDs) {
            let marks = databaseQuestionMarks(count: chunk.count)
            // Table and column names are this file's constants; the ids are bound.
            func rows(_ table: String, _ columns: String) throws -> RowCursor {
                let sql = """
                    SELECT article_id, \(columns) FROM \(table) WHERE article_id IN (\(marks)) ORDER BY article_id, id
                    """
                return try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(chunk))
            }
            let timexes = try rows("timex", "start_byte, end_byte, type, value")
            while let row = try timexes.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].timexes.append(try decodeTimex(row, of: articleID))
            }
            let entities = try rows("entity_mention", "start_byte, end_byte, type, canonical")
            while let row = try entities.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].entities.append(
                    try decodeEntity(row, of: articleID)
                )
            }
            let quotes = try rows(
                "quote",
                "start_byte, end_byte, kind, speaker, speaker_start, speaker_end, speaker_name, cue, addressee, channel"
            )
            while let row = try quotes.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].quotes.append(try decodeQuote(row, of: articleID))
            }
            let roles = try rows(
                "role_fact",
                "person, person_start, person_end, role, role_start, role_end, affiliation, affiliation_start, "
                    + "affiliation_end"
            )
            while let row = try roles.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].roles.append(try decodeRole(row, of: articleID))
            }
            let events = try rows(
                "event_mention",
                "type, mode, modality, trigger_start, trigger_end, sentence_start, sentence_end, date, date_start, "
                    + "date_end, arguments"
            )
            while let row = try events.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].events.append(
                    try decodeEvent(row, of: articleID)
                )
            }
        }
        return byArticle
    }

    /// Replaces the annotations of the stored article `articleID` (none, or an older extractor's) with
    /// `annotations`, checked against the stored body, and records `extractorVersion` as their producer.
    static func replaceAnnotations(
        _ annotations: ArticleAnnotations,
        articleID: String,
        extractorVersion: String?,
        _ db: Database
    ) throws {
        // The body's length in UTF-8 bytes, the unit of the ranges (the database encoding is UTF-8).
        let lengthStatement = try db.cachedStatement(sql: "SELECT length(CAST(body AS BLOB)) FROM article WHERE id = ?")
        guard let textLength = try Int.fetchOne(lengthStatement, arguments: [articleID]) else {
            throw StoreKeys.unknownArticle(articleID)
        }
        try StoreKeys.checkAnnotations(annotations, textLength: textLength, articleID: articleID)
        try deleteAnnotations(articleID: articleID, db)
        try insertAnnotations(annotations, articleID: articleID, db)
        try db.cachedStatement(sql: "UPDATE article SET annotated = 1, extractor_version = ? WHERE id = ?")
            .execute(arguments: [extractorVersion, articleID])
    }

    /// `ids` in slices small enough to be bound as the parameters of one `IN (…)` list.
    static func chunked(_ ids: [String]) -> [ArraySlice<String>] {
        let size = 500
        return stride(from: 0, to: ids.count, by: size).map { ids[$0..<min($0 + size, ids.count)] }
    }

    /// The `start_byte`/`end_byte` range of an annotation row, refused when it is not a range.
    private static func range(_ row: Row, _ what: String, of articleID: String) throws -> TextRange {
        let start: Int = row["start_byte"]
        let end: Int = row["end_byte"]
        guard 0 <= start, start <= end else {
            throw StoreError(.io, "article \(articleID) has \(what) with an invalid range \(start)..<\(end)")
        }
        return TextRange(start: start, end: end)
    }

    private static func decodeTimex(_ row: Row, of articleID: String) throws -> TimeExpression {
        let range = try range(row, "a time expression", of: articleID)
        let typeName: String = row["type"]
        guard let type = TimexType(rawValue: typeName) else {
            throw StoreError(.io, "article \(articleID) has a time expression of unknown type \"\(typeName)\"")
        }
        return TimeExpression(range: range, type: type, value: row["value"])
    }

    private static func decodeEntity(_ row: Row, of articleID: String) throws -> EntityMention {
        let range = try range(row, "an entity mention", of: articleID)
        let typeName: String = row["type"]
        guard let type = EntityType(rawValue: typeName) else {
            throw StoreError(.io, "article \(articleID) has an entity mention of unknown type \"\(typeName)\"")
        }
        return EntityMention(range: range, type: type, canonical: row["canonical"])
    }

    private static func decodeRole(_ row: Row, of articleID: String) throws -> RoleFact {
        func range(_ prefix: String) throws -> TextRange? {
            let start: Int? = row[prefix + "_start"]
            let end: Int? = row[prefix + "_end"]
            switch (start, end) {
            case (nil, nil): return nil
            case let (start?, end?) where 0 <= start && start <= end: return TextRange(start: start, end: end)
            default:
                throw StoreError(.io, "article \(articleID) has a role fact with an invalid \(prefix) range")
            }
        }
        guard let person = try range("person"), let role = try range("role") else {
            throw StoreError(.io, "article \(articleID) has a role fact without its person or title range")
        }
        return RoleFact(
            person: row["person"],
            personRange: person,
            role: row["role"],
            roleRange: role,
            affiliation: row["affiliation"],
            affiliationRange: try range("affiliation")
        )
    }

    static func decodeQuote(_ row: Row, of articleID: String) throws -> QuoteMention {
        let range = try range(row, "a quote", of: articleID)
        let kindName: String = row["kind"]
        guard let kind = QuoteMention.Kind(rawValue: kindName) else {
            throw StoreError(.io, "article \(articleID) has a quote of unknown kind \"\(kindName)\"")
        }
        var speakerRange: TextRange?
        let speakerStart: Int? = row["speaker_start"]
        let speakerEnd: Int? = row["speaker_end"]
        switch (speakerStart, speakerEnd) {
        case (nil, nil):
            break
        case let (start?, end?) where 0 <= start && start <= end:
            speakerRange = TextRange(start: start, end: end)
        default:
            throw StoreError(
                .io,
                "article \(articleID) has a quote whose speaker has an invalid range "
                    + "\(speakerStart.map(String.init) ?? "NULL")..<\(speakerEnd.map(String.init) ?? "NULL")"
            )
        }
        return QuoteMention(
            range: range,
            kind: kind,
            speaker: row["speaker"],
            speakerRange: speakerRange,
            speakerName: row["speaker_name"],
            cue: row["cue"],
            addressee: row["addressee"],
            channel: row["channel"]
        )
    }
}
