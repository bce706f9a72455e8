import FuzzSupport
import StorylineCore
import StorylineText

/// The sentence splitter (and the tokenizer under it) on any text; the ranges it returns must be ordered,
/// non-overlapping and inside the text, or the harness traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentences(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let count = text.utf8.count
    var end = 0
    for sentence in SentenceSplitter().sentences(in: text) {
        precondition(sentence.start >= end && sentence.end <= count)
        end = sentence.end
    }
    _ = TextNormalizer.fold(text)
    return 0
}

fuzzerMain(fuzzSentences)
