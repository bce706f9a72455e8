import Crypto
import StorylineCore

/// What a reader found in one document, before the body is hashed into an ``Article``.
///
/// Every reader fills a draft and calls ``finish()``, so that all formats compute the
/// content hash, the id and the paragraph clean-up the same way.
public struct ArticleDraft: Sendable {
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    public var modified: PublicationDate?
    public var byline: [String] = []
    public var language: String?
    public var dateline: String?
    public var paragraphs: [String] = []
    public var liveBlogEntries: [LiveBlogEntry] = []
    public var removedChrome: [String] = []
    public var origin: ArticleOrigin

    public init(origin: ArticleOrigin) {
        self.origin = origin
    }

    /// Normalizes whitespace in every field, drops empty paragraphs (re-indexing live-blog entries),
    /// splits a wire dateline ("WASHINGTON —") off the first paragraph, hashes the body and returns the
    /// article; throws ``IngestError/Code/empty`` when no body text is left.
    public func finish() throws -> Article {
        var kept: [String] = []
        var newIndex: [Int] = []
        newIndex.reserveCapacity(paragraphs.count + 1)
        for paragraph in paragraphs {
            newIndex.append(kept.count)
            let clean = TextCleanup.collapseWhitespace(paragraph)
            if !clean.isEmpty { kept.append(clean) }
        }
        newIndex.append(kept.count)
        guard !kept.isEmpty else {
            throw IngestError(
                .empty,
                "no article text found",
                path: origin.path,
                location: origin.record.map { "record \($0)" }
            )
        }
        let entries = liveBlogEntries.compactMap { entry -> LiveBlogEntry? in
            let lower = newIndex[min(entry.paragraphRange.lowerBound, newIndex.count - 1)]
            let upper = newIndex[min(entry.paragraphRange.upperBound, newIndex.count - 1)]
            var copy = entry
            copy.paragraphRange = lower..<max(lower, upper)
            copy.headline = entry.headline.map(TextCleanup.collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
            return copy.paragraphRange.isEmpty && copy.headline == nil ? nil : copy
        }
        var dateline = dateline.map(TextCleanup.collapseWhitespace)
        if dateline == nil, let split = Dateline.split(kept[0]) {
            dateline = split.dateline
            kept[0] = split.rest
        }
        let hash = ContentHash.of(paragraphs: kept)
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let c = TextCleanup.collapseWhitespace(s)
            return c.isEmpty ? nil : c
        }
        var names: [String] = []
        for name in byline.compactMap(clean) where !names.contains(name) { names.append(name) }
        return Article(
            id: String(hash.prefix(16)),
            contentHash: hash,
            title: clean(title),
            outlet: clean(outlet),
            url: clean(url),
            published: published,
            modified: modified,
            byline: names,
            language: clean(language),
            dateline: clean(dateline),
            paragraphs: kept,
            liveBlogEntries: entries,
            removedChrome: removedChrome.compactMap(clean),
            origin: origin
        )
    }
}

/// The content hash of an article body.
public enum ContentHash {
    /// SHA-256, lowercase hex, of the paragraphs joined by `"\n\n"` (the article's `text`).
    public static func of(paragraphs: [String]) -> String {
        var hasher = SHA256()
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { hasher.update(data: Array("\n\n".utf8)) }
            hasher.update(data: Array(paragraph.utf8))
        }
        let digest = hasher.finalize()
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
