import StorylineCore

/// A date stated in a URL path: `/2025/02/27/`, `/2025-02-27/`, `/2025_02_27/`, `/20250227/` (also at the start
/// of a slug, as in `/20250227-ceasefire`). The host, query and fragment are ignored; the year must be
/// plausible (``DateVocabulary/plausibleYears``) so that ids are not mistaken for dates.
enum URLPathDate {
    static func parse(_ url: String) -> PublicationDate? {
        var b = Array(url.utf8)
        // Ignore the scheme and host.
        if let schemeEnd = schemeEnd(b) {
            guard let slash = b[schemeEnd...].firstIndex(of: 0x2F) else { return nil }
            b = Array(b[slash...])
        }
        if let q = b.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { b.removeSubrange(q...) }
        var i = 1
        while i < b.count {
            // Only at the start of a path segment (or after "-"/"_" in a slug), never inside a number.
            let atBoundary = b[i - 1] == 0x2F || b[i - 1] == 0x2D || b[i - 1] == 0x5F
            if atBoundary, let y = DateBytes.fixed(b, i, 4), DateVocabulary.plausibleYears.contains(y) {
                let sep = i + 4 < b.count ? b[i + 4] : 0
                if sep == 0x2F || sep == 0x2D || sep == 0x5F, let m = DateBytes.fixed(b, i + 5, 2),
                    DateBytes.at(b, i + 7, is: sep), let d = DateBytes.fixed(b, i + 8, 2),
                    !DateBytes.at(b, i + 10, DateBytes.isDigit)
                {
                    let date = PublicationDate(year: y, month: m, day: d)
                    if date.isValid { return date }
                }
                if let m = DateBytes.fixed(b, i + 4, 2), let d = DateBytes.fixed(b, i + 6, 2),
                    !DateBytes.at(b, i + 8, DateBytes.isDigit)
                {
                    let date = PublicationDate(year: y, month: m, day: d)
                    if date.isValid { return date }
                }
            }
            i += 1
        }
        return nil
    }

    /// The index just after "://", if the URL has a scheme.
    private static func schemeEnd(_ b: [UInt8]) -> Int? {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0x3A, b[i + 1] == 0x2F, b[i + 2] == 0x2F { return i + 3 }
            if b[i] == 0x2F { return nil }
            i += 1
        }
        return nil
    }
}
