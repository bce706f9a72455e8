import ArgumentParser
import Foundation
import Logging

/// The `storyline` command-line tool.
@main
struct Storyline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storyline",
        abstract: "Build a source-linked record of a developing news story from raw articles.",
        discussion: """
            Storyline reads plain text, HTML, RSS/Atom, JSONL and WARC files, removes page clutter, \
            and stores clean articles with their metadata in an embedded SQLite database \
            (./storyline.db unless --db says otherwise).
            """,
        subcommands: [
            DemoCommand.self, IngestCommand.self, ArticlesCommand.self, ShowCommand.self, QuotesCommand.self,
            EntitiesCommand.self, EntityCommand.self, TimelineCommand.self, EventsCommand.self, StoriesCommand.self,
            ExtractCommand.self,
            ReextractCommand.self, NetworkCommand.self, SearchCommand.self, ServeCommand.self,
        ]
    )

    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            let level = ProcessInfo.processInfo.environment["STORYLINE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            handler.logLevel = level ?? .warning
            return handler
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
