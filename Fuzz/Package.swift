// swift-tools-version:6.1
// libFuzzer harnesses for Storyline's readers and text pipeline (issue 9). A separate package, so that the main
// build, `swift test` and CI never see the fuzzer flags. Build and run them with `Fuzz/run.sh` (see RELIABILITY.md).
import PackageDescription

/// One executable per harness: `Sources/<name>/main.swift` defines `LLVMFuzzerTestOneInput` and hands it to
/// libFuzzer's driver.
func harness(_ name: String, _ dependencies: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + dependencies.map { .product(name: $0, package: "storyline") },
        path: "Sources/\(name)"
    )
}

let package = Package(
    name: "StorylineFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: ".deps/Storyline")],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver`.
        .systemLibrary(name: "CFuzzer"),
        // `fuzzerMain`: starts libFuzzer from a harness's main.swift.
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"]),
        harness("fuzz-html", ["StorylineCore", "StorylineIngest"]),
        harness("fuzz-feed", ["StorylineCore", "StorylineIngest"]),
        harness("fuzz-warc", ["StorylineCore", "StorylineIngest"]),
        harness("fuzz-jsonl", ["StorylineCore", "StorylineIngest"]),
        harness("fuzz-sentences", ["StorylineCore", "StorylineText"]),
        harness("fuzz-quotations", ["StorylineCore", "StorylineText"]),
        harness("fuzz-time", ["StorylineCore", "StorylineExtract"]),
        harness("fuzz-extract", ["StorylineCore", "StorylineExtract"]),
    ]
)
