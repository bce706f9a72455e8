import Foundation

/// Recognises the dateline that opens a wire story: "WASHINGTON —", "KYIV, Ukraine (Reuters) -",
/// "LONDON, Feb 27 (Reuters) -".
enum Dateline {
    /// Splits a dateline from the start of a paragraph: the place as written and the rest of the paragraph.
    static func split(_ paragraph: String) -> (dateline: String, rest: String)? {
        let scalars = Array(paragraph.unicodeScalars)
        // Find the first dash separator within the first 60 scalars.
        var i = 0
        var dashStart = -1
        var dashEnd = -1
        while i < min(scalars.count, 80) {
            let s = scalars[i]
            if s == "—" || s == "–" || (s == "-" && i > 0 && scalars[i - 1] == " ") {
                dashStart = i
                var j = i + 1
                while j < scalars.count, scalars[j] == "-" || scalars[j] == "—" { j += 1 }
                dashEnd = j
                break
            }
            i += 1
        }
        guard dashStart > 1, dashEnd < scalars.count else { return nil }
        let head = TextCleanup.collapseWhitespace(String(String.UnicodeScalarView(scalars[0..<dashStart])))
        let rest = TextCleanup.collapseWhitespace(String(String.UnicodeScalarView(scalars[dashEnd...])))
        guard !head.isEmpty, rest.unicodeScalars.count >= 40, isPlaceHead(head) else { return nil }
        return (head, rest)
    }

    /// The place part must open with an all-capitals word ("WASHINGTON", "KYIV", "NEW YORK") and may
    /// continue with a region, a date and a parenthesised agency.
    private static func isPlaceHead(_ head: String) -> Bool {
        let words = head.split(separator: " ")
        guard let first = words.first, words.count <= 8 else { return false }
        let letters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) else { return false }
        // Everything before a comma or parenthesis must be capitals ("NEW YORK", not "New York").
        var leading = true
        for word in words {
            if word.hasPrefix("(") || word.hasPrefix(",") { leading = false }
            if leading {
                let stripped = word.trimmingCharacters(in: CharacterSet(charactersIn: ",."))
                let alpha = stripped.unicodeScalars.filter { $0.properties.isAlphabetic }
                if !alpha.isEmpty, !alpha.allSatisfy({ $0.properties.isUppercase }) { return false }
            }
            if word.hasSuffix(",") { leading = false }
        }
        return true
    }
}
