import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline entity NAME`
struct EntityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Show one entity's profile: spellings, roles over time, mentions per day, co-mentions, quotes.",
        discussion: """
            NAME is an entity id (as `storyline entities --json` prints it) or a name: the most mentioned entity \
            called NAME (by any of its names or spellings, case-insensitively), else the most mentioned entity \
            with a name or spelling that contains it. Shows its type, counts and other spellings; the roles the articles give it, with the \
            first and last day each was stated; its mentions per publication day; the entities most often named \
            in the same articles; and its latest statements. --format json (or --json) prints the profile with \
            every day, up to --co-mentions co-mentioned entities and up to --quotes statements.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("An entity id or name.", valueName: "NAME"))
    var name: String

    @Option(help: "At most this many co-mentioned entities.")
    var coMentions: Int = 10

    @Option(help: "At most this many statements by the entity (the latest).")
    var quotes: Int = 5

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard coMentions >= 0, quotes >= 0 else { throw ValidationError("--co-mentions and --quotes must be ≥ 0") }
    }

    func run() async throws {
        let db = try store.openExisting()
        let json: EntityProfileJSON
        do {
            guard let id = try await Self.entityID(named: name, in: db),
                let found = try await EntityProfileJSON.load(id: id, coMentions: coMentions, quotes: quotes, from: db)
            else {
                Terminal.error("no entity matches \"\(name)\" (see `storyline entities --name …`)")
                throw ExitCode(1)
            }
            json = found
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        if self.json {
            try Terminal.json(json)
        } else {
            Terminal.out(Self.render(json))
        }
    }

    /// The entity `text` names: an id, else the most mentioned entity called exactly `text` (by its canonical
    /// name or any other name or spelling, in any case: "starmer" is Keir Starmer), else the most mentioned
    /// entity with a name or spelling that contains it.
    static func entityID(named text: String, in store: any ArticleStore) async throws -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed) { return id }
        guard !trimmed.isEmpty else { return nil }
        // Most mentioned first.
        let matches = try await store.resolvedEntities(matching: EntityQuery(name: trimmed, limit: 500))
        let lowered = trimmed.lowercased()
        let exact = matches.first { entity in
            entity.canonicalName.lowercased() == lowered
                || entity.names.keys.contains { $0.lowercased() == lowered }
                || entity.aliases.keys.contains { $0.lowercased() == lowered }
        }
        return (exact ?? matches.first)?.id
    }

    /// The text output.
    static func render(_ profile: EntityProfileJSON) -> String {
        let entity = profile.entity
        var lines: [String] = []
        lines.append("\(entity.name) — \(entity.type.rawValue), entity \(entity.id)")
        var counts = "\(entity.mentions) mention(s) in \(entity.articles) article(s)"
        if let first = entity.firstPublished, let last = entity.lastPublished {
            counts += first == last ? ", on \(first)" : ", \(first) to \(last)"
        }
        lines.append(counts)
        if !entity.otherSpellings.isEmpty { lines.append("Also: " + entity.otherSpellings.joined(separator: ", ")) }

        lines.append("\nRoles")
        if profile.roles.isEmpty { lines.append("  none stated") }
        for role in profile.roles {
            var line = "  " + role.role
            if let affiliation = role.affiliation { line += " (\(affiliation))" }
            switch (role.firstPublished, role.lastPublished) {
            case let (first?, last?) where first != last: line += " — \(first) to \(last)"
            case let (first?, _): line += " — \(first)"
            default: line += " — undated"
            }
            line += ", \(role.articles) article(s)"
            lines.append(line)
        }

        lines.append("\nMentions per day")
        let widest = profile.mentionsByDay.map(\.mentions).max() ?? 0
        for day in profile.mentionsByDay {
            let bar = String(repeating: "█", count: max(1, day.mentions * 40 / max(widest, 1)))
            lines.append("  \(day.day)  \(bar) \(day.mentions)")
        }
        if profile.undatedMentions > 0 { lines.append("  undated     \(profile.undatedMentions)") }
        if profile.mentionsByDay.isEmpty && profile.undatedMentions == 0 { lines.append("  none") }

        lines.append("\nNamed in the same articles")
        if profile.coMentioned.isEmpty { lines.append("  none") }
        for other in profile.coMentioned {
            lines.append("  \(other.sharedArticles)× \(other.name) (\(other.type.rawValue), entity \(other.id))")
        }

        lines.append("\nLatest statements")
        if profile.quotes.isEmpty { lines.append("  none") }
        for statement in profile.quotes {
            let day = statement.published.map { "\($0.dateOnly)" } ?? "undated"
            lines.append("  \(day) \(statement.cue ?? "—"): “\(QuotesCommand.oneLine(statement.text))”")
        }
        return lines.joined(separator: "\n")
    }
}
