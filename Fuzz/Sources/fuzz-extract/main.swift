import FuzzSupport
import StorylineCore
import StorylineExtract

/// The whole extraction pipeline (time, entities, quotes, roles, events) on the bytes as an article body, with a
/// fixed publication date, as `storyline ingest` and `storyline extract` run it.
let extractor = ArticleExtractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let date = PublicationDate(year: 2024, month: 3, day: 14)
    _ = extractor.annotate(text: text, documentDate: date)
    return 0
}

fuzzerMain(fuzzExtract)
