extension EntityResolver {
    /// The lookup tables of a resolver: derived from its entities' names, kept up to date as names are
    /// added, and rebuilt from the entities when a resolver is decoded.
    ///
    /// Every name key has at most one owner in ``byKey`` (a name is looked up there before anything else, so
    /// a second entity never receives it), and the candidate lists are read sorted by ID, so the tables do
    /// not depend on the order names were added in: a rebuilt index answers exactly like the incremental one.
    struct Index: Sendable {
        /// Exact names: full person names, place and body names, groups, events.
        var byKey: [IndexKey: Int64] = [:]
        /// People with a full name, by surname key.
        var bySurname: [String: [Int64]] = [:]
        /// People with a full name, by first-name key.
        var byFirstName: [String: [Int64]] = [:]
        /// The full names of people who have one.
        var fullForms: [Int64: [PersonNameParts]] = [:]
        /// People known only by a bare name ("Zelensky" before any "Volodymyr Zelensky"), by its lookup key.
        var surnameOnly: [String: Int64] = [:]
        /// The lookup keys each bare-only person is registered under in ``surnameOnly``.
        var surnameOnlyKeys: [Int64: [String]] = [:]
        /// Places and bodies with a multi-word name, by its initials.
        var byAcronym: [String: [Int64]] = [:]
        /// Places and bodies that have a multi-word name.
        var expanded: Set<Int64> = []

        /// Indexes one name of entity `id`.
        mutating func register(
            _ key: IndexKey,
            mode: Mode,
            name: EntityNameKey,
            person: PersonNameParts?,
            for id: Int64
        ) {
            switch mode {
            case .fullPerson:
                guard let person else { return }
                if byKey[key] == nil { byKey[key] = id }
                if fullForms[id] == nil, let keys = surnameOnlyKeys.removeValue(forKey: id) {
                    // A bare-only person receives a full name: found by surname from now on.
                    for k in keys where surnameOnly[k] == id { surnameOnly[k] = nil }
                }
                if !(fullForms[id]?.contains(person) ?? false) { fullForms[id, default: []].append(person) }
                if let s = person.surname { Self.insert(id, into: &bySurname[s, default: []]) }
                if let f = person.firstName { Self.insert(id, into: &byFirstName[f, default: []]) }
            case .barePerson:
                guard let person, fullForms[id] == nil, surnameOnly[person.lookupKey] == nil else { return }
                surnameOnly[person.lookupKey] = id
                surnameOnlyKeys[id, default: []].append(person.lookupKey)
            case .named:
                if byKey[key] == nil { byKey[key] = id }
                if name.words.count > 1 { expanded.insert(id) }
                if let initials = name.initials { Self.insert(id, into: &byAcronym[initials, default: []]) }
            case .exact:
                if byKey[key] == nil { byKey[key] = id }
            }
        }

        /// The IDs of a candidate list, sorted.
        static func sorted(_ ids: [Int64]?) -> [Int64] {
            guard let ids else { return [] }
            return ids.count < 2 ? ids : ids.sorted()
        }

        private static func insert(_ id: Int64, into list: inout [Int64]) {
            if !list.contains(id) { list.append(id) }
        }
    }

    /// Rebuilds the index from the entities (after decoding): each entity's full names first, then its other
    /// names, in ID order.
    mutating func rebuildIndex() {
        var index = Index()
        for entity in records {
            let family = Family(entity.type)
            var later: [(Mode, IndexKey, EntityNameKey, PersonNameParts?)] = []
            for display in entity.names.keys.sorted() {
                let name = EntityNameKey(display)
                let (mode, key, person) = Self.classify(display, name: name, family: family)
                if mode == .fullPerson {
                    index.register(key, mode: mode, name: name, person: person, for: entity.id)
                } else {
                    later.append((mode, key, name, person))
                }
            }
            for (mode, key, name, person) in later {
                index.register(key, mode: mode, name: name, person: person, for: entity.id)
            }
        }
        self.index = index
    }
}
