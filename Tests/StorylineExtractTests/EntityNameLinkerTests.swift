import StorylineCore
import Testing

@testable import StorylineExtract

/// In-document canonical names, on hand-made spans (independent of the statistical model).
struct EntityNameLinkerTests {
    /// Mentions for the given surface strings, each at its first occurrence after the previous one.
    static func link(_ text: String, _ names: [(String, EntityType)]) throws -> [String] {
        let document = EntityDocument(text: text, gazetteer: EntityGazetteer.shared)
        var spans: [(tokens: Range<Int>, type: EntityType)] = []
        var from = 0
        let bytes = Array(text.utf8)
        for (name, type) in names {
            let needle = Array(name.utf8)
            let start = try #require(
                (from...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle },
                "\(name) not found"
            )
            let end = start + needle.count
            let a = try #require(document.tokens.firstIndex { $0.range.start == start })
            let z = try #require(document.tokens.firstIndex { $0.range.end == end })
            spans.append((a..<z + 1, type))
            from = end
        }
        return EntityNameLinker(document: document, gazetteer: EntityGazetteer.shared).mentions(for: spans).map(
            \.canonical
        )
    }

    @Test func surnameTakesTheEarlierFullName() throws {
        let names = try Self.link(
            "Keir Starmer arrived. Later Starmer spoke, and Mr Starmer left.",
            [("Keir Starmer", .person), ("Starmer", .person), ("Starmer", .person)]
        )
        #expect(names == ["Keir Starmer", "Keir Starmer", "Keir Starmer"])
    }

    @Test func headlineSurnameTakesALaterFullName() throws {
        let names = try Self.link(
            "Rutte warns allies\n\nMark Rutte told reporters in Brussels that spending must rise.",
            [("Rutte", .person), ("Mark Rutte", .person), ("Brussels", .geopolitical)]
        )
        #expect(names == ["Mark Rutte", "Mark Rutte", "Brussels"])
    }

    @Test func twoPeopleWithTheSameSurnameStayApartByNearestName() throws {
        let names = try Self.link(
            "Donald Trump spoke first. Trump was brief. Then Melania Trump spoke. Trump thanked the guests.",
            [("Donald Trump", .person), ("Trump", .person), ("Melania Trump", .person), ("Trump", .person)]
        )
        #expect(names == ["Donald Trump", "Donald Trump", "Melania Trump", "Melania Trump"])
    }

    @Test func firstAndLastNameSubsetTakesTheFullerName() throws {
        let names = try Self.link(
            "Recep Tayyip Erdogan hosted the talks. Tayyip Erdogan said Turkey was ready.",
            [("Recep Tayyip Erdogan", .person), ("Tayyip Erdogan", .person), ("Turkey", .geopolitical)]
        )
        #expect(names == ["Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Turkey"])
    }

    @Test func gazetteerAliasesResolveToCanonicalNames() throws {
        let names = try Self.link(
            "US and U.S. and America; UK and Britain; Nato and the EU; Ukrainians and Kiev.",
            [
                ("US", .geopolitical), ("U.S.", .geopolitical), ("America", .geopolitical),
                ("UK", .geopolitical), ("Britain", .geopolitical), ("Nato", .organization),
                ("EU", .organization), ("Ukrainians", .nationalityOrGroup), ("Kiev", .geopolitical),
            ]
        )
        #expect(
            names == [
                "United States", "United States", "United States", "United Kingdom", "United Kingdom", "NATO",
                "European Union", "Ukrainian", "Kyiv",
            ]
        )
    }

    @Test func unknownNamesKeepTheirSurfaceText() throws {
        let names = try Self.link(
            "The Zorvath Institute said Velmora was calm.",
            [("Zorvath Institute", .organization), ("Velmora", .geopolitical)]
        )
        #expect(names == ["Zorvath Institute", "Velmora"])
    }

    @Test func surnameReadAsAnotherTypeBecomesThePerson() throws {
        let document = EntityDocument(
            text: "Donald Trump met Mark Rutte. Trump said Jordan would help.",
            gazetteer: EntityGazetteer.shared
        )
        // Tokens: Donald Trump met Mark Rutte . Trump said Jordan would help .
        let spans: [(tokens: Range<Int>, type: EntityType)] = [
            (0..<2, .person), (3..<5, .person), (6..<7, .organization), (8..<9, .geopolitical),
        ]
        let mentions = EntityNameLinker(document: document, gazetteer: EntityGazetteer.shared).mentions(for: spans)
        #expect(mentions[2].type == .person)
        #expect(mentions[2].canonical == "Donald Trump")
        #expect(mentions[3].type == .geopolitical)
        #expect(mentions[3].canonical == "Jordan")
    }

    @Test func titlesAreCutFromNamesOfAnyType() throws {
        let document = EntityDocument(
            text: "Foreign Minister Andrii Sybiha spoke. General Motors said so.",
            gazetteer: EntityGazetteer.shared
        )
        // A title of two words before a name read as ORG: the name is the person.
        let sybiha = try #require(EntityTagger.clean(0..<4, type: .organization, in: document))
        #expect(sybiha.tokens == 2..<4)
        #expect(sybiha.type == .person)
        // One title word before one name word: left alone.
        let motors = try #require(EntityTagger.clean(6..<8, type: .organization, in: document))
        #expect(motors.tokens == 6..<8)
        #expect(motors.type == .organization)
    }
}
