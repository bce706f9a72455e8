/// Lone short lines that are page chrome whatever element holds them ("Advertisement",
/// "Share this article", "Read more", "Sign up to our newsletter").
enum HTMLChromeLines {
    /// Whether `text` (whitespace already collapsed) is a chrome line. Only lines under 120 bytes qualify.
    static func isChrome(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count < 120 else { return false }
        var lower: [UInt8] = []
        lower.reserveCapacity(utf8.count)
        for byte in utf8 { lower.append(HTMLBytes.lower(byte)) }
        // Trailing punctuation and arrows do not change the meaning of a chrome line.
        while let last = lower.last, last == 0x3A || last == 0x2E || last == 0x20 || last == 0x3E || last == 0x21 {
            lower.removeLast()
        }
        while lower.count >= 3, lower.suffix(3) == [0xE2, 0x80, 0xA6] || lower.suffix(3) == [0xE2, 0x86, 0x92] {
            lower.removeLast(3)
            while let last = lower.last, last == 0x20 { lower.removeLast() }
        }
        let key = String(decoding: lower, as: UTF8.self)
        if exact.contains(key) { return true }
        for prefix in prefixes where lower.starts(with: prefix.utf8) { return true }
        return false
    }

    static let exact: Set<String> = [
        "advertisement", "advert", "ad", "ads", "sponsored", "sponsored content", "share", "share this",
        "share this article", "share this story", "share this page", "share on facebook", "share on twitter",
        "share on whatsapp", "share via email", "tweet", "email", "print", "copy link", "link copied", "read more",
        "more", "see more", "show more", "load more", "continue reading", "sign up", "subscribe", "related",
        "related articles", "related stories", "related content", "related topics", "more on this story",
        "most read", "most popular", "most viewed", "recommended", "recommended for you", "you may also like",
        "you might also like", "trending", "comments", "leave a comment", "leave a reply", "view comments",
        "skip to content", "skip to main content", "back to top", "top", "image", "photo", "video", "listen",
        "play", "close", "menu", "follow us", "topics", "tags", "next article", "previous article", "next", "previous",
        "watch", "watch live", "live", "latest", "newsletter", "log in", "login", "register", "accept", "reject",
        "accept all", "manage cookies", "cookie settings", "open in app", "story continues below advertisement",
        "article continues below", "scroll to continue", "report an error", "contact us",
    ]

    static let prefixes: [String] = [
        "read more:", "read more about", "read more from", "sign up for", "sign up to", "sign up here",
        "subscribe to", "subscribe now", "follow us on", "follow us:", "share this", "share on", "click here to",
        "skip to", "advertisement ", "related:", "related coverage", "see also:", "also read:", "read also:",
        "read next", "most read", "continue reading", "download the", "get our", "get the latest", "image source",
        "image caption", "media caption", "photograph:", "photo:", "copyright ©", "© ", "all rights reserved",
        "we use cookies", "this site uses cookies", "by clicking", "more from ", "more on this", "around the web",
        "join the conversation", "comments are closed", "story continues below", "updated:", "published:",
    ]
}
