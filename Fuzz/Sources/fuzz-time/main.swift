import FuzzSupport
import StorylineCore
import StorylineExtract

/// The time tagger on any text, against a fixed document date; every expression must lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let count = text.utf8.count
    let date = PublicationDate(year: 2024, month: 3, day: 14, hour: 9, minute: 30, utcOffsetMinutes: 0)
    for timex in TimeTagger.tag(text, documentDate: date) {
        precondition(timex.range.start >= 0 && timex.range.end <= count)
    }
    return 0
}

fuzzerMain(fuzzTime)
