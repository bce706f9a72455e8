/// Why an input, or one record of it, could not be read.
///
/// The message quotes the offending input where that helps and says where it is
/// (path, record, line or byte offset); the rest of the input is still read.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        /// The file could not be opened or read.
        case unreadable
        /// The input is empty or holds no article text.
        case empty
        /// Binary content that is none of the supported formats.
        case binary
        /// Bytes that are not valid UTF-8 where UTF-8 is required.
        case invalidUTF8
        /// A document or record over the size limit.
        case tooLarge
        /// Malformed XML (feeds).
        case malformedXML
        /// Malformed JSON (a JSONL line).
        case malformedJSON
        /// A JSON record missing a required field or with a field of the wrong type.
        case missingField
        /// A malformed WARC record or HTTP message.
        case malformedWARC
        /// Corrupt or truncated compressed data.
        case compression
        /// The format could not be recognised.
        case unknownFormat
        /// A `storyline-sources.jsonl` line describes a file that is not in the manifest's directory.
        case unknownFile
    }

    public var code: Code
    /// A human-readable explanation that quotes the offending input.
    public var message: String
    /// The file, or `nil` for standard input.
    public var path: String?
    /// Where in the file: "line 12", "record 3", "byte 1042".
    public var location: String?
    /// A lower-level description of the cause, when there is one.
    public var cause: String?

    public init(_ code: Code, _ message: String, path: String? = nil, location: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.location = location
        self.cause = cause
    }

    /// The same error placed in a file (and optionally at a location in it).
    public func at(path: String?, location: String? = nil) -> IngestError {
        var copy = self
        copy.path = path
        if let location { copy.location = copy.location.map { "\(location), \($0)" } ?? location }
        return copy
    }

    public var description: String {
        var text = path ?? "<stdin>"
        if let location { text += " (\(location))" }
        text += ": " + message
        if let cause { text += " — " + cause }
        return text
    }
}

extension IngestError {
    /// Quotes at most `limit` characters of `text` for an error message, escaping control characters.
    public static func quote(_ text: some StringProtocol, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "\"" + out + "\""
    }
}
