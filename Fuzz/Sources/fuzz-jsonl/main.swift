import FuzzSupport
import Glibc
import StorylineCore
import StorylineIngest

/// What a reading gives, comparably: each article's id, record, title and text, each error's code, location and
/// message.
func outcome(_ result: ReadResult) -> [String] {
    result.articles.map { "\($0.id) #\($0.origin.record ?? -1) \($0.title ?? "") \($0.text)" }
        + result.errors.map { "\($0.code) \($0.location ?? "") \($0.message)" }
}

let path = "/tmp/storyline-fuzz-jsonl-\(getpid()).jsonl"

/// The JSONL reader `storyline ingest` uses on a `.jsonl` file: one record per line, errors per record. And,
/// differentially, the two ways a large input is cut into segments read on their own — a file
/// (`JSONLSegments`) and standard input arriving in pieces (`JSONLStreamCutter`): both must read exactly what
/// the whole input reads (same articles and records, same errors at the same lines). Small segments and a small
/// line limit so that every input is cut many times and has lines over the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = JSONLReader().read(bytes, path: "fuzz.jsonl")

    // Only inputs that ingest would cut: JSON Lines whose first line is one whole object.
    guard FormatSniffer.sniff(bytes) == .format(.jsonl), JSONLSegments.startsWithOneLineObject(bytes) else { return 0 }
    let reader = JSONLReader(maxLineBytes: 300)
    let expected = outcome(reader.read(bytes, path: "fuzz.jsonl"))
    let segmenter = JSONLSegments(segmentBytes: 97, minimumFileBytes: 0, reader: reader)

    var cutter = JSONLStreamCutter(segmentBytes: 97, maxLineBytes: 300)
    let chunk = Int(bytes[bytes.count / 2]) % 61 + 1
    var pieces: [JSONLStreamCutter.Piece] = []
    for start in stride(from: 0, to: bytes.count, by: chunk) {
        pieces += cutter.feed(Array(bytes[start..<min(start + chunk, bytes.count)]))
    }
    pieces += cutter.finish()
    var streamed = ReadResult()
    for piece in pieces {
        let part = segmenter.read(piece.bytes, of: piece.segment, path: "fuzz.jsonl")
        streamed.articles += part.articles
        streamed.errors += part.errors
    }
    if outcome(streamed) != expected {
        fatalError("stream pieces (chunk \(chunk)) read otherwise than the whole input")
    }

    guard let file = fopen(path, "wb") else { return 0 }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    guard let segments = try? segmenter.split(path: path) else { return 0 }
    var cut = ReadResult()
    for segment in segments {
        let part = segmenter.read(segment, path: path)
        cut.articles += part.articles
        cut.errors += part.errors
    }
    if outcome(cut) != expected {
        fatalError("file segments read otherwise than the whole input")
    }
    return 0
}

fuzzerMain(fuzzJSONL)
