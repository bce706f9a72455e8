import Foundation
import Testing

@testable import StorylineIngest

/// gzip / zlib / raw deflate decoding, including the failures a user meets: truncation, corruption, bombs.
struct GzipTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/warc/\(name)")))
    }

    static let ferryText = String(
        repeating: "Dockworkers at the Port of Northline walked out for a third day. ",
        count: 20
    )

    @Test func decompressesEveryMember() throws {
        let output = try Gzip.decompress(Self.fixture("multi-member.gz"), limit: 1 << 20)
        #expect(String(decoding: output, as: UTF8.self) == "Hello, world!\n")
    }

    @Test func ignoresTrailingZeroPadding() throws {
        let output = try Gzip.decompress(Self.fixture("multi-member.gz") + [0, 0, 0, 0], limit: 1 << 20)
        #expect(String(decoding: output, as: UTF8.self) == "Hello, world!\n")
    }

    @Test func truncatedDataSaysWhere() throws {
        let bytes = try Self.fixture("truncated.gz")
        let error = try #require(throws: IngestError.self) { try Gzip.decompress(bytes, limit: 1 << 20) }
        #expect(error.code == .compression)
        #expect(error.message.contains("truncated at byte \(bytes.count)"), "\(error.message)")
        #expect(error.message.contains("member 1 starting at byte 27"), "\(error.message)")
    }

    @Test func corruptDataIsACompressionError() throws {
        var bytes = try Self.fixture("multi-member.gz")
        bytes[12] ^= 0xFF
        bytes[13] ^= 0xFF
        let error = try #require(throws: IngestError.self) { try Gzip.decompress(bytes, limit: 1 << 20) }
        #expect(error.code == .compression)
        #expect(error.message.hasPrefix("corrupt gzip data at byte"), "\(error.message)")
        #expect(error.cause != nil, "zlib's reason is kept")
    }

    @Test func garbageAfterAMemberIsReported() throws {
        let bytes = try Self.fixture("multi-member.gz") + Array("junk".utf8)
        let error = try #require(throws: IngestError.self) { try Gzip.decompress(bytes, limit: 1 << 20) }
        #expect(error.code == .compression)
        #expect(error.message == "unexpected bytes 6a 75 6e 6b after gzip member 2 at byte 54")
    }

    @Test func gzipBombIsRefusedAtTheLimit() throws {
        let bomb = try Self.fixture("bomb.gz")
        #expect(bomb.count < 20_000)
        let error = try #require(throws: IngestError.self) { try Gzip.decompress(bomb, limit: 1 << 20) }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("limit of 1048576 bytes"), "\(error.message)")
        // The same data under a generous limit decodes fully.
        #expect(try Gzip.decompress(bomb, limit: 32 << 20).count == 16 << 20)
    }

    @Test func inflateAcceptsZlibAndRawDeflate() throws {
        for name in ["deflate-zlib.bin", "deflate-raw.bin"] {
            let output = try Gzip.inflate(Self.fixture(name), limit: 1 << 20)
            #expect(String(decoding: output, as: UTF8.self) == Self.ferryText, "\(name)")
        }
        #expect(try Gzip.inflate([], limit: 10).isEmpty)
    }

    @Test func inflateTruncatedAndTooLarge() throws {
        let raw = try Self.fixture("deflate-raw.bin")
        let truncated = try #require(throws: IngestError.self) {
            try Gzip.inflate(Array(raw.prefix(30)), limit: 1 << 20)
        }
        #expect(truncated.code == .compression)
        #expect(truncated.message == "deflate data truncated at byte 30")
        let large = try #require(throws: IngestError.self) { try Gzip.inflate(raw, limit: 100) }
        #expect(large.code == .tooLarge)
    }

    @Test func emptyInputIsTruncated() throws {
        let error = try #require(throws: IngestError.self) { try Gzip.decompress([], limit: 10) }
        #expect(error.code == .compression)
        #expect(error.message.contains("truncated at byte 0"))
    }
}
