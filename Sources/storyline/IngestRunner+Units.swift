import Foundation
import StorylineCore
import StorylineExtract
import StorylineIngest
import StorylineStore

/// Where the units of an ingest run come from, in order: a list (files), or standard input cut as it arrives.
protocol IngestUnitSource {
    mutating func next() throws -> IngestRunner.Unit?
}

extension IngestRunner {
    /// What one unit of reading gave: its size, its articles with their annotations, and its failed records.
    struct Read: Sendable {
        var size: Int
        var articles: [AnnotatedArticle]
        var errors: [IngestError]
    }

    /// One unit of reading: a whole input file, one segment of a large JSON Lines file, or one segment of JSON
    /// Lines from standard input — so that a large input is read and annotated on every core and never held
    /// whole in memory.
    struct Unit: Sendable {
        /// The input file; nil for standard input.
        var item: InputFiles.Item?
        var segment: JSONLSegment?
        /// The segment's bytes, for standard input (a file's segment is read by its worker).
        var bytes: [UInt8]?
        /// Whether this is the input's last unit (a whole input is its own last).
        var last: Bool
    }

    /// The units of input files, in order, made as they are needed: a large JSON Lines file is cut into segments
    /// (one pass over it) when its turn comes, not all files before the run starts; the other files are whole. A
    /// file that cannot be cut (unreadable) is one unit, whose reading reports why.
    struct FileUnits: IngestUnitSource {
        var items: ArraySlice<InputFiles.Item>
        let segmenter: JSONLSegments
        var queue: [Unit] = []

        init(_ items: [InputFiles.Item], segmenter: JSONLSegments) {
            self.items = items[...]
            self.segmenter = segmenter
        }

        mutating func next() -> Unit? {
            while queue.isEmpty, let item = items.popFirst() {
                let segments =
                    item.size >= segmenter.minimumFileBytes ? (try? segmenter.split(path: item.path)) ?? nil : nil
                guard let segments, !segments.isEmpty else {
                    queue = [Unit(item: item, segment: nil, last: true)]
                    break
                }
                queue = segments.enumerated().map { index, segment in
                    Unit(item: item, segment: segment, last: index == segments.count - 1)
                }
            }
            return queue.isEmpty ? nil : queue.removeFirst()
        }
    }

    /// A single unit: one input in memory.
    struct SingleUnit: IngestUnitSource {
        var unit: Unit?

        mutating func next() -> Unit? {
            defer { unit = nil }
            return unit
        }
    }

    /// The units of JSON Lines on standard input, cut as they arrive (``JSONLStreamCutter``); an empty last unit
    /// marks the end of the input.
    struct StreamUnits: IngestUnitSource {
        /// The bytes read at a time.
        static let chunkBytes = 64 << 10
        var handle: FileHandle
        /// Bytes already read (to sniff the format), cut first.
        var head: [UInt8]?
        var cutter: JSONLStreamCutter
        var queue: [Unit] = []
        var ended = false

        init(handle: FileHandle, head: [UInt8], cutter: JSONLStreamCutter) {
            self.handle = handle
            self.head = head
            self.cutter = cutter
        }

        mutating func next() throws -> Unit? {
            while queue.isEmpty && !ended {
                var chunk: [UInt8]
                if let head {
                    chunk = head
                } else {
                    chunk = [UInt8](try handle.read(upToCount: Self.chunkBytes) ?? Data())
                }
                head = nil
                if chunk.isEmpty {
                    ended = true
                    queue += cutter.finish().map(Self.unit)
                    queue.append(Unit(item: nil, segment: nil, bytes: [], last: true))
                } else {
                    queue += cutter.feed(chunk).map(Self.unit)
                }
            }
            return queue.isEmpty ? nil : queue.removeFirst()
        }

        static func unit(_ piece: JSONLStreamCutter.Piece) -> Unit {
            Unit(item: nil, segment: piece.segment, bytes: piece.bytes, last: false)
        }
    }

    /// Reads one unit and annotates its articles that the store does not hold yet (with an `extractor`), or
    /// reads its annotated articles (without one: ``extracted``).
    static func read(
        _ unit: Unit,
        reader: DocumentReader,
        segmenter: JSONLSegments,
        extractor: ArticleExtractor?,
        store: any ArticleStore
    ) async throws -> Read {
        let path = unit.item?.path
        do {
            let bytes: [UInt8]
            if let inMemory = unit.bytes {
                bytes = inMemory
            } else if let item = unit.item, let segment = unit.segment {
                bytes = try segmenter.bytes(of: segment, path: item.path)
            } else if let item = unit.item {
                bytes = try InputFiles.read(item.path, limit: reader.maxDecompressedBytes)
            } else {
                bytes = []
            }
            let size = unit.segment.map(Self.size) ?? bytes.count
            guard let extractor else {
                let (articles, errors) = try readExtracted(bytes, of: unit, segmenter: segmenter, reader: reader)
                return Read(size: size, articles: articles, errors: errors)
            }
            var result: ReadResult
            if let segment = unit.segment {
                result = segmenter.read(bytes, of: segment, path: path)
                if let metadata = unit.item?.metadata, !metadata.isEmpty {
                    result.articles = result.articles.map { metadata.apply(to: $0) }
                }
            } else if let item = unit.item {
                result = reader.read(bytes, path: item.path, metadata: item.metadata)
            } else {
                result = ReadResult()
            }
            // An article already stored (a re-run, or the rest of a killed run) keeps the annotations of its
            // first reading (only its source is added): it is not extracted again.
            let stored = try await store.storedContentHashes(among: result.articles.map(\.contentHash))
            // Extraction is CPU-bound: it runs here, in parallel, not in the writer.
            let articles = result.articles.map { article in
                stored.contains(article.contentHash)
                    ? AnnotatedArticle(article: article, annotations: ArticleAnnotations())
                    : extractor.annotate(article)
            }
            return Read(size: size, articles: articles, errors: result.errors)
        } catch let error as IngestError {
            let failed = error.path == nil && path != nil ? error.at(path: path) : error
            let size = unit.segment == nil ? unit.bytes?.count ?? unit.item?.size ?? 0 : 0
            return Read(size: size, articles: [], errors: [failed])
        }
    }

    /// The bytes of the input a segment stands for (a line too long to read included).
    private static func size(_ segment: JSONLSegment) -> Int {
        switch segment.content {
        case .lines(_, let length), .oversized(let length): length
        }
    }

    /// The annotated articles of one unit's bytes (``extracted``): a whole file, gzip-compressed or not, or a
    /// segment.
    private static func readExtracted(
        _ bytes: [UInt8],
        of unit: Unit,
        segmenter: JSONLSegments,
        reader: DocumentReader
    ) throws -> (articles: [AnnotatedArticle], errors: [IngestError]) {
        let path = unit.item?.path
        let maxLine = segmenter.reader.maxLineBytes
        if let segment = unit.segment, case .oversized(let length) = segment.content {
            return (
                [], [ExtractedArticles.oversized(length, maxLineBytes: maxLine, path: path, line: segment.firstLine)]
            )
        }
        var input = bytes
        if unit.segment == nil, FormatSniffer.sniff(bytes) == .gzip {
            input = try Gzip.decompress(bytes, limit: reader.maxDecompressedBytes)
        }
        return ExtractedArticles.read(input, path: path, firstLine: unit.segment?.firstLine ?? 1, maxLineBytes: maxLine)
    }
}
