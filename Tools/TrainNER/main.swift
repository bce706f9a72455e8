// storyline-train-ner: trains the entity recognizer's weights (Sources/StorylineExtract/Resources/Models).
//
//     swift run -c release storyline-train-ner [--data FILE…] [--silver FILE…] [--iterations N] [--out PATH]
//
// See Sources/StorylineExtract/Resources/Models/README.md for the data mix and the defaults.
import Foundation
import StorylineExtract

let usage = """
    usage: storyline-train-ner [--data FILE]… [--silver FILE]… [--iterations N] [--out PATH]
                               [--holdout SPLIT|none] [--seed N] [--min-count N] [--max-weights N]
                               [--no-demonyms]
           storyline-train-ner --benchmark FILE… [--quotes]   (words/s of EntityTagger.tag on one core over
                                                 JSONL texts; --quotes: and of QuoteExtractor on its mentions)
      --data FILE      gold training JSONL (FORMAT.md shape); default ../shared/eval/train/gum-ner-train.jsonl
      --silver FILE    machine-labelled JSONL, used as is; default Scripts/ner/data/silver-news.jsonl if present
                       (make it with Scripts/ner/make_silver.py); --silver none to train on gold only
      --holdout SPLIT  gold documents whose gum_split is SPLIT are held out and scored (default test)
      --no-demonyms    do not add NORP labels from the demonym gazetteer to the gold data
    """

var dataFiles: [String] = []
var silverFiles: [String] = []
var output = "Sources/StorylineExtract/Resources/Models/entities.slner"
var holdout = "test"
var demonyms = true
var options = EntityTrainer.Options()
var benchmarkFiles: [String] = []
var benchmarkQuotes = false

var arguments = CommandLine.arguments.dropFirst()
@MainActor func value(_ flag: String) -> String {
    guard let v = arguments.popFirst() else {
        FileHandle.standardError.write(Data("storyline-train-ner: \(flag) needs a value\n\(usage)\n".utf8))
        exit(2)
    }
    return v
}
@MainActor func number(_ flag: String) -> Int {
    let v = value(flag)
    guard let n = Int(v), n >= 0 else {
        FileHandle.standardError.write(Data("storyline-train-ner: \(flag) wants a number, got \"\(v)\"\n".utf8))
        exit(2)
    }
    return n
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--data": dataFiles.append(value(argument))
    case "--silver": silverFiles.append(value(argument))
    case "--iterations": options.iterations = number(argument)
    case "--out": output = value(argument)
    case "--holdout": holdout = value(argument)
    case "--seed": options.seed = UInt64(number(argument))
    case "--min-count": options.minCount = number(argument)
    case "--max-weights": options.maxWeights = number(argument)
    case "--no-demonyms": demonyms = false
    case "--quotes":
        benchmarkQuotes = true
    case "--benchmark":
        benchmarkFiles.append(value(argument))
        while let next = arguments.first, !next.hasPrefix("--") { benchmarkFiles.append(arguments.removeFirst()) }
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        FileHandle.standardError.write(Data("storyline-train-ner: unknown argument \"\(argument)\"\n\(usage)\n".utf8))
        exit(2)
    }
}
if !benchmarkFiles.isEmpty {
    do {
        try runBenchmark(benchmarkFiles, quotes: benchmarkQuotes)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("storyline-train-ner: \(error)\n".utf8))
        exit(1)
    }
}
if dataFiles.isEmpty { dataFiles = ["../shared/eval/train/gum-ner-train.jsonl"] }
if silverFiles.isEmpty, FileManager.default.fileExists(atPath: "Scripts/ner/data/silver-news.jsonl") {
    silverFiles = ["Scripts/ner/data/silver-news.jsonl"]
}
silverFiles.removeAll { $0 == "none" }

let started = Date()
do {
    var training: [EntityTrainingDocument] = []
    var heldOut: [EntityTrainingDocument] = []
    var addedNORP = 0
    for file in dataFiles {
        for var doc in try EntityTrainingDocument.read(jsonl: URL(fileURLWithPath: file)) {
            if demonyms { addedNORP += doc.labelUnmarkedDemonyms() }
            if doc.split == holdout { heldOut.append(doc) } else { training.append(doc) }
        }
    }
    print(
        "gold: \(training.count) training and \(heldOut.count) held-out documents from \(dataFiles.joined(separator: ", "))"
    )
    if demonyms { print("added \(addedNORP) NORP labels from the demonym gazetteer") }
    for file in silverFiles {
        let silver = try EntityTrainingDocument.read(jsonl: URL(fileURLWithPath: file))
        print("silver: \(silver.count) documents from \(file)")
        training += silver
    }
    let model = EntityTrainer(options: options).train(training, heldOut: heldOut) { print($0) }
    try model.write(to: URL(fileURLWithPath: output))
    let size = model.fileData().count
    print("wrote \(output) (\(size / 1024) KiB) in \(Int(Date().timeIntervalSince(started))) s")
} catch {
    FileHandle.standardError.write(Data("storyline-train-ner: \(error)\n".utf8))
    exit(1)
}
