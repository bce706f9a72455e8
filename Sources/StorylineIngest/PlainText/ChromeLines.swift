/// Recognises lines of page chrome that survive into plain-text articles: share counters
/// ("0 SHARES Share Tweet"), widget headings ("Hashtags", "Comments", "No comments yet..."),
/// promotions ("Try Our AI Features") and the headings that open a trailing block of other
/// articles' teasers ("Related Articles").
enum ChromeLines {
    /// What a line is, as far as chrome goes.
    enum Kind: Equatable {
        /// Ordinary text.
        case text
        /// A chrome line to drop.
        case chrome
        /// A heading after which the rest of the document is chrome (related teasers, comments, tags).
        case tailHeading
    }

    static func classify(_ line: String) -> Kind {
        let key = normalizedKey(line)
        if key.isEmpty { return .chrome }
        if tailHeadings.contains(key) { return .tailHeading }
        if chromePhrases.contains(key) { return .chrome }
        let words = key.split(separator: " ")
        if words.count <= 8, isShareCounter(words) { return .chrome }
        if words.count <= 12 {
            if key.hasPrefix("explore what "), key.hasSuffix(" can do for you") { return .chrome }
            if key.hasPrefix("try our "), key.hasSuffix(" features") { return .chrome }
            if key.hasPrefix("sign up for "), key.contains("newsletter") { return .chrome }
            if key.hasPrefix("subscribe to "), key.contains("newsletter") || key.contains("channel") { return .chrome }
            if key.hasPrefix("follow us on ") || key.hasPrefix("download the ") && key.hasSuffix(" app") {
                return .chrome
            }
            if key.hasPrefix("share on ") || key.hasPrefix("share via ") { return .chrome }
            if key.hasPrefix("advertisement") { return .chrome }
        }
        return .text
    }

    /// Lowercased, whitespace collapsed, trailing dots/ellipses/colons and surrounding punctuation removed.
    static func normalizedKey(_ line: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var space = false
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar.value == 0xA0 {
                space = true
                continue
            }
            if space && !scalars.isEmpty { scalars.append(" ") }
            space = false
            scalars.append(
                scalar.properties.isUppercase ? Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar : scalar
            )
        }
        let trailing: Set<Unicode.Scalar> = [".", ":", "…", " ", "!", "›", "»", ">", "|", "-", "–", "—"]
        while let last = scalars.last, trailing.contains(last) { scalars.removeLast() }
        while let first = scalars.first, first == " " || first == "|" || first == "•" || first == "·" {
            scalars.removeFirst()
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Whether every word is a share-bar word or a count, and at least one is a share-bar word.
    private static func isShareCounter(_ words: [Substring]) -> Bool {
        var sawShareWord = false
        for word in words {
            if shareWords.contains(String(word)) {
                sawShareWord = true
            } else if !word.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "k" || $0 == "m" }) {
                return false
            }
        }
        return sawShareWord
    }

    private static let shareWords: Set<String> = [
        "share", "shares", "shared", "tweet", "tweets", "email", "e-mail", "pin", "print", "whatsapp", "facebook",
        "twitter", "x", "linkedin", "reddit", "telegram", "messenger", "flipboard", "copy", "link", "save", "saved",
        "comment", "comments", "sms", "bluesky", "threads",
    ]

    /// Headings that open the trailing block of teasers, tags or comments.
    static let tailHeadings: Set<String> = [
        "hashtags", "tags", "topics", "comments", "no comments yet", "leave a comment", "join the conversation",
        "related articles", "related", "related stories", "related content", "related news", "related coverage",
        "more on this story", "more stories", "read next", "you may also like", "you might also like",
        "recommended", "recommended for you", "recommended stories", "most read", "most popular", "most viewed",
        "more from", "latest news", "latest stories", "top stories", "trending", "trending now", "more news",
    ]

    /// Standalone chrome lines.
    static let chromePhrases: Set<String> = [
        "share", "share this", "share this article", "share this story", "share this page", "share article",
        "tweet", "email", "print", "copy link", "read more", "link copied", "advertisement", "advertising", "sponsored",
        "sponsored content", "skip to content", "skip to main content", "skip to navigation", "back to top",
        "loading", "click here", "sign up", "subscribe", "newsletter", "follow us", "accept cookies",
        "cookie settings", "manage cookies", "show comments", "view comments", "add a comment", "close",
        "try our ai features", "listen to this article", "watch", "listen", "open in app", "menu", "search",
    ]
}
