/// A set of participant (or place) names as the event merger compares them: names that can be the same
/// person or body ("Trump", "Donald Trump", "donald trump") form one group shown in its fullest form.
///
/// Names are compared as ``SpeakerKey``s: case, diacritics, a leading "the" and doubled letters set aside,
/// and a shorter name matches a longer one when its words occur in order in it and end with the same word —
/// a surname alone matches the full name with that last word.
struct EventNames: Sendable {
    /// One person or body: its fullest name so far and that name's key.
    struct Group: Sendable {
        var name: String
        var key: SpeakerKey
        /// A description rather than a name: it does not start with a capital letter once a leading "the" is
        /// set aside ("mediators", "two leaders", "protesters"; not "NATO leaders" or "the Kremlin").
        var isDescription: Bool

        init(name: String, key: SpeakerKey) {
            self.name = name
            self.key = key
            var scalars = Substring(name).unicodeScalars.drop { $0.properties.isWhitespace }
            if Substring(scalars).lowercased().hasPrefix("the ") { scalars = scalars.dropFirst(4) }
            isDescription = !(scalars.first?.properties.isUppercase ?? false)
        }
    }

    private(set) var groups: [Group] = []

    init() {}

    /// The names of one report, compatible names folded together.
    init(_ names: [String]) {
        for name in names { _ = add(name) }
    }

    var isEmpty: Bool { groups.isEmpty }
    var count: Int { groups.count }
    var names: [String] { groups.map(\.name) }

    /// The index of the group a key belongs to, if any.
    func group(of key: SpeakerKey) -> Int? {
        groups.firstIndex { $0.key.isCompatible(with: key) }
    }

    /// Adds a name: it joins the first compatible group (which then shows it when it has more words), or starts
    /// a group. Returns false for a name without words.
    @discardableResult
    mutating func add(_ name: String) -> Bool {
        guard let key = SpeakerKey(name) else { return false }
        add(name, key: key)
        return true
    }

    mutating func add(_ name: String, key: SpeakerKey) {
        if let g = group(of: key) {
            if key.words.count > groups[g].key.words.count { groups[g] = Group(name: name, key: key) }
        } else {
            groups.append(Group(name: name, key: key))
        }
    }

    /// Adds a place: it joins the first group of the same place (``samePlace(_:_:)``), which then shows it
    /// when it has more words, or starts a group.
    mutating func addPlace(_ place: Group) {
        if let g = groups.firstIndex(where: { Self.samePlace($0, place) }) {
            if place.key.words.count > groups[g].key.words.count { groups[g] = place }
        } else {
            groups.append(place)
        }
    }

    /// How a report's names compare with an event's: how many found a partner on the other side, how many
    /// did not, and whether they contradict — both sides name someone the other does not, and fewer than two
    /// are shared. ({Trump, Putin} and {Trump, Zelensky} contradict; {Trump, Starmer} and
    /// {Trump, Starmer, Macron} do not; nor do two lists of one summit's leaders that share two names.)
    /// Descriptions ("mediators") never count against a match. With `lenient` (a multilateral meeting, where
    /// every outlet names a few of many participants) nothing contradicts.
    static func compare(_ report: [Group], _ event: [Group], lenient: Bool = false)
        -> (matched: Int, unmatched: Int, contradicts: Bool)
    {
        guard !report.isEmpty, !event.isEmpty else { return (0, 0, false) }
        var matchedReport = 0
        var unmatchedReport = 0
        for g in report {
            if event.contains(where: { $0.key.isCompatible(with: g.key) }) {
                matchedReport += 1
            } else if !g.isDescription {
                unmatchedReport += 1
            }
        }
        var matchedEvent = 0
        var unmatchedEvent = 0
        for g in event {
            if report.contains(where: { $0.key.isCompatible(with: g.key) }) {
                matchedEvent += 1
            } else if !g.isDescription {
                unmatchedEvent += 1
            }
        }
        let matched = min(matchedReport, matchedEvent)
        let contradicts = !lenient && unmatchedReport > 0 && unmatchedEvent > 0 && matched < 2
        return (matched, unmatchedReport + unmatchedEvent, contradicts)
    }

    /// Whether two place names can be the same place: compatible as names, or the words of one all among the
    /// words of the other ("Filoli" and "Filoli Estate", "White House" and "the White House").
    static func samePlace(_ a: Group, _ b: Group) -> Bool {
        if a.key.isCompatible(with: b.key) { return true }
        let (x, y) = (Set(a.key.words), Set(b.key.words))
        return x.isSubset(of: y) || y.isSubset(of: x)
    }
}
