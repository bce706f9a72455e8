import ArgumentParser
import Foundation
import StorylineCore
import StorylinePostgres
import StorylineSQLite
import StorylineStore

/// `--db PATH|URL`: which database a command works on — an SQLite file, or a PostgreSQL database named by a
/// `postgres://` (or `postgresql://`) URL.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database file (created if missing), or a PostgreSQL database: "
                + "postgres://user:password@host:port/database.",
            valueName: "PATH|URL"
        )
    )
    var db: String = ProcessInfo.processInfo.environment["STORYLINE_DB"] ?? SQLiteStore.defaultPath

    /// Whether `--db` names a PostgreSQL database rather than a file.
    var isPostgres: Bool { PostgresStore.isURL(db) }

    /// Opens (creating if needed) the store, turning failures into a clear message and exit status 2.
    /// `memoryMapped`: an SQLite database is read through a memory map (``SQLiteStore/init(path:memoryMapBytes:)``).
    func open(memoryMapped: Bool = false) throws -> any ArticleStore {
        // Commands with a store keep the resolvers' growing state (ingest, reextract, serve).
        MemoryArenas.limitToCores()
        do {
            if isPostgres { return try PostgresStore(url: db) }
            return try SQLiteStore(path: db, memoryMapBytes: memoryMapped ? 1 << 40 : 0)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Opens an existing store for reading; a missing file is an error rather than a new empty database. (A
    /// PostgreSQL database is opened as it is: its schema is created if missing.)
    func openExisting(memoryMapped: Bool = false) throws -> any ArticleStore {
        guard isPostgres || FileManager.default.fileExists(atPath: db) else {
            Terminal.error("no database at \(db) — run `storyline ingest PATH…` first, or pass --db PATH")
            throw ExitCode(2)
        }
        return try open(memoryMapped: memoryMapped)
    }

    /// The database as messages name it: the file's path, or the URL without its password.
    var location: String {
        guard isPostgres else { return db }
        return (try? PostgresStore.location(ofURL: db)) ?? "the PostgreSQL database given by --db"
    }
}

extension PublicationDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso8601: argument)
    }
}
