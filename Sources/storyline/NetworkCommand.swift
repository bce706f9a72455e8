import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline network`
struct NetworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Export the actor network: who acts with or on whom in the events, as GraphML (Gephi) or JSON.",
        discussion: """
            Nodes are the entities resolved across articles that take part in events (see `storyline \
            timeline`): label (canonical name), type (PERSON, ORG, GPE…), mentions and articles over the \
            database, and the selected events they take part in. Edges connect the participants of the same \
            event report: an "actor-target" edge from an actor to a target ("Trump met Starmer": Donald Trump → \
            Keir Starmer) and a "co-actors" edge between two actors ("Trump and Starmer met"). Its weight is the \
            number of distinct events that connect the pair (reports merged as the timeline merges them), with \
            the number of reports, the events by PLOVER type, and the first day of the earliest and of the latest \
            event. Participants that are no resolved entity ("European leaders") are left out, and so are \
            statements unless --statements is given. --from/--to select events by their own date, --min-weight \
            drops lighter edges, --entity keeps the entities whose name contains the text (case-insensitively), \
            their neighbours and the edges among them. --speakers adds the speakers of quotes as nodes (even \
            without an edge; --from/--to then also select quotes by their article's day) with a quote count. \
            --format graphml (the default) writes GraphML 1.0 for Gephi, yEd or networkx: every edge is written \
            directed (networkx refuses a graph that mixes directed and undirected edges), a co-actors edge from \
            the lower entity id to the higher; its relation says it has no direction. --format json writes \
            {"nodes": […], "edges": […]}, each edge with "directed": true or false.
            """
    )

    /// What `--format` writes: GraphML 1.0 (``GraphML``) or the ``NetworkGraph`` as JSON.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case graphml, json
    }

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp("Only the entities whose name contains this text and their neighbours.", valueName: "NAME")
    )
    var entity: String?

    @Option(help: ArgumentHelp("Only events on or after this day.", valueName: "YYYY-MM-DD"))
    var from: PublicationDate?

    @Option(help: ArgumentHelp("Only events on or before this day.", valueName: "YYYY-MM-DD"))
    var to: PublicationDate?

    @Option(help: ArgumentHelp("Only edges of at least this many events.", valueName: "N"))
    var minWeight: Int = 1

    @Flag(help: "Include attributed statements as events (speaker → addressee).")
    var statements = false

    @Flag(help: "Add the speakers of quotes as nodes, with how many quotes each.")
    var speakers = false

    @Option(help: ArgumentHelp("graphml (default) or json.", valueName: "FORMAT"))
    var format: Format = .graphml

    /// Refuses a minimum weight below 1 and a `--to` before `--from`.
    func validate() throws {
        if minWeight < 1 { throw ValidationError("--min-weight must be at least 1, not \(minWeight)") }
        if let from, let to, to < from {
            throw ValidationError("--to \(to.iso8601) is before --from \(from.iso8601)")
        }
    }

    func run() async throws {
        let db = try store.openExisting()
        let graph: NetworkGraph
        do {
            graph = try await build(from: db)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        switch format {
        case .graphml:
            Terminal.out(String(GraphML.document(graph).dropLast()))
        case .json:
            try Terminal.json(graph)
        }
    }

    /// The network of the events (and quotes) the options select in `store`.
    func build(from store: any ArticleStore) async throws -> NetworkGraph {
        var builder = NetworkGraphBuilder(entityByName: try await StoryBuilder.resolvedEntities(store))
        let filter = TimelineCommand.Filter(
            from: from.map(\.dateOnly.dayNumber),
            to: to.map(\.dateOnly.dayNumber),
            statements: statements
        )
        let built = try await StoryBuilder.build(from: store, events: filter.query)
        let selected = TimelineCommand.select(built.events, filter: filter)
        for event in try await StoryBuilder.withReports(selected, from: store) { builder.add(event) }
        if speakers {
            builder.countQuotes()
            let query = QuoteQuery(since: from, until: to, limit: Int(Int32.max))
            for quote in try await store.quotes(matching: query) {
                builder.addQuote(speaker: quote.quote.attributedName)
            }
        }
        let graph = builder.graph(minWeight: minWeight)
        guard let entity, !entity.isEmpty else { return graph }
        return graph.neighbourhood(of: entity)
    }
}
