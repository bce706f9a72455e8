import Foundation

/// How `POST /api/articles` is set up: off (the default: the server only reads), or on with the bearer token a
/// client must send and the largest body it may send.
struct IngestSettings: Sendable {
    /// The token `Authorization: Bearer …` must carry; nil: ingest is off.
    var token: BearerToken?
    /// The largest request body of an ingest, in bytes (every other request keeps
    /// ``RequestBodyLimitMiddleware/limit``).
    var maxBodyBytes: Int = Self.defaultMaxBodyMiB << 20

    static let defaultMaxBodyMiB = 16
    /// The environment variable a token may come from (never a command-line argument: those show in `ps`).
    static let environmentVariable = "STORYLINE_API_TOKEN"

    static let off = IngestSettings(token: nil)

    var isEnabled: Bool { token != nil }
}

/// A secret a client proves it knows by sending it in `Authorization: Bearer TOKEN`. It is at least
/// ``minimumLength`` visible ASCII characters; ``matches(_:)`` compares in constant time.
struct BearerToken: Sendable {
    static let minimumLength = 16

    private let bytes: [UInt8]

    /// The token in `text`, trimmed of surrounding white space (a file's final newline); `source` names where it
    /// came from in the error (a file's path or the environment variable), never the token itself.
    init(_ text: String, source: String) throws(TokenError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw TokenError("the API token in \(source) is empty") }
        guard trimmed.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw TokenError(
                "the API token in \(source) must be visible ASCII characters without spaces "
                    + "(as sent in an Authorization: Bearer header)"
            )
        }
        guard trimmed.utf8.count >= Self.minimumLength else {
            throw TokenError(
                "the API token in \(source) is \(trimmed.utf8.count) characters; use at least \(Self.minimumLength) "
                    + "(for example the output of `openssl rand -hex 32`)"
            )
        }
        bytes = Array(trimmed.utf8)
    }

    /// Whether `candidate` is the token. The time taken depends on the token's length only, never on how many
    /// leading characters of a wrong candidate are right.
    func matches(_ candidate: some StringProtocol) -> Bool {
        Self.constantTimeEqual(Array(candidate.utf8), bytes)
    }

    /// `a == b`, looking at every byte of `b` whatever `a` holds.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in b.indices {
            let byte = index < a.count ? a[index] : 0
            difference |= byte ^ b[index]
        }
        return difference == 0
    }

    /// The token of `Authorization: Bearer TOKEN` in `header`, or nil when it has none.
    static func fromAuthorization(_ header: String?) -> Substring? {
        guard let header else { return nil }
        let trimmed = header.drop { $0 == " " }
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).drop { $0 == " " }
        let end = token.lastIndex { $0 != " " }.map { token.index(after: $0) } ?? token.startIndex
        let value = token[..<end]
        return value.isEmpty ? nil : value
    }

    /// The token `storyline serve` was given: from the file at `file` when set, else from the environment
    /// variable ``IngestSettings/environmentVariable`` when set; nil when neither is (ingest stays off).
    static func configured(file: String?, environment: [String: String]) throws(TokenError) -> BearerToken? {
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw TokenError("cannot read the API token file \(file): \(error.localizedDescription)")
            }
            return try BearerToken(text, source: "the file \(file)")
        }
        if let value = environment[IngestSettings.environmentVariable] {
            return try BearerToken(value, source: "the environment variable \(IngestSettings.environmentVariable)")
        }
        return nil
    }
}

/// Why the API token cannot be used; the message never contains the token.
struct TokenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
