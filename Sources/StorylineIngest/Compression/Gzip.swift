/// gzip, zlib and raw deflate decoding through the system zlib, bounded against decompression bombs.
public enum Gzip {
    /// Whether `bytes` begins with the gzip magic number (`1f 8b`).
    public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Decompresses gzip data: every member of a multi-member file (as `cat a.gz b.gz` or a WARC.gz makes),
    /// concatenated. A zlib stream is accepted too. Trailing zero padding after the last member is ignored.
    ///
    /// - Throws: ``IngestError/Code/compression`` for corrupt data ("corrupt gzip data at byte N") or data that
    ///   ends inside a member ("truncated at byte N"); ``IngestError/Code/tooLarge`` as soon as the output would
    ///   exceed `limit` bytes (a gzip bomb is refused without being expanded).
    public static func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        guard !bytes.isEmpty else {
            throw IngestError(.compression, "gzip data truncated at byte 0: the input is empty", location: "byte 0")
        }
        let inflater = Inflater(.gzipOrZlib)
        var output: [UInt8] = []
        var position = 0
        var member = 0
        try bytes.withUnsafeBytes { input in
            while position < input.count {
                if member > 0 {
                    if input[position...].allSatisfy({ $0 == 0 }) { break }
                    guard hasMagic(input[position...]) else {
                        let found = hex(input[position..<min(input.count, position + 8)])
                        throw IngestError(
                            .compression,
                            "unexpected bytes \(found) after gzip member \(member) at byte \(position)",
                            location: "byte \(position)"
                        )
                    }
                    inflater.reset()
                }
                let start = position
                do {
                    switch try inflater.run(input, from: position, into: &output, limit: limit) {
                    case .end(let consumed):
                        position += consumed
                    case .needInput:
                        throw IngestError(
                            .compression,
                            "gzip data truncated at byte \(input.count): member \(member) starting at byte \(start) "
                                + "has no end",
                            location: "byte \(input.count)"
                        )
                    }
                } catch let failure as Inflater.Failure {
                    throw error(for: failure, what: "gzip", limit: limit)
                }
                member += 1
            }
        }
        return output
    }

    /// Decodes HTTP `Content-Encoding: deflate`: a zlib stream (RFC 1950) or, as some servers send, raw deflate
    /// (RFC 1951), recognised from the first two bytes. Empty input decodes to empty output.
    ///
    /// - Throws: ``IngestError/Code/compression`` for corrupt or truncated data, ``IngestError/Code/tooLarge``
    ///   past `limit` output bytes.
    public static func inflate(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        let zlibHeader =
            bytes.count >= 2 && bytes[0] & 0x0F == 8 && bytes[0] >> 4 <= 7
            && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
        let inflater = Inflater(zlibHeader ? .zlib : .raw)
        var output: [UInt8] = []
        try bytes.withUnsafeBytes { input in
            do {
                if case .needInput = try inflater.run(input, from: 0, into: &output, limit: limit) {
                    throw IngestError(
                        .compression,
                        "deflate data truncated at byte \(input.count)",
                        location: "byte \(input.count)"
                    )
                }
            } catch let failure as Inflater.Failure {
                throw error(for: failure, what: "deflate", limit: limit)
            }
        }
        return output
    }

    /// The public error for an inflate failure.
    static func error(for failure: Inflater.Failure, what: String, limit: Int) -> IngestError {
        switch failure {
        case .corrupt(let at, let reason):
            return IngestError(
                .compression,
                "corrupt \(what) data at byte \(at)",
                location: "byte \(at)",
                cause: reason
            )
        case .tooLarge(let at):
            return IngestError(
                .tooLarge,
                "\(what) data expands past the limit of \(limit) bytes (at compressed byte \(at))",
                location: "byte \(at)"
            )
        }
    }

    /// Bytes as space-separated hex, for messages.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: " ")
    }
}
