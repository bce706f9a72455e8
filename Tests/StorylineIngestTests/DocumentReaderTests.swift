import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// Format recognition by content, and whole-input failures turned into clear errors.
struct DocumentReaderTests {
    @Test(arguments: [
        ("WARC/1.0\r\nWARC-Type: warcinfo\r\n", FormatSniffer.Kind.format(.warc)),
        ("<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel>", .format(.rss)),
        ("<?xml version='1.0' encoding='utf-8'?><feed xmlns=\"http://www.w3.org/2005/Atom\">", .format(.atom)),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", .format(.rss)),
        ("\u{FEFF}<!DOCTYPE html><html lang=\"en\"><head>", .format(.html)),
        ("  \n<div class=\"story\"><p>Text</p></div>", .format(.html)),
        ("{\"text\": \"hello\"}\n{\"text\": \"again\"}", .format(.jsonl)),
        ("Ukraine updates: UK's Starmer meets Trump\nPublished February 27, 2025", .format(.plainText)),
        (" \n\t\n", .empty),
    ])
    func sniffsFormatFromContent(input: String, expected: FormatSniffer.Kind) {
        #expect(FormatSniffer.sniff(Array(input.utf8)) == expected)
    }

    @Test func gzipAndBinaryAreRecognised() {
        #expect(FormatSniffer.sniff([0x1F, 0x8B, 0x08, 0x00]) == .gzip)
        #expect(FormatSniffer.sniff([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) == .binary(offset: 4))
    }

    @Test func invalidUTF8InTextNamesTheOffset() {
        var bytes = Array("Talks resumed in Riyadh on Tuesday.".utf8)
        bytes.insert(0xFF, at: 6)
        let result = DocumentReader().read(bytes, path: "bad.txt")
        #expect(result.articles.isEmpty)
        let error = result.errors.first
        #expect(error?.code == .invalidUTF8)
        #expect(error?.message.contains("offset 6") == true)
        #expect(error?.path == "bad.txt")
    }

    @Test func oversizedDocumentIsRefused() {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: 2048)
        let result = DocumentReader(maxDocumentBytes: 1024).read(bytes, path: "big.txt")
        #expect(result.errors.first?.code == .tooLarge)
        #expect(result.errors.first?.description.contains("big.txt") == true)
    }

    @Test func gzippedJSONLIsReadThrough() throws {
        // printf '{"text":"Gzip works for JSONL inputs."}\n' | gzip -9n
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '{\"text\":\"Gzip works for JSONL inputs too.\"}\\n' | gzip -9n"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = DocumentReader().read([UInt8](data), path: "x.jsonl.gz")
        #expect(result.errors.isEmpty)
        #expect(result.articles.first?.text == "Gzip works for JSONL inputs too.")
        #expect(result.articles.first?.origin.format == .jsonl)
    }
}
