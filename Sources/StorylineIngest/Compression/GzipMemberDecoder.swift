/// Decodes a multi-member gzip file one member at a time, so that a container of independently compressed
/// records (a WARC.gz) can keep everything before a corrupt or truncated member and resume after it.
///
/// Offsets are byte offsets into the compressed input.
final class GzipMemberDecoder {
    /// What the next member held.
    enum Member {
        /// The member at `start` decoded to `bytes`.
        case decoded(start: Int, bytes: [UInt8])
        /// The input ends inside the member that starts at `start`.
        case truncated(start: Int)
        /// The member at `start` is corrupt near byte `at`.
        case corrupt(start: Int, at: Int, reason: String)
        /// The member at `start` would expand past the budget; the failure was noticed at compressed byte `at`.
        /// `head` is the start of its output (at most ``headBytes``), enough to tell what the member holds.
        case tooLarge(start: Int, at: Int, head: [UInt8])
        /// Bytes at `start` that are not a gzip member.
        case notGzip(start: Int)
    }

    /// The most output of a too large member kept in ``Member/tooLarge(start:at:head:)``.
    static let headBytes = 64 << 10

    private let input: [UInt8]
    private let inflater = Inflater(.gzipOrZlib)
    /// Where the next member starts.
    private(set) var offset = 0

    init(_ input: [UInt8]) {
        self.input = input
    }

    /// Whether every member has been read (trailing zero padding counts as the end).
    var atEnd: Bool {
        offset >= input.count || input[offset...].allSatisfy { $0 == 0 }
    }

    /// Decodes the next member, producing at most `budget` bytes. After a failure, call ``skip(from:)`` to go on.
    func next(budget: Int) -> Member? {
        guard !atEnd else { return nil }
        let start = offset
        guard Gzip.hasMagic(input[start...]) else { return .notGzip(start: start) }
        inflater.reset()
        var output: [UInt8] = []
        let outcome: Result<Inflater.Outcome, Inflater.Failure> = input.withUnsafeBytes { buffer in
            Result { () throws(Inflater.Failure) in try inflater.run(buffer, from: start, into: &output, limit: budget)
            }
        }
        switch outcome {
        case .success(.end(let consumed)):
            offset = start + consumed
            return .decoded(start: start, bytes: output)
        case .success(.needInput):
            offset = input.count
            return .truncated(start: start)
        case .failure(.corrupt(let at, let reason)):
            return .corrupt(start: start, at: at, reason: reason)
        case .failure(.tooLarge(let at)):
            // The inflater stops before `output` passes the budget and leaves in it what it produced so far.
            return .tooLarge(start: start, at: at, head: Array(output.prefix(Self.headBytes)))
        }
    }

    /// Moves to the next gzip header (`1f 8b 08`) after `position`, or to the end of the input.
    func skip(from position: Int) {
        var i = position + 1
        while i + 2 < input.count {
            if input[i] == 0x1F && input[i + 1] == 0x8B && input[i + 2] == 0x08 {
                offset = i
                return
            }
            i += 1
        }
        offset = input.count
    }
}
