import StorylineCore

/// Real-shaped `Article` values for the store tests: several paragraphs, bylines, dates with zones,
/// live-blog entries, removed chrome, and syndicated copies of the same body.
enum Sample {
    /// A stand-in for SHA-256 (the test target does not link a crypto library): 64 lowercase hex digits
    /// from four FNV-1a passes. The stores never recompute the hash, they only key on it.
    static func hash(_ text: String) -> String {
        var digits = ""
        for seed: UInt64 in [0xcbf2_9ce4_8422_2325, 0x1000_0000_01b3, 0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d] {
            var value = seed
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            let hex = String(value, radix: 16)
            digits += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return digits
    }

    static func date(_ text: String) -> PublicationDate {
        guard let date = PublicationDate(iso8601: text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// An ordinary wire story. `body` makes the paragraphs distinct; `hash` overrides the content hash.
    static func article(
        _ body: String,
        hash: String? = nil,
        title: String? = nil,
        outlet: String? = "Reuters",
        url: String? = nil,
        published: String? = "2025-02-28T09:15:00+01:00",
        byline: [String] = ["Jane Doe"]
    ) -> Article {
        let paragraphs = [
            "KYIV, Feb 28 (Reuters) - \(body)",
            "“We are ready to sign,” President Volodymyr Zelenskyy told reporters on Friday, "
                + "adding that talks with U.S. officials would continue next week.",
            "The agreement, which has been negotiated for weeks, covers rare earths and other minerals.",
        ]
        let contentHash = hash ?? Sample.hash(paragraphs.joined(separator: "\n\n"))
        let slug = String(contentHash.prefix(8))
        return Article(
            id: String(contentHash.prefix(16)),
            contentHash: contentHash,
            title: title ?? "Story \(body.prefix(40))",
            outlet: outlet,
            url: url ?? "https://www.reuters.com/world/\(slug)/",
            published: published.map(date),
            byline: byline,
            language: "en",
            paragraphs: paragraphs,
            origin: ArticleOrigin(path: "/data/reuters/\(slug).html", format: .html)
        )
    }

    /// A live blog with every field of `Article` set, including entries with zoned timestamps.
    static func liveBlog() -> Article {
        let paragraphs = [
            "Ukraine’s president arrived in Washington on Friday for talks at the White House.",
            "Zelenskyy and Trump meet in Oval Office",
            "The two leaders sat down shortly after 11am local time. “We are ready,” Zelenskyy said.",
            "Reporters were invited in for the first minutes of the meeting.",
            "Meeting ends abruptly",
            "Zelenskyy left the White House without signing the minerals deal, officials said.\tNo press "
                + "conference was held.",
        ]
        let contentHash = hash(paragraphs.joined(separator: "\n\n"))
        return Article(
            id: String(contentHash.prefix(16)),
            contentHash: contentHash,
            title: "Ukraine war live: Zelenskyy meets Trump at the White House",
            outlet: "The Guardian",
            url: "https://www.theguardian.com/world/live/2025/feb/28/ukraine-war-live",
            published: date("2025-02-28T15:21:00+01:00"),
            modified: date("2025-02-28T21:04:37Z"),
            byline: ["Tom Ambrose", "Léonie Chao-Fong"],
            language: "en-GB",
            dateline: "WASHINGTON",
            paragraphs: paragraphs,
            liveBlogEntries: [
                LiveBlogEntry(
                    headline: "Zelenskyy and Trump meet in Oval Office",
                    timeText: "15:21",
                    timestamp: date("2025-02-28T15:21+01:00"),
                    paragraphRange: 1..<4
                ),
                LiveBlogEntry(
                    headline: nil,
                    timeText: "3.58pm",
                    timestamp: date("2025-02-28T15:58:00-05:00"),
                    paragraphRange: 4..<6
                ),
            ],
            removedChrome: ["Share on Facebook", "Related: Russia-Ukraine war at a glance"],
            origin: ArticleOrigin(
                path: "/data/feeds/guardian-world.xml",
                format: .rss,
                record: 3,
                externalID: "https://www.theguardian.com/p/x8k2q",
                retrieved: date("2025-02-28T21:10:00Z")
            )
        )
    }

    /// The same body read from another outlet: the metadata differs, the body (and so the hash) does not.
    static func syndicated(
        _ article: Article,
        outlet: String?,
        url: String?,
        title: String? = nil,
        published: String? = "2025-02-28T10:02:00Z",
        byline: [String] = []
    ) -> Article {
        var copy = article
        copy.outlet = outlet
        copy.url = url
        copy.title = title ?? article.title.map { "\($0) | \(outlet ?? "unknown")" }
        copy.published = published.map(date)
        copy.modified = nil
        copy.byline = byline
        copy.language = nil
        copy.origin = ArticleOrigin(path: "/data/mixed/feed.jsonl", format: .jsonl, record: 17, externalID: "item-17")
        return copy
    }
}
