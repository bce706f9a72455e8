import FuzzSupport
import StorylineCore
import StorylineIngest

/// The RSS/Atom reader on the raw bytes of a feed file (malformed XML throws `IngestError`: expected).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? FeedReader().read(bytes, path: "fuzz.xml")
    return 0
}

fuzzerMain(fuzzFeed)
