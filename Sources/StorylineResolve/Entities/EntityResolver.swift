import StorylineCore

/// Cross-document entity resolution: one ``ResolvedEntity`` per real-world referent across articles and
/// outlets, built incrementally — ``resolve(_:text:source:)`` adds one article's mentions and never looks at
/// earlier articles again, only at what it kept of them.
///
/// ## Input
/// The mentions of one article as the extractor gives them: a type, a byte range into the article's text (the
/// surface form, kept as an alias) and the name the mention resolved to *inside* its article
/// (``EntityMention/canonical``: "Keir Starmer" for a later "Starmer", "United States" for "U.S."). Mentions
/// of one article with the same type family and the same name key form one *local cluster*, resolved as a
/// unit. Type families never mix: PERSON; places and bodies (GPE, LOC, ORG, FAC — the same name tagged GPE in
/// one article and ORG in another is one entity, "Kremlin" stays apart from "Moscow" because the names
/// differ); NORP; EVENT.
///
/// ## Names
/// Names are compared by their ``EntityNameKey``: case, Latin diacritics, periods ("U.S." = "US"),
/// apostrophes and possessives, hyphens and a leading "the" set aside, and each word transliteration-folded
/// (doubled letters, `-iy`/`-yi`/`-yy`/`-i` endings, `ei`/`ey`, a leading `ye`: "Zelenskyy", "Zelenskiy",
/// "Zelenskyi" and "Zelensky" are one key; "Peskov"/"Pesko", "Macron"/"Maron", "Andrei"/"Andriy" are not —
/// see ``EntityNameKey/transliterationKey(_:)``). For every family but PERSON, the caller's
/// ``EntityAliasTable`` first replaces known equivalents ("Kiev" → "Kyiv", "Britain" → "United Kingdom").
///
/// ## Places and bodies (GPE, LOC, ORG, FAC)
/// 1. The same key is the same entity ("NATO" = "Nato"); a final "Oblast", "region", "province",
///    "governorate", "krai" or "raion" is not part of the key ("Kursk Oblast" = "Kursk region" = "Kursk").
/// 2. A one-word acronym ("NATO", "EU"; all capitals and two to six letters, or a title-case word of three to
///    six letters such as "Nato") joins the entity of the same type whose multi-word name has those initials
///    ("North Atlantic Treaty Organization"; "of", "the", "and"… skipped). Several candidates: the one in
///    the same article, else the dominant one (below), else a new entity.
/// 3. A multi-word name joins an existing acronym-only entity of the same type whose acronym is its initials
///    and which has no other expansion yet.
///
/// ## Groups (NORP) and events
/// The same key is the same entity; a plural demonym is read as its singular ("Ukrainians" = "Ukrainian",
/// "Israelis" = "Israeli", "Democrats" = "Democrat").
///
/// ## People
/// Names split into given names, surname and suffix (``PersonNameParts``; titles such as "Mr" and "King"
/// dropped, particles kept with the surname, initials recognised).
/// - **Full names** ("Donald Trump", "D. Trump", "Charles III"): the same key is the same person. Otherwise
///   a known person with the same surname and suffix whose every full name is *compatible* — the given names
///   of one occur in order in the other's ("Keir" / "Keir Rodney", "D." / "Donald", "Tayyip" / "Recep
///   Tayyip"; Russian- and Ukrainian-style spellings of one given name, "Andrei" / "Andriy", "Vladimir" /
///   "Volodymyr", count as the same given name) — is the same person; several such: the one in the same
///   article, else the dominant one, else a new person. "Donald" and "Lara" never match. When no full name
///   with that surname is known yet, a surname-only entity for it ("Zelensky" seen alone before) is upgraded
///   to the full name.
/// - **Bare names** ("Trump", "von der Leyen"), in this order:
///   1. the full names in the same article with that surname (one: it; several: the dominant one, else the
///      surname-only entity); else those with that first name if exactly one ("Charles" with "Charles III");
///   2. the known full names with that surname (one: it; several: the dominant one, else the surname-only
///      entity — "Trump" in an article that cannot tell Donald from Lara stays "Trump" rather than join the
///      wrong one);
///   3. the existing surname-only entity for that name;
///   4. the one known full name with that first name, if it shares a co-occurring entity with the article;
///   5. a new surname-only entity.
///
/// ## Dominance
/// A candidate's support is the number of articles that mention it plus, for each entity already resolved in
/// the current article, the number of articles it shared with that entity. (Within an article, places,
/// bodies, groups, events and full names are resolved first, then the bare names that at most one known
/// person fits, then the other bare names — so "Trump" is judged in the company of "Ukraine" and of a bare
/// "Zelensky".) Support doubles when the candidate was last reported within ``Configuration/recentDays`` (14)
/// days of the article's date. The best candidate wins only when its support is at least
/// ``Configuration/dominanceRatio`` (3) times the runner-up's.
///
/// ## Canonical names
/// The fullest common form (``ResolvedEntity/updateCanonicalName(commonShare:shapes:)``): for people a full name over
/// a bare one; among forms with at least ``Configuration/commonShare`` (20%) of the competing mentions, the
/// most words, then the most mentions, then string order.
///
/// ## State
/// Entities keep their names and surface forms with counts, mention and article counts, first and last
/// report and co-occurrence counts; lookup tables (by name key, surname, first name, initials) are derived
/// from them, so resolving one article costs dictionary probes per local cluster plus the co-occurrence
/// pairs of its entities, never a scan of all entities. The resolver is a value (`Sendable`); its state is
/// `Codable` — a decoded resolver continues exactly as the encoded one would have — and deterministic: the
/// same articles in the same order give the same IDs and names. Entities are never merged or split after the
/// fact, so an ID once returned always names the same entity. An article added twice is counted twice;
/// callers add each article once (the store deduplicates by content hash).
public struct EntityResolver: Sendable {
    /// The alias table applied to every name but people's.
    public let aliases: EntityAliasTable
    /// The thresholds in use.
    public let configuration: Configuration
    /// The entities; entity `id` is at index `id - 1`.
    var records: [ResolvedEntity] = []
    /// Lookup tables derived from `records`.
    var index = Index()
    /// The shapes of the name forms seen, for the canonical-name choice (a cache; not part of the state).
    var shapes: [String: ResolvedEntity.NameShape] = [:]

    /// An empty resolver with the given alias table (the built-in spelling equivalents by default).
    public init(aliases: EntityAliasTable = .standard, configuration: Configuration = Configuration()) {
        self.aliases = aliases
        self.configuration = configuration
    }

    /// All entities, by ID.
    public var entities: [ResolvedEntity] { records }

    /// The number of entities.
    public var count: Int { records.count }

    /// The entity with this ID; nil for an ID never handed out.
    public func entity(_ id: Int64) -> ResolvedEntity? {
        guard id >= 1, id <= Int64(records.count) else { return nil }
        return records[Int(id - 1)]
    }

    /// The current canonical name of an entity; nil for an ID never handed out.
    public func canonicalName(of id: Int64) -> String? {
        entity(id)?.canonicalName
    }

    /// Adds the mentions of one article and returns, for each of them in order, the entity it resolved to.
    ///
    /// - Parameters:
    ///   - mentions: the article's entity mentions, in text order.
    ///   - text: the text their UTF-8 byte ranges point into (the surface forms are read from it).
    ///   - source: the article, outlet and date: the entities' first and last reports, and the date that
    ///     recent candidates are judged by.
    @discardableResult
    public mutating func resolve(_ mentions: [EntityMention], text: String, source: ReportSource)
        -> [ResolvedMention]
    {
        guard !mentions.isEmpty else { return [] }
        let (clusters, clusterOfMention) = localClusters(of: mentions, text: text)
        var entityOfCluster = [Int64](repeating: 0, count: clusters.count)
        var article = ArticleContext()

        // Names, groups, events and full person names first: bare names are judged in their company.
        for (c, cluster) in clusters.enumerated() where cluster.mode != .barePerson {
            let id: Int64
            switch cluster.mode {
            case .fullPerson: id = resolveFullPerson(cluster, article: article, source: source)
            case .named: id = resolveNamed(cluster, article: article, source: source)
            case .exact, .barePerson: id = index.byKey[cluster.indexKey] ?? create(cluster, source: source)
            }
            attach(cluster, to: id)
            entityOfCluster[c] = id
            article.add(id, person: cluster.person)
        }
        // Bare names that at most one known person fits first, so that the others are judged in their company.
        let bare = clusters.indices.filter { clusters[$0].mode == .barePerson }
        let (plain, undecided) = bare.reduce(into: ([Int](), [Int]())) { parts, c in
            let key = clusters[c].person?.lookupKey ?? ""
            if article.surnames[key] != nil || (index.bySurname[key]?.count ?? 0) <= 1 {
                parts.0.append(c)
            } else {
                parts.1.append(c)
            }
        }
        for round in [plain, undecided] {
            let context = article.ids
            for c in round {
                let id = resolveBarePerson(clusters[c], article: article, context: context, source: source)
                attach(clusters[c], to: id)
                entityOfCluster[c] = id
                article.add(id, person: nil)
            }
        }
        finishArticle(article.ordered, source: source)

        return mentions.indices.map { n in
            let id = entityOfCluster[clusterOfMention[n]]
            let entity = records[Int(id - 1)]
            return ResolvedMention(
                mention: mentions[n],
                entityID: id,
                canonicalName: entity.canonicalName,
                entityType: entity.type
            )
        }
    }

    /// Adds the mentions of an article (its ``Article/text``, outlet and publication date).
    @discardableResult
    public mutating func resolve(_ mentions: [EntityMention], in article: Article) -> [ResolvedMention] {
        resolve(mentions, text: article.text, source: ReportSource(article))
    }

    // MARK: - Entities

    /// Creates an entity for a local cluster and returns its ID.
    mutating func create(_ cluster: LocalCluster, source: ReportSource) -> Int64 {
        let id = Int64(records.count + 1)
        records.append(ResolvedEntity(id: id, type: cluster.type, name: cluster.displayName, source: source))
        return id
    }

    /// Adds a local cluster's names, surface forms and mentions to an entity and indexes its name.
    mutating func attach(_ cluster: LocalCluster, to id: Int64) {
        let i = Int(id - 1)
        for (name, n) in cluster.names { records[i].names[name, default: 0] += n }
        for surface in cluster.surfaces { records[i].aliases[surface, default: 0] += 1 }
        for type in cluster.types { records[i].typeCounts[type, default: 0] += 1 }
        records[i].mentionCount += cluster.types.count
        index.register(cluster.indexKey, mode: cluster.mode, name: cluster.name, person: cluster.person, for: id)
    }

    /// Counts the article for each of its entities, their co-occurrences, and updates their names.
    mutating func finishArticle(_ ids: [Int64], source: ReportSource) {
        for id in ids { records[Int(id - 1)].addReport(source) }
        if ids.count > 1 {
            for a in ids {
                let i = Int(a - 1)
                for b in ids where b != a { records[i].cooccurrences[b, default: 0] += 1 }
            }
        }
        for id in ids {
            records[Int(id - 1)].updateCanonicalName(commonShare: configuration.commonShare, shapes: &shapes)
        }
    }
}
