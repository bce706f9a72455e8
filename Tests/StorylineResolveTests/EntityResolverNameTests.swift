import StorylineCore
import Testing

@testable import StorylineResolve

/// The name rules on their own: normalization, transliteration folding, person-name parts, alias tables and
/// the canonical-name choice.
@Suite struct EntityResolverNameTests {
    private func key(_ name: String) -> String { EntityNameKey(name).key }

    @Test func normalizationSetsAsideCaseDiacriticsPunctuationAndPossessives() {
        #expect(key("Zelensky's") == key("Zelensky"))
        #expect(key("Zelensky’s") == key("zelensky"))
        #expect(key("U.S.") == key("US"))
        #expect(key("U.S.") == "us")
        #expect(key("Sébastien Lecornu") == key("Sebastien Lecornu"))
        #expect(key("Recep Tayyip Erdoğan") == key("Recep Tayyip Erdogan"))
        #expect(key("Łukasz Straße") == "lukasz strase")
        #expect(key("the Kremlin") == key("Kremlin"))
        #expect(key("The Hague") == key("Hague"))
        #expect(key("Agence France-Presse") == "agence france prese")
        #expect(key("Jean-Noël Barrot") == key("Jean Noel Barrot"))
        #expect(key("O'Brien") == "obrien")
        #expect(key("Зеленський") == "зеленський")
        #expect(key("…").isEmpty)
        #expect(EntityNameKey("North Atlantic Treaty Organization").initials == "nato")
        #expect(EntityNameKey("United States of America").initials == "usa")
        #expect(EntityNameKey("Ukraine").initials == nil)
    }

    @Test func transliterationFoldsMergeHouseSpellings() {
        let fold = EntityNameKey.transliterationKey
        for variant in ["zelenskyy", "zelenskiy", "zelenskyi", "zelenskii", "zelenski", "zelensky"] {
            #expect(fold(variant) == "zelensky", "\(variant)")
        }
        #expect(fold("dmitriy") == fold("dmitry"))
        #expect(fold("dmitri") == fold("dmitry"))
        #expect(fold("andrei") == fold("andrey"))
        #expect(fold("andrii") == fold("andriy"))
        #expect(fold("sergei") == fold("sergey"))
        #expect(fold("yevgeny") == fold("evgeny"))
        #expect(fold("yuliya") == fold("yulia"))
        #expect(fold("mohammed") == fold("mohamed"))
    }

    @Test func transliterationFoldsKeepDifferentNamesApart() {
        let fold = EntityNameKey.transliterationKey
        #expect(fold("peskov") != fold("pesko"))
        #expect(fold("macron") != fold("maron"))
        #expect(fold("andrei") != fold("andriy"))
        #expect(fold("sergei") != fold("serhiy"))
        #expect(fold("khan") != fold("han"))
        #expect(fold("kiev") != fold("kyiv"))
        #expect(fold("trump") != fold("tramp"))
        #expect(fold("putin") != fold("putina"))
        // Acronyms keep their letters: "NATI" is not folded like a name.
        #expect(key("NATI") == "nati")
    }

    @Test func personNamePartsAndCompatibility() throws {
        let donald = try #require(PersonNameParts("Donald Trump"))
        let lara = try #require(PersonNameParts("Lara Trump"))
        let initial = try #require(PersonNameParts("D. Trump"))
        let junior = try #require(PersonNameParts("Donald Trump Jr."))
        let bare = try #require(PersonNameParts("Mr Trump"))
        #expect(donald.isFull && !bare.isFull)
        #expect(bare.lookupKey == "trump")
        #expect(!donald.isCompatible(with: lara))
        #expect(initial.isCompatible(with: donald))
        #expect(!initial.isCompatible(with: lara))
        #expect(!junior.isCompatible(with: donald))
        #expect(
            try #require(PersonNameParts("Tayyip Erdogan")).isCompatible(
                with: #require(PersonNameParts("Recep Tayyip Erdoğan"))
            )
        )
        #expect(try #require(PersonNameParts("JD Vance")).isCompatible(with: #require(PersonNameParts("J. D. Vance"))))
        #expect(
            try #require(PersonNameParts("Vladimir Zelensky")).isCompatible(
                with: #require(PersonNameParts("Volodymyr Zelenskyy"))
            )
        )
        #expect(
            try !#require(PersonNameParts("Sergei Lavrov")).isCompatible(
                with: #require(PersonNameParts("Serhiy Lavrov"))
            )
        )
        #expect(
            try !#require(PersonNameParts("Daniel Craig")).isCompatible(
                with: #require(PersonNameParts("Daniela Craig"))
            )
        )
        let leyen = try #require(PersonNameParts("Ursula von der Leyen"))
        #expect(leyen.surname == "leyen" && leyen.firstName == "ursula")
        #expect(try #require(PersonNameParts("von der Leyen")).isFull == false)
        #expect(try #require(PersonNameParts("Al Gore")).firstName == "al")
        let charles = try #require(PersonNameParts("King Charles III"))
        #expect(charles.isFull && charles.surname == nil && charles.firstName == "charles" && charles.suffix == "iii")
    }

    @Test func aliasTablesNormalizeKeysAndMerge() {
        let table = EntityAliasTable(["U.S.": "United States", "Kiev": "Kyiv"])
        #expect(table.target(for: "US") == "United States")
        #expect(table.target(for: "u.s.") == "United States")
        #expect(table.target(for: "KIEV") == "Kyiv")
        #expect(table.target(for: "Kyiv") == nil)
        let merged = table.merging(EntityAliasTable(["Kiev": "Kyiv City"]))
        #expect(merged.target(for: "Kiev") == "Kyiv City")
        #expect(merged.count == 2)
        #expect(EntityAliasTable.standard.target(for: "Britain") == "United Kingdom")
        #expect(EntityAliasTable.standard.target(for: "Odessa") == "Odesa")
    }

    @Test func fullestCommonNameChoice() {
        let choose = { (names: [String: Int], person: Bool) in
            ResolvedEntity.fullestCommonName(names, person: person, commonShare: 0.2)
        }
        #expect(choose(["Zelensky": 40, "Volodymyr Zelensky": 1], true) == "Volodymyr Zelensky")
        #expect(choose(["Trump": 5, "D. Trump": 1, "Donald Trump": 1], true) == "Donald Trump")
        #expect(choose(["Volodymyr Zelenskyy": 6, "Volodymyr Zelenskiy": 2], true) == "Volodymyr Zelenskyy")
        #expect(choose(["Keir Starmer": 10, "Keir Rodney Starmer": 1], true) == "Keir Starmer")
        #expect(choose(["Keir Starmer": 4, "Keir Rodney Starmer": 1], true) == "Keir Rodney Starmer")
        #expect(choose(["NATO": 8, "North Atlantic Treaty Organization": 1], false) == "NATO")
        #expect(choose(["NIS": 3, "National Intelligence Service": 1], false) == "National Intelligence Service")
        #expect(choose(["Kyiv": 1, "Kiev": 1], false) == "Kiev")
    }
}
