import Foundation

/// Building markup in Swift: the one escape every piece of HTML built outside a template goes through, and the
/// few URL checks the pages need. Templates escape `{{value}}` themselves; only HTML built here from escaped
/// parts is ever given to a template unescaped (`{{{…}}}`).
enum HTML {
    /// `text` safe as HTML text and as a quoted attribute value: `&`, `<`, `>`, `"` and `'` replaced by
    /// character references (the same five Mustache escapes).
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `url` when it is an absolute http or https URL (in any case, without spaces or control characters), else
    /// nil: only such URLs from article data become links.
    static func webURL(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return url
    }

    /// `value` percent-encoded for a query string: everything but unreserved characters (RFC 3986).
    static func queryValue(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// `path` with the non-empty `parameters` as its query string, in the order given.
    static func url(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + queryValue(value)
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }
}

extension String {
    /// The string with `0`s before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
