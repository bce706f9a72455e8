import Foundation
import StorylineCore
import StorylineText

/// Reads a plain-text article (as saved from a page, a wire feed or a JSONL record) into an ``Article``.
///
/// - The title is the first line when it reads like one (short, no closing full stop).
/// - Header lines such as `date 2025-02-28`, `Published February 27, 2025` or
///   `Published February 27, 2025last updated February 27, 2025` give the publication and
///   modification dates; text glued after them is kept.
/// - A wire dateline ("WASHINGTON —") is split off the first paragraph.
/// - Page chrome is dropped: share counters, widget headings ("Hashtags", "Comments"), promotions,
///   and everything after a trailing "Related Articles"-style heading.
/// - Live blogs are split into entries (see ``LiveBlogSegmenter``).
public struct PlainTextReader: Sendable {
    /// Metadata known from outside the text (a JSONL record's fields); it wins over what the text says.
    public struct Hints: Sendable {
        public var title: String?
        public var published: PublicationDate?
        public var outlet: String?
        public var url: String?

        public init(title: String? = nil, published: PublicationDate? = nil, outlet: String? = nil, url: String? = nil)
        {
            self.title = title
            self.published = published
            self.outlet = outlet
            self.url = url
        }
    }

    public init() {}

    public func read(_ text: String, origin: ArticleOrigin, hints: Hints = Hints()) throws -> Article {
        var draft = ArticleDraft(origin: origin)
        draft.outlet = hints.outlet
        draft.url = hints.url
        var lines = Self.paragraphLines(text)

        // Header zone: title, date lines, byline — only among the first few lines.
        var index = 0
        var published: PublicationDate?
        var modified: PublicationDate?
        var title: String?
        var leftovers: [String] = []
        while index < lines.count, index < 5 {
            let line = lines[index]
            if let header = Self.dateHeader(line) {
                published = published ?? header.published
                modified = modified ?? header.modified
                if !header.remainder.isEmpty { leftovers.append(header.remainder) }
                index += 1
                continue
            }
            if title == nil, published == nil, index == 0, Self.isTitle(line, hint: hints.title) {
                title = line
                index += 1
                continue
            }
            if draft.byline.isEmpty, let names = Self.byline(line) {
                draft.byline = names
                index += 1
                continue
            }
            break
        }
        lines = leftovers + lines[index...]
        draft.title = hints.title ?? title
        draft.published = hints.published ?? published
        draft.modified = modified

        // Chrome: drop chrome lines; cut at a trailing teaser/comments heading once the body has begun.
        var body: [String] = []
        var substantive = 0
        for (position, line) in lines.enumerated() {
            switch ChromeLines.classify(line) {
            case .chrome:
                draft.removedChrome.append(line)
            case .tailHeading where substantive >= 3:
                draft.removedChrome.append(contentsOf: lines[position...].map { String($0.prefix(200)) })
                return try finish(&draft, body: body)
            case .text, .tailHeading:
                body.append(line)
                if line.utf8.count > 80 { substantive += 1 }
            }
        }
        return try finish(&draft, body: body)
    }

    private func finish(_ draft: inout ArticleDraft, body: [String]) throws -> Article {
        if let blog = LiveBlogSegmenter.segment(lines: body, title: draft.title, articleDate: draft.published) {
            draft.paragraphs = blog.paragraphs
            draft.liveBlogEntries = blog.entries
        } else {
            draft.paragraphs = body
        }
        return try draft.finish()
    }

    // MARK: - Lines and paragraphs

    /// Splits text into paragraphs: one per line, except that hard-wrapped text (blank-line separated
    /// blocks of lines of similar width) is joined back into its paragraphs. Lines are whitespace-collapsed
    /// and empty lines dropped.
    static func paragraphLines(_ text: String) -> [String] {
        let raw: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        if isHardWrapped(raw) {
            var paragraphs: [String] = []
            var current: [Substring] = []
            for line in raw {
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(line)
                }
            }
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            return paragraphs.map(TextCleanup.collapseWhitespace).filter { !$0.isEmpty }
        }
        return raw.map { TextCleanup.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    /// Hard-wrapped: most long lines are 55–85 characters wide and run on into the next line.
    private static func isHardWrapped(_ lines: [Substring]) -> Bool {
        var long = 0
        var wrapped = 0
        for (i, line) in lines.enumerated() where line.count >= 40 {
            long += 1
            if line.count <= 85, i + 1 < lines.count, !lines[i + 1].isEmpty,
                let last = line.last, last != "." && last != "\"" && last != "”"
            {
                wrapped += 1
            }
        }
        return long >= 4 && wrapped * 2 >= long
    }

    // MARK: - Header lines

    struct DateHeader {
        var published: PublicationDate?
        var modified: PublicationDate?
        var remainder: String
    }

    private static let dateKeywords: [(keyword: String, modified: Bool)] = [
        ("last updated on", true), ("last updated", true), ("last modified", true), ("updated on", true),
        ("updated", true), ("modified", true), ("first published on", false), ("first published", false),
        ("published on", false), ("published", false), ("posted on", false), ("posted", false), ("date:", false),
        ("date", false), ("on", false),
    ]

    /// Parses a header line made of dates with their keywords ("date 2025-02-28", "Published February 27,
    /// 2025last updated February 27, 2025"); returns nil when the line does not open with a date.
    static func dateHeader(_ line: String) -> DateHeader? {
        let bytes = Array(line.utf8)
        var header = DateHeader(remainder: "")
        var i = 0
        var found = false
        while true {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x7C || bytes[i] == 0x2C || bytes[i] == 0xB7 {
                i += 1
            }
            var isModified = false
            var j = i
            for (keyword, modified) in dateKeywords {
                let k = Array(keyword.utf8)
                if j + k.count <= bytes.count,
                    zip(bytes[j..<(j + k.count)], k).allSatisfy({ DateBytes.lower($0) == $1 })
                {
                    isModified = modified
                    j += k.count
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x3A { j += 1 }
                    break
                }
            }
            guard j < bytes.count, let match = DateText.parse(bytes, at: j) else { break }
            found = true
            if isModified {
                header.modified = header.modified ?? match.date
            } else if header.published == nil {
                header.published = match.date
            } else {
                header.modified = header.modified ?? match.date
            }
            i = match.utf8Range.upperBound
        }
        guard found else { return nil }
        header.remainder = TextCleanup.collapseWhitespace(bytes: bytes[i...])
        return header
    }

    /// A first line that reads like a headline: at most 30 words, no closing full stop, not a bullet.
    static func isTitle(_ line: String, hint: String?) -> Bool {
        if let hint { return TextCleanup.collapseWhitespace(hint) == line }
        let words = line.split(separator: " ").count
        guard words >= 2, words <= 30, !LiveBlogSegmenter.isBullet(line) else { return false }
        guard let last = line.unicodeScalars.last else { return false }
        return last != "." && last != ","
    }

    /// A header line "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
    static func byline(_ line: String) -> [String]? {
        guard line.hasPrefix("By ") || line.hasPrefix("BY "), line.split(separator: " ").count <= 10 else { return nil }
        let names = Byline.names(line)
        guard !names.isEmpty, names.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return names
    }
}
