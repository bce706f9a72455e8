import StorylineCore
import Testing

@testable import StorylineExtract

/// Document-level consistency rules of the tagger, on real-shaped text.
struct EntityConsistencyTests {
    @Test func hyphenatedCountryPairsSplitIntoTwoPlaces() throws {
        let found = try EntityTaggerTests.tag("The Russia-Ukraine talks and the US-China dispute dominated the week.")
        let names = found.map(\.text)
        #expect(names.contains("Russia") && names.contains("Ukraine"), "\(found)")
        #expect(EntityTaggerTests.find("US", in: found)?.canonical == "United States", "\(found)")
        #expect(!names.contains { $0.contains("-") }, "\(found)")
    }

    @Test func datesAreNotNames() throws {
        let found = try EntityTaggerTests.tag("Published Feb 27 2025\n\nTalks resumed in Geneva on Jan 20.")
        #expect(!found.contains { $0.text.hasPrefix("Feb") || $0.text.hasPrefix("Jan") }, "\(found)")
    }

    @Test func aGivenNameAfterATitleStartsAPerson() throws {
        let found = try EntityTaggerTests.tag(
            "Kallas had planned to meet Secretary of State Marco Rubio, and Defence Minister Andrei Belousov stayed away."
        )
        #expect(EntityTaggerTests.find("Marco Rubio", in: found)?.type == .person, "\(found)")
        #expect(EntityTaggerTests.find("Andrei Belousov", in: found)?.type == .person, "\(found)")
        // Words of the title are not names.
        #expect(!found.contains { $0.text == "State" || $0.text == "Defence" }, "\(found)")
    }

    @Test func aMonthNextToANumberIsADateNotAGivenName() throws {
        let found = try EntityTaggerTests.tag("Jan Kowalski arrived on Jan 20, and April Ryan left on 3 April.")
        #expect(!found.contains { $0.text == "Jan" || $0.text == "April" }, "\(found)")
        #expect(found.contains { $0.text == "Jan Kowalski" && $0.type == .person }, "\(found)")
    }

    @Test func laterSurnamesAreFoundAfterAFullName() throws {
        let text = """
            Finnish President Alexander Stubb met allies in Helsinki.
            Stubb later told reporters that Helsinki would host the next round.
            """
        let found = try EntityTaggerTests.tag(text)
        let stubb = found.filter { $0.text == "Stubb" }
        #expect(stubb.count == 1, "\(found)")
        #expect(stubb.first?.canonical == "Alexander Stubb")
    }
}
