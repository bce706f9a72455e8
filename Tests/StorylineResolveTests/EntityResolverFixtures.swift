import StorylineCore
import Testing

@testable import StorylineResolve

/// One mention to place in a fixture article: its surface (found in the text in order), its type and the
/// name the in-document linker would give it (the surface by default).
struct MentionSpec {
    var surface: String
    var type: EntityType
    var canonical: String?

    static func person(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .person, canonical: canonical)
    }
    static func gpe(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .geopolitical, canonical: canonical)
    }
    static func org(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .organization, canonical: canonical)
    }
    static func norp(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .nationalityOrGroup, canonical: canonical)
    }
    static func fac(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .facility, canonical: canonical)
    }
    static func loc(_ surface: String, _ canonical: String? = nil) -> MentionSpec {
        MentionSpec(surface: surface, type: .location, canonical: canonical)
    }
}

/// A news article written for a test: text, outlet, date and its mentions with byte ranges into the text.
struct FixtureArticle {
    var id: String
    var outlet: String
    var date: String
    var text: String
    var specs: [MentionSpec]

    init(_ id: String, _ outlet: String, _ date: String, _ text: String, _ specs: [MentionSpec]) {
        self.id = id
        self.outlet = outlet
        self.date = date
        self.text = text
        self.specs = specs
    }

    var source: ReportSource {
        ReportSource(articleID: id, outlet: outlet, published: PublicationDate(iso8601: date))
    }

    /// The mentions: each spec's surface found after the previous one, on word boundaries, as a UTF-8 byte
    /// range.
    var mentions: [EntityMention] {
        let bytes = Array(text.utf8)
        var cursor = 0
        return specs.map { spec in
            let needle = Array(spec.surface.utf8)
            var found: Int?
            var i = cursor
            while i + needle.count <= bytes.count {
                if bytes[i..<(i + needle.count)].elementsEqual(needle),
                    i == 0 || !Self.isWordByte(bytes[i - 1]),
                    i + needle.count == bytes.count || !Self.isWordByte(bytes[i + needle.count])
                {
                    found = i
                    break
                }
                i += 1
            }
            guard let start = found else {
                Issue.record("fixture \(id): \"\(spec.surface)\" not found after byte \(cursor)")
                return EntityMention(range: TextRange(start: 0, end: 0), type: spec.type, canonical: spec.surface)
            }
            cursor = start + needle.count
            return EntityMention(
                range: TextRange(start: start, end: start + needle.count),
                type: spec.type,
                canonical: spec.canonical ?? spec.surface
            )
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }
}

/// Articles resolved in order, with the results kept so a test can ask where a surface went.
struct StoryRun {
    var resolver: EntityResolver
    private(set) var results: [String: [ResolvedMention]] = [:]
    private(set) var articles: [String: FixtureArticle] = [:]

    init(aliases: EntityAliasTable = .standard, _ fixtures: [FixtureArticle] = []) {
        resolver = EntityResolver(aliases: aliases)
        for fixture in fixtures { add(fixture) }
    }

    mutating func add(_ fixture: FixtureArticle) {
        articles[fixture.id] = fixture
        results[fixture.id] = resolver.resolve(fixture.mentions, text: fixture.text, source: fixture.source)
    }

    /// The entity ID of the `occurrence`-th mention with this surface in an article.
    func id(_ article: String, _ surface: String, _ occurrence: Int = 0) -> Int64 {
        guard let fixture = articles[article], let resolved = results[article] else {
            Issue.record("no article \(article)")
            return -1
        }
        let hits = fixture.specs.indices.filter { fixture.specs[$0].surface == surface }
        guard occurrence < hits.count else {
            Issue.record("article \(article) has no mention \"\(surface)\" #\(occurrence)")
            return -1
        }
        return resolved[hits[occurrence]].entityID
    }

    /// The current canonical name of the entity of a mention.
    func name(_ article: String, _ surface: String, _ occurrence: Int = 0) -> String? {
        resolver.canonicalName(of: id(article, surface, occurrence))
    }

    /// Every entity ID, per article, in mention order: what a determinism test compares.
    func allIDs(_ order: [String]) -> [[Int64]] {
        order.map { results[$0]?.map(\.entityID) ?? [] }
    }
}
