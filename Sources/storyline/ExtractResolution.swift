import StorylineCore
import StorylineExtract
import StorylineResolve

/// Cross-record entity resolution for `storyline extract`: records are added in input order, each one's
/// entity mentions go through one ``EntityResolver``, and the output lines are rendered at the end with
/// every entity's final canonical name, so that all mentions of one entity carry the same `entity`
/// name across the whole input, and a quote's `speaker` and a role's `person` are the name of the entity
/// they were attributed to.
struct ExtractResolution {
    private var resolver = EntityResolver()
    private var records: [(record: ExtractRecord, entityIDs: [Int64], speakerIDs: [Int64?], roleIDs: [Int64?])] = []

    /// Resolves one record's mentions (a record that could not be read is kept as it is).
    mutating func add(_ record: ExtractRecord) {
        guard record.error == nil, let id = record.id else {
            records.append((record, [], [], []))
            return
        }
        var mentions = record.annotations.entities
        let names = Set(mentions.map(\.canonical))
        // A speaker named in the text that the recognizer did not mark ("Zelenskiy told reporters") is
        // resolved as a person too, so that its quotes carry the person's resolved name.
        for quote in record.annotations.quotes {
            guard let name = quote.namedSource, !names.contains(name), let range = quote.speakerRange,
                name.first?.isUppercase == true, quote.speakerName != nil || !name.contains(" ")
            else { continue }
            mentions.append(EntityMention(range: range, type: .person, canonical: name))
        }
        let source = ReportSource(articleID: id, published: record.published)
        let resolved = resolver.resolve(mentions, text: record.text, source: source)
        let entityIDs = resolved.map(\.entityID)
        // A speaker is the entity whose in-document name it carries (people first, then organisations).
        var byName: [String: Int64] = [:]
        for (mention, entity) in zip(mentions, entityIDs).sorted(by: { Self.rank($0.0.type) < Self.rank($1.0.type) })
        where byName[mention.canonical] == nil {
            byName[mention.canonical] = entity
        }
        let speakerIDs = record.annotations.quotes.map { quote in quote.namedSource.flatMap { byName[$0] } }
        let roleIDs = record.annotations.roles.map { byName[$0.person] }
        records.append((record, Array(entityIDs.prefix(record.annotations.entities.count)), speakerIDs, roleIDs))
    }

    /// The output lines, in the order the records were added. Each event carries the id of the event it was
    /// merged into across records (``EventMerger``, records read in input order; a near-duplicate copy of an
    /// earlier record counts as syndicated).
    func lines() -> [String] {
        var duplicates = NearDuplicateIndex()
        var merger = EventMerger()
        return records.map { item in
            let names = zip(item.record.annotations.entities, item.entityIDs).map { mention, id in
                resolver.canonicalName(of: id) ?? mention.canonical
            }
            var eventIDs: [String?] = []
            if let id = item.record.id, item.record.error == nil {
                let syndicatedFrom = duplicates.add(articleID: id, text: item.record.text)
                var nameAt: [TextRange: String] = [:]
                for (mention, name) in zip(item.record.annotations.entities, names) { nameAt[mention.range] = name }
                let source = ReportSource(articleID: id, published: item.record.published)
                for (index, event) in item.record.annotations.events.enumerated() {
                    let report = EventReport(
                        event,
                        index: index,
                        source: source,
                        text: item.record.text,
                        syndicatedFrom: syndicatedFrom,
                        name: { nameAt[$0.range] ?? $0.name }
                    )
                    eventIDs.append(merger.add(report).rawValue)
                }
            }
            let speakers = zip(item.record.annotations.quotes, item.speakerIDs).map { quote, id in
                id.flatMap { resolver.canonicalName(of: $0) } ?? quote.namedSource
            }
            let people = zip(item.record.annotations.roles, item.roleIDs).map { fact, id in
                id.flatMap { resolver.canonicalName(of: $0) } ?? fact.person
            }
            return item.record.json(
                entityNames: names,
                speakers: speakers,
                rolePeople: people,
                eventIDs: eventIDs.isEmpty ? nil : eventIDs
            )
        }
    }

    private static func rank(_ type: EntityType) -> Int {
        switch type {
        case .person: 0
        case .organization: 1
        case .geopolitical: 2
        default: 3
        }
    }
}
