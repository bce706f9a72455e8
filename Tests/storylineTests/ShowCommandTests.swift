import Foundation
import StorylineCore
import StorylineStore
import Testing

@testable import storyline

/// How `storyline show` presents an article's time expressions.
struct ShowCommandTests {
    /// A two-paragraph article with multi-byte characters before its time expressions.
    static func stored(annotated: Bool = true) -> StoredArticle {
        let paragraphs = [
            "Zelenskyy’s visit to Washington — “a turning point” — is due on Friday.",
            "Talks in Riyadh ended on 24 February 2025, après three days.",
        ]
        let article = Article(
            id: "0123456789abcdef",
            contentHash: "0123456789abcdef" + String(repeating: "0", count: 48),
            title: "Talks",
            published: PublicationDate(iso8601: "2025-02-26"),
            paragraphs: paragraphs,
            origin: ArticleOrigin(path: "/in/talks.txt", format: .plainText)
        )
        let text = Array(article.text.utf8)
        func timex(_ surface: String, _ type: TimexType, _ value: String) -> TimeExpression {
            let needle = Array(surface.utf8)
            let start = (0...(text.count - needle.count)).first { text[$0..<$0 + needle.count].elementsEqual(needle) }!
            return TimeExpression(range: TextRange(start: start, end: start + needle.count), type: type, value: value)
        }
        let annotations = ArticleAnnotations(timexes: [
            timex("Friday", .date, "2025-02-28"),
            timex("24 February 2025", .date, "2025-02-24"),
            timex("three days", .duration, "P3D"),
        ])
        return StoredArticle(
            article: article,
            sources: [ArticleSource(article)],
            annotations: annotated ? annotations : nil
        )
    }

    /// `text` without ANSI escape sequences.
    static func plain(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }

    @Test func listsEachTimeExpressionWithItsParagraphTypeValueAndText() {
        let output = ShowCommand.render(Self.stored(), chrome: false, colour: false)
        let section = output.components(separatedBy: "Time expressions (3; ¶ = paragraph):\n")
        #expect(section.count == 2, "\(output)")
        #expect(
            section.last?.split(separator: "\n") == [
                "  ¶1   DATE      2025-02-28  Friday",
                "  ¶2   DATE      2025-02-24  24 February 2025",
                "  ¶2   DURATION  P3D         three days",
            ]
        )
        #expect(!output.contains("\u{1B}"))
    }

    @Test func highlightsTheSpansInTheBodyOnlyWithColour() throws {
        let stored = Self.stored()
        let coloured = ShowCommand.render(stored, chrome: false, colour: true)
        let uncoloured = ShowCommand.render(stored, chrome: false, colour: false)
        #expect(Self.plain(coloured) == uncoloured, "colour changes nothing but the styling")
        // Every span is highlighted twice: once in the body, once in the list.
        let highlighted = coloured.matches(of: /\u{1B}\[1;36m(.*?)\u{1B}\[0m/).map { String($0.output.1) }
        let surfaces = ["Friday", "24 February 2025", "three days"]
        #expect(highlighted == surfaces + surfaces)
        let body = try #require(coloured.components(separatedBy: "Time expressions").first)
        #expect(body.contains("is due on \u{1B}[1;36mFriday\u{1B}[0m."))
        #expect(body.contains("après \u{1B}[1;36mthree days\u{1B}[0m."))
    }

    @Test func saysWhenNothingIsKnownOrNothingWasFound() {
        let unknown = ShowCommand.render(Self.stored(annotated: false), chrome: false, colour: true)
        #expect(
            unknown.hasSuffix(
                "Entities, quotes and time expressions: not extracted — this article was stored by a version of "
                    + "Storyline that did not extract at ingest; run `storyline reextract` to get them."
            )
        )
        #expect(!unknown.contains("Entities:") && !unknown.contains("Quotes:"), "said once, not per kind")
        #expect(!unknown.contains("\u{1B}"))
        var empty = Self.stored()
        empty.annotations = ArticleAnnotations()
        let none = ShowCommand.render(empty, chrome: false, colour: true)
        #expect(none.hasSuffix("Entities: none found.\n\nQuotes: none found.\n\nTime expressions: none found."))
    }

    @Test func jsonCarriesUnicodeScalarOffsets() throws {
        let stored = Self.stored()
        let json = try #require(ShowJSON(stored).annotations)
        let scalars = Array(stored.article.text.unicodeScalars)
        #expect(json.timexes.map(\.text) == ["Friday", "24 February 2025", "three days"])
        for timex in json.timexes {
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: scalars[timex.start..<timex.end])
            #expect(String(surface) == timex.text)
        }
        // The byte offsets differ: the curly quotes, the dash and the accent are several bytes each.
        #expect(json.timexes[0].start < stored.annotations!.timexes[0].range.start)
        #expect(ShowJSON(Self.stored(annotated: false)).annotations == nil)
        let encoded = try JSONEncoder().encode(ShowJSON(Self.stored(annotated: false)))
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"annotations\":null"))
    }

    #if os(Linux)
        /// Runs `storyline ARGS…` with a pseudo-terminal as standard output (util-linux `script`).
        static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.arguments = ["-qec", command, "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = nil
            env.merge(environment) { $1 }
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
        func colourOnATerminalUnlessNoColorIsSet() throws {
            let dir = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let db = dir.appendingPathComponent("s.db").path
            let record = #"{"title": "T", "published": "2025-02-26", "text": "Talks resume on Friday."}"#
            #expect(try CLI.run(["ingest", "-", "--db", db], stdin: Data((record + "\n").utf8)).status == 0)
            let id = try #require(try CLI.articles(db: db).first?["id"] as? String)
            let terminal = try Self.runOnTerminal(["show", id, "--db", db])
            #expect(terminal.contains("on \u{1B}[1;36mFriday\u{1B}[0m."), "\(terminal)")
            let noColor = try Self.runOnTerminal(["show", id, "--db", db], environment: ["NO_COLOR": "1"])
            #expect(noColor.contains("Talks resume on Friday."), "\(noColor)")
            #expect(!noColor.contains("\u{1B}["))
        }
    #endif
}
