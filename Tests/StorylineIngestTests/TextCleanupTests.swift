import Testing

@testable import StorylineIngest

struct TextCleanupTests {
    @Test(arguments: [
        ("  Keir\tStarmer \n met  Trump  ", "Keir Starmer met Trump"),
        ("Zelen\u{00AD}sky", "Zelensky"),
        ("Zelen\u{200B}skyy", "Zelenskyy"),
        ("\u{FEFF}Kyiv\u{00A0}\u{2009}said", "Kyiv said"),
        ("line\u{2028}break\u{3000}wide", "line break wide"),
        ("bell\u{07}and\u{7F}del", "bellanddel"),
        ("Élysée — «Paris» 北京 🇺🇦", "Élysée — «Paris» 北京 🇺🇦"),
        ("", ""),
        (" \u{00A0} ", ""),
    ])
    func collapsesWhitespaceAndDropsInvisibles(input: String, expected: String) {
        #expect(TextCleanup.collapseWhitespace(input) == expected)
        #expect(TextCleanup.collapseWhitespace(bytes: Array(input.utf8)) == expected)
    }
}
