/// Lone short lines of page chrome, whatever format they survive in: share counters
/// ("0 SHARES Share Tweet"), widget headings ("Hashtags", "Comments", "No comments yet..."), stock
/// phrases ("Advertisement", "Read more", "Sign up to our newsletter"), promotions ("Try Our AI
/// Features"), and the headings that open a trailing block of other articles' teasers
/// ("Related Articles"). One vocabulary serves the HTML and plain-text readers (which drop chrome when
/// they read an article) and extraction (which ignores chrome left in raw text it is given).
public enum ChromeLines {
    /// What a line is, as far as chrome goes.
    public enum Kind: Equatable, Sendable {
        /// Ordinary text.
        case text
        /// A chrome line to drop.
        case chrome
        /// A heading after which the rest of a plain-text document is chrome (related teasers, comments, tags).
        case tailHeading
    }

    /// Lines this long or longer are never chrome.
    public static let maxChromeBytes = 120

    /// What `line` (whitespace already collapsed) is.
    public static func classify(_ line: String) -> Kind {
        guard let key = key(line) else { return .text }
        if tailHeadings.contains(key) { return .tailHeading }
        return isChrome(key: key) ? .chrome : .text
    }

    /// Whether a line (whitespace already collapsed) is chrome: a tail heading or any other chrome line.
    public static func isChrome(_ line: String) -> Bool {
        guard let key = key(line) else { return false }
        return tailHeadings.contains(key) || isChrome(key: key)
    }

    private static func isChrome(key: String) -> Bool {
        if key.isEmpty || exact.contains(key) { return true }
        if prefixes.contains(where: { key.hasPrefix($0) }) { return true }
        let words = key.split(separator: " ")
        if words.count <= 8, isShareCounter(words) { return true }
        if words.count <= 12 {
            if key.hasPrefix("explore what "), key.hasSuffix(" can do for you") { return true }
            if key.hasPrefix("try our "), key.hasSuffix(" features") { return true }
        }
        return false
    }

    /// The line lowercased (ASCII), without leading bullets and trailing punctuation, arrows and ellipses;
    /// nil for a line too long to be chrome.
    static func key(_ line: String) -> String? {
        guard line.utf8.count < maxChromeBytes else { return nil }
        var scalars = Substring(line).unicodeScalars
        let leading: Set<Unicode.Scalar> = [" ", "|", "•", "·"]
        let trailing: Set<Unicode.Scalar> = [".", ":", "…", " ", "!", "›", "»", ">", "|", "-", "–", "—", "→"]
        while let first = scalars.first, leading.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, trailing.contains(last) { scalars.removeLast() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for byte in Substring(scalars).utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return String(decoding: bytes, as: UTF8.self)
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
        "related topics", "more on this story", "more stories", "read next", "you may also like",
        "you might also like", "recommended", "recommended for you", "recommended stories", "most read",
        "most popular", "most viewed", "more from", "latest news", "latest stories", "top stories", "trending",
        "trending now", "more news",
    ]

    /// Standalone chrome lines.
    static let exact: Set<String> = [
        "advertisement", "advert", "ad", "ads", "advertising", "sponsored", "sponsored content", "share",
        "share this", "share this article", "share this story", "share this page", "share article",
        "share on facebook", "share on twitter", "share on whatsapp", "share via email", "tweet", "email", "print",
        "copy link", "link copied", "read more", "more", "see more", "show more", "load more", "continue reading",
        "sign up", "subscribe", "newsletter", "leave a reply", "view comments", "show comments", "add a comment",
        "skip to content", "skip to main content", "skip to navigation", "back to top", "top", "image", "photo",
        "video", "watch", "watch live", "listen", "listen to this article", "play", "close", "menu", "search",
        "follow us", "next article", "previous article", "next", "previous", "live", "latest", "loading",
        "click here", "log in", "login", "register", "accept", "reject", "accept all", "accept cookies",
        "manage cookies", "cookie settings", "open in app", "story continues below advertisement",
        "article continues below", "scroll to continue", "report an error", "contact us", "try our ai features",
    ]

    static let prefixes: [String] = [
        "read more:", "read more about", "read more from", "sign up for", "sign up to", "sign up here",
        "subscribe to", "subscribe now", "follow us on", "follow us:", "share this", "share on", "share via",
        "click here to", "skip to", "advertisement ", "related:", "related coverage", "see also:", "also read:",
        "read also:", "read next", "most read", "continue reading", "download the", "get our", "get the latest",
        "image source", "image caption", "media caption", "photograph:", "photo:", "copyright ©", "© ",
        "all rights reserved", "we use cookies", "this site uses cookies", "by clicking", "more from ", "more on this",
        "around the web", "join the conversation", "comments are closed", "story continues below", "updated:",
        "published:",
    ]

    /// The chrome of a raw text that still has it, as UTF-8 byte ranges: each chrome line, and everything
    /// from a trailing teaser or comments heading ("Related Articles") on, once the body has begun (three
    /// lines of over 80 bytes) — the rule the plain-text reader applies when it reads an article.
    public static func chromeRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var substantive = 0
        var lineStart = 0
        let utf8 = text.utf8
        var offset = 0
        var index = utf8.startIndex
        while index <= utf8.endIndex {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == 0x0A {
                let lineRange = lineStart..<offset
                if !lineRange.isEmpty {
                    let start = utf8.index(utf8.startIndex, offsetBy: lineStart)
                    let raw = text[start..<index]
                    let line = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
                        .joined(separator: " ")
                    if !line.isEmpty {
                        switch classify(line) {
                        case .chrome:
                            ranges.append(lineRange)
                        case .tailHeading where substantive >= 3:
                            ranges.append(lineStart..<utf8.count)
                            return ranges
                        case .text, .tailHeading:
                            if line.utf8.count > 80 { substantive += 1 }
                        }
                    }
                }
                if atEnd { break }
                lineStart = offset + 1
            }
            offset += 1
            index = utf8.index(after: index)
        }
        return ranges
    }
}
