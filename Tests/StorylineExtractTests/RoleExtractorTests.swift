import StorylineCore
import Testing

@testable import StorylineExtract

/// Role facts on real-shaped news sentences written for these tests, with the shipped entity recognizer's
/// mentions.
struct RoleExtractorTests {
    /// A role fact with its ranges read back as text.
    struct Found: Equatable, CustomStringConvertible {
        var person: String
        var personText: String
        var role: String
        var roleText: String
        var affiliation: String?
        var affiliationText: String?

        var description: String {
            "\(person) [\(personText)] — \(role) [\(roleText)] — \(affiliation ?? "nil") [\(affiliationText ?? "")]"
        }
    }

    static func roles(_ text: String) throws -> [Found] {
        let tagger = try #require(EntityTagger.shipped, "the model file Resources/Models/entities.slner is missing")
        let bytes = Array(text.utf8)
        func slice(_ r: TextRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }
        return RoleExtractor().roles(in: text, entities: tagger.tag(text)).map {
            Found(
                person: $0.person,
                personText: slice($0.personRange),
                role: $0.role,
                roleText: slice($0.roleRange),
                affiliation: $0.affiliation,
                affiliationText: $0.affiliationRange.map(slice)
            )
        }
    }

    static func only(_ text: String) throws -> Found? {
        let found = try roles(text)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    // MARK: Titles before the name

    @Test func countryAbbreviationBeforeTitle() throws {
        let fact = try Self.only("UK Prime Minister Keir Starmer flew to Washington on Thursday for talks on Ukraine.")
        #expect(
            fact
                == Found(
                    person: "Keir Starmer",
                    personText: "Keir Starmer",
                    role: "prime minister",
                    roleText: "Prime Minister",
                    affiliation: "United Kingdom",
                    affiliationText: "UK"
                )
        )
    }

    @Test func organisationBeforeTitle() throws {
        let fact = try Self.only("Kremlin spokesman Dmitry Peskov told reporters on Monday that no date had been set.")
        #expect(fact?.person == "Dmitry Peskov")
        #expect(fact?.role == "spokesperson")
        #expect(fact?.roleText == "spokesman")
        #expect(fact?.affiliation == "Kremlin")
    }

    @Test func usPresident() throws {
        let fact = try Self.only("US President Donald Trump said on Wednesday that a deal was close.")
        #expect(fact?.person == "Donald Trump")
        #expect(fact?.role == "president")
        #expect(fact?.affiliation == "United States")
        #expect(fact?.affiliationText == "US")
    }

    @Test func possessiveCountryBeforeTitle() throws {
        let fact = try Self.only("Ukraine's President Volodymyr Zelensky arrived in London on Saturday evening.")
        #expect(fact?.person == "Volodymyr Zelensky")
        #expect(fact?.role == "president")
        #expect(fact?.affiliation == "Ukraine")
        #expect(fact?.affiliationText == "Ukraine")
    }

    @Test func titleWithoutAffiliation() throws {
        let fact = try Self.only(
            "Defence Minister Sebastien Lecornu told France Info radio that talks were continuing."
        )
        #expect(fact?.person == "Sebastien Lecornu")
        #expect(fact?.role == "defence minister")
        #expect(fact?.roleText == "Defence Minister")
        #expect(fact?.affiliation == nil)
    }

    @Test func americanSpellingNormalizesTheRole() throws {
        let found = try Self.roles(
            "The Russian delegation included Defense Minister Andrei Belousov and other officials."
        )
        #expect(found.contains { $0.personText == "Andrei Belousov" && $0.role == "defence minister" }, "\(found)")
    }

    @Test func nationalityAdjectiveGivesTheCountry() throws {
        let fact = try Self.only("Italian Prime Minister Giorgia Meloni will also travel to Washington on Monday.")
        #expect(fact?.person == "Giorgia Meloni")
        #expect(fact?.affiliation == "Italy")
        #expect(fact?.affiliationText == "Italian")
    }

    @Test func theTitleCommaNameComma() throws {
        let fact = try Self.only("On Monday the French president, Emmanuel Macron, hosted European leaders in Paris.")
        #expect(fact?.person == "Emmanuel Macron")
        #expect(fact?.role == "president")
        #expect(fact?.roleText == "president")
        #expect(fact?.affiliation == "France")
    }

    @Test func modifiersJoinTheRole() throws {
        let found = try Self.roles(
            "The remarks echoed former US President Ronald Reagan, and Deputy Prime Minister Simon Harris agreed."
        )
        #expect(
            found.contains {
                $0.personText == "Ronald Reagan" && $0.role == "former president"
                    && $0.roleText == "former US President"
                    && $0.affiliation == "United States"
            },
            "\(found)"
        )
        #expect(found.contains { $0.personText == "Simon Harris" && $0.role == "deputy prime minister" }, "\(found)")
    }

    @Test func qualifiersJoinTheRole() throws {
        let fact = try Self.only(
            "Russian foreign ministry spokeswoman Maria Zakharova called the report an abject lie."
        )
        #expect(fact?.person == "Maria Zakharova")
        #expect(fact?.role == "foreign ministry spokesperson")
        #expect(fact?.affiliation == "Russia")
    }

    @Test func firstNameTheRecognizerLeftOut() throws {
        let found = try Self.roles("Kallas had planned to meet Secretary of State Marco Rubio in Washington.")
        #expect(found.contains { $0.personText == "Marco Rubio" && $0.role == "secretary of state" }, "\(found)")
    }

    @Test func alternativeTitleInBrackets() throws {
        let found = try Self.roles("Irish Taoiseach (Prime Minister) Micheal Martin met Zelensky at Shannon Airport.")
        #expect(
            found.contains {
                $0.personText == "Micheal Martin" && $0.role == "taoiseach" && $0.affiliation == "Ireland"
            },
            "\(found)"
        )
    }

    @Test func personsPossessiveBeforeACommaName() throws {
        let found = try Self.roles(
            "Putin's foreign policy adviser, Yuri Ushakov, told reporters the summit would start at noon."
        )
        #expect(
            found == [
                Found(
                    person: "Yuri Ushakov",
                    personText: "Yuri Ushakov",
                    role: "foreign policy adviser",
                    roleText: "foreign policy adviser",
                    affiliation: nil,
                    affiliationText: nil
                )
            ],
            "\(found)"
        )
    }

    /// The recognizer sometimes reads title and name as one organisation; the name after the title is the person.
    @Test func titleAndNameTaggedAsOneOrganisation() throws {
        let text = "Leaders such as German Chancellor Friedrich Merz joined the call."
        let bytes = Array(text.utf8)
        func range(_ words: String) -> TextRange {
            let needle = Array(words.utf8)
            let start = (0...(bytes.count - needle.count)).first {
                bytes[$0..<($0 + needle.count)].elementsEqual(needle)
            }!
            return TextRange(start: start, end: start + needle.count)
        }
        let mentions = [
            EntityMention(
                range: range("German Chancellor Friedrich Merz"),
                type: .organization,
                canonical: "German Chancellor Friedrich Merz"
            )
        ]
        let facts = RoleExtractor().roles(in: text, entities: mentions)
        #expect(
            facts == [
                RoleFact(
                    person: "Friedrich Merz",
                    personRange: range("Friedrich Merz"),
                    role: "chancellor",
                    roleRange: range("Chancellor"),
                    affiliation: "Germany",
                    affiliationRange: range("German")
                )
            ],
            "\(facts)"
        )
    }

    // MARK: Appositions after the name

    @Test func possessiveOrganisationApposition() throws {
        let fact = try Self.only("Mark Rutte, NATO's secretary general, said allies would step up their support.")
        #expect(
            fact
                == Found(
                    person: "Mark Rutte",
                    personText: "Mark Rutte",
                    role: "secretary general",
                    roleText: "secretary general",
                    affiliation: "NATO",
                    affiliationText: "NATO"
                )
        )
    }

    @Test func theKremlinsSpokesman() throws {
        let fact = try Self.only("Dmitry Peskov, the Kremlin's spokesman, said Moscow had received no proposal.")
        #expect(fact?.person == "Dmitry Peskov")
        #expect(fact?.role == "spokesperson")
        #expect(fact?.affiliation == "Kremlin")
    }

    @Test func theBritishPrimeMinisterAtTheEnd() throws {
        let fact = try Self.only("The plan was welcomed in Kyiv by Keir Starmer, the British prime minister.")
        #expect(fact?.person == "Keir Starmer")
        #expect(fact?.role == "prime minister")
        #expect(fact?.roleText == "prime minister")
        #expect(fact?.affiliation == "United Kingdom")
        #expect(fact?.affiliationText == "British")
    }

    @Test func titleOfOrganisation() throws {
        let found = try Self.roles("The warning came from Mark Rutte, secretary general of NATO, on Tuesday.")
        #expect(
            found.contains {
                $0.personText == "Mark Rutte" && $0.role == "secretary general" && $0.affiliation == "NATO"
            },
            "\(found)"
        )
    }

    @Test func relativeClause() throws {
        let found = try Self.roles("The talks were led by Andrii Sybiha, who is Ukraine's foreign minister, in Riyadh.")
        #expect(
            found.contains {
                $0.personText == "Andrii Sybiha" && $0.role == "foreign minister" && $0.affiliation == "Ukraine"
            },
            "\(found)"
        )
        let martin = try Self.roles("Micheal Martin, who took over as Taoiseach last month, pledged more aid.")
        #expect(martin.contains { $0.personText == "Micheal Martin" && $0.role == "taoiseach" }, "\(martin)")
        let busy = try Self.roles("Keir Starmer, who was meeting Trump at the White House, said little.")
        #expect(busy.isEmpty, "\(busy)")
    }

    // MARK: What is not a role fact

    @Test func titleWithoutANameGivesNothing() throws {
        #expect(try Self.roles("The prime minister said the talks had been constructive.").isEmpty)
        #expect(try Self.roles("The Ukrainian president arrived in Washington on Friday.").isEmpty)
    }

    @Test func aPossessorIsNotTheRoleHolder() throws {
        let found = try Self.roles("Starmer's minister said the deal was close, and Starmer agreed.")
        #expect(!found.contains { $0.person.contains("Starmer") }, "\(found)")
        let envoy = try Self.roles("Trump's special envoy Steve Witkoff met Putin in Moscow on Thursday.")
        #expect(!envoy.contains { $0.person.contains("Trump") }, "\(envoy)")
        #expect(
            envoy.contains { $0.personText == "Steve Witkoff" && $0.role == "special envoy" && $0.affiliation == nil },
            "\(envoy)"
        )
    }

    @Test func aListIsNotAnApposition() throws {
        let found = try Self.roles(
            "The delegation will include Foreign Minister Sergey Lavrov, Defence Minister Andrei Belousov and aides."
        )
        #expect(found.filter { $0.personText == "Sergey Lavrov" }.map(\.role) == ["foreign minister"], "\(found)")
        #expect(found.filter { $0.personText == "Andrei Belousov" }.map(\.role) == ["defence minister"], "\(found)")
    }

    @Test func honorificsAreNotRoles() throws {
        #expect(try Self.roles("Mr Starmer met Sir Keir's old friend Dr Jane Smith in London.").isEmpty)
    }

    @Test func rangesPointAtTheText() throws {
        let text = "Ukrainian President Volodymyr Zelenskyy met Irish officials at Shannon Airport."
        let tagger = try #require(EntityTagger.shipped)
        let facts = RoleExtractor().roles(in: text, entities: tagger.tag(text))
        let fact = try #require(facts.first)
        let bytes = Array(text.utf8)
        #expect(fact.roleRange.end < fact.personRange.start, "the title is not part of the name")
        #expect(String(decoding: bytes[fact.personRange.range], as: UTF8.self) == "Volodymyr Zelenskyy")
        #expect(fact.affiliationRange.map { String(decoding: bytes[$0.range], as: UTF8.self) } == "Ukrainian")
        #expect(fact.affiliation == "Ukraine")
    }
}
