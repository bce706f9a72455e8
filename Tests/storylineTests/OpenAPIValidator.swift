import Foundation

/// A JSON value as the validator sees it: integers apart from other numbers, booleans apart from numbers.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { "\"\($0)\": \(members[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Validates JSON responses against the schemas of an OpenAPI 3.1 document: the subset of JSON Schema the
/// Storyline document uses — `type` (a name or an array of names, `null` included), `properties`, `required`,
/// `additionalProperties` (false or a schema), `items`, `minItems`/`maxItems`, `enum`, `minimum`/`maximum`,
/// `anyOf`, `$ref` (a JSON pointer into the document, such as `#/components/schemas/Error`) and `format: date`
/// (YYYY-MM-DD). Annotations (`description`, `title`, `default`, `example`) are skipped; any other keyword is
/// reported as unsupported, so a schema can never pass because the validator does not understand it.
struct OpenAPIValidator {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let document: JSONValue

    init(_ data: Data) throws {
        document = try JSONValue.parse(data)
    }

    static let annotations: Set<String> = ["description", "title", "default", "example", "examples"]

    /// The document's path template that `path` matches ("/api/articles/{id}" for "/api/articles/0a1b…").
    func template(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return document["paths"]?.object?.keys.sorted().first { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { return false }
            return zip(parts, segments).allSatisfy { part, segment in
                (part.hasPrefix("{") && part.hasSuffix("}") && !segment.isEmpty) || part == segment
            }
        }
    }

    /// The schema of the JSON response to `GET path` with `status`, its `$ref`s resolved.
    func responseSchema(path: String, status: Int, method: String = "get") throws -> JSONValue {
        guard let template = template(for: path) else {
            throw Failure(description: "no path in the document matches \(path)")
        }
        guard let operation = document["paths"]?[template]?[method] else {
            throw Failure(description: "\(template) has no \(method) operation")
        }
        guard let listed = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            throw Failure(description: "\(method) \(template) documents no \(status) response")
        }
        let response = try resolved(listed)
        guard let schema = response["content"]?["application/json"]?["schema"] else {
            throw Failure(description: "\(method) \(template) \(status) has no application/json schema")
        }
        return schema
    }

    /// Validates `body`, the response to `GET path` (or `method`) with `status`; the problems found (empty when
    /// valid).
    func validate(body: Data, path: String, status: Int, method: String = "get") throws -> [String] {
        validate(try JSONValue.parse(body), against: try responseSchema(path: path, status: status, method: method))
    }

    /// The problems of `value` against `schema`, each with a JSON path to where it is ("$.items[0].id").
    func validate(_ value: JSONValue, against schema: JSONValue, at location: String = "$") -> [String] {
        var problems: [String] = []
        check(value, schema, location, &problems)
        return problems
    }

    /// A `{"$ref": "#/…"}` followed to what it points at (repeatedly); anything else as it is.
    func resolved(_ node: JSONValue) throws -> JSONValue {
        var node = node
        var seen = 0
        while let reference = node["$ref"]?.string {
            guard reference.hasPrefix("#/"), seen < 32 else {
                throw Failure(description: "unsupported $ref \(reference)")
            }
            var target = document
            for token in reference.dropFirst(2).split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = target[key] else { throw Failure(description: "$ref \(reference) points at nothing") }
                target = next
            }
            node = target
            seen += 1
        }
        return node
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, _ location: String, _ problems: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { problems.append("\(location): not allowed here") }
            return
        }
        guard let keywords = schema.object else {
            problems.append("\(location): the schema is not an object: \(schema)")
            return
        }
        if keywords["$ref"] != nil {
            do {
                check(value, try resolved(schema), location, &problems)
            } catch {
                problems.append("\(location): \(error)")
            }
            return
        }
        for (keyword, argument) in keywords.sorted(by: { $0.key < $1.key }) {
            switch keyword {
            case _ where Self.annotations.contains(keyword):
                continue
            case "type":
                let names = argument.array?.compactMap(\.string) ?? argument.string.map { [$0] } ?? []
                if !names.contains(where: { Self.has(value, type: $0) }) {
                    problems.append("\(location): expected \(names.joined(separator: " or ")), found \(value)")
                    return
                }
            case "enum":
                if !(argument.array ?? []).contains(value) {
                    problems.append("\(location): \(value) is not one of \(argument)")
                }
            case "format":
                guard argument.string == "date" else {
                    problems.append("\(location): unsupported format \(argument)")
                    continue
                }
                if let text = value.string, !Self.isDay(text) {
                    problems.append("\(location): \(value) is not a date (YYYY-MM-DD)")
                }
            case "minimum", "maximum":
                guard let bound = Self.number(argument) else {
                    problems.append("\(location): \(keyword) is not a number")
                    continue
                }
                if let number = Self.number(value), keyword == "minimum" ? number < bound : number > bound {
                    problems.append("\(location): \(value) is \(keyword == "minimum" ? "under" : "over") \(argument)")
                }
            case "properties", "required", "additionalProperties":
                if keyword == "properties" { checkObject(value, keywords, location, &problems) }
            case "items":
                if let items = value.array {
                    for (index, item) in items.enumerated() {
                        check(item, argument, "\(location)[\(index)]", &problems)
                    }
                }
            case "minItems", "maxItems":
                if let count = value.array?.count, let bound = argument.int {
                    if keyword == "minItems" ? count < bound : count > bound {
                        problems.append("\(location): \(count) items, \(keyword) is \(bound)")
                    }
                }
            case "anyOf":
                let branches = argument.array ?? []
                let passing = branches.contains { branch in validate(value, against: branch, at: location).isEmpty }
                if !passing {
                    let reasons = branches.map { validate(value, against: $0, at: location).joined(separator: "; ") }
                    problems.append("\(location): matches none of anyOf (\(reasons.joined(separator: " | ")))")
                }
            default:
                problems.append("\(location): unsupported schema keyword \"\(keyword)\"")
            }
        }
        // `required` and `additionalProperties` without `properties`.
        if keywords["properties"] == nil, keywords["required"] != nil || keywords["additionalProperties"] != nil {
            checkObject(value, keywords, location, &problems)
        }
    }

    private func checkObject(
        _ value: JSONValue,
        _ keywords: [String: JSONValue],
        _ location: String,
        _ problems: inout [String]
    ) {
        guard let members = value.object else { return }
        let properties = keywords["properties"]?.object ?? [:]
        for name in keywords["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
            problems.append("\(location): missing required property \"\(name)\"")
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] {
                check(member, schema, "\(location).\(name)", &problems)
            } else if let additional = keywords["additionalProperties"] {
                check(member, additional, "\(location).\(name)", &problems)
            }
        }
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
            ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .double(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// Whether `text` is a day as YYYY-MM-DD with a month 01–12 and a day 01–31.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
