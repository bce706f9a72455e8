import StorylineCore
import StorylineStore

/// The entity mentions in `storyline show`: one line per name the article mentions, with its type, how often
/// it is mentioned and how it is written.
extension ShowCommand {
    /// The "Entities" section: one line per canonical name and type — most mentioned first, then in order of
    /// first mention — with the number of mentions and every other way the article writes the name. Empty when
    /// the article has no annotations (the time expressions section says why).
    static func entitySection(_ stored: StoredArticle, colour: Bool) -> [String] {
        guard let annotations = stored.annotations else { return [] }
        let mentions = annotations.entities
        guard !mentions.isEmpty else { return ["Entities: none found."] }
        struct Name {
            var canonical: String
            var type: EntityType
            var count = 0
            /// Surface forms other than the canonical name, in order of first use.
            var forms: [String] = []
        }
        let text = Array(stored.article.text.utf8)
        var names: [Name] = []
        var index: [String: Int] = [:]
        for mention in mentions.sorted(by: { $0.range < $1.range }) {
            let key = mention.type.rawValue + "\u{1F}" + mention.canonical
            let n = index[key] ?? names.count
            if n == names.count {
                index[key] = n
                names.append(Name(canonical: mention.canonical, type: mention.type))
            }
            names[n].count += 1
            let end = min(mention.range.end, text.count)
            let surface = String(decoding: text[min(mention.range.start, end)..<end], as: UTF8.self)
                .replacing("\n", with: " ")
            if surface != mention.canonical, !names[n].forms.contains(surface) { names[n].forms.append(surface) }
        }
        // Most mentioned first; the stable order of first mention among equals.
        let ordered = names.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        let nameWidth = min(40, ordered.map(\.canonical.count).max() ?? 0)
        let countWidth = String(ordered.first?.count ?? 0).count
        var lines = ["Entities (\(mentions.count) mentions of \(names.count) names):"]
        for name in ordered {
            let count = String(name.count)
            var line =
                "  " + Terminal.padded(name.type.rawValue, 8) + String(repeating: " ", count: countWidth - count.count)
                + count + "× " + Terminal.styled(name.canonical, .highlight, colour: colour)
            if !name.forms.isEmpty {
                line +=
                    String(repeating: " ", count: max(0, nameWidth - name.canonical.count)) + "  as "
                    + name.forms.joined(separator: ", ")
            }
            lines.append(line)
        }
        return lines
    }
}
