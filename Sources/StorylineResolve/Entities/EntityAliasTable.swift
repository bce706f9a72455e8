/// Known equivalent names the resolver cannot derive by rule: renamings and respellings ("Kiev" → "Kyiv"),
/// short forms that are not initials ("Britain" → "United Kingdom", "America" → "United States").
///
/// Aliases are compared by their ``EntityNameKey`` (case, diacritics, periods and transliteration folded), so
/// one entry "U.S." also covers "US" and "u.s.". The table applies to every type except PERSON: the
/// resolver replaces a place's, organisation's, group's or event's name by the alias's target before it
/// looks the name up, and counts the target as the name used (so the target is what the entity is called).
///
/// The caller supplies the table — typically ``standard`` merged with the aliases of its gazetteers (the
/// extractor's country list maps "U.S.", "USA" and "America" to "United States"):
///
/// ```swift
/// let aliases = EntityAliasTable.standard.merging(EntityAliasTable(["Holland": "Netherlands"]))
/// var resolver = EntityResolver(aliases: aliases)
/// ```
public struct EntityAliasTable: Sendable, Hashable, Codable {
    /// Target names by the alias's name key.
    private var targets: [String: String]

    /// A table of `alias → canonical name` entries. When two aliases have the same key, the one that sorts
    /// first (as a string) wins, so the table does not depend on dictionary order.
    public init(_ aliases: [String: String] = [:]) {
        var targets: [String: String] = [:]
        for (alias, target) in aliases.sorted(by: { $0.key < $1.key }) {
            let key = EntityNameKey(alias).key
            guard !key.isEmpty, !target.isEmpty, targets[key] == nil else { continue }
            targets[key] = target
        }
        self.targets = targets
    }

    /// The number of entries.
    public var count: Int { targets.count }

    /// The table with the entries of `other` added; `other` wins where both have an alias.
    public func merging(_ other: EntityAliasTable) -> EntityAliasTable {
        var result = self
        result.targets.merge(other.targets) { _, new in new }
        return result
    }

    /// The canonical name an alias stands for, if the table has it.
    public func target(for name: String) -> String? {
        targets[EntityNameKey(name).key]
    }

    /// The target of a name given by its key.
    func target(forKey key: String) -> String? {
        targets[key]
    }

    /// Spelling equivalents every English-language news corpus needs:
    /// - Ukrainian places in their current English spelling, from the Russian-based or older forms that the
    ///   transliteration folds cannot reach: Kiev → Kyiv, Kharkov → Kharkiv, Odessa → Odesa, Lvov → Lviv,
    ///   Lugansk → Luhansk, Nikolaev/Nikolayev → Mykolaiv, Zaporozhye/Zaporizhia → Zaporizhzhia,
    ///   Chernigov → Chernihiv, Vinnitsa → Vinnytsia, Rovno → Rivne, Donbass → Donbas.
    /// - Short and long forms of states and unions that are not their initials: America, USA, United States
    ///   of America → United States; Britain, Great Britain → United Kingdom; Russian Federation → Russia.
    /// - Common initialisms, so that they resolve even before the full name is seen: US, U.S. → United
    ///   States; UK, U.K. → United Kingdom; EU → European Union; UN → United Nations.
    public static let standard = EntityAliasTable([
        "Kiev": "Kyiv", "Kharkov": "Kharkiv", "Odessa": "Odesa", "Lvov": "Lviv", "Lugansk": "Luhansk",
        "Nikolaev": "Mykolaiv", "Nikolayev": "Mykolaiv", "Zaporozhye": "Zaporizhzhia", "Zaporizhia": "Zaporizhzhia",
        "Chernigov": "Chernihiv", "Vinnitsa": "Vinnytsia", "Rovno": "Rivne", "Donbass": "Donbas",
        "America": "United States", "USA": "United States", "U.S.A.": "United States",
        "United States of America": "United States", "US": "United States",
        "Britain": "United Kingdom", "Great Britain": "United Kingdom", "UK": "United Kingdom",
        "Russian Federation": "Russia",
        "EU": "European Union", "UN": "United Nations",
    ])
}
