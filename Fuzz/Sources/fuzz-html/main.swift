import FuzzSupport
import StorylineCore
import StorylineIngest

/// The HTML reader as `storyline ingest` runs it on an `.html` file: the raw bytes, no declared charset, no URL.
/// A page without article text throws `IngestError` (expected); anything else must return an article.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let origin = ArticleOrigin(path: "fuzz.html", format: .html)
    _ = try? HTMLReader().read(bytes, origin: origin)
    // The same bytes with a charset an HTTP header declared, and a URL (as a WARC record gives them).
    _ = try? HTMLReader().read(
        bytes,
        origin: origin,
        url: "https://example.com/2024/03/05/story.html",
        declaredEncoding: size % 2 == 0 ? "windows-1252" : "utf-8"
    )
    return 0
}

fuzzerMain(fuzzHTML)
