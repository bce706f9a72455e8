import Foundation
import StorylineExtract

/// Tags the `text` of every record of the JSONL files with the shipped model on one core and prints
/// words per second (words = whitespace-separated runs), best of three passes, by wall clock and by the
/// thread's CPU time (which a busy shared machine does not inflate). With `quotes`, each pass also finds
/// the quotes of every text with their speakers (``QuoteExtractor`` over the tagger's mentions): the whole
/// work of attributing quotes.
func runBenchmark(_ files: [String], quotes: Bool = false) throws {
    var texts: [String] = []
    for file in files {
        texts += try EntityTrainingDocument.read(jsonl: URL(fileURLWithPath: file)).map(\.text)
    }
    let loadStart = Date()
    guard let tagger = EntityTagger.shipped else {
        throw EntityModelError(message: "no shipped model (Resources/Models/entities.slner)")
    }
    _ = tagger.tag("Warm-up: Keir Starmer met Donald Trump in Washington.")
    let loadTime = Date().timeIntervalSince(loadStart)
    var words = 0
    var bytes = 0
    for text in texts {
        bytes += text.utf8.count
        var inWord = false
        for b in text.utf8 {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space, !inWord { words += 1 }
            inWord = !space
        }
    }
    var best = Double.infinity
    var bestCPU = Double.infinity
    var mentions = 0
    var quoteCount = 0
    let extractor = QuoteExtractor()
    for _ in 0..<3 {
        let start = Date()
        let startCPU = threadCPUTime()
        mentions = 0
        quoteCount = 0
        for text in texts {
            let found = tagger.tag(text)
            mentions += found.count
            if quotes { quoteCount += extractor.quotes(in: text, entities: found).count }
        }
        best = min(best, Date().timeIntervalSince(start))
        bestCPU = min(bestCPU, threadCPUTime() - startCPU)
    }
    print(
        "\(texts.count) texts, \(bytes / 1024) KiB, \(words) words, \(mentions) mentions\(quotes ? ", \(quoteCount) quotes" : ""); first call (loads "
            + "gazetteers and model) \(String(format: "%.2f", loadTime)) s; best pass \(String(format: "%.3f", best)) s: "
            + "\(Int(Double(words) / best)) words/s; CPU \(String(format: "%.3f", bestCPU)) s: "
            + "\(Int(Double(words) / bestCPU)) words/s"
    )
}

/// The calling thread's CPU time in seconds.
private func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
