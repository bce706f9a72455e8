import FuzzSupport
import StorylineCore
import StorylineIngest

/// The JSONL reader `storyline ingest` uses on a `.jsonl` file: one record per line, errors per record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = JSONLReader().read(bytes, path: "fuzz.jsonl")
    return 0
}

fuzzerMain(fuzzJSONL)
