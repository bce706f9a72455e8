import Foundation

/// Authors' names from a byline as pages, feeds and plain text write it: "By Jane Doe and John Roe",
/// "Jane Doe, John Roe | Reuters", "By Jane Doe Published 27 February 2025".
enum Byline {
    /// Splits a byline into names: strips "By", cuts at a date or "Updated", splits at "and", "&", ",", "|",
    /// and drops the outlet's name, URLs and anything with digits.
    static func names(_ raw: String, outlet: String? = nil) -> [String] {
        var text = TextCleanup.collapseWhitespace(raw)
        if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") { return [] }
        for cut in ["|", "\n", " Published", " Updated", " Posted", " published", " updated", " posted", " on "] {
            if let r = text.firstRange(of: cut) { text = String(text[..<r.lowerBound]) }
        }
        for prefix in ["By ", "BY ", "by ", "Written by ", "Words by ", "Reporting by ", "Von ", "Par "]
        where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        var parts: [String] = []
        for chunk in text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",").split(
            separator: ","
        ) {
            let name = TextCleanup.collapseWhitespace(String(chunk))
            guard !name.isEmpty, name.utf8.count <= 60 else { continue }
            if name.contains(where: \.isNumber) || name.contains("@") || name.contains("/") { continue }
            if let outlet, name.lowercased() == outlet.lowercased() { continue }
            if ["by", "and", "from", "staff", "written by", "posted by"].contains(name.lowercased()) { continue }
            if name.split(separator: " ").count > 5 { continue }
            parts.append(name)
        }
        return parts
    }
}
