// storyline-merge-bench: does cross-document merging stay incremental? The cost of adding one article to
// StoryClusterer (story clusters + near-duplicate index) and its event reports to EventMerger, block by block,
// as the archive grows from 0 to N articles.
//
// Usage: storyline-merge-bench [--articles N] [--seed S] [--days D] [--block B] [--corpus DIR] [--fixture FILE]
//                              [--no-encode] [--json]
//
// A deterministic stream of real-shaped articles (ArticleStream.swift; sentences of Examples/corpus/*.txt and
// Tests/Fixtures/events/articles.jsonl with generated names, Zipf-popular entities, topics, syndicated copies,
// 3–10 event reports each) is generated block by block (`--block`, default 1,000 articles). Each block is
// generated first, untimed; then its articles are added in order — `StoryClusterer.add(articleID:published:
// text:entities:)`, then `EventMerger.add` for each report (with `syndicatedFrom` set to the copy's original
// when the clusterer found one, as the pipeline does) — and the block's wall time and process CPU time are
// taken. The articles' days are spread evenly over `--days` (default 730): the number of articles per day
// is the same at the first block and the last, so only the archive grows. At the end both mergers' states
// are encoded with JSONEncoder (sorted keys), timed and measured.
//
// Diagnostics (not used by run-merge-benchmark.sh): --year-dated P sets the share of event reports dated by a
// whole year (default 0.02); --events-only skips StoryClusterer (syndicatedFrom then comes from the generator).
//
// Output: a table on standard output, or with --json one JSON object. Progress goes to standard error.

import Foundation
import StorylineBenchSupport
import StorylineCore
import StorylineResolve

let usage = """
    usage: storyline-merge-bench [--articles N] [--seed S] [--days D] [--block B] [--corpus DIR] [--fixture FILE] \
    [--no-encode] [--json]
           diagnostics: [--year-dated P] (share of reports dated by a whole year, default 0.02) [--events-only]
    """

struct Options {
    var articles = 100_000
    var seed: UInt64 = 20_261_207
    var days = 730
    var block = 1_000
    var corpus = "Examples/corpus"
    var fixture = "Tests/Fixtures/events/articles.jsonl"
    var encode = true
    /// Diagnostics: the share of year-dated reports, and skipping the story clusterer.
    var yearDated = 0.02
    var eventsOnly = false
    var json = false
}

func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("storyline-merge-bench: \(message)\n".utf8))
    exit(code)
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func parseOptions() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ flag: String) -> String {
        guard let v = args.popFirst() else { fail("missing value for \(flag)", code: 2) }
        return v
    }
    func int(_ flag: String) -> Int {
        let v = value(flag)
        guard let n = Int(v.replacingOccurrences(of: "_", with: "")), n > 0 else {
            fail("\(flag) wants a positive integer, not \"\(v)\"", code: 2)
        }
        return n
    }
    while let arg = args.popFirst() {
        switch arg {
        case "--articles": o.articles = int(arg)
        case "--seed": o.seed = UInt64(int(arg))
        case "--days": o.days = int(arg)
        case "--block": o.block = int(arg)
        case "--corpus": o.corpus = value(arg)
        case "--fixture": o.fixture = value(arg)
        case "--no-encode": o.encode = false
        case "--year-dated":
            let v = value(arg)
            guard let p = Double(v), (0...0.2).contains(p) else { fail("--year-dated wants a share in 0...0.2, not \"\(v)\"", code: 2) }
            o.yearDated = p
        case "--events-only": o.eventsOnly = true
        case "--json": o.json = true
        case "-h", "--help":
            print(usage)
            exit(0)
        default: fail("unknown option \(arg)\n\(usage)", code: 2)
        }
    }
    return o
}

/// A path relative to the repository root: as given when it exists from the current directory, else from the
/// directory above the executable's that holds Package.swift.
func repoPath(_ path: String) -> String {
    let fm = FileManager.default
    if path.hasPrefix("/") || fm.fileExists(atPath: path) { return path }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<6 {
        if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            return dir.appendingPathComponent(path).path
        }
        dir = dir.deletingLastPathComponent()
    }
    return path
}

/// One timed block of articles.
struct Block: Codable {
    /// Articles in the archive after this block.
    var end: Int
    var articles: Int
    var reports: Int
    var wallSeconds: Double
    var cpuSeconds: Double
    /// Wall time inside StoryClusterer.add and inside EventMerger.add.
    var storySeconds: Double
    var eventSeconds: Double
    var wallMicrosPerArticle: Double
    var cpuMicrosPerArticle: Double
    var storyMicrosPerArticle: Double
    var eventMicrosPerReport: Double
    /// State after the block.
    var stories: Int
    var events: Int
    var rssBytes: Int

    enum CodingKeys: String, CodingKey {
        case end, articles, reports
        case wallSeconds = "wall_s", cpuSeconds = "cpu_s", storySeconds = "story_s", eventSeconds = "event_s"
        case wallMicrosPerArticle = "wall_us_per_article", cpuMicrosPerArticle = "cpu_us_per_article"
        case storyMicrosPerArticle = "story_us_per_article", eventMicrosPerReport = "event_us_per_report"
        case stories, events
        case rssBytes = "rss_bytes"
    }
}

/// The figures at one archive size: the block ending there, and the median of the (up to) five blocks ending there.
struct Checkpoint: Codable {
    var articles: Int
    var wallMicrosPerArticle: Double
    var cpuMicrosPerArticle: Double
    var storyMicrosPerArticle: Double
    var eventMicrosPerArticle: Double
    var eventMicrosPerReport: Double
    var median5WallMicrosPerArticle: Double
    var median5CPUMicrosPerArticle: Double
    var stories: Int
    var events: Int
    var rssBytes: Int

    enum CodingKeys: String, CodingKey {
        case articles
        case wallMicrosPerArticle = "wall_us_per_article", cpuMicrosPerArticle = "cpu_us_per_article"
        case storyMicrosPerArticle = "story_us_per_article", eventMicrosPerArticle = "event_us_per_article"
        case eventMicrosPerReport = "event_us_per_report"
        case median5WallMicrosPerArticle = "median5_wall_us_per_article"
        case median5CPUMicrosPerArticle = "median5_cpu_us_per_article"
        case stories, events
        case rssBytes = "rss_bytes"
    }
}

struct Encoded: Codable {
    var storyBytes: Int
    var storySeconds: Double
    var eventBytes: Int
    var eventSeconds: Double
    var peakRSSAfterBytes: Int

    enum CodingKeys: String, CodingKey {
        case storyBytes = "story_clusterer_bytes", storySeconds = "story_clusterer_seconds"
        case eventBytes = "event_merger_bytes", eventSeconds = "event_merger_seconds"
        case peakRSSAfterBytes = "peak_rss_after_encoding_bytes"
    }
}

struct Report: Codable {
    var benchmark = "merge: StoryClusterer.add + EventMerger.add per article as the archive grows"
    var articles: Int
    var seed: UInt64
    var days: Int
    var blockSize: Int
    var corpus: [String: AnyCodable]
    var generated: [String: Int]
    var blocks: [Block]
    var checkpoints: [Checkpoint]
    var ratios: [String: Double]
    var totals: [String: Double]
    var final: [String: Int]
    var peakRSSBytes: Int
    var encoded: Encoded?

    enum CodingKeys: String, CodingKey {
        case benchmark, articles, seed, days, corpus, generated, blocks, checkpoints, ratios, totals, final, encoded
        case blockSize = "block_size"
        case peakRSSBytes = "peak_rss_bytes"
    }
}

/// A string or a number, for the small mixed records.
enum AnyCodable: Codable {
    case int(Int)
    case string(String)
    case strings([String])

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .strings(let v): try c.encode(v)
        }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int.self) {
            self = .int(v)
        } else if let v = try? c.decode([String].self) {
            self = .strings(v)
        } else {
            self = .string(try c.decode(String.self))
        }
    }
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

// MARK: - Run

let options = parseOptions()
let corpusDir = repoPath(options.corpus)
let fixture = repoPath(options.fixture)
let corpus: Corpus
do {
    corpus = try Corpus.load(corpusDirectory: corpusDir, jsonl: fixture)
} catch {
    fail("cannot read the corpus: \(error)")
}
if corpus.sentences.count < 50 {
    fail("only \(corpus.sentences.count) sentences in \(corpusDir) and \(fixture); need at least 50 (run from the repository root or pass --corpus/--fixture)")
}
progress("corpus: \(corpus.documents) documents, \(corpus.sentences.count) sentences (\(corpus.files.joined(separator: ", ")))")

var stream = ArticleStream(corpus: corpus, seed: options.seed, total: options.articles, days: options.days)
stream.yearDatedShare = options.yearDated
var clusterer = StoryClusterer()
var merger = EventMerger()
let clock = ContinuousClock()

var blocks: [Block] = []
var generatedCopies = 0
var generatedExactCopies = 0
var copiesFound = 0
var copiesFoundCorrect = 0
var duplicatesOfOriginals = 0
var totalReports = 0
var totalWords = 0
var textBytes = 0
var generationSeconds = 0.0
let runStart = clock.now

while stream.produced < options.articles {
    let g0 = clock.now
    let n = min(options.block, options.articles - stream.produced)
    var batch: [GeneratedArticle] = []
    batch.reserveCapacity(n)
    for _ in 0..<n { batch.append(stream.next()) }
    generationSeconds += seconds(clock.now - g0)

    var storyTime = Duration.zero
    var eventTime = Duration.zero
    var reports = 0
    var found: [String?] = []
    found.reserveCapacity(n)
    let cpu0 = cpuSeconds()
    let t0 = clock.now
    for article in batch {
        let s0 = clock.now
        let duplicateOf: String?
        if options.eventsOnly {
            duplicateOf = article.copyOf  // the generator's truth stands in for the near-duplicate index
        } else {
            duplicateOf = clusterer.add(
                articleID: article.id, published: article.published, text: article.text, entities: article.entities
            ).duplicateOf
        }
        let s1 = clock.now
        for var report in article.reports {
            report.syndicatedFrom = duplicateOf
            merger.add(report)
        }
        let s2 = clock.now
        storyTime += s1 - s0
        eventTime += s2 - s1
        reports += article.reports.count
        found.append(duplicateOf)
    }
    let wall = seconds(clock.now - t0)
    let cpu = cpuSeconds() - cpu0

    for (article, duplicateOf) in zip(batch, found) {
        totalWords += article.words
        textBytes += article.text.utf8.count
        if article.copyOf != nil {
            generatedCopies += 1
            if article.exactCopy { generatedExactCopies += 1 }
        }
        if let d = duplicateOf {
            copiesFound += 1
            if article.copyOf == d { copiesFoundCorrect += 1 }
        }
    }
    totalReports += reports
    let end = stream.produced
    let block = Block(
        end: end, articles: n, reports: reports, wallSeconds: wall, cpuSeconds: cpu,
        storySeconds: seconds(storyTime), eventSeconds: seconds(eventTime),
        wallMicrosPerArticle: wall / Double(n) * 1e6, cpuMicrosPerArticle: cpu / Double(n) * 1e6,
        storyMicrosPerArticle: seconds(storyTime) / Double(n) * 1e6,
        eventMicrosPerReport: seconds(eventTime) / Double(max(1, reports)) * 1e6,
        stories: clusterer.stories.count, events: merger.count, rssBytes: memoryStatus().current
    )
    blocks.append(block)
    if blocks.count == 1 || blocks.count % 10 == 0 || end == options.articles {
        progress(
            String(
                format: "%7d articles  %8.1f µs/article wall  %8.1f CPU  (stories %.1f, events %.1f)  %d stories  %d events  RSS %.0f MB  [%.0f s]",
                end, block.wallMicrosPerArticle, block.cpuMicrosPerArticle, block.storyMicrosPerArticle,
                block.eventSeconds / Double(n) * 1e6, block.stories, block.events, Double(block.rssBytes) / 1e6,
                seconds(clock.now - runStart)
            )
        )
    }
}
let peakBeforeEncoding = memoryStatus().peak

// Checkpoints.
// The first block, the blocks ending at 1k, 2k, 5k, 10k, 20k, 50k, 100k articles, and the last block.
var marks = blocks.first.map { [$0.end] } ?? []
for m in [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000] where !marks.contains(m) { marks.append(m) }
if let last = blocks.last?.end, !marks.contains(last) { marks.append(last) }
marks = marks.filter { m in blocks.contains { $0.end == m } }.sorted()
var checkpoints: [Checkpoint] = []
for mark in marks {
    guard let i = blocks.firstIndex(where: { $0.end == mark }) else { continue }
    let b = blocks[i]
    let window = blocks[max(0, i - 4)...i]
    checkpoints.append(
        Checkpoint(
            articles: b.end, wallMicrosPerArticle: b.wallMicrosPerArticle, cpuMicrosPerArticle: b.cpuMicrosPerArticle,
            storyMicrosPerArticle: b.storyMicrosPerArticle,
            eventMicrosPerArticle: b.eventSeconds / Double(b.articles) * 1e6,
            eventMicrosPerReport: b.eventMicrosPerReport,
            median5WallMicrosPerArticle: median(window.map(\.wallMicrosPerArticle)),
            median5CPUMicrosPerArticle: median(window.map(\.cpuMicrosPerArticle)),
            stories: b.stories, events: b.events, rssBytes: b.rssBytes
        )
    )
}
var ratios: [String: Double] = [:]
if let first = blocks.first, let last = blocks.last {
    ratios["last_over_first_block_wall"] = last.wallMicrosPerArticle / first.wallMicrosPerArticle
    ratios["last_over_first_block_cpu"] = last.cpuMicrosPerArticle / first.cpuMicrosPerArticle
    ratios["last_over_first_block_story"] = last.storyMicrosPerArticle / first.storyMicrosPerArticle
    ratios["last_over_first_block_event_per_report"] = last.eventMicrosPerReport / first.eventMicrosPerReport
    let head = Array(blocks.prefix(5))
    let tail = Array(blocks.suffix(5))
    ratios["median_last5_over_median_first5_wall"] =
        median(tail.map(\.wallMicrosPerArticle)) / median(head.map(\.wallMicrosPerArticle))
    ratios["median_last5_over_median_first5_cpu"] =
        median(tail.map(\.cpuMicrosPerArticle)) / median(head.map(\.cpuMicrosPerArticle))
    if let tenK = blocks.first(where: { $0.end == 10 * options.block }), blocks.count > 10 {
        ratios["last_over_10k_block_wall"] = last.wallMicrosPerArticle / tenK.wallMicrosPerArticle
        ratios["last_over_10k_block_cpu"] = last.cpuMicrosPerArticle / tenK.cpuMicrosPerArticle
    }
}
let totalWall = blocks.reduce(0) { $0 + $1.wallSeconds }
let totalCPU = blocks.reduce(0) { $0 + $1.cpuSeconds }
let totals: [String: Double] = [
    "wall_s": totalWall, "cpu_s": totalCPU,
    "story_s": blocks.reduce(0) { $0 + $1.storySeconds }, "event_s": blocks.reduce(0) { $0 + $1.eventSeconds },
    "generation_s_untimed": generationSeconds,
    "wall_us_per_article_overall": totalWall / Double(max(1, options.articles)) * 1e6,
    "cpu_us_per_article_overall": totalCPU / Double(max(1, options.articles)) * 1e6,
]
let stories = clusterer.stories
var final: [String: Int] = [
    "stories": stories.count,
    "stories_with_2_or_more_articles": stories.filter { $0.articleIDs.count >= 2 }.count,
    "largest_story_articles": stories.map(\.articleIDs.count).max() ?? 0,
    "threads": stories.reduce(0) { $0 + $1.threads.count },
    "events": merger.count,
    "reports": totalReports,
    "events_with_2_or_more_reports": merger.events.filter { $0.reports.count >= 2 }.count,
    "largest_event_reports": merger.events.map(\.reports.count).max() ?? 0,
]
final["generated_copies"] = generatedCopies
final["generated_exact_copies"] = generatedExactCopies
final["duplicates_found"] = copiesFound
final["duplicates_found_naming_the_generated_original"] = copiesFoundCorrect

// Encoding.
var encoded: Encoded?
if options.encode {
    progress("encoding the mergers' states (JSONEncoder, sorted keys)")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
        let e0 = clock.now
        let storyData = try encoder.encode(clusterer)
        let e1 = clock.now
        let storyBytes = storyData.count
        let eventData = try encoder.encode(merger)
        let e2 = clock.now
        encoded = Encoded(
            storyBytes: storyBytes, storySeconds: seconds(e1 - e0), eventBytes: eventData.count,
            eventSeconds: seconds(e2 - e1), peakRSSAfterBytes: memoryStatus().peak
        )
    } catch {
        fail("encoding failed: \(error)")
    }
}

let pools = stream.poolSizes
let report = Report(
    articles: options.articles, seed: options.seed, days: options.days, blockSize: options.block,
    corpus: [
        "sources": .strings(corpus.files), "documents": .int(corpus.documents),
        "sentences": .int(corpus.sentences.count), "bytes": .int(corpus.bytes),
    ],
    generated: [
        "articles": options.articles, "words": totalWords, "text_bytes": textBytes, "reports": totalReports,
        "person_pool": pools.persons, "place_pool": pools.places, "outlet_pool": pools.outlets,
        "copies": generatedCopies, "exact_copies": generatedExactCopies,
    ],
    blocks: blocks, checkpoints: checkpoints, ratios: ratios, totals: totals, final: final,
    peakRSSBytes: peakBeforeEncoding, encoded: encoded
)

if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} else {
    print(
        "Merge benchmark: \(options.articles) articles over \(options.days) days (\(options.articles / options.days) a day), "
            + "\(totalReports) event reports, \(totalWords) words; blocks of \(options.block)"
    )
    print("µs per added article (StoryClusterer.add + EventMerger.add of its reports), generation untimed")
    print(
        "articles   wall µs   CPU µs   story µs   event µs   median5 wall   median5 CPU   stories    events   RSS MB"
    )
    for c in checkpoints {
        print(
            String(
                format: "%8d  %8.1f  %7.1f  %9.1f  %9.1f  %13.1f  %12.1f  %7d  %8d  %7.0f",
                c.articles, c.wallMicrosPerArticle, c.cpuMicrosPerArticle, c.storyMicrosPerArticle,
                c.eventMicrosPerArticle, c.median5WallMicrosPerArticle, c.median5CPUMicrosPerArticle, c.stories,
                c.events, Double(c.rssBytes) / 1e6
            )
        )
    }
    for (k, v) in ratios.sorted(by: { $0.key < $1.key }) { print(String(format: "%@: %.2f", k, v)) }
    print(String(format: "peak RSS %.0f MB", Double(peakBeforeEncoding) / 1e6))
    if let e = encoded {
        print(
            String(
                format: "encoded state: StoryClusterer %.1f MB in %.2f s, EventMerger %.1f MB in %.2f s (peak RSS after %.0f MB)",
                Double(e.storyBytes) / 1e6, e.storySeconds, Double(e.eventBytes) / 1e6, e.eventSeconds,
                Double(e.peakRSSAfterBytes) / 1e6
            )
        )
    }
    for (k, v) in final.sorted(by: { $0.key < $1.key }) { print("\(k): \(v)") }
}
