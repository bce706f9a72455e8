import Foundation
import StorylineCore
import StorylineResolve

/// One generated article with what the extraction stage would have produced for it.
struct GeneratedArticle {
    var id: String
    var outlet: String
    var published: PublicationDate
    var text: String
    var words: Int
    /// Resolved entity names, once each.
    var entities: [String]
    var reports: [EventReport]
    /// The generator's truth: the article this one is a syndicated (exact or near) copy of.
    var copyOf: String?
    var exactCopy: Bool
}

/// A deterministic stream of real-shaped news articles, in publication order.
///
/// - Publication days: `articles` articles spread evenly over `days` days from 2024-01-01, times of day
///   random; so the number of articles per day is the same from the first article to the last.
/// - Stories: every article belongs to a topic — 2–4 people and 1–2 places, drawn with a Zipf-like popularity
///   from a pool of synthetic names, 40 sentences of its own and 2–3 favourite event types, alive for an
///   exponentially distributed number of days (mean 14, at most 120). About one article in 12 opens a new topic;
///   the others join a live topic at random.
/// - Text: a headline and 300–600 words of corpus sentences, 55 % from the topic's sentences and 45 % from all,
///   their name slots filled with the article's own entity names (surnames or full names).
/// - Entities: the topic's people and places plus Zipf-drawn others, 5–15 in all.
/// - Syndication: 5 % of the articles copy one of the last 400 originals, 40 % of them exactly, the others with
///   a new first line and one sentence replaced (near copies); a copy has the same event reports.
/// - Event reports: 3–10 per article; type from the topic's favourites (70 %) or any; 1–2 actors (mostly
///   the topic's people) and 0–2 targets from the article's people; a place half the time; modality
///   happened 80 %, planned 12 %, proposed 4 %, denied 2 %, hypothetical 2 %; date near the publication day
///   (a day in the last 3 days 60 %, its ISO week 10 %, month 8 %, year 2 % (`--year-dated`), none 20 %; planned: a day in the next
///   3 weeks 70 %, a month 15 %, none 15 %); statements carry a sentence of the text as content (70 %);
///   CONSULT reports state a mode ("visit", "phone", "multilateral") 60 % of the time.
struct ArticleStream {
    struct Topic {
        var persons: [String]
        var surnames: [String]
        var places: [String]
        var sentences: [Int]
        var types: [EventType]
        var endDay: Int
    }

    /// What a copy needs of an original.
    struct Original {
        var id: String
        var sentences: [String]
        var entities: [String]
        var reports: [EventReport]
    }

    let corpus: Corpus
    let total: Int
    let days: Int
    let startDay = PublicationDate.dayNumber(year: 2024, month: 1, day: 1)
    /// The share of the reports (other than planned) dated by a whole year ("2024"); the default 0.02 (2 %).
    var yearDatedShare = 0.02
    private(set) var produced = 0
    private var rng: SplitMix64
    private let persons: [String]
    private let places: [String]
    private let outlets: [String]
    private let personZipf: ZipfSampler
    private let placeZipf: ZipfSampler
    private let outletZipf: ZipfSampler
    private var topics: [Topic] = []
    private var recent: [Original] = []
    private var recentNext = 0

    static let recentCapacity = 400
    static let syllables = [
        "ka", "ren", "mo", "li", "ta", "vos", "an", "del", "ri", "go", "shi", "mar", "en", "ko", "bel", "tor", "yu",
        "sa", "nev", "dra", "pol", "is", "wen", "ul", "ba", "zer", "fi", "co", "lan", "ost", "mi", "har", "te", "quin",
        "ro", "das", "el", "vik", "nu", "per",
    ]
    static let placeSuffixes = ["", "", "", "burg", "ville", "port", "grad", "stan", "ford", "ia"]

    init(corpus: Corpus, seed: UInt64, total: Int, days: Int, persons: Int = 3000, places: Int = 800) {
        self.corpus = corpus
        self.total = total
        self.days = max(1, days)
        var names = SplitMix64(seed: seed ^ 0x6e61_6d65_73)
        func word(_ syllables: ClosedRange<Int>) -> String {
            var w = ""
            for _ in 0..<names.int(syllables) { w += names.pick(Self.syllables) }
            return w.prefix(1).uppercased() + w.dropFirst()
        }
        var seen = Set<String>()
        var personList: [String] = []
        let firstNames = (0..<400).map { _ in word(2...2) }
        while personList.count < persons {
            let name = names.pick(firstNames) + " " + word(2...3)
            if seen.insert(name).inserted { personList.append(name) }
        }
        var placeList: [String] = []
        while placeList.count < places {
            let name = word(2...3) + names.pick(Self.placeSuffixes)
            if seen.insert(name).inserted { placeList.append(name) }
        }
        self.persons = personList
        self.places = placeList
        outlets = (0..<300).map { "outlet\($0).example" }
        personZipf = ZipfSampler(count: persons)
        placeZipf = ZipfSampler(count: places)
        outletZipf = ZipfSampler(count: 300)
        rng = SplitMix64(seed: seed)
    }

    /// The names pool sizes, for the record.
    var poolSizes: (persons: Int, places: Int, outlets: Int) { (persons.count, places.count, outlets.count) }

    mutating func next() -> GeneratedArticle {
        let i = produced
        produced += 1
        let day = startDay + Int((Double(i) * Double(days)) / Double(max(1, total)))
        let minute = rng.int(0...(24 * 60 - 1))
        var published = PublicationDate(dayNumber: day)
        published = PublicationDate(
            year: published.year, month: published.month, day: published.day,
            hour: minute / 60, minute: minute % 60, second: 0, utcOffsetMinutes: 0
        )
        let id = "a\(i)"
        let outlet = outlets[outletZipf.sample(&rng)]
        let source = ReportSource(articleID: id, outlet: outlet, published: published)

        if !recent.isEmpty, rng.chance(0.05) {
            let original = rng.pick(recent)
            let exact = rng.chance(0.4)
            var sentences = original.sentences
            if !exact {
                let k = rng.int(1...(sentences.count - 1))
                let topic = currentTopic(day: day)
                sentences[k] = render(rng.int(0...(corpus.sentences.count - 1)), names: topic.surnames + original.entities)
                sentences[0] = outlet.uppercased() + " - " + sentences[0]
            }
            let reports = original.reports.map { r -> EventReport in
                var c = r
                c.source = source
                return c
            }
            let text = Self.layout(sentences)
            return GeneratedArticle(
                id: id, outlet: outlet, published: published, text: text, words: Self.wordCount(sentences),
                entities: original.entities, reports: reports, copyOf: original.id, exactCopy: exact
            )
        }

        let topic = currentTopic(day: day)
        // Entities: the topic's people and places, then Zipf-drawn others.
        var entities = topic.persons + topic.places
        var articlePersons = topic.persons
        var articlePlaces = topic.places
        let wanted = rng.int(5...15)
        while entities.count < wanted {
            if rng.chance(0.7) {
                let p = persons[personZipf.sample(&rng)]
                if !entities.contains(p) {
                    entities.append(p)
                    articlePersons.append(p)
                }
            } else {
                let p = places[placeZipf.sample(&rng)]
                if !entities.contains(p) {
                    entities.append(p)
                    articlePlaces.append(p)
                }
            }
        }
        let surnames = articlePersons.map { String($0.split(separator: " ").last!) }
        let slotNames = topic.surnames + topic.surnames + surnames + articlePersons + articlePlaces

        // Text: a headline, then sentences up to 300–600 words.
        let target = rng.int(300...600)
        var sentences: [String] = [render(rng.pick(topic.sentences), names: slotNames)]
        var words = 0
        while words < target {
            let s = rng.chance(0.55) ? rng.pick(topic.sentences) : rng.int(0...(corpus.sentences.count - 1))
            let rendered = render(s, names: slotNames)
            words += corpus.sentences[s].words.count
            sentences.append(rendered)
        }

        // Event reports.
        var reports: [EventReport] = []
        for index in 0..<rng.int(3...10) {
            let type = rng.chance(0.7) ? rng.pick(topic.types) : rng.pick(EventType.allCases)
            var actors: [String] = []
            for _ in 0..<(rng.chance(0.7) ? 1 : 2) {
                let a = rng.chance(0.75) ? rng.pick(topic.persons) : rng.pick(articlePersons)
                if !actors.contains(a) { actors.append(a) }
            }
            var targets: [String] = []
            let targetCount = rng.chance(0.4) ? 0 : (rng.chance(0.75) ? 1 : 2)
            for _ in 0..<targetCount {
                let t = rng.pick(articlePersons)
                if !actors.contains(t), !targets.contains(t) { targets.append(t) }
            }
            let place = rng.chance(0.5) ? rng.pick(articlePlaces) : nil
            let u = rng.unit()
            let modality: EventModality =
                u < 0.80 ? .happened : u < 0.92 ? .planned : u < 0.96 ? .proposed : u < 0.98 ? .denied : .hypothetical
            var mode: String?
            if type == .consult, rng.chance(0.6) { mode = rng.pick(["visit", "phone", "multilateral"]) }
            let content = type == .statement && rng.chance(0.7) ? rng.pick(sentences) : nil
            reports.append(
                EventReport(
                    source: source, index: index, type: type, mode: mode, modality: modality, actors: actors,
                    targets: targets, place: place, date: date(near: day, planned: modality == .planned),
                    content: content
                )
            )
        }

        let original = Original(id: id, sentences: sentences, entities: entities, reports: reports)
        if recent.count < Self.recentCapacity {
            recent.append(original)
        } else {
            recent[recentNext] = original
            recentNext = (recentNext + 1) % Self.recentCapacity
        }
        return GeneratedArticle(
            id: id, outlet: outlet, published: published, text: Self.layout(sentences),
            words: Self.wordCount(sentences), entities: entities, reports: reports, copyOf: nil, exactCopy: false
        )
    }

    /// A live topic for the day (expired ones dropped), or a new one.
    private mutating func currentTopic(day: Int) -> Topic {
        topics.removeAll { $0.endDay < day }
        if topics.isEmpty || rng.chance(1.0 / 12) {
            var topicPersons: [String] = []
            for _ in 0..<rng.int(2...4) {
                let p = persons[personZipf.sample(&rng)]
                if !topicPersons.contains(p) { topicPersons.append(p) }
            }
            var topicPlaces: [String] = []
            for _ in 0..<rng.int(1...2) {
                let p = places[placeZipf.sample(&rng)]
                if !topicPlaces.contains(p) { topicPlaces.append(p) }
            }
            var types: [EventType] = []
            for _ in 0..<rng.int(2...3) { types.append(rng.pick(EventType.allCases)) }
            let life = min(120, 1 + Int(-14 * log(1 - rng.unit())))
            let topic = Topic(
                persons: topicPersons,
                surnames: topicPersons.map { String($0.split(separator: " ").last!) },
                places: topicPlaces,
                sentences: (0..<40).map { _ in rng.int(0...(corpus.sentences.count - 1)) },
                types: types,
                endDay: day + life
            )
            topics.append(topic)
            return topic
        }
        return rng.pick(topics)
    }

    /// A corpus sentence with its name slots filled from `names`, each slot keeping its trailing punctuation.
    private mutating func render(_ index: Int, names: [String]) -> String {
        let sentence = corpus.sentences[index]
        guard !sentence.slots.isEmpty, !names.isEmpty else { return sentence.words.joined(separator: " ") }
        var words = sentence.words
        for slot in sentence.slots {
            let w = words[slot]
            let letters = w.prefix { $0.isLetter || $0 == "-" || $0 == "'" }
            guard !letters.isEmpty else { continue }
            words[slot] = rng.pick(names) + w.dropFirst(letters.count)
        }
        return words.joined(separator: " ")
    }

    /// A TIMEX3 value near the publication day, or nil.
    private mutating func date(near day: Int, planned: Bool) -> String? {
        let u = rng.unit()
        if planned {
            if u < 0.70 { return Self.dayValue(day + rng.int(1...21)) }
            if u < 0.85 { return Self.monthValue(day + rng.int(0...40)) }
            return nil
        }
        if u < 0.60 { return Self.dayValue(day - rng.int(0...3)) }
        if u < 0.70 { return Self.weekValue(day - rng.int(0...6)) }
        if u < 0.78 { return Self.monthValue(day - rng.int(0...20)) }
        if u < 0.78 + yearDatedShare { return String(format4(PublicationDate(dayNumber: day).year)) }
        return nil
    }

    static func dayValue(_ day: Int) -> String {
        let d = PublicationDate(dayNumber: day)
        return "\(format4(d.year))-\(format2(d.month))-\(format2(d.day))"
    }

    static func monthValue(_ day: Int) -> String {
        let d = PublicationDate(dayNumber: day)
        return "\(format4(d.year))-\(format2(d.month))"
    }

    /// The ISO 8601 week of a day: "2025-W09".
    static func weekValue(_ day: Int) -> String {
        let weekday = ((day + 3) % 7 + 7) % 7  // Monday 0 (1970-01-01 was a Thursday)
        let thursday = day - weekday + 3
        let year = PublicationDate(dayNumber: thursday).year
        let week = (thursday - PublicationDate.dayNumber(year: year, month: 1, day: 1)) / 7 + 1
        return "\(format4(year))-W\(format2(week))"
    }

    static func layout(_ sentences: [String]) -> String {
        var text = sentences[0] + "\n\n"
        for (n, s) in sentences.dropFirst().enumerated() {
            text += s
            text += (n % 3 == 2) ? "\n\n" : " "
        }
        return text
    }

    static func wordCount(_ sentences: [String]) -> Int {
        sentences.reduce(0) { $0 + $1.split(separator: " ").count }
    }
}

func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
