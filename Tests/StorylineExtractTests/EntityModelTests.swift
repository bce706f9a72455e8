import Foundation
import StorylineCore
import Testing

@testable import StorylineExtract

/// Training, saving and loading an entity model.
struct EntityModelTests {
    static func document(_ text: String, _ names: [(String, EntityType)]) -> EntityTrainingDocument {
        let bytes = Array(text.utf8)
        var mentions: [EntityMention] = []
        var from = 0
        for (name, type) in names {
            let needle = Array(name.utf8)
            guard
                let start = (from...(bytes.count - needle.count)).first(where: {
                    Array(bytes[$0..<$0 + needle.count]) == needle
                })
            else { continue }
            mentions.append(
                EntityMention(range: TextRange(start: start, end: start + needle.count), type: type, canonical: name)
            )
            from = start + needle.count
        }
        return EntityTrainingDocument(id: "t\(text.count)", text: text, mentions: mentions)
    }

    static let training = [
        document("Anna Berg visited Oslo on Monday.", [("Anna Berg", .person), ("Oslo", .geopolitical)]),
        document("Peter Lind said Norway would help.", [("Peter Lind", .person), ("Norway", .geopolitical)]),
        document(
            "The Acme Group hired Clara Holm in Bergen.",
            [("Acme Group", .organization), ("Clara Holm", .person), ("Bergen", .geopolitical)]
        ),
        document("Swedish officials met Jonas Dahl.", [("Swedish", .nationalityOrGroup), ("Jonas Dahl", .person)]),
    ]

    static func tinyModel() -> EntityModel {
        var options = EntityTrainer.Options()
        options.iterations = 5
        options.minCount = 1
        return EntityTrainer(options: options).train(training)
    }

    @Test func trainedModelLearnsItsTrainingSentences() {
        let model = Self.tinyModel()
        let evaluation = EntityTrainer.evaluate(model, on: Self.training)
        #expect(evaluation.f1 > 0.9, "\(evaluation)")
    }

    @Test func modelRoundTripsThroughItsFile() throws {
        let model = Self.tinyModel()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID().uuidString).slner")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.write(to: url)
        let loaded = try EntityModel(contentsOf: url)
        #expect(loaded.featureCount == model.featureCount)
        #expect(loaded.weightCount == model.weightCount)
        #expect(loaded.fileData() == model.fileData())
        let texts = ["Maria Vik visited Bergen and Oslo.", "The Acme Group said Norway would help Anna Berg."]
        for text in texts {
            #expect(EntityTagger(model: loaded).tag(text) == EntityTagger(model: model).tag(text))
        }
        #expect(!EntityTagger(model: loaded).tag(texts[1]).isEmpty)
    }

    @Test func truncatedOrForeignFilesAreRefused() throws {
        let data = Self.tinyModel().fileData()
        #expect(throws: EntityModelError.self) { try EntityModel(data: data.prefix(data.count - 3)) }
        #expect(throws: EntityModelError.self) { try EntityModel(data: Data("not a model at all".utf8)) }
        var wrongVersion = data
        wrongVersion[8] = 99
        #expect(throws: EntityModelError.self) { try EntityModel(data: wrongVersion) }
    }

    @Test func shippedModelLoads() throws {
        let model = try #require(EntityModel.shipped)
        #expect(model.featureCount > 1000)
    }

    @Test func trainingReadsScalarOffsets() throws {
        // "Zelensky’s" has a 3-byte apostrophe: scalar offset 20 is byte offset 22.
        let line =
            #"{"id":"x","text":"Kyiv — Zelensky’s aide met Macron.","entities":[{"type":"GPE","start":0,"end":4},{"type":"PERSON","start":7,"end":15},{"type":"PERSON","start":27,"end":33}]}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("train-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data((line + "\n").utf8).write(to: url)
        let doc = try #require(try EntityTrainingDocument.read(jsonl: url).first)
        let bytes = Array(doc.text.utf8)
        let surfaces = doc.mentions.map { String(decoding: bytes[$0.range.range], as: UTF8.self) }
        #expect(surfaces == ["Kyiv", "Zelensky", "Macron"])
    }
}
