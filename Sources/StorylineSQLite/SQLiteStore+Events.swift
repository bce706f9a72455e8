import Foundation
import GRDB
import StorylineCore
import StorylineStore

/// Conversion between an article's ``StorylineCore/EventMention``s and the rows of the `event_mention` table
/// (schema migration `v7-events`). The participants and the place are stored together as one JSON object in
/// `arguments`; ranges are UTF-8 byte offsets into the article's body, as in memory.
extension SQLiteStore {
    /// The `arguments` column: who acted, at whom, and where.
    private struct EventArguments: Codable {
        var actors: [EventArgument]
        var targets: [EventArgument]
        var place: EventArgument?
    }

    /// Writes the events of an article, in the order given (trigger order).
    static func insertEvents(_ events: [EventMention], articleID: String, _ db: Database) throws {
        guard !events.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO event_mention (
                    article_id, type, mode, modality, trigger_start, trigger_end, sentence_start, sentence_end,
                    date, date_start, date_end, arguments)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for event in events {
            let arguments = EventArguments(actors: event.actors, targets: event.targets, place: event.place)
            let json = String(decoding: try encoder.encode(arguments), as: UTF8.self)
            try statement.execute(arguments: [
                articleID, event.type.rawValue, event.mode, event.modality.rawValue, event.trigger.start,
                event.trigger.end, event.sentence.start, event.sentence.end, event.date, event.dateRange?.start,
                event.dateRange?.end, json,
            ])
        }
    }

    /// One decoder for every event's arguments (a decoder's set-up costs more than decoding a short object).
    private static let argumentsDecoder = JSONDecoder()

    static func decodeEvent(_ row: Row, of articleID: String) throws -> EventMention {
        func range(_ prefix: String, _ what: String) throws -> TextRange? {
            let start: Int? = row[prefix + "_start"]
            let end: Int? = row[prefix + "_end"]
            switch (start, end) {
            case (nil, nil): return nil
            case let (start?, end?) where 0 <= start && start <= end: return TextRange(start: start, end: end)
            default: throw StoreError(.io, "article \(articleID) has an event with an invalid \(what) range")
            }
        }
        let typeName: String = row["type"]
        let modalityName: String = row["modality"]
        guard let type = EventType(rawValue: typeName), let modality = EventModality(rawValue: modalityName) else {
            throw StoreError(
                .io,
                "article \(articleID) has an event of unknown type \"\(typeName)\" or modality \"\(modalityName)\""
            )
        }
        guard let trigger = try range("trigger", "trigger"), let sentence = try range("sentence", "sentence") else {
            throw StoreError(.io, "article \(articleID) has an event without its trigger or sentence range")
        }
        let json: String = row["arguments"]
        let arguments: EventArguments
        do {
            arguments = try argumentsDecoder.decode(EventArguments.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.io, "article \(articleID) has an event whose arguments are not readable: \(error)")
        }
        return EventMention(
            type: type,
            mode: row["mode"],
            trigger: trigger,
            sentence: sentence,
            actors: arguments.actors,
            targets: arguments.targets,
            place: arguments.place,
            date: row["date"],
            dateRange: try range("date", "date"),
            modality: modality
        )
    }
}
