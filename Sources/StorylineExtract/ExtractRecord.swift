import Foundation
import StorylineCore
import StorylineText

/// One line of `storyline extract`: an input JSONL record (`id`, `published`, `text`; see the evaluation
/// kit's FORMAT.md) turned into its output record with Unicode-scalar offsets.
public struct ExtractRecord: Sendable {
    /// The record's `id`, when the line had one.
    public var id: String?
    /// The record's text ("" when the line could not be read).
    public var text: String
    /// The record's publication date, when given.
    public var published: PublicationDate?
    /// What extraction found (empty when the line could not be processed).
    public var annotations: ArticleAnnotations
    /// Why the line could not be processed, or nil. The output then carries the id (when there is one)
    /// and empty arrays.
    public var error: ExtractError?

    /// The output JSON object, without a trailing newline, with each document's own names.
    public var json: String {
        json(
            entityNames: annotations.entities.map(\.canonical),
            speakers: annotations.quotes.map(\.namedSource),
            rolePeople: annotations.roles.map(\.person)
        )
    }

    /// The output JSON object with the given `entity` name for each entity mention, `speaker` for each
    /// quote and `person` for each role fact (in the order of ``annotations``): the names cross-document
    /// resolution settled on. An event argument that is an entity mention carries that mention's name;
    /// `eventIDs`, when given, adds an `"event"` id to each event (one per event, in order; nil for none).
    public func json(
        entityNames: [String],
        speakers: [String?],
        rolePeople: [String],
        eventIDs: [String?]? = nil
    ) -> String {
        guard error == nil, let id else {
            var json = "{"
            if let id { json += "\"id\":" + Self.jsonString(id) + "," }
            return json + "\"entities\":[],\"quotes\":[],\"timexes\":[],\"roles\":[],\"events\":[]}"
        }
        return Self.render(
            id: id,
            text: text,
            entities: annotations.entities,
            entityNames: entityNames,
            quotes: annotations.quotes,
            speakers: speakers,
            timexes: annotations.timexes,
            roles: annotations.roles,
            rolePeople: rolePeople,
            events: annotations.events,
            eventIDs: eventIDs
        )
    }

    /// Processes one input line (`lineNumber` is 1-based and used in error messages only).
    public static func process(_ line: [UInt8], lineNumber: Int, source: String) -> ExtractRecord {
        func fail(_ id: String?, _ code: ExtractError.Code, _ message: String) -> ExtractRecord {
            failure(id: id, ExtractError(code: code, source: source, line: lineNumber, message: message))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return fail(nil, .notAnObject, "the line is JSON but not an object")
            }
            object = parsed
        } catch {
            let excerpt = String(decoding: line.prefix(60), as: UTF8.self)
            return fail(nil, .invalidJSON, "not valid JSON: \"\(excerpt)\(line.count > 60 ? "…" : "")\"")
        }
        guard let id = object["id"] as? String else {
            return fail(nil, .missingField, "the record has no string \"id\"")
        }
        guard let text = object["text"] as? String else {
            return fail(id, .missingField, "record \"\(id)\" has no string \"text\"")
        }
        var date: PublicationDate?
        if let published = object["published"] as? String, !published.isEmpty {
            date = PublicationDate(iso8601: published) ?? PublicationDate(iso8601: String(published.prefix(10)))
            if date == nil {
                return fail(id, .badDate, "record \"\(id)\" has an unreadable \"published\" date \"\(published)\"")
            }
        }
        // The same pipeline as `storyline ingest` and `storyline reextract`, so that they never disagree.
        let annotations = ArticleExtractor().annotate(text: text, documentDate: date)
        return ExtractRecord(id: id, text: text, published: date, annotations: annotations, error: nil)
    }

    static func failure(id: String?, _ error: ExtractError) -> ExtractRecord {
        ExtractRecord(id: id, text: "", published: nil, annotations: ArticleAnnotations(), error: error)
    }

    static func render(
        id: String,
        text: String,
        entities: [EntityMention] = [],
        entityNames: [String]? = nil,
        quotes: [QuoteMention] = [],
        speakers: [String?]? = nil,
        timexes: [TimeExpression],
        roles: [RoleFact] = [],
        rolePeople: [String]? = nil,
        events: [EventMention] = [],
        eventIDs: [String?]? = nil
    ) -> String {
        let offsets = ScalarOffsets(text)
        let utf8 = Array(text.utf8)
        let names = entityNames ?? entities.map(\.canonical)
        let entityArray = array(Array(zip(entities, names)), utf8, offsets, range: \.0.range) {
            "\"type\":\"" + $0.0.type.rawValue + "\",\"entity\":" + jsonString($0.1)
        }
        // The speaker's resolved name, else the source as written; null when the text does not say or
        // names no one ("the US official").
        let speakers = speakers ?? quotes.map(\.namedSource)
        let quoteArray = array(Array(zip(quotes, speakers)), utf8, offsets, range: \.0.range) {
            "\"speaker\":" + ($0.1.map(jsonString) ?? "null") + ",\"kind\":\"" + $0.0.kind.rawValue + "\""
        }
        let timexArray = array(timexes, utf8, offsets, range: \.range) {
            "\"type\":\"" + $0.type.rawValue + "\",\"value\":" + jsonString($0.value)
        }
        // A role fact spans its whole construction ("UK Prime Minister Keir Starmer", "Mark Rutte, NATO's
        // secretary general"); `role` is normalized, `affiliation` the organisation or country when stated.
        let people = rolePeople ?? roles.map(\.person)
        let roleArray = array(Array(zip(roles, people)), utf8, offsets, range: { Self.span(of: $0.0) }) {
            "\"person\":" + jsonString($0.1) + ",\"role\":" + jsonString($0.0.role) + ",\"affiliation\":"
                + ($0.0.affiliation.map(jsonString) ?? "null")
        }
        var nameOfMention: [TextRange: String] = [:]
        for (mention, name) in zip(entities, names) where nameOfMention[mention.range] == nil {
            nameOfMention[mention.range] = name
        }
        let eventArray = eventsJSON(events, ids: eventIDs, names: nameOfMention, utf8, offsets)
        return "{\"id\":" + jsonString(id) + ",\"entities\":" + entityArray + ",\"quotes\":" + quoteArray
            + ",\"timexes\":" + timexArray + ",\"roles\":" + roleArray + ",\"events\":" + eventArray + "}"
    }

    /// The `events` array: per event its type, mode, modality, trigger, sentence, actors, targets, place and
    /// date, offsets in Unicode scalars; an argument that is an entity mention carries the mention's name in
    /// `names` (matched by range), any other argument its own name.
    static func eventsJSON(
        _ events: [EventMention],
        ids: [String?]?,
        names: [TextRange: String],
        _ utf8: [UInt8],
        _ offsets: ScalarOffsets
    ) -> String {
        func text(_ r: TextRange) -> String { jsonString(String(decoding: utf8[r.start..<r.end], as: UTF8.self)) }
        func argument(_ a: EventArgument) -> String {
            let scalar = offsets.scalarRange(of: a.range)
            let name = a.label == nil ? a.name : (names[a.range] ?? a.name)
            return "{\"text\":" + text(a.range) + ",\"entity\":" + jsonString(name) + ",\"start\":\(scalar.start)"
                + ",\"end\":\(scalar.end)}"
        }
        var out = "["
        for (n, event) in events.enumerated() {
            if n > 0 { out += "," }
            let trigger = offsets.scalarRange(of: event.trigger)
            let sentence = offsets.scalarRange(of: event.sentence)
            out += "{\"type\":\"" + event.type.rawValue + "\",\"mode\":" + (event.mode.map(jsonString) ?? "null")
            out += ",\"modality\":\"" + event.modality.rawValue + "\",\"trigger\":" + text(event.trigger)
            out += ",\"start\":\(trigger.start),\"end\":\(trigger.end)"
            out += ",\"sentence_start\":\(sentence.start),\"sentence_end\":\(sentence.end)"
            out += ",\"actors\":[" + event.actors.map(argument).joined(separator: ",") + "]"
            out += ",\"targets\":[" + event.targets.map(argument).joined(separator: ",") + "]"
            out += ",\"place\":" + (event.place.map(argument) ?? "null")
            out += ",\"date\":" + (event.date.map(jsonString) ?? "null")
            out += ",\"date_text\":" + (event.dateRange.map(text) ?? "null")
            if let ids, n < ids.count { out += ",\"event\":" + (ids[n].map(jsonString) ?? "null") }
            out += "}"
        }
        return out + "]"
    }

    /// The text a role fact covers: its person, its title and its affiliation, whichever order they come in.
    static func span(of fact: RoleFact) -> TextRange {
        var lower = min(fact.personRange.start, fact.roleRange.start)
        var upper = max(fact.personRange.end, fact.roleRange.end)
        if let a = fact.affiliationRange {
            lower = min(lower, a.start)
            upper = max(upper, a.end)
        }
        return TextRange(start: lower, end: upper)
    }

    /// A JSON array of FORMAT.md items: `{"text": the surface exactly as in the input, <fields>, "start", "end"}`
    /// with Unicode-scalar offsets.
    static func array<Item>(
        _ items: [Item],
        _ utf8: [UInt8],
        _ offsets: ScalarOffsets,
        range: (Item) -> TextRange,
        fields: (Item) -> String
    ) -> String {
        var out = "["
        for (n, item) in items.enumerated() {
            if n > 0 { out += "," }
            let r = range(item)
            let scalar = offsets.scalarRange(of: r)
            out +=
                "{\"text\":" + jsonString(String(decoding: utf8[r.start..<r.end], as: UTF8.self)) + "," + fields(item)
                + ",\"start\":\(scalar.start),\"end\":\(scalar.end)}"
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Why an input line of `storyline extract` could not be processed.
public struct ExtractError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidJSON = "invalid-json"
        case notAnObject = "not-an-object"
        case missingField = "missing-field"
        case badDate = "bad-date"
    }

    public var code: Code
    /// The input file, or `<stdin>`.
    public var source: String
    /// The 1-based line number in `source`.
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message) [\(code.rawValue)]" }
}
