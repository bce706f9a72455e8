import StorylineCore

/// Splits a plain-text live blog into entries.
///
/// Two layouts are common. Time-stamped blogs put a time ("15:21", "3.21pm GMT") on a line of its own,
/// often right after the entry's headline; each time stamp opens an entry. Headline blogs (no time
/// stamps) open each entry with a short headline line followed by body paragraphs.
struct LiveBlogSegmenter {
    /// A paragraph of the body as the segmenter sees it.
    struct Line {
        var text: String
        /// The time stamp, when the whole line is one.
        var time: TimeStamp?
    }

    struct TimeStamp {
        var text: String
        var hour: Int
        var minute: Int
        var utcOffsetMinutes: Int?
    }

    /// Words in a title or the opening lines that mark a live blog.
    static let markers = [
        "live:", "live updates", "live blog", "as it happened", "updates:", "latest updates",
        "this blog has now closed",
        "catch up below", "follow live", "live coverage", " live ", "rolling coverage",
    ]

    /// Decides whether the text is a live blog and, if so, returns the entries and the paragraphs
    /// with time-stamp lines removed (entries index into the returned paragraphs).
    static func segment(
        lines: [String],
        title: String?,
        articleDate: PublicationDate?
    ) -> (paragraphs: [String], entries: [LiveBlogEntry])? {
        let parsed = lines.map { Line(text: $0, time: timeStamp($0)) }
        let stampCount = parsed.lazy.filter { $0.time != nil }.count
        if stampCount >= 2 {
            return timeStamped(parsed, articleDate: articleDate)
        }
        let opening = ([title ?? ""] + lines.prefix(6)).joined(separator: " ").lowercased()
        guard markers.contains(where: { opening.contains($0) }) else { return nil }
        let headlineCount = (0..<parsed.count).lazy.filter { isEntryHeadline(parsed, at: $0) }.count
        guard headlineCount >= 3 else { return nil }
        return headlined(parsed)
    }

    private static func timeStamped(
        _ lines: [Line],
        articleDate: PublicationDate?
    ) -> (paragraphs: [String], entries: [LiveBlogEntry]) {
        var paragraphs: [String] = []
        var entries: [LiveBlogEntry] = []
        var current: (headline: String?, stamp: TimeStamp, start: Int)?
        func close() {
            guard let open = current else { return }
            var timestamp: PublicationDate?
            if let day = articleDate {
                timestamp = PublicationDate(
                    year: day.year,
                    month: day.month,
                    day: day.day,
                    hour: open.stamp.hour,
                    minute: open.stamp.minute,
                    utcOffsetMinutes: open.stamp.utcOffsetMinutes
                )
            }
            entries.append(
                LiveBlogEntry(
                    headline: open.headline,
                    timeText: open.stamp.text,
                    timestamp: timestamp,
                    paragraphRange: open.start..<paragraphs.count
                )
            )
        }
        for (index, line) in lines.enumerated() {
            if let stamp = line.time {
                close()
                // A headline right before the time stamp belongs to the new entry.
                var headline: String?
                var start = paragraphs.count
                if index > 0, lines[index - 1].time == nil, isHeadline(lines[index - 1].text), !paragraphs.isEmpty {
                    headline = lines[index - 1].text
                    start = paragraphs.count - 1
                    if var last = entries.popLast() {
                        last.paragraphRange =
                            last.paragraphRange.lowerBound..<max(last.paragraphRange.lowerBound, start)
                        entries.append(last)
                    }
                }
                current = (headline, stamp, start)
            } else {
                paragraphs.append(line.text)
            }
        }
        close()
        return (paragraphs, entries)
    }

    private static func headlined(_ lines: [Line]) -> (paragraphs: [String], entries: [LiveBlogEntry]) {
        var entries: [LiveBlogEntry] = []
        var start: Int?
        var headline: String?
        for index in lines.indices where isEntryHeadline(lines, at: index) {
            if let s = start { entries.append(LiveBlogEntry(headline: headline, paragraphRange: s..<index)) }
            start = index
            headline = lines[index].text
        }
        if let s = start { entries.append(LiveBlogEntry(headline: headline, paragraphRange: s..<lines.count)) }
        return (lines.map(\.text), entries)
    }

    /// A headline line followed by a body paragraph (not a bullet, not another headline).
    private static func isEntryHeadline(_ lines: [Line], at index: Int) -> Bool {
        guard index + 1 < lines.count, isHeadline(lines[index].text) else { return false }
        let next = lines[index + 1].text
        return !isHeadline(next) && !isBullet(next) && lines[index + 1].time == nil
    }

    static func isBullet(_ text: String) -> Bool {
        text.hasPrefix("- ") || text.hasPrefix("• ") || text.hasPrefix("* ") || text.hasPrefix("– ")
    }

    /// A short line that does not end like a sentence.
    static func isHeadline(_ text: String) -> Bool {
        guard !isBullet(text) else { return false }
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        guard words >= 2, words <= 22 else { return false }
        guard let first = text.unicodeScalars.first,
            first.properties.isUppercase || first.properties.numericType != nil
                || "'\"‘“".unicodeScalars.contains(first)
        else { return false }
        let closers: Set<Unicode.Scalar> = ["'", "\"", "’", "”", ")", "]", " "]
        let scalars = Array(text.unicodeScalars)
        var end = scalars.count - 1
        while end > 0, closers.contains(scalars[end]) { end -= 1 }
        let sentenceEnd: Set<Unicode.Scalar> = [".", "!", "?", ":", ";", "…", ","]
        return !sentenceEnd.contains(scalars[end])
    }

    /// "15:21", "3.21pm", "11:05 GMT", "9:30 a.m. ET" alone on a line. An ambiguous zone ("ET", "IST") is
    /// accepted but gives no offset (see ``DateZones``).
    static func timeStamp(_ text: String) -> TimeStamp? {
        let b = Array(text.utf8)
        guard b.count >= 4, b.count <= 16, let (time, end) = ClockTime.parse(b, at: 0, zone: .upperCase),
            end == b.count
        else { return nil }
        return TimeStamp(text: text, hour: time.hour, minute: time.minute, utcOffsetMinutes: time.utcOffsetMinutes)
    }
}
