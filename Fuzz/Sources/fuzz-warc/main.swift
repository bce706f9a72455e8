import FuzzSupport
import StorylineCore
import StorylineIngest

/// The WARC reader (plain or gzip-compressed records, HTTP responses, their gzip/deflate bodies, the HTML or text
/// inside) with the limits `storyline ingest` uses; then the format-sniffing `DocumentReader` on the same bytes,
/// which also reaches gzip-wrapped inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? WARCReader().read(bytes, path: "fuzz.warc")
    _ = DocumentReader().read(bytes, path: "fuzz.warc")
    return 0
}

fuzzerMain(fuzzWARC)
