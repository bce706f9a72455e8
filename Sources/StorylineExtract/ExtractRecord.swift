import Foundation
import StorylineCore
import StorylineText

/// One line of `storyline extract`: an input JSONL record (`id`, `published`, `text`; see the evaluation
/// kit's FORMAT.md) turned into its output record with Unicode-scalar offsets.
public struct ExtractRecord: Sendable {
    /// The output JSON object, without a trailing newline.
    public var json: String
    /// Why the line could not be processed, or nil. The output then carries the id (when there is one)
    /// and empty arrays.
    public var error: ExtractError?

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
        return ExtractRecord(
            json: render(
                id: id,
                text: text,
                entities: annotations.entities,
                quotes: annotations.quotes,
                timexes: annotations.timexes
            ),
            error: nil
        )
    }

    static func failure(id: String?, _ error: ExtractError) -> ExtractRecord {
        var json = "{"
        if let id { json += "\"id\":" + jsonString(id) + "," }
        json += "\"entities\":[],\"quotes\":[],\"timexes\":[]}"
        return ExtractRecord(json: json, error: error)
    }

    static func render(
        id: String,
        text: String,
        entities: [EntityMention] = [],
        quotes: [QuoteMention] = [],
        timexes: [TimeExpression]
    ) -> String {
        let offsets = ScalarOffsets(text)
        let utf8 = Array(text.utf8)
        let entityArray = array(entities, utf8, offsets, range: \.range) {
            "\"type\":\"" + $0.type.rawValue + "\",\"entity\":" + jsonString($0.canonical)
        }
        // The speaker's resolved name, else the source as written; null when the text does not say.
        let quoteArray = array(quotes, utf8, offsets, range: \.range) {
            "\"speaker\":" + ($0.attributedName.map(jsonString) ?? "null") + ",\"kind\":\"" + $0.kind.rawValue + "\""
        }
        let timexArray = array(timexes, utf8, offsets, range: \.range) {
            "\"type\":\"" + $0.type.rawValue + "\",\"value\":" + jsonString($0.value)
        }
        return "{\"id\":" + jsonString(id) + ",\"entities\":" + entityArray + ",\"quotes\":" + quoteArray
            + ",\"timexes\":" + timexArray + "}"
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
