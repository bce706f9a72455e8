// storyline-ingest-bench: throughput of the HTML ingest path (HTMLReader.read) over a directory of pages.
//
// Usage: storyline-ingest-bench <pages-dir> [--rounds N] [--limit N] [--dump out.jsonl]
//
// All `*.html` files of <pages-dir> are read into memory first; file I/O is NOT timed. Then every page
// goes through `HTMLReader().read(bytes, origin:)` — parse, metadata, boilerplate removal, paragraph
// clean-up and content hash: the full work that yields an `Article` — once on one core (a plain loop)
// and once on all cores (a task group over chunks of pages), each repeated `--rounds` times; the best
// round of each mode is reported. Output: one JSON object on standard output.
// `--dump` writes, in a separate untimed pass, the extracted title, date and text of each page (JSONL)
// for Benchmarks/compare_quality.py.

import Foundation
import StorylineCore
import StorylineIngest
import StorylineBenchSupport

struct Options {
    var directory = ""
    var rounds = 5
    /// The width of Swift's cooperative thread pool: one thread per active core.
    let threads = ProcessInfo.processInfo.activeProcessorCount
    var limit = Int.max
    var dump: String?
}

func parseOptions() -> Options {
    var options = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ flag: String) -> String {
        guard let v = args.popFirst() else {
            FileHandle.standardError.write(Data("missing value for \(flag)\n".utf8))
            exit(2)
        }
        return v
    }
    while let arg = args.popFirst() {
        switch arg {
        case "--rounds": options.rounds = max(1, Int(value(arg)) ?? 5)
        case "--limit": options.limit = max(1, Int(value(arg)) ?? Int.max)
        case "--dump": options.dump = value(arg)
        case "-h", "--help":
            print("usage: storyline-ingest-bench <pages-dir> [--rounds N] [--limit N] [--dump out.jsonl]")
            exit(0)
        default:
            if arg.hasPrefix("-") {
                FileHandle.standardError.write(Data("unknown option \(arg)\n".utf8))
                exit(2)
            }
            options.directory = arg
        }
    }
    if options.directory.isEmpty {
        FileHandle.standardError.write(
            Data("usage: storyline-ingest-bench <pages-dir> [--rounds N] [--limit N] [--dump out.jsonl]\n".utf8)
        )
        exit(2)
    }
    return options
}

struct Page: Sendable {
    let name: String
    let bytes: [UInt8]
}

/// What one pass over pages produced: counted so the optimiser cannot drop the work.
struct Tally: Mergeable {
    var articles = 0
    var failures = 0
    var paragraphs = 0
    var characters = 0
    var withTitle = 0
    var withDate = 0

    mutating func add(_ other: Tally) {
        articles += other.articles
        failures += other.failures
        paragraphs += other.paragraphs
        characters += other.characters
        withTitle += other.withTitle
        withDate += other.withDate
    }
}

func ingest(_ pages: ArraySlice<Page>) -> Tally {
    let reader = HTMLReader()
    var tally = Tally()
    for page in pages {
        do {
            let article = try reader.read(page.bytes, origin: ArticleOrigin(path: page.name, format: .html))
            tally.articles += 1
            tally.paragraphs += article.paragraphs.count
            for paragraph in article.paragraphs { tally.characters += paragraph.utf8.count }
            if article.title != nil { tally.withTitle += 1 }
            if article.published != nil { tally.withDate += 1 }
        } catch {
            tally.failures += 1
        }
    }
    return tally
}

struct ModeResult: Codable {
    var mode: String
    var workers: Int
    var pages: Int
    var bytes: Int
    var seconds: Double
    var pagesPerSecond: Double
    var megabytesPerSecond: Double
    var roundSeconds: [Double]
    /// User + system CPU seconds of the best round (all threads).
    var cpuSeconds: Double
    var pagesPerCPUSecond: Double
    var articles: Int
    var failures: Int
    var paragraphs: Int
    var withTitle: Int
    var withDate: Int

    enum CodingKeys: String, CodingKey {
        case mode, workers, pages, bytes, seconds
        case pagesPerSecond = "pages_per_s"
        case megabytesPerSecond = "mb_per_s"
        case roundSeconds = "round_seconds"
        case cpuSeconds = "cpu_seconds"
        case pagesPerCPUSecond = "pages_per_cpu_s"
        case articles, failures, paragraphs
        case withTitle = "with_title"
        case withDate = "with_date"
    }
}

struct Report: Codable {
    var tool = "storyline"
    var reader = "HTMLReader.read (StorylineIngest), release build"
    var pages: Int
    var bytes: Int
    var ioExcluded = true
    var rounds: Int
    var cores: Int
    var modes: [ModeResult]
    var peakRSSBytes: Int
    var rssAfterLoadBytes: Int

    enum CodingKeys: String, CodingKey {
        case tool, reader, pages, bytes
        case ioExcluded = "io_excluded"
        case rounds, cores, modes
        case peakRSSBytes = "peak_rss_bytes"
        case rssAfterLoadBytes = "rss_after_load_bytes"
    }
}

func measure(
    mode: String,
    workers: Int,
    rounds: Int,
    bytes: Int,
    count: Int,
    _ body: () async -> Tally
) async -> ModeResult {
    let clock = ContinuousClock()
    var times: [Double] = []
    var cpu: [Double] = []
    var last = Tally()
    for _ in 0..<rounds {
        let cpuStart = cpuSeconds()
        let start = clock.now
        last = await body()
        times.append(seconds(clock.now - start))
        cpu.append(cpuSeconds() - cpuStart)
    }
    let best = times.min() ?? .infinity
    let bestCPU = cpu[times.firstIndex(of: best) ?? 0]
    return ModeResult(
        mode: mode,
        workers: workers,
        pages: count,
        bytes: bytes,
        seconds: best,
        pagesPerSecond: Double(count) / best,
        megabytesPerSecond: Double(bytes) / 1e6 / best,
        roundSeconds: times,
        cpuSeconds: bestCPU,
        pagesPerCPUSecond: Double(count) / bestCPU,
        articles: last.articles,
        failures: last.failures,
        paragraphs: last.paragraphs,
        withTitle: last.withTitle,
        withDate: last.withDate
    )
}

// MARK: - Dump (untimed)

struct DumpRecord: Codable {
    var file: String
    var title: String?
    var published: String?
    var dateline: String?
    var headings: [String]
    var text: String
    var error: String?
}

func dump(_ pages: [Page], to path: String) throws {
    let reader = HTMLReader()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    var out = Data()
    for page in pages {
        var record = DumpRecord(file: page.name, headings: [], text: "")
        do {
            let article = try reader.read(page.bytes, origin: ArticleOrigin(path: page.name, format: .html))
            record.title = article.title
            record.published = article.published?.iso8601
            record.dateline = article.dateline
            record.headings = article.liveBlogEntries.compactMap(\.headline)
            record.text = article.text
        } catch {
            record.error = "\(error)"
        }
        out.append(try encoder.encode(record))
        out.append(0x0A)
    }
    try out.write(to: URL(fileURLWithPath: path))
}

// MARK: - Main

let options = parseOptions()
let directoryURL = URL(fileURLWithPath: options.directory)
let names = ((try? FileManager.default.contentsOfDirectory(atPath: options.directory)) ?? [])
    .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
    .sorted()
    .prefix(options.limit)
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("no .html files in \(options.directory)\n".utf8))
    exit(1)
}
var loaded: [Page] = []
loaded.reserveCapacity(names.count)
for name in names {
    guard let data = FileManager.default.contents(atPath: directoryURL.appendingPathComponent(name).path) else {
        FileHandle.standardError.write(Data("cannot read \(name)\n".utf8))
        exit(1)
    }
    loaded.append(Page(name: name, bytes: [UInt8](data)))
}
let pages = loaded
let totalBytes = pages.reduce(0) { $0 + $1.bytes.count }
let rssAfterLoad = memoryStatus().current

// Warm-up (untimed): one pass over a few pages so that lazy initialisation (libxml2, tables) is done.
_ = ingest(pages.prefix(min(20, pages.count)))

var modes: [ModeResult] = []
modes.append(
    await measure(mode: "1 core", workers: 1, rounds: options.rounds, bytes: totalBytes, count: pages.count) {
        ingest(pages[...])
    }
)
modes.append(
    await measure(
        mode: "all cores",
        workers: options.threads,
        rounds: options.rounds,
        bytes: totalBytes,
        count: pages.count
    ) {
        await parallelTally(pages, workers: options.threads, ingest)
    }
)

let report = Report(
    pages: pages.count,
    bytes: totalBytes,
    rounds: options.rounds,
    cores: options.threads,
    modes: modes,
    peakRSSBytes: memoryStatus().peak,
    rssAfterLoadBytes: rssAfterLoad
)

if let path = options.dump {
    do {
        try dump(pages, to: path)
    } catch {
        FileHandle.standardError.write(Data("cannot write \(path): \(error)\n".utf8))
        exit(1)
    }
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
print(String(decoding: try encoder.encode(report), as: UTF8.self))
