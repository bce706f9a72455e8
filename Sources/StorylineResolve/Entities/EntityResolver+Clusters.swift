import StorylineCore

extension EntityResolver {
    /// Types whose names may denote the same entity; different families never merge.
    enum Family: UInt8, Sendable, Hashable {
        /// PERSON.
        case person
        /// GPE, LOC, ORG, FAC: the same name tagged differently in different articles is one entity.
        case named
        /// NORP.
        case group
        /// EVENT.
        case event

        init(_ type: EntityType) {
            switch type {
            case .person: self = .person
            case .geopolitical, .location, .organization, .facility: self = .named
            case .nationalityOrGroup: self = .group
            case .event: self = .event
            }
        }
    }

    /// A name key within a family: the key of the exact-name lookup table.
    struct IndexKey: Sendable, Hashable {
        var family: Family
        var key: String
    }

    /// How a local cluster is resolved.
    enum Mode: Sendable, Hashable {
        /// A person's name with a given name.
        case fullPerson
        /// A person's name without a given name.
        case barePerson
        /// A place's or body's name: exact key, then acronyms.
        case named
        /// Exact key only (groups, events, names without letters).
        case exact
    }

    /// A name as a mention gives it, within a family: the per-article memo of normalized names.
    struct MemoKey: Hashable {
        var family: Family
        var name: String
    }

    /// The mentions of one article that share a family and a name key.
    struct LocalCluster: Sendable {
        var mode: Mode
        var indexKey: IndexKey
        /// The parsed name, for people.
        var person: PersonNameParts?
        /// The initials of a multi-word place or body name.
        var initials: String?
        /// The parsed name.
        var name: EntityNameKey
        /// The first name the cluster was seen with (a new entity's provisional canonical name).
        var displayName: String
        /// Names as resolved in the article, with mention counts.
        var names: [String: Int]
        /// Surface forms, one per mention.
        var surfaces: [String]
        /// Types, one per mention.
        var types: [EntityType]

        /// The most frequent type (ties: the first seen).
        var type: EntityType {
            var counts: [EntityType: Int] = [:]
            var best = types[0]
            for t in types {
                counts[t, default: 0] += 1
                if counts[t, default: 0] > counts[best, default: 0] { best = t }
            }
            return best
        }
    }

    /// What the resolver knows of the article being added.
    struct ArticleContext: Sendable {
        /// Entities resolved so far, in order.
        private(set) var ordered: [Int64] = []
        /// The same, as a set.
        private(set) var ids: Set<Int64> = []
        /// Full-name people of the article by surname key.
        private(set) var surnames: [String: [Int64]] = [:]
        /// Full-name people of the article by first-name key.
        private(set) var firstNames: [String: [Int64]] = [:]

        mutating func add(_ id: Int64, person: PersonNameParts?) {
            if ids.insert(id).inserted { ordered.append(id) }
            guard let person, person.isFull else { return }
            if let s = person.surname, !(surnames[s]?.contains(id) ?? false) { surnames[s, default: []].append(id) }
            if let f = person.firstName, !(firstNames[f]?.contains(id) ?? false) {
                firstNames[f, default: []].append(id)
            }
        }

        func contains(_ id: Int64) -> Bool { ids.contains(id) }
    }

    /// Groups an article's mentions into local clusters (in order of first mention) and returns, per mention,
    /// its cluster's index.
    func localClusters(of mentions: [EntityMention], text: String) -> ([LocalCluster], [Int]) {
        var clusters: [LocalCluster] = []
        var byKey: [IndexKey: Int] = [:]
        // Each distinct name is normalized once per article.
        var memo: [MemoKey: (display: String, cluster: Int)] = [:]
        var clusterOfMention: [Int] = []
        clusterOfMention.reserveCapacity(mentions.count)
        let utf8 = text.utf8
        for mention in mentions {
            let surface = Self.surface(of: mention.range, in: utf8) ?? mention.canonical
            let family = Family(mention.type)
            let written = mention.canonical.isEmpty ? surface : mention.canonical
            let memoKey = MemoKey(family: family, name: written)
            let display: String
            let c: Int
            if let known = memo[memoKey] {
                (display, c) = known
            } else {
                var name = written
                if family == .person { name = Self.strippingHonorifics(name) }
                var key = EntityNameKey(name)
                if family != .person, let target = aliases.target(forKey: key.key) {
                    name = target
                    key = EntityNameKey(target)
                }
                let (mode, indexKey, person) = Self.classify(name, name: key, family: family)
                if let existing = byKey[indexKey] {
                    c = existing
                } else {
                    c = clusters.count
                    byKey[indexKey] = c
                    clusters.append(
                        LocalCluster(
                            mode: mode,
                            indexKey: indexKey,
                            person: person,
                            initials: mode == .named ? key.initials : nil,
                            name: key,
                            displayName: name,
                            names: [:],
                            surfaces: [],
                            types: []
                        )
                    )
                }
                display = name
                memo[memoKey] = (name, c)
            }
            clusters[c].names[display, default: 0] += 1
            clusters[c].surfaces.append(surface)
            clusters[c].types.append(mention.type)
            clusterOfMention.append(c)
        }
        return (clusters, clusterOfMention)
    }

    /// How a name (already through the alias table) is looked up: its mode, its exact-lookup key and, for
    /// people, its parts. Shared by clustering and by the index rebuild, so both key names alike.
    static func classify(_ display: String, name: EntityNameKey, family: Family) -> (Mode, IndexKey, PersonNameParts?) {
        guard !name.key.isEmpty else {
            // No letters or digits: only the very same string is the same name.
            return (.exact, IndexKey(family: family, key: "\u{1}" + display), nil)
        }
        switch family {
        case .person:
            guard let parts = PersonNameParts(name) else {
                return (.exact, IndexKey(family: family, key: "\u{1}" + display), nil)
            }
            return (parts.isFull ? .fullPerson : .barePerson, IndexKey(family: family, key: parts.key), parts)
        case .named:
            return (.named, IndexKey(family: family, key: Self.placeKey(name)), nil)
        case .group:
            return (.exact, IndexKey(family: family, key: Self.groupKey(name)), nil)
        case .event:
            return (.exact, IndexKey(family: family, key: name.key), nil)
        }
    }

    /// Words that name an administrative division after its name: "Kursk Oblast" and "Kursk region" are
    /// looked up as "Kursk".
    static let placeDesignators: Set<String> = ["oblast", "region", "province", "governorate", "krai", "raion"]

    /// The lookup key of a place or body: its name key without a final ``placeDesignators`` word.
    static func placeKey(_ name: EntityNameKey) -> String {
        guard name.words.count >= 2, let last = name.words.last, placeDesignators.contains(last.plain) else {
            return name.key
        }
        return name.words.dropLast().map(\.key).joined(separator: " ")
    }

    /// The lookup key of a nationality or group: plural demonyms read as their singular ("Ukrainians",
    /// "North Koreans" → `-an`; "Israelis" → `-i`; "Democrats" → `-at`).
    static func groupKey(_ name: EntityNameKey) -> String {
        guard let last = name.words.last, !last.isAcronymShaped, last.plain.utf8.count >= 5 else { return name.key }
        let plain = last.plain
        guard plain.hasSuffix("ans") || plain.hasSuffix("ats") || (plain.hasSuffix("is") && !plain.hasSuffix("iis"))
        else { return name.key }
        let singular = EntityNameKey.transliterationKey(String(plain.dropLast()))
        return (name.words.dropLast().map(\.key) + [singular]).joined(separator: " ")
    }

    /// The text of a UTF-8 byte range; nil when the range is outside the text.
    static func surface(of range: TextRange, in utf8: String.UTF8View) -> String? {
        guard range.start >= 0, range.start < range.end, range.end <= utf8.count else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: range.start)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// A person's name without leading titles ("Mr. Trump" → "Trump"), as written otherwise.
    static func strippingHonorifics(_ name: String) -> String {
        var rest = Substring(name)
        while let space = rest.utf8.firstIndex(of: 0x20) {
            let first = rest.utf8[..<space]
            guard first.count <= 10 else { break }
            var word: [UInt8] = []
            for c in first where c != 0x2E { word.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c) }
            guard PersonNameParts.honorifics.contains(String(decoding: word, as: UTF8.self)) else { break }
            rest = rest[space...].drop { $0 == " " }
        }
        return rest.isEmpty ? name : String(rest)
    }
}
