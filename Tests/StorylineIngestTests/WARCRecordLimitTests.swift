import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// A `.warc.gz` member that decodes past ``WARCReader/maxRecordBytes`` (a gzip bomb, a video) is never held whole:
/// it is skipped, reported when it could have been a page, and the records after it are read. The end-to-end test with
/// a member of 5 GiB is `HostileInputTests.aGzipBombInAWARCIsSkippedAndTheRestOfTheArchiveRead`.
struct WARCRecordLimitTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/warc/\(name)")))
    }

    @Test func aRecordOverTheLimitIsSkippedAndTheNextOnesRead() throws {
        // bomb.warc.gz: an article (record 1), an 8 MiB gzip-bomb HTTP body (2), a 3 MB page (3), an article (4).
        let result = try WARCReader(maxRecordBytes: 2 << 20).read(Self.fixture("bomb.warc.gz"), path: "bomb.warc.gz")
        #expect(result.articles.map(\.origin.record) == [1, 4])
        #expect(result.errors.map(\.location) == ["record 2", "record 3"])
        let error = try #require(result.errors.last)
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("https://harbourgazette.example/huge"), "\(error.message)")
        #expect(error.message.contains("2 MiB") || error.message.contains("2.0 MiB"), "\(error.message)")
    }

    @Test func recordsThatCannotBePagesAreSkippedSilently() throws {
        // news.warc.gz with a limit below its larger records: requests, metadata, the JPEG and the redirect are
        // dropped without a word; only pages over the limit are reported.
        let bytes = try Self.fixture("news.warc.gz")
        let full = try WARCReader().read(bytes, path: nil)
        let limited = try WARCReader(maxRecordBytes: 700).read(bytes, path: nil)
        #expect(limited.articles.count + limited.errors.count <= full.articles.count)
        #expect(limited.errors.allSatisfy { $0.code == .tooLarge }, "\(limited.errors)")
        let reported = Set(limited.errors.compactMap(\.location))
        let read = Set(limited.articles.compactMap { $0.origin.record.map { "record \($0)" } })
        #expect(reported.union(read) == Set(full.articles.compactMap { $0.origin.record.map { "record \($0)" } }))
    }

    @Test func theStartOfARecordSaysWhetherItCouldHoldAPage() {
        func head(_ type: String, _ http: String) -> [UInt8] {
            Array("WARC/1.0\r\nWARC-Type: \(type)\r\nContent-Length: 99999999\r\n\r\n\(http)".utf8)
        }
        #expect(WARCReader.couldHoldAPage(head("response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")))
        #expect(WARCReader.couldHoldAPage(head("response", "HTTP/1.1 200 OK\r\n\r\n")))
        #expect(!WARCReader.couldHoldAPage(head("response", "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n")))
        #expect(
            !WARCReader.couldHoldAPage(head("response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n"))
        )
        #expect(!WARCReader.couldHoldAPage(head("resource", "")))
        #expect(WARCReader.couldHoldAPage(Array("WARC/1.0\r\nWARC-Ty".utf8)), "an unreadable head is reported")
    }
}
