import Foundation
import FuzzSupport
import StorylineCore
import StorylineExtract

/// The whole extraction pipeline as `storyline extract` runs it on one JSONL line: the JSON parsed, the article
/// annotated by `ArticleExtractor` (time, entities, quotes, roles, events) against its date, and the output line
/// rendered (with the conversion of byte offsets to scalar offsets). An input that starts with `{` is the line
/// itself (its own id, date and text); any other input is an article body, put in a line with a fixed date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    var line = bytes
    if bytes.first != UInt8(ascii: "{") {
        let text = String(decoding: bytes, as: UTF8.self)
        let object: [String: Any] = ["id": "fuzz", "published": "2024-03-14", "text": text]
        guard let json = try? JSONSerialization.data(withJSONObject: object) else { return 0 }
        line = Array(json)
    }
    let record = ExtractRecord.process(line, lineNumber: 1, source: "fuzz.jsonl")
    _ = record.json
    return 0
}

// The first record loads the entity model and the gazetteers (seconds in this build): not part of any input's time.
_ =
    ExtractRecord.process(
        Array(
            #"{"id": "warm-up", "published": "2024-03-14", "text": "Keir Starmer met Donald Trump on Thursday."}"#.utf8
        ),
        lineNumber: 1,
        source: "warm-up"
    ).json
fuzzerMain(fuzzExtract)
