import Hummingbird
import StorylineCore

/// The query parameters of an API request, read and checked: a parameter that is present but not what its
/// route expects is an ``APIError`` (400) that names it and quotes its value. An empty value (`?outlet=`) counts
/// as absent; parameters a route does not know are ignored.
struct APIParameters {
    /// Page sizes: `limit` defaults to ``defaultLimit`` and may not exceed ``maxLimit``.
    static let defaultLimit = 50
    static let maxLimit = 500
    /// The largest `offset` accepted.
    static let maxOffset = Int(Int32.max)

    /// `limit` and `offset` of a list.
    struct Page: Sendable, Equatable {
        var limit: Int
        var offset: Int

        /// The part of `items` this page covers.
        func slice<T>(_ items: [T]) -> [T] {
            let start = min(offset, items.count)
            return Array(items[start..<min(start + limit, items.count)])
        }
    }

    private let values: [String: String]

    init(_ request: Request) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where values[String(key)] == nil {
            values[String(key)] = String(value)
        }
        self.values = values
    }

    /// The value of `name`, nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// `name` as a whole number in `range`.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest(
                "parameter \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "not \(Self.quoted(text))"
            )
        }
        return value
    }

    /// `name` as a day, `YYYY-MM-DD`.
    func day(_ name: String) throws -> PublicationDate? {
        guard let text = string(name) else { return nil }
        guard text.utf8.count == 10, let date = PublicationDate(iso8601: text), date.hour == nil else {
            throw APIError.badRequest("parameter \(name) must be a day as YYYY-MM-DD, not \(Self.quoted(text))")
        }
        return date
    }

    /// `name` as `true` or `false` (also `1`/`0`).
    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badRequest("parameter \(name) must be true or false, not \(Self.quoted(text))")
        }
    }

    /// `name` as one of the raw values of `T` (compared in upper case).
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = T(rawValue: text.uppercased()) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest("parameter \(name) must be one of \(known), not \(Self.quoted(text))")
        }
        return value
    }

    /// `limit` and `offset`.
    func page() throws -> Page {
        Page(
            limit: try int("limit", in: 1...Self.maxLimit) ?? Self.defaultLimit,
            offset: try int("offset", in: 0...Self.maxOffset) ?? 0
        )
    }

    /// `text` in quotation marks, cut to 80 characters: enough to recognise, never a flood.
    static func quoted(_ text: String) -> String {
        "\"" + (text.count > 80 ? text.prefix(80) + "…" : text) + "\""
    }
}
