import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// The WARC reader on a small crawl made by `Fixtures/warc/make_fixtures.py` (its docstring lists the records)
/// and on damaged copies of it.
struct WARCReaderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/warc/\(name)")))
    }

    func read(_ name: String, limit: Int = 4 << 30) throws -> ReadResult {
        try WARCReader(maxDecompressedBytes: limit).read(Self.fixture(name), path: name)
    }

    static let harbourURL = "https://harbourgazette.example/2025/02/27/council-approves-harbour-wall-repairs/"

    @Test(arguments: ["news.warc.gz", "news.warc"])
    func readsOnlySuccessfulHTMLResponses(name: String) throws {
        let result = try read(name)
        #expect(result.errors.isEmpty, "\(result.errors)")
        // warcinfo, requests, metadata, the 301, robots.txt, the revisit, the JPEG and the 404 are skipped.
        #expect(result.articles.map(\.origin.record) == [2, 5, 9, 10, 13])
        #expect(
            result.articles.map(\.url) == [
                Self.harbourURL,
                "https://www.northline.example/2025/02/27/port-strike-third-day",
                "https://www.quaysidetimes.example/news/cafe-owners-fight-closure",
                "https://news.example.net/2025/02/27/ferry-timetable",
                "https://harbourgazette.example/2025/02/26/lifeboat-crew-honoured/",
            ]
        )
        #expect(result.articles.allSatisfy { $0.origin.format == .warc && $0.origin.path == name })
    }

    @Test func keepsRecordIDDateAndBody() throws {
        let result = try read("news.warc.gz")
        let harbour = try #require(result.articles.first)
        #expect(harbour.origin.externalID == "<urn:uuid:c02dd300-1e6b-540f-88af-2b906f4b8721>")
        #expect(harbour.origin.retrieved?.iso8601 == "2025-02-27T16:00:01Z")
        #expect(
            harbour.paragraphs.contains {
                $0.hasPrefix("Councillors voted nine to two on Wednesday night to fund emergency repairs")
            }
        )
        #expect(
            harbour.paragraphs.contains(
                "\u{201C}This is a once in a generation repair,\u{201D} said council leader Mary Penrose."
            )
        )
        #expect(!harbour.text.contains("Subscribe"), "navigation is not body text")
    }

    @Test func decodesChunkedGzipBody() throws {
        let result = try read("news.warc.gz")
        let strike = try #require(result.articles.first { $0.origin.record == 5 })
        #expect(strike.origin.retrieved?.iso8601 == "2025-02-27T16:00:03Z")
        #expect(
            strike.paragraphs.contains {
                $0.hasPrefix("Dockworkers at the Port of Northline walked out for a third day on Thursday")
            }
        )
        #expect(strike.text.contains("supermarket shelves could be affected within a week"))
    }

    @Test func usesTheCharsetFromContentType() throws {
        let result = try read("news.warc.gz")
        let cafe = try #require(result.articles.first { $0.origin.record == 9 })
        #expect(
            cafe.paragraphs.contains {
                $0.hasPrefix("\u{201C}We will not be moved,\u{201D} said the café owner, Renée Dubois")
            },
            "\(cafe.paragraphs)"
        )
        #expect(cafe.text.contains("The landlord\u{2019}s agent declined to comment \u{2013} for now."))
    }

    @Test func sniffsHTMLWithoutContentTypeAndInflatesRawDeflate() throws {
        let result = try read("news.warc.gz")
        let ferry = try #require(result.articles.first { $0.origin.record == 10 })
        #expect(ferry.text.contains("The island ferry will run every forty minutes from March"))
        let lifeboat = try #require(result.articles.first { $0.origin.record == 13 })
        #expect(lifeboat.text.contains("They saved four fishermen whose trawler lost power two miles offshore."))
    }

    @Test func plainAndCompressedCopiesGiveTheSameArticles() throws {
        #expect(
            try read("news.warc").articles
                == read("news.warc.gz").articles.map { article in
                    var copy = article
                    copy.origin.path = "news.warc"
                    return copy
                }
        )
    }

    @Test func truncatedGzipMemberKeepsEverythingBefore() throws {
        let result = try read("truncated.warc.gz")
        #expect(result.articles.map(\.origin.record) == [2, 5])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .compression)
        #expect(error.location == "record 9")
        #expect(error.message.hasPrefix("truncated gzip member at byte 3981"), "\(error.message)")
        #expect(error.description.hasPrefix("truncated.warc.gz (record 9): truncated gzip member at byte 3981"))
    }

    @Test func corruptGzipMemberIsSkippedAndReadingResumes() throws {
        let result = try read("corrupt-member.warc.gz")
        #expect(result.articles.map(\.origin.record) == [2, 9, 10, 13])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .compression)
        #expect(error.location == "record 5")
        #expect(error.message.hasPrefix("corrupt gzip member at byte 2134"), "\(error.message)")
    }

    @Test func truncatedPlainRecordIsAnError() throws {
        let result = try read("truncated-record.warc")
        #expect(result.articles.map(\.origin.record) == [2])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .malformedWARC)
        #expect(error.location == "record 3")
        #expect(error.message.contains("Content-Length 9"), "\(error.message)")
        #expect(error.message.contains("remain"))
    }

    @Test func decompressionBombsAreRefused() throws {
        let result = try read("bomb.warc.gz", limit: 1 << 20)
        #expect(result.articles.map(\.origin.record) == [1])
        #expect(result.errors.map(\.code) == [.tooLarge, .tooLarge])
        #expect(result.errors.map(\.location) == ["record 2", "record 3"])
        #expect(result.errors[0].message.contains("https://harbourgazette.example/bomb"), "\(result.errors[0].message)")
        // With room to spare the 3 MB page is read, and the bomb body is still over the limit.
        let roomy = try read("bomb.warc.gz", limit: 6 << 20)
        #expect(roomy.articles.map(\.origin.record) == [1, 3, 4])
        #expect(roomy.errors.map(\.location) == ["record 2"])
    }

    @Test func binaryAndOversizedBodiesNeverReachTheHTMLParser() throws {
        // Default limits: the bomb body (8 MiB of zeros labelled text/html) is refused as binary.
        let result = try WARCReader().read(Self.fixture("bomb.warc.gz"), path: "bomb.warc.gz")
        #expect(result.articles.map(\.origin.record) == [1, 3, 4])
        #expect(result.errors.map(\.code) == [.binary])
        #expect(result.errors.first?.message.contains("https://harbourgazette.example/bomb") == true)
        // A page limit of 1 MiB refuses the 3 MB page too, and the bomb before it is decoded.
        let small = try WARCReader(maxPageBytes: 1 << 20).read(Self.fixture("bomb.warc.gz"), path: nil)
        #expect(small.articles.map(\.origin.record) == [1, 4])
        #expect(small.errors.map(\.code) == [.tooLarge, .tooLarge])
    }

    @Test func notAWARCFileThrows() throws {
        let error = try #require(throws: IngestError.self) {
            try WARCReader().read(Array("<html><body>hi</body></html>".utf8), path: "page.html")
        }
        #expect(error.code == .malformedWARC)
        #expect(error.message.contains("not a WARC file"))
        #expect(error.message.contains("<html>"))
    }

    @Test func headerNamesAreCaseInsensitiveAndContinuationsJoined() throws {
        let header =
            "WARC/1.1\r\nwarc-type: Response\r\nWARC-TARGET-URI: https://a.example/x\r\n"
            + "X-Long: one\r\n two\r\ncontent-length: 0\r\n\r\n"
        let parsed = Array(header.utf8).withUnsafeBytes { WARCRecordHeader.parse($0, at: 0) }
        guard case .header(let record, let blockStart) = parsed else {
            Issue.record("not parsed: \(parsed)")
            return
        }
        #expect(record.type == "response")
        #expect(record.targetURI == "https://a.example/x")
        #expect(record.value("x-long") == "one two")
        #expect(record.contentLength == 0)
        #expect(blockStart == header.utf8.count)
    }

    @Test func dechunkStopsAtTheLastChunkAndLeavesUnchunkedBodiesAlone() {
        let body = Array("5;ext=1\r\nHello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n".utf8)
        #expect(HTTPBody.dechunk(body).map { String(decoding: $0, as: UTF8.self) } == "Hello, world")
        #expect(HTTPBody.dechunk(Array("<html>".utf8)) == nil)
    }
}
