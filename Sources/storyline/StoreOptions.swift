import ArgumentParser
import Foundation
import StorylineCore
import StorylineSQLite
import StorylineStore

/// `--db PATH`: which SQLite database a command works on.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The SQLite database file (created if missing).", valueName: "PATH")
    )
    var db: String = ProcessInfo.processInfo.environment["STORYLINE_DB"] ?? SQLiteStore.defaultPath

    /// Opens (creating if needed) the store, turning failures into a clear message and exit status 2.
    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: db)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Opens an existing store for reading; a missing file is an error rather than a new empty database.
    func openExisting() throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: db) else {
            Terminal.error("no database at \(db) — run `storyline ingest PATH…` first, or pass --db PATH")
            throw ExitCode(2)
        }
        return try open()
    }
}

extension PublicationDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso8601: argument)
    }
}
