import StorylineCore

extension WARCReader {
    /// The state of one ``WARCReader/read(_:path:)`` call: what was read so far, the record index and the
    /// decompression budget left.
    struct Session {
        let path: String?
        var result = ReadResult()
        /// The index of the record being read, 0-based, counting every record of the file.
        var index = 0
        /// Bytes decompression may still produce.
        var budget: Int
        /// The largest decoded page.
        let maxPageBytes: Int

        init(path: String?, budget: Int, maxPageBytes: Int) {
            self.path = path
            self.budget = budget
            self.maxPageBytes = maxPageBytes
        }

        /// The error for an input whose first bytes are not a WARC record header.
        func notAWARCFile(_ reason: String) -> IngestError {
            IngestError(.malformedWARC, "not a WARC file: \(reason)", path: path, location: "byte 0")
        }

        /// Records an error located at the current record.
        mutating func fail(_ code: IngestError.Code, _ message: String, cause: String? = nil) {
            result.errors.append(IngestError(code, message, path: path, location: "record \(index)", cause: cause))
        }

        /// Reads one record's block: a 2xx HTML response becomes an article; anything else is skipped.
        mutating func process(_ header: WARCRecordHeader, block: UnsafeRawBufferPointer) {
            guard header.type == "response" else { return }
            if let type = header.value("content-type")?.lowercased(), !type.isEmpty,
                !type.hasPrefix("application/http")
            {
                return  // e.g. a DNS lookup stored as a response record
            }
            guard let response = HTTPResponse(parsing: block) else {
                let shown = String(decoding: block.prefix(60), as: UTF8.self)
                fail(.malformedWARC, "response record holds no HTTP response: found \(IngestError.quote(shown))")
                return
            }
            guard (200..<300).contains(response.status) else { return }
            let mediaType = response.mediaType
            if let mediaType, mediaType != "text/html" && mediaType != "application/xhtml+xml" { return }
            let uri = header.targetURI
            let body: [UInt8]
            do {
                let limit = min(budget, maxPageBytes)
                body = try HTTPBody.decode(
                    Array(block[response.bodyRange]),
                    transferEncoding: response.value("transfer-encoding"),
                    contentEncoding: response.value("content-encoding"),
                    limit: limit
                )
                if response.value("content-encoding") != nil { budget -= body.count }
            } catch let error as IngestError {
                // Offsets inside the HTTP body are not offsets into the file: the message keeps them.
                var error = error
                error.path = path
                error.location = "record \(index)"
                error.message += " in the HTTP body" + (uri.map { " of \(IngestError.quote($0, limit: 200))" } ?? "")
                result.errors.append(error)
                return
            } catch {
                fail(.compression, "cannot decode the body: \(error)")
                return
            }
            if mediaType == nil && !HTTPBody.sniffsAsHTML(body) { return }
            guard body.count <= maxPageBytes else {
                fail(
                    .tooLarge,
                    "the page" + (uri.map { " \(IngestError.quote($0, limit: 200))" } ?? "")
                        + " is \(ByteCount.describe(body.count)), above the \(ByteCount.describe(maxPageBytes)) limit for one page"
                )
                return
            }
            if case .binary(let offset) = FormatSniffer.sniff(body) {
                fail(
                    .binary,
                    "the HTTP body" + (uri.map { " of \(IngestError.quote($0, limit: 200))" } ?? "")
                        + " is binary (byte 0x\(String(body[offset], radix: 16)) at offset \(offset)), not HTML"
                )
                return
            }
            let origin = ArticleOrigin(
                path: path,
                format: .warc,
                record: index,
                externalID: header.recordID,
                retrieved: header.date
            )
            do {
                result.articles.append(
                    try HTMLReader().read(body, origin: origin, url: uri, declaredEncoding: response.charset)
                )
            } catch let error as IngestError {
                var error = error
                error.path = path
                error.location = "record \(index)"
                if let uri { error.message += " in \(IngestError.quote(uri, limit: 200))" }
                result.errors.append(error)
            } catch {
                fail(.empty, "cannot read the page: \(error)")
            }
        }
    }
}
