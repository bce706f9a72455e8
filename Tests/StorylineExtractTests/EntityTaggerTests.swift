import StorylineCore
import Testing

@testable import StorylineExtract

/// The shipped entity recognizer on real-shaped news sentences written for these tests.
struct EntityTaggerTests {
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var type: EntityType
        var canonical: String
        var description: String { "\(text) \(type.rawValue) → \(canonical)" }
    }

    static func tag(_ text: String) throws -> [Found] {
        let tagger = try #require(EntityTagger.shipped, "the model file Resources/Models/entities.slner is missing")
        let bytes = Array(text.utf8)
        return tagger.tag(text).map {
            Found(
                text: String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self),
                type: $0.type,
                canonical: $0.canonical
            )
        }
    }

    static func find(_ surface: String, in found: [Found]) -> Found? { found.first { $0.text == surface } }

    @Test func titlesAreNotPartOfTheName() throws {
        let found = try Self.tag(
            "UK Prime Minister Keir Starmer flew to Washington on Thursday to meet President Donald Trump."
        )
        #expect(Self.find("UK", in: found)?.type == .geopolitical)
        #expect(Self.find("Keir Starmer", in: found)?.type == .person)
        #expect(Self.find("Donald Trump", in: found)?.type == .person)
        #expect(!found.contains { $0.text.contains("Minister") || $0.text.contains("President") }, "\(found)")
    }

    @Test func possessivesAreNotPartOfTheName() throws {
        let found = try Self.tag("Ukraine's allies met in London after Russia's latest strikes on Kharkiv.")
        #expect(Self.find("Ukraine", in: found)?.type == .geopolitical)
        #expect(Self.find("Russia", in: found)?.type == .geopolitical)
        #expect(!found.contains { $0.text.hasSuffix("'s") || $0.text.hasSuffix("s'") }, "\(found)")
    }

    @Test func multiWordNames() throws {
        let found = try Self.tag(
            "Kremlin spokesman Dmitry Peskov said the talks in Saudi Arabia with the European Union would go on."
        )
        #expect(Self.find("Dmitry Peskov", in: found)?.type == .person, "\(found)")
        #expect(Self.find("Saudi Arabia", in: found)?.type == .geopolitical, "\(found)")
        #expect(Self.find("European Union", in: found)?.type == .organization, "\(found)")
    }

    @Test func nationalityAdjectivesAreNORPAndCountriesGPE() throws {
        let found = try Self.tag("Ukrainian troops pushed into Russia while French and German officials watched.")
        #expect(Self.find("Ukrainian", in: found)?.type == .nationalityOrGroup, "\(found)")
        #expect(Self.find("French", in: found)?.type == .nationalityOrGroup, "\(found)")
        #expect(Self.find("Russia", in: found)?.type == .geopolitical, "\(found)")
    }

    @Test func unseenNameIsAPersonByContext() throws {
        let found = try Self.tag(
            "\"We are ready to talk,\" said Olena Kovalchuk, a spokeswoman for the regional administration."
        )
        #expect(Self.find("Olena Kovalchuk", in: found)?.type == .person, "\(found)")
    }

    @Test func countryAliasesGetTheirCanonicalNames() throws {
        let found = try Self.tag(
            "The U.S. and Britain backed the plan. Officials in America said the UK would send troops."
        )
        #expect(Self.find("U.S.", in: found)?.canonical == "United States", "\(found)")
        #expect(Self.find("America", in: found)?.canonical == "United States", "\(found)")
        #expect(Self.find("Britain", in: found)?.canonical == "United Kingdom", "\(found)")
        #expect(Self.find("UK", in: found)?.canonical == "United Kingdom", "\(found)")
    }

    @Test func surnameLinksToTheFullNameInTheSameText() throws {
        let found = try Self.tag(
            "Foreign Minister Andrii Sybiha met envoys in Kyiv on Monday. Sybiha said the meeting was useful."
        )
        let later = found.filter { $0.text == "Sybiha" }
        #expect(later.count == 1, "\(found)")
        #expect(later.first?.canonical == "Andrii Sybiha")
        #expect(later.first?.type == .person)
    }

    @Test func rangesAreUTF8ByteOffsets() throws {
        let text = "Zelensky’s office — in Kyiv — thanked Mr Macron."
        let tagger = try #require(EntityTagger.shipped)
        let bytes = Array(text.utf8)
        let kyiv = try #require(tagger.tag(text).first { $0.canonical == "Kyiv" })
        #expect(String(decoding: bytes[kyiv.range.start..<kyiv.range.end], as: UTF8.self) == "Kyiv")
        #expect(kyiv.range.start == Array("Zelensky’s office — in ".utf8).count)
    }
}
