import Foundation
import StorylineCore
import Testing

@testable import StorylineExtract

/// Role facts on the five founding articles of `Examples/corpus`, with the shipped entity recognizer.
extension RoleExtractorTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    /// Person, role and affiliation of a fact.
    struct Triple: Hashable, CustomStringConvertible {
        var person: String
        var role: String
        var affiliation: String?
        var description: String { "\(person) — \(role) — \(affiliation ?? "nil")" }
    }

    @Test func corpusRoleFacts() throws {
        let tagger = try #require(EntityTagger.shipped, "the model file Resources/Models/entities.slner is missing")
        let extractor = RoleExtractor()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasSuffix(".txt")
        }
        #expect(names.count == 5)
        var triples: [Triple] = []
        for name in names.sorted() {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            let bytes = Array(text.utf8)
            for fact in extractor.roles(in: text, entities: tagger.tag(text)) {
                triples.append(Triple(person: fact.person, role: fact.role, affiliation: fact.affiliation))
                let personText = String(decoding: bytes[fact.personRange.range], as: UTF8.self)
                #expect(!fact.roleRange.overlaps(fact.personRange), "\(fact)")
                #expect(
                    !["Minister", "President", "spokesman", "Secretary", "King"].contains { personText.contains($0) },
                    "a title is part of the name: \(personText)"
                )
            }
        }
        // 85 facts when this test was written, all correct by a reading of the articles.
        #expect(triples.count >= 80, "\(triples.count) facts")
        let expected: [Triple] = [
            Triple(person: "Keir Starmer", role: "prime minister", affiliation: "United Kingdom"),
            Triple(person: "Donald Trump", role: "president", affiliation: "United States"),
            Triple(person: "Volodymyr Zelenskyy", role: "president", affiliation: "Ukraine"),
            Triple(person: "Dmitry Peskov", role: "spokesperson", affiliation: "Kremlin"),
            Triple(person: "Mark Rutte", role: "secretary general", affiliation: "NATO"),
            Triple(person: "Sebastien Lecornu", role: "defence minister", affiliation: nil),
            Triple(person: "Kaja Kallas", role: "foreign policy chief", affiliation: "European Union"),
            Triple(person: "Emmanuel Macron", role: "president", affiliation: "France"),
            Triple(person: "Friedrich Merz", role: "chancellor", affiliation: "Germany"),
            Triple(person: "Marco Rubio", role: "secretary of state", affiliation: nil),
            Triple(person: "Ursula von der Leyen", role: "president", affiliation: "European Commission"),
            Triple(person: "Maria Zakharova", role: "foreign ministry spokesperson", affiliation: "Russia"),
            Triple(person: "Steve Witkoff", role: "envoy", affiliation: "White House"),
            Triple(person: "Ronald Reagan", role: "former president", affiliation: "United States"),
        ]
        let found = Set(triples)
        for triple in expected {
            #expect(found.contains(triple), "missing \(triple)")
        }
    }
}
