import Foundation
import StorylineCore

/// A text with its gold (or silver) entity mentions, for training and evaluating the recognizer.
///
/// Mention ranges are UTF-8 byte offsets into ``text``; ``read(jsonl:)`` converts the Unicode-scalar
/// offsets of the evaluation format (FORMAT.md) on reading.
public struct EntityTrainingDocument: Sendable {
    /// The record's `id`.
    public var id: String
    /// The text.
    public var text: String
    /// The record's `gum_split` (`train`, `dev`, `test`) when it has one.
    public var split: String?
    /// The mentions, in UTF-8 byte offsets; `canonical` is not used for training.
    public var mentions: [EntityMention]

    /// Creates a document.
    public init(id: String, text: String, split: String? = nil, mentions: [EntityMention]) {
        self.id = id
        self.text = text
        self.split = split
        self.mentions = mentions
    }

    private struct Record: Decodable {
        struct Entity: Decodable {
            var type: String
            var start: Int
            var end: Int
            var entity: String?
        }
        var id: String?
        var text: String
        var gum_split: String?
        var entities: [Entity]?
    }

    /// Reads a JSONL file in the evaluation format: `id`, `text` and `entities` with `type` and
    /// Unicode-scalar `start`/`end`. Mentions of other types are skipped.
    public static func read(jsonl url: URL) throws -> [EntityTrainingDocument] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EntityModelError(message: "cannot read the training file \"\(url.path)\"", cause: error)
        }
        var documents: [EntityTrainingDocument] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            lineNumber += 1
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line))
            } catch {
                throw EntityModelError(message: "\(url.path):\(lineNumber): not a training record", cause: error)
            }
            // Byte offset of every scalar offset.
            var byteOffset: [Int] = []
            byteOffset.reserveCapacity(record.text.utf8.count + 1)
            var b = 0
            for scalar in record.text.unicodeScalars {
                byteOffset.append(b)
                b += UTF8.width(scalar)
            }
            byteOffset.append(b)
            var mentions: [EntityMention] = []
            for e in record.entities ?? [] {
                guard let type = EntityType(rawValue: e.type), e.start >= 0, e.start < e.end,
                    e.end < byteOffset.count
                else { continue }
                mentions.append(
                    EntityMention(
                        range: TextRange(start: byteOffset[e.start], end: byteOffset[e.end]),
                        type: type,
                        canonical: e.entity ?? ""
                    )
                )
            }
            documents.append(
                EntityTrainingDocument(
                    id: record.id ?? "\(url.lastPathComponent):\(lineNumber)",
                    text: record.text,
                    split: record.gum_split,
                    mentions: mentions.sorted { $0.range < $1.range }
                )
            )
        }
        return documents
    }

    /// The BILOU tag of every token of `document` (prepared from ``text``); mentions whose edges fall
    /// inside a token are left out and counted in `misaligned`.
    func goldTags(for document: EntityDocument, misaligned: inout Int) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.tokens.count)
        var startToken: [Int: Int] = [:]
        var endToken: [Int: Int] = [:]
        for (i, token) in document.tokens.enumerated() {
            startToken[token.range.start] = i
            endToken[token.range.end] = i
        }
        for mention in mentions {
            guard let a = startToken[mention.range.start], let z = endToken[mention.range.end], a <= z,
                tags[a...z].allSatisfy(\.isOutside)
            else {
                misaligned += 1
                continue
            }
            let span = EntityTag.tags(for: mention.type, count: z - a + 1)
            for k in 0..<span.count { tags[a + k] = span[k] }
        }
        return tags
    }

    private static let notNationality: Set<String> = [
        "in", "into", "from", "speak", "speaks", "spoke", "spoken", "speaking", "learn", "learning", "taught",
    ]
    private static let languageNouns: Set<String> = [
        "language", "languages", "speakers", "translation", "word", "words",
    ]

    /// Marks nationality and group words of the demonym gazetteer ("Ukrainian", "Europeans") as NORP
    /// where no mention covers them and the context does not make them a language ("in French",
    /// "the English language"). Returns how many were added.
    ///
    /// For corpora such as GUM that do not mark NORP adjectives while Storyline's guideline does.
    public mutating func labelUnmarkedDemonyms() -> Int {
        let gazetteer = EntityGazetteer.shared
        let document = EntityDocument(text: text, gazetteer: gazetteer)
        let demonym = EntityGazetteer.Sources(1) << EntityGazetteer.Sources(EntityGazetteer.Source.demonym.rawValue)
        let tokens = document.tokens
        func lower(_ i: Int) -> String {
            guard i >= 0, i < tokens.count else { return "" }
            return String(decoding: document.bytes[tokens[i].range.range], as: UTF8.self).lowercased()
        }
        var added: [EntityMention] = []
        var i = 0
        while i < tokens.count {
            let pos = document.matches.namePosition[i]
            guard pos == 0 || pos == 3, document.matches.nameSources[i] & demonym != 0 else {
                i += 1
                continue
            }
            var z = i
            while z < tokens.count - 1, document.matches.namePosition[z] != 3, document.matches.namePosition[z] != 2 {
                z += 1
            }
            let range = TextRange(start: tokens[i].range.start, end: tokens[z].range.end)
            let free = !mentions.contains { $0.range.overlaps(range) }
            if free, !Self.notNationality.contains(lower(i - 1)), !Self.languageNouns.contains(lower(z + 1)) {
                added.append(EntityMention(range: range, type: .nationalityOrGroup, canonical: ""))
            }
            i = z + 1
        }
        mentions = (mentions + added).sorted { $0.range < $1.range }
        return added.count
    }
}
