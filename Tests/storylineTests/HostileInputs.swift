import CZlib
import Foundation

/// Generators of the hostile inputs of ``HostileInputTests``, made in the test (the large ones would not fit in the
/// repository) and of the good inputs they are put among.
enum HostileInputs {
    /// Three good inputs (a text file, a JSONL file of two records, an HTML page): four articles, with these titles.
    static let goodTitles = [
        "Harbour council approves sea wall repairs", "Ferry timetable changes for the winter",
        "Port strike enters its third day", "Lifeboat crew honoured for rescue",
    ]

    static func writeGoodInputs(to dir: URL) throws {
        try """
        \(goodTitles[0])

        date 2025-02-27

        The council of Northline approved repairs to the harbour wall on Tuesday, Mayor Anna Berg said. \
        "The wall has protected this town for a century and it will for another," Berg told reporters.
        Work is due to start in March and last six months.
        """.write(to: dir.appendingPathComponent("good-1.txt"), atomically: true, encoding: .utf8)
        let records: [[String: Any]] = [
            [
                "id": "good-2a", "title": goodTitles[1], "published": "2025-02-26", "source": "Northline Post",
                "text": "Northline Ferries will run four crossings a day from Monday, the company said on Wednesday. "
                    + "Its director, Tom Hale, said demand had fallen since October.",
            ],
            [
                "id": "good-2b", "title": goodTitles[2], "published": "2025-02-25", "source": "Quayside Times",
                "text": "Dockworkers at the Port of Northline walked out for a third day on Tuesday. "
                    + "\"We will stay out until the port talks to us,\" union leader Maria Costa said.",
            ],
        ]
        try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("good-2.jsonl"), atomically: true, encoding: .utf8)
        try page(
            title: goodTitles[3],
            paragraphs: [
                "The crew of the Northline lifeboat were honoured on Saturday for the rescue of two fishermen in January.",
                "Coxswain Peter Lund said the crew had trained for years for a night like that one.",
            ]
        ).write(to: dir.appendingPathComponent("good-3.html"), atomically: true, encoding: .utf8)
    }

    /// A small news page.
    static func page(title: String, paragraphs: [String]) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title>
        <meta property="og:site_name" content="Harbour Gazette">
        <meta property="article:published_time" content="2025-02-27T09:00:00Z"></head>
        <body><article><h1>\(title)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article></body></html>
        """
    }

    // MARK: WARC with a gzip bomb

    /// One WARC record with the given fields and block.
    static func warcRecord(type: String, uri: String?, contentType: String, blockLength: Int) -> [UInt8] {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header +=
            "WARC-Date: 2025-02-27T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(blockLength)\r\n\r\n"
        return Array(header.utf8)
    }

    /// A complete response record holding `html` as a 200 text/html answer.
    static func responseRecord(uri: String, html: String) -> [UInt8] {
        let body = Array(html.utf8)
        let block =
            Array(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n"
                    .utf8
            )
            + body
        return warcRecord(
            type: "response",
            uri: uri,
            contentType: "application/http; msgtype=response",
            blockLength: block.count
        ) + block + Array("\r\n\r\n".utf8)
    }

    /// A `.warc.gz`: a warcinfo record, a page, a response record whose gzip member inflates to `bombBytes` (its
    /// HTML body is that many zeros: a few MB on disk) and another page, each record one gzip member.
    static func gzipBombWARC(bombBytes: Int) throws -> [UInt8] {
        let info = Array("software: storyline tests\r\n".utf8)
        var file = try gzip(
            warcRecord(type: "warcinfo", uri: nil, contentType: "application/warc-fields", blockLength: info.count)
                + info + Array("\r\n\r\n".utf8)
        )
        file += try gzip(
            responseRecord(
                uri: "https://harbourgazette.example/before",
                html: page(
                    title: "Before the bomb",
                    paragraphs: [
                        "The harbour master said on Monday that the new pier would open in April after two years of work."
                    ]
                )
            )
        )
        let head = Array(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(bombBytes)\r\n\r\n".utf8
        )
        let prefix =
            warcRecord(
                type: "response",
                uri: "https://harbourgazette.example/bomb",
                contentType: "application/http; msgtype=response",
                blockLength: head.count + bombBytes
            ) + head
        file += try gzipMember(prefix: prefix, zeros: bombBytes, suffix: Array("\r\n\r\n".utf8))
        file += try gzip(
            responseRecord(
                uri: "https://harbourgazette.example/after",
                html: page(
                    title: "After the bomb",
                    paragraphs: [
                        "Fishermen in Northline said on Tuesday that the cod catch was the best in a decade."
                    ]
                )
            )
        )
        return file
    }

    /// One gzip member of `data`.
    static func gzip(_ data: [UInt8]) throws -> [UInt8] {
        try gzipMember(prefix: data, zeros: 0, suffix: [])
    }

    /// One gzip member of `prefix`, `zeros` zero bytes and `suffix`, made in time and memory independent of `zeros`:
    /// a megabyte of zeros compressed after a full flush is the same bytes every time, so it is compressed once and
    /// repeated, and the trailer's CRC-32 is combined arithmetically.
    static func gzipMember(prefix: [UInt8], zeros: Int, suffix: [UInt8]) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // windowBits 31: a gzip wrapper.
        guard
            deflateInit2_(
                stream,
                9,
                Z_DEFLATED,
                31,
                9,
                Z_DEFAULT_STRATEGY,
                zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)
            ) == Z_OK
        else { throw CLIError("deflateInit2 failed") }
        func deflateAll(_ input: [UInt8], _ flush: Int32) throws -> [UInt8] {
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var input = input
            try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                repeat {
                    let status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                        stream.pointee.next_out = outBuffer.baseAddress
                        stream.pointee.avail_out = UInt32(outBuffer.count)
                        return deflate(stream, flush)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw CLIError("deflate failed: \(status)")
                    }
                    output += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
                } while stream.pointee.avail_out == 0
            }
            return output
        }
        let megabyte = 1 << 20
        var member = try deflateAll(prefix, Z_FULL_FLUSH)
        var crc = prefix.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        let zeroBlock = [UInt8](repeating: 0, count: megabyte)
        let zeroCRC = zeroBlock.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        var left = zeros
        if left >= megabyte {
            let first = try deflateAll(zeroBlock, Z_FULL_FLUSH)
            let repeated = try deflateAll(zeroBlock, Z_FULL_FLUSH)
            guard first == repeated else { throw CLIError("deflate output after a full flush is not repeatable") }
            member += first + repeated
            crc = crc32_combine(crc, zeroCRC, off_t(megabyte))
            crc = crc32_combine(crc, zeroCRC, off_t(megabyte))
            left -= 2 * megabyte
            while left >= megabyte {
                member += repeated
                crc = crc32_combine(crc, zeroCRC, off_t(megabyte))
                left -= megabyte
            }
        }
        let rest = [UInt8](repeating: 0, count: left) + suffix
        member += try deflateAll(rest, Z_FINISH)
        crc = crc32_combine(
            crc,
            rest.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) },
            off_t(rest.count)
        )
        // The trailer zlib wrote counts only the bytes it saw: put the whole member's CRC-32 and length in.
        let size = UInt32(truncatingIfNeeded: prefix.count + zeros + suffix.count)
        member.removeLast(8)
        for value in [UInt32(crc), size] {
            for shift in stride(from: 0, to: 32, by: 8) { member.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return member
    }

    // MARK: Feeds

    /// An RSS feed whose DTD declares `declarations` and whose second item's description is `entityText`; the
    /// first and third items are ordinary.
    static func feed(declarations: String, entityText: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rss [
        \(declarations)
        ]>
        <rss version="2.0"><channel><title>Hostile Feed</title><link>https://hostile.example/</link>
        <item><title>Harbour wall inspection finds cracks</title><link>https://hostile.example/1</link>
        <pubDate>Thu, 27 Feb 2025 09:00:00 GMT</pubDate>
        <description>Engineers inspecting the harbour wall in Northline found three new cracks on Thursday.</description>
        </item>
        <item><title>Entity item</title><link>https://hostile.example/2</link>
        <pubDate>Thu, 27 Feb 2025 10:00:00 GMT</pubDate>
        <description>Text before the entity. \(entityText) Text after the entity.</description></item>
        <item><title>Council meets on Friday</title><link>https://hostile.example/3</link>
        <pubDate>Thu, 27 Feb 2025 11:00:00 GMT</pubDate>
        <description>The Northline council will meet on Friday to discuss the cost of the repairs.</description>
        </item>
        </channel></rss>
        """
    }

    /// "Billion laughs": ten levels of ten references, 10^9 "lol"s if expanded.
    static let billionLaughs: String = {
        var lines = ["<!ENTITY lol \"lol\">"]
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lines.append("<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">")
        }
        return lines.joined(separator: "\n")
    }()

    // MARK: Text

    /// An HTML page whose article paragraph sits inside `depth` nested `<div>`s.
    static func deeplyNested(depth: Int) -> [UInt8] {
        var page = Array("<!DOCTYPE html><html><head><title>Deep page</title></head><body>".utf8)
        page.reserveCapacity(depth * 11 + 512)
        for _ in 0..<depth { page += Array("<div>".utf8) }
        page += Array(
            "<p>The Northline harbour board met on Monday and agreed to raise mooring fees by five per cent.</p>".utf8
        )
        for _ in 0..<depth { page += Array("</div>".utf8) }
        page += Array("</body></html>".utf8)
        return page
    }
}
