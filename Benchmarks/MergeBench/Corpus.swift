import Foundation

/// Sentences of real news text, the raw material of the generated articles: the founding corpus
/// (`Examples/corpus/*.txt`) and the `text` fields of the event fixture (`Tests/Fixtures/events/articles.jsonl`),
/// cut into sentences of 6–50 words. Words that start with a capital letter inside a sentence are name slots:
/// the generator fills them with the generated article's own entity names.
struct Corpus {
    struct Sentence {
        var words: [String]
        /// Indices of the words that are name slots.
        var slots: [Int]
    }

    var sentences: [Sentence] = []
    var files: [String] = []
    var documents = 0
    var bytes = 0

    /// Words that end with a period without ending a sentence.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Jan", "Feb", "Aug", "Sept",
        "Sep", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "E.U", "No", "Inc", "Corp", "Co", "Jr", "vs", "a.m", "p.m",
    ]

    static func load(corpusDirectory: String, jsonl: String) throws -> Corpus {
        var corpus = Corpus()
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: corpusDirectory))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        for name in names {
            let path = corpusDirectory + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            corpus.add(text)
        }
        if !names.isEmpty { corpus.files.append("\(corpusDirectory)/*.txt (\(names.count) files)") }
        if fm.fileExists(atPath: jsonl) {
            let text = try String(contentsOfFile: jsonl, encoding: .utf8)
            var n = 0
            for line in text.split(separator: "\n") where !line.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let body = object["text"] as? String
                else { continue }
                corpus.add(body)
                n += 1
            }
            corpus.files.append("\(jsonl) (\(n) records)")
        }
        return corpus
    }

    mutating func add(_ text: String) {
        documents += 1
        bytes += text.utf8.count
        for paragraph in text.split(separator: "\n") {
            var words: [String] = []
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                words.append(String(word))
                if Self.endsSentence(word) {
                    keep(words)
                    words = []
                }
            }
            keep(words)
        }
    }

    private mutating func keep(_ words: [String]) {
        guard (6...50).contains(words.count) else { return }
        var slots: [Int] = []
        for i in words.indices.dropFirst() {
            if let first = words[i].unicodeScalars.first, first.properties.isUppercase { slots.append(i) }
        }
        sentences.append(Sentence(words: words, slots: slots))
    }

    static func endsSentence(_ word: Substring) -> Bool {
        var w = word
        while let last = w.last, last == "\"" || last == "”" || last == "’" || last == "'" || last == ")" {
            w = w.dropLast()
        }
        guard let last = w.last, last == "." || last == "?" || last == "!" else { return false }
        let stem = w.dropLast()
        if abbreviations.contains(String(stem)) { return false }
        if stem.count == 1, stem.first?.isUppercase == true { return false }  // an initial: "J."
        return true
    }
}
