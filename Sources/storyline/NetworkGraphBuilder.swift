import StorylineCore
import StorylineStore

/// Builds a ``NetworkGraph`` from merged events (``StoryBuilder/Event``) and, optionally, quote speakers.
///
/// Participants are named as the extractor named them in each article (the in-document canonical name of
/// ``StorylineCore/EventArgument/name``) and looked up among the entities resolved across articles; a
/// participant that is no resolved entity (a phrase such as "European leaders") is left out.
struct NetworkGraphBuilder {
    /// An edge before it is numbered: its relation and its two entity ids (the lower first for co-actors).
    private struct Pair: Hashable {
        var relation: NetworkGraph.Relation
        var source: Int64
        var target: Int64
    }

    /// What is known of an edge so far.
    private struct Tally {
        var events = 0
        var reports = 0
        var types: [String: Int] = [:]
        var firstDay: Int?
        var lastDay: Int?
    }

    /// In-document names → resolved entity (``StoryBuilder/resolvedEntities(_:)``).
    let entityByName: [String: StoredEntity]
    private var tallies: [Pair: Tally] = [:]
    private var eventCounts: [Int64: Int] = [:]
    private var quoteCounts: [Int64: Int] = [:]
    private var entityByID: [Int64: StoredEntity] = [:]
    private var countsQuotes = false

    /// A builder that names participants with `entityByName` (see ``StoryBuilder/resolvedEntities(_:)``).
    init(entityByName: [String: StoredEntity]) {
        self.entityByName = entityByName
        for entity in entityByName.values { entityByID[entity.id] = entity }
    }

    /// Adds one merged event: every pair its reports connect, counted once for the event and once per report.
    mutating func add(_ event: StoryBuilder.Event) {
        var eventPairs = Set<Pair>()
        var participants = Set<Int64>()
        for report in event.reports {
            let actors = ids(report.event.actors)
            let targets = ids(report.event.targets)
            participants.formUnion(actors)
            participants.formUnion(targets)
            var reportPairs = Set<Pair>()
            for actor in actors {
                for target in targets where target != actor {
                    reportPairs.insert(Pair(relation: .actsOn, source: actor, target: target))
                }
            }
            for (index, first) in actors.enumerated() {
                for second in actors[(index + 1)...] where second != first {
                    let (low, high) = first < second ? (first, second) : (second, first)
                    reportPairs.insert(Pair(relation: .coActors, source: low, target: high))
                }
            }
            for pair in reportPairs { tallies[pair, default: Tally()].reports += 1 }
            eventPairs.formUnion(reportPairs)
        }
        let day = EventDate.days(event.date)?.lowerBound
        for pair in eventPairs {
            var tally = tallies[pair, default: Tally()]
            tally.events += 1
            tally.types[event.merged.type.rawValue, default: 0] += 1
            if let day {
                tally.firstDay = min(tally.firstDay ?? day, day)
                tally.lastDay = max(tally.lastDay ?? day, day)
            }
            tallies[pair] = tally
        }
        for id in participants { eventCounts[id, default: 0] += 1 }
    }

    /// Adds the speaker of one quote, named as the extractor resolved it; speakers that are no resolved entity
    /// are left out. Once a quote is added, every node has a quote count and speakers are nodes.
    mutating func addQuote(speaker: String?) {
        countsQuotes = true
        guard let speaker, let entity = entityByName[speaker] else { return }
        quoteCounts[entity.id, default: 0] += 1
    }

    /// Asks for quote counts (and speakers as nodes) even when no quote is added.
    mutating func countQuotes() {
        countsQuotes = true
    }

    /// The network: the edges of at least `minWeight` events, heaviest first; the entities they connect (and
    /// the quote speakers when quotes were added), most events first.
    func graph(minWeight: Int) -> NetworkGraph {
        let kept = tallies.filter { $0.value.events >= max(minWeight, 1) }.sorted { a, b in
            if a.value.events != b.value.events { return a.value.events > b.value.events }
            if a.key.source != b.key.source { return a.key.source < b.key.source }
            if a.key.target != b.key.target { return a.key.target < b.key.target }
            return a.key.relation.rawValue < b.key.relation.rawValue
        }
        var nodeIDs = Set(kept.flatMap { [$0.key.source, $0.key.target] })
        if countsQuotes { nodeIDs.formUnion(quoteCounts.keys) }
        let nodes = nodeIDs.compactMap { entityByID[$0] }.map { entity in
            NetworkGraph.Node(
                id: Self.nodeID(entity.id),
                label: entity.canonicalName,
                type: entity.type.rawValue,
                mentions: entity.mentionCount,
                articles: entity.articleCount,
                events: eventCounts[entity.id] ?? 0,
                quotes: countsQuotes ? quoteCounts[entity.id] ?? 0 : nil
            )
        }.sorted { a, b in
            if a.events != b.events { return a.events > b.events }
            if (a.quotes ?? 0) != (b.quotes ?? 0) { return (a.quotes ?? 0) > (b.quotes ?? 0) }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.label.utf8.lexicographicallyPrecedes(b.label.utf8)
        }
        let edges = kept.enumerated().map { index, element in
            NetworkGraph.Edge(
                id: "e\(index + 1)",
                source: Self.nodeID(element.key.source),
                target: Self.nodeID(element.key.target),
                directed: element.key.relation == .actsOn,
                relation: element.key.relation,
                weight: element.value.events,
                reports: element.value.reports,
                types: element.value.types,
                firstDate: element.value.firstDay.map { PublicationDate(dayNumber: $0).iso8601 },
                lastDate: element.value.lastDay.map { PublicationDate(dayNumber: $0).iso8601 }
            )
        }
        return NetworkGraph(nodes: nodes, edges: edges)
    }

    /// A node's id: "n" and the entity id.
    static func nodeID(_ id: Int64) -> String { "n\(id)" }

    /// The resolved entities among `arguments`, each once, in text order.
    private func ids(_ arguments: [EventArgument]) -> [Int64] {
        var seen = Set<Int64>()
        return arguments.compactMap { entityByName[$0.name]?.id }.filter { seen.insert($0).inserted }
    }
}
