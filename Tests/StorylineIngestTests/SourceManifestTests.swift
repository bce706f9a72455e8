import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// `storyline-sources.jsonl`: what the user states about saved files, found while expanding the inputs and
/// applied to what their readers read. Real files in a temporary directory.
struct SourceManifestTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    /// A fresh directory holding `files` (name → contents), removed by the caller.
    func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("storyline-manifest-\(UUID().uuidString)")
        for (name, contents) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(contents.utf8).write(to: url)
        }
        return dir
    }

    /// Expands `paths` and reads every item as the ingest does; articles by file name.
    func ingest(_ paths: [String]) throws -> (articles: [String: Article], errors: [IngestError], items: [String]) {
        let (items, errors) = InputFiles.expand(paths)
        var articles: [String: Article] = [:]
        var all = errors
        for item in items {
            let bytes = try InputFiles.read(item.path, limit: 1 << 20)
            let result = DocumentReader().read(bytes, path: item.path, metadata: item.metadata)
            all += result.errors
            for article in result.articles { articles[(item.path as NSString).lastPathComponent] = article }
        }
        return (articles, all, items.map { ($0.path as NSString).lastPathComponent })
    }

    static let undated = """
        Talks on a ceasefire resumed in Riyadh on Tuesday, officials from both delegations said.

        The negotiators are expected to meet again next week, according to a statement.
        """

    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Ceasefire talks resume</title>
        <meta property="og:site_name" content="The Page's Own Name"></head>
        <body><article><h1>Ceasefire talks resume</h1>
        <p>Talks on a ceasefire resumed in Riyadh on Tuesday, officials from both delegations said on the record.</p>
        <p>The negotiators are expected to meet again next week, according to a statement from the host.</p>
        </article></body></html>
        """

    @Test func manifestDatesAndOutletsAreApplied() throws {
        let dir = try directory([
            "a.txt": Self.undated,
            "b.html": Self.page,
            "c.txt": "Another report without a date, as saved by the user from a page.\n",
            SourceManifest.fileName: """
            {"file": "a.txt", "published": "2025-02-27", "outlet": "Kyiv Independent", "url": "https://kyivindependent.com/a", "title": "Talks resume"}
            {"file": "b.html", "published": "2025-02-28T09:30:00+02:00", "outlet": "Reuters"}

            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (articles, errors, items) = try ingest([dir.path])
        #expect(errors.isEmpty, "\(errors)")
        #expect(items == ["a.txt", "b.html", "c.txt"])

        let a = try #require(articles["a.txt"])
        #expect(a.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(a.outlet == "Kyiv Independent")
        #expect(a.url == "https://kyivindependent.com/a")
        #expect(a.title == "Talks resume")

        // The manifest's fields replace the page's; the fields it omits keep the reader's values.
        let b = try #require(articles["b.html"])
        #expect(
            b.published
                == PublicationDate(year: 2025, month: 2, day: 28, hour: 9, minute: 30, second: 0, utcOffsetMinutes: 120)
        )
        #expect(b.outlet == "Reuters")
        #expect(b.title == "Ceasefire talks resume")

        // A file the manifest does not describe is read as it is.
        let c = try #require(articles["c.txt"])
        #expect(c.published == nil && c.outlet == nil)

        // The body is the file's alone: same text, content hash and id as without the manifest.
        let alone = DocumentReader().read(Array(Self.undated.utf8), path: dir.appendingPathComponent("a.txt").path)
        let plain = try #require(alone.articles.first)
        #expect(plain.published == nil && plain.outlet == nil)
        #expect(a.paragraphs == plain.paragraphs)
        #expect(a.contentHash == plain.contentHash)
        #expect(a.id == plain.id)

        // Reading the directory again gives the same articles.
        let again = try ingest([dir.path])
        #expect(again.articles == articles)
    }

    @Test func manifestIsNeverAnInput() throws {
        let dir = try directory([
            "a.txt": Self.undated,
            "sub/storyline-sources.jsonl": "{\"file\": \"x.txt\"}\n",
            "sub/x.txt": "A report saved in a sub-directory, with no date of its own in the text.\n",
            SourceManifest.fileName: "{\"file\": \"a.txt\", \"published\": \"2025-03-01\"}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }

        // Walking: the manifests (read as JSONL they would be articles or errors) are not items.
        let walked = InputFiles.expand([dir.path])
        #expect(walked.errors.isEmpty, "\(walked.errors)")
        #expect(walked.items.map { ($0.path as NSString).lastPathComponent }.sorted() == ["a.txt", "x.txt"])

        // Given by path: the manifest alone is no input; a file given with the manifest beside it is described.
        let manifest = dir.appendingPathComponent(SourceManifest.fileName).path
        let onlyManifest = InputFiles.expand([manifest])
        #expect(onlyManifest.items.isEmpty && onlyManifest.errors.isEmpty)
        let sibling = InputFiles.expand([dir.appendingPathComponent("a.txt").path])
        #expect(sibling.errors.isEmpty)
        #expect(sibling.items.count == 1)
        #expect(sibling.items.first?.metadata?.published == PublicationDate(year: 2025, month: 3, day: 1))
        // The same manifest reached twice (given and beside a given file) is read once.
        let both = InputFiles.expand([manifest, dir.appendingPathComponent("./a.txt").path, dir.path])
        #expect(both.errors.isEmpty)
        #expect(both.items.filter { $0.metadata != nil }.count == 2, "a.txt as given and as walked")
    }

    @Test func badLinesAreReportedWithPathAndLineAndTheRestIsIngested() throws {
        let dir = try directory([
            "a.txt": Self.undated,
            "b.txt": "A second saved report, with no date or outlet stated anywhere in its text.\n",
            "c.txt": "A third saved report, which the manifest tries to date but gets the date wrong.\n",
            SourceManifest.fileName: """
            {"file": "a.txt", "published": "2025-02-27", "outlet": "Kyiv Independent"}
            this is not JSON
            {"published": "2025-02-28", "outlet": "Reuters"}
            {"file": "c.txt", "published": "27/02/2025"}
            {"file": "../outside.txt"}
            {"file": "/etc/hosts"}
            {"file": "b.txt", "outlet": 7}
            ["b.txt"]
            {"file": "a.txt", "outlet": "Someone Else"}
            {"file": "b.txt", "outlet": "The Guardian"}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent(SourceManifest.fileName).path
        let (articles, errors, items) = try ingest([dir.path])

        #expect(items == ["a.txt", "b.txt", "c.txt"], "every file is still read")
        #expect(errors.allSatisfy { $0.path == manifest }, "\(errors)")
        let byLine = Dictionary(uniqueKeysWithValues: errors.map { ($0.location ?? "", $0) })
        #expect(
            byLine.keys.sorted() == ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"]
        )
        #expect(byLine["line 2"]?.code == .malformedJSON)
        #expect(byLine["line 2"]?.message.contains("\"this is not JSON\"") == true)
        #expect(byLine["line 3"]?.message.contains("\"file\"") == true)
        #expect(byLine["line 4"]?.message.contains("\"27/02/2025\"") == true)
        #expect(byLine["line 5"]?.message.contains("../outside.txt") == true)
        #expect(byLine["line 6"]?.message.contains("/etc/hosts") == true)
        #expect(byLine["line 7"]?.message.contains("\"outlet\" must be a string") == true)
        #expect(byLine["line 9"]?.message.contains("already described on line 1") == true)
        // The messages say where: "…/storyline-sources.jsonl (line 4): …".
        #expect(byLine["line 4"]?.description.hasPrefix(manifest + " (line 4): ") == true)

        // The good lines apply; a bad line's file keeps what its reader found.
        #expect(articles["a.txt"]?.outlet == "Kyiv Independent", "the first description of a.txt stands")
        #expect(articles["a.txt"]?.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(articles["b.txt"]?.outlet == "The Guardian")
        #expect(articles["c.txt"]?.published == nil)
    }

    @Test func unknownFileIsReported() throws {
        let dir = try directory([
            "a.txt": Self.undated,
            "folder/b.txt": "A report saved one directory down, undated in its text like the others here.\n",
            SourceManifest.fileName: """
            {"file": "a.txt", "outlet": "Reuters"}
            {"file": "missing.txt", "published": "2025-02-27"}
            {"file": "folder", "published": "2025-02-27"}
            {"file": "folder/b.txt", "published": "2025-02-26"}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent(SourceManifest.fileName).path
        let (articles, errors, _) = try ingest([dir.path])
        #expect(errors.count == 2, "\(errors)")
        let missing = try #require(errors.first)
        #expect(missing.code == .unknownFile)
        #expect(missing.path == manifest)
        #expect(missing.location == "line 2")
        #expect(missing.message.contains("\"missing.txt\""))
        #expect(errors.last?.location == "line 3")
        #expect(errors.last?.message.contains("a directory") == true)
        #expect(articles["a.txt"]?.outlet == "Reuters")
        #expect(
            articles["b.txt"]?.published == PublicationDate(year: 2025, month: 2, day: 26),
            "a path below the directory"
        )
    }

    @Test func manifestDateWinsOverTheTextsOwnDateHeader() throws {
        let text =
            "date 2025-02-28 WASHINGTON — President Donald Trump said on Thursday that a minerals deal was close.\n"
        let dir = try directory([
            "wire.txt": text,
            SourceManifest.fileName: "{\"file\": \"wire.txt\", \"published\": \"2025-03-01\"}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wire.txt").path
        // The reader alone takes the header's date…
        let alone = try #require(DocumentReader().read(Array(text.utf8), path: path).articles.first)
        #expect(alone.published == PublicationDate(year: 2025, month: 2, day: 28))
        // …and the user's statement replaces it; the body is unchanged.
        let (articles, errors, _) = try ingest([path])
        #expect(errors.isEmpty)
        let stated = try #require(articles["wire.txt"])
        #expect(stated.published == PublicationDate(year: 2025, month: 3, day: 1))
        #expect(stated.dateline == "WASHINGTON")
        #expect(stated.contentHash == alone.contentHash)
    }

    @Test func nearerManifestWinsFieldByField() throws {
        let dir = try directory([
            "2025/a.txt": Self.undated,
            "2025/storyline-sources.jsonl": "{\"file\": \"a.txt\", \"published\": \"2025-02-27\"}\n",
            SourceManifest.fileName: "{\"file\": \"2025/a.txt\", \"published\": \"2024-01-01\", \"outlet\": \"AP\"}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (articles, errors, _) = try ingest([dir.path])
        #expect(errors.isEmpty)
        #expect(articles["a.txt"]?.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(articles["a.txt"]?.outlet == "AP")
    }

    @Test func liveBlogTimeStampsTakeTheStatedDay() throws {
        let blog = """
            Ukraine live: talks continue in Riyadh

            15:21
            Delegations returned to the table after a break, officials from both sides said this afternoon.

            16:05
            A joint statement is expected later this evening, according to a spokesperson for the hosts.
            """
        let dir = try directory([
            "blog.txt": blog,
            SourceManifest.fileName: "{\"file\": \"blog.txt\", \"published\": \"2025-08-14\"}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (articles, _, _) = try ingest([dir.path])
        let article = try #require(articles["blog.txt"])
        #expect(article.liveBlogEntries.count == 2)
        #expect(
            article.liveBlogEntries.first?.timestamp
                == PublicationDate(year: 2025, month: 8, day: 14, hour: 15, minute: 21)
        )
    }

    // MARK: The example corpus

    @Test func exampleCorpusManifestDatesTheArticlesTheReaderLeavesUndated() throws {
        let (items, errors) = InputFiles.expand([Self.corpus.path])
        #expect(errors.isEmpty, "\(errors)")
        #expect(items.count == 5, "the manifest is not an article")
        let dates = Dictionary(
            uniqueKeysWithValues: items.map {
                (($0.path as NSString).lastPathComponent, $0.metadata?.published?.iso8601)
            }
        )
        #expect(
            dates == [
                "000_89fc080949aaadfc.txt": "2025-02-27", "001_7bab49cd3b03e6d8.txt": "2025-02-27",
                "002_12acf4030be661a4.txt": "2025-02-28", "003_700af1b1d028a35e.txt": "2025-08-14",
                "004_a1818fcdcc1e5877.txt": "2025-03-03",
            ]
        )
        #expect(items.allSatisfy { $0.metadata?.outlet == nil && $0.metadata?.url == nil })

        // 001 states no date: the reader invents none (PlainTextReaderTests); the date is the user's.
        let item = try #require(items.first { $0.path.hasSuffix("001_7bab49cd3b03e6d8.txt") })
        let bytes = try InputFiles.read(item.path, limit: 1 << 20)
        let alone = try #require(DocumentReader().read(bytes, path: item.path).articles.first)
        #expect(alone.published == nil)
        let stated = try #require(DocumentReader().read(bytes, path: item.path, metadata: item.metadata).articles.first)
        #expect(stated.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(stated.id == alone.id)

        // 003's time-stamped entries (15:21…) now have a day.
        let blogItem = try #require(items.first { $0.path.hasSuffix("003_700af1b1d028a35e.txt") })
        let blogBytes = try InputFiles.read(blogItem.path, limit: 1 << 20)
        let blog = try #require(
            DocumentReader().read(blogBytes, path: blogItem.path, metadata: blogItem.metadata).articles.first
        )
        let stamped = blog.liveBlogEntries.filter { $0.timeText != nil }
        #expect(!stamped.isEmpty)
        #expect(stamped.allSatisfy { $0.timestamp?.dateOnly == PublicationDate(year: 2025, month: 8, day: 14) })
    }
}
