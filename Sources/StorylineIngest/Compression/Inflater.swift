import CZlib

/// A zlib inflate stream: decodes one gzip member, zlib stream or raw deflate stream at a time.
///
/// Not `Sendable`: one inflater is created, used and dropped inside one reader call. The `z_stream`
/// lives at a fixed address (zlib checks that it does not move between calls).
final class Inflater {
    /// How a stream is framed, as zlib's `windowBits` for `inflateInit2`.
    enum Framing: Int32 {
        /// A gzip member or a zlib stream, recognised from its header (15 + 32).
        case gzipOrZlib = 47
        /// A zlib stream (RFC 1950).
        case zlib = 15
        /// Raw deflate (RFC 1951), as some servers send for `Content-Encoding: deflate`.
        case raw = -15
    }

    /// How a call to ``run(_:from:into:limit:)`` ended.
    enum Outcome {
        /// The stream ended after `consumed` input bytes.
        case end(consumed: Int)
        /// The input ran out (after `consumed` bytes) before the stream ended: the data is truncated.
        case needInput(consumed: Int)
    }

    /// Why inflating failed. Offsets are byte offsets into the input buffer passed to ``run(_:from:into:limit:)``.
    enum Failure: Error {
        /// The compressed data is corrupt near input byte `at`; `reason` is zlib's message.
        case corrupt(at: Int, reason: String)
        /// The output would grow past the limit while reading input byte `at`.
        case tooLarge(at: Int)
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutablePointer<UInt8>
    private static let scratchSize = 64 * 1024

    init(_ framing: Framing) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = .allocate(capacity: Inflater.scratchSize)
        let status = inflateInit2_(stream, framing.rawValue, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "inflateInit2 failed with status \(status)")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Prepares the stream for the next member, keeping the framing.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates `input[offset...]`, appending the output to `output`, until the stream ends or the input runs out.
    /// Throws ``Failure/tooLarge(at:)`` as soon as `output` would hold more than `limit` bytes, leaving the first
    /// `limit` bytes in it.
    func run(
        _ input: UnsafeRawBufferPointer,
        from offset: Int,
        into output: inout [UInt8],
        limit: Int
    ) throws(Failure) -> Outcome {
        var position = offset
        guard let base = input.baseAddress, offset < input.count else { return .needInput(consumed: 0) }
        while true {
            let available = min(input.count - position, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: (base + position).assumingMemoryBound(to: Bytef.self)
            )
            stream.pointee.avail_in = UInt32(available)
            stream.pointee.next_out = scratch
            stream.pointee.avail_out = UInt32(Inflater.scratchSize)
            let status = inflate(stream, Z_NO_FLUSH)
            let consumed = available - Int(stream.pointee.avail_in)
            position += consumed
            let produced = Inflater.scratchSize - Int(stream.pointee.avail_out)
            if produced > 0 {
                guard output.count + produced <= limit else {
                    // Keep what fits: the caller may look at the start of an output too large to hold.
                    output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: max(0, limit - output.count)))
                    throw .tooLarge(at: position)
                }
                output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
            }
            switch status {
            case Z_STREAM_END:
                return .end(consumed: position - offset)
            case Z_OK:
                if consumed == 0 && produced == 0 { return .needInput(consumed: position - offset) }
            case Z_BUF_ERROR:
                // No progress was possible: every input byte is used and the stream wants more.
                return .needInput(consumed: position - offset)
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw .corrupt(at: position, reason: reason)
            }
        }
    }
}
