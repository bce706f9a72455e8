import FuzzSupport
import StorylineCore
import StorylineText

/// The quotation scanner on any text; every span must lie inside the text, or the harness traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuotations(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let count = text.utf8.count
    for span in QuotationScanner.scan(text) {
        precondition(span.outer.start >= 0 && span.outer.end <= count && span.outer.contains(span.inner))
        _ = span.innerText(in: text)
    }
    return 0
}

fuzzerMain(fuzzQuotations)
