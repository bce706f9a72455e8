import StorylineCore
import StorylineStore

/// The actor network of `storyline network`: the resolved entities that take part in events, connected when
/// they take part in the same event report.
///
/// Two kinds of edge: ``Relation/actsOn`` from an actor of a report to one of its targets (directed: "Trump
/// met Starmer" gives Donald Trump → Keir Starmer), and ``Relation/coActors`` between two actors of one report
/// ("Trump and Starmer met"; no direction, stored from the lower entity id to the higher). An edge's
/// ``Edge/weight`` is the number of distinct events (reports merged across articles, as `storyline timeline`
/// shows them) in which a report connects the pair; ``Edge/reports`` counts those reports.
struct NetworkGraph: Encodable {
    /// How the two entities of an edge took part in the events.
    enum Relation: String, Encodable {
        /// The source acted on the target: an actor and a target of the same report.
        case actsOn = "actor-target"
        /// Both acted together: two actors of the same report.
        case coActors = "co-actors"
    }

    /// One entity: its resolved canonical name, type and how much it weighs in the stories.
    struct Node: Encodable {
        /// "n" and the entity's stable id ("n12").
        var id: String
        /// The canonical name.
        var label: String
        /// PERSON, ORG, GPE…
        var type: String
        /// Mentions and articles over the whole database.
        var mentions: Int
        var articles: Int
        /// The selected events it takes part in, as actor or target.
        var events: Int
        /// The quotes it is the speaker of; nil unless quote speakers were asked for.
        var quotes: Int?
    }

    /// One connection between two entities.
    struct Edge: Encodable {
        var id: String
        var source: String
        var target: String
        /// Whether ``source`` → ``target`` has a direction (true for ``Relation/actsOn``).
        var directed: Bool
        var relation: Relation
        /// Distinct events that connect the pair (at least 1).
        var weight: Int
        /// Event reports that connect the pair.
        var reports: Int
        /// The distinct events by PLOVER type ("CONSULT": 3).
        var types: [String: Int]
        /// The first day of the earliest and of the latest dated event (a month counts from its first day);
        /// nil when none of them is dated.
        var firstDate: String?
        var lastDate: String?
    }

    var nodes: [Node]
    var edges: [Edge]

    /// The PLOVER types present on any edge, in PLOVER's order.
    var eventTypes: [String] {
        let present = Set(edges.flatMap(\.types.keys))
        return EventType.allCases.map(\.rawValue).filter(present.contains)
    }

    /// The entities with `needle` in their label (case-insensitive), their neighbours, and every edge among
    /// them: each matching entity's ego network, edges between two neighbours included.
    func neighbourhood(of needle: String) -> NetworkGraph {
        let key = needle.lowercased()
        let centre = Set(nodes.filter { $0.label.lowercased().contains(key) }.map(\.id))
        var kept = centre
        for edge in edges where centre.contains(edge.source) || centre.contains(edge.target) {
            kept.insert(edge.source)
            kept.insert(edge.target)
        }
        return NetworkGraph(
            nodes: nodes.filter { kept.contains($0.id) },
            edges: edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        )
    }
}
