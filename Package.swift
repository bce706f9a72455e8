// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Storyline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "storyline", targets: ["storyline"]),
        .library(name: "StorylineCore", targets: ["StorylineCore"]),
        .library(name: "StorylineText", targets: ["StorylineText"]),
        .library(name: "StorylineIngest", targets: ["StorylineIngest"]),
        .library(name: "StorylineStore", targets: ["StorylineStore"]),
        .library(name: "StorylineSQLite", targets: ["StorylineSQLite"]),
        .library(name: "StorylineExtract", targets: ["StorylineExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Shared vocabulary: values only, no dependencies.
        .target(name: "StorylineCore"),

        // UTF-8 text primitives: normalization, tokens, sentences, quotation spans.
        .target(name: "StorylineText", dependencies: ["StorylineCore"]),

        // System libraries: libxml2 (tolerant HTML parser, XML for feeds) and zlib (gzip in WARC and HTTP).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Readers: plain text, HTML, RSS/Atom, JSONL, WARC; boilerplate removal; metadata; live blogs.
        .target(
            name: "StorylineIngest",
            dependencies: [
                "StorylineCore", "CLibXML2", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Per-article extraction: time expressions (TIMEX3), later entities, quotes, events.
        .target(name: "StorylineExtract", dependencies: ["StorylineCore", "StorylineText"]),

        // The Store protocol, the in-memory store and the query types shared by every backend.
        .target(name: "StorylineStore", dependencies: ["StorylineCore"]),

        // SQLite through GRDB: the embedded default store.
        .target(
            name: "StorylineSQLite",
            dependencies: [
                "StorylineCore", "StorylineStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // The command-line tool.
        .executableTarget(
            name: "storyline",
            dependencies: [
                "StorylineCore", "StorylineIngest", "StorylineStore", "StorylineSQLite", "StorylineExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Throughput benchmark of the ingest path (run by Benchmarks/run-ingest-benchmark.sh).
        .executableTarget(
            name: "storyline-ingest-bench",
            dependencies: ["StorylineCore", "StorylineIngest"],
            path: "Benchmarks/IngestBench"
        ),

        // Throughput benchmark of the time tagger (run by Benchmarks/run-time-benchmark.sh).
        .executableTarget(
            name: "storyline-time-bench",
            dependencies: ["StorylineCore", "StorylineExtract"],
            path: "Benchmarks/TimeBench"
        ),

        .testTarget(name: "StorylineCoreTests", dependencies: ["StorylineCore"]),
        .testTarget(name: "StorylineTextTests", dependencies: ["StorylineCore", "StorylineText"]),
        .testTarget(
            name: "StorylineIngestTests",
            dependencies: ["StorylineCore", "StorylineIngest"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StorylineExtractTests", dependencies: ["StorylineCore", "StorylineExtract"]),
        .testTarget(
            name: "StorylineStoreTests",
            dependencies: [
                "StorylineCore", "StorylineStore", "StorylineSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "storylineTests",
            dependencies: ["StorylineCore", "StorylineStore", "StorylineSQLite", "storyline"]
        ),
    ]
)
