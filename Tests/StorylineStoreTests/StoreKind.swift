import Foundation
import StorylineCore
import StorylinePostgres
import StorylineSQLite
import StorylineStore
import Testing

/// The store backends the conformance suite runs against; each test gets a fresh, empty store.
///
/// PostgreSQL runs only when `STORYLINE_POSTGRES_URL` names a server (each test then creates a database of its
/// own there and drops it afterwards); without it `allCases` leaves it out and ``PostgresAvailability`` reports
/// the PostgreSQL conformance cases as skipped.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    static var allCases: [StoreKind] {
        PostgresTestDatabase.serverURL == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Runs `body` with a new empty store of this kind (SQLite: a new file in a temporary directory).
    func withStore(_ body: (any ArticleStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(InMemoryStore())
        case .sqlite:
            try await withTemporaryDirectory { directory in
                try await body(SQLiteStore(path: directory + "/storyline.db"))
            }
        case .postgres:
            try await withPostgresStore { store in try await body(store) }
        }
    }

    /// Runs `body` with a PostgreSQL store over a new database on the `STORYLINE_POSTGRES_URL` server.
    private func withPostgresStore(_ body: (PostgresStore) async throws -> Void) async throws {
        let server = try #require(PostgresTestDatabase.serverURL, "STORYLINE_POSTGRES_URL is not set")
        try await PostgresTestDatabase.with(serverURL: server) { url in
            let store = try PostgresStore(url: url)
            do {
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    /// Runs `body` with a new store of this kind holding `readings` without annotations, as a database
    /// written before Storyline stored annotations holds them (SQLite: a v1 file, migrated on opening).
    func withStore(unannotated readings: [Article], _ body: (any ArticleStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            let store = InMemoryStore()
            try store.storeUnannotated(readings)
            try await body(store)
        case .sqlite:
            try await withTemporaryDirectory { directory in
                let path = directory + "/storyline.db"
                try await SQLiteMigrationTests.makeV1Database(at: path, readings: readings)
                try await body(SQLiteStore(path: path))
            }
        case .postgres:
            // No PostgreSQL database predates annotations: the readings are stored without any, as such a
            // database would hold them.
            try await withPostgresStore { store in
                try await store.storeUnannotated(readings)
                try await body(store)
            }
        }
    }
}

/// Says, in the test output, whether the PostgreSQL cases of the conformance suite run.
@Suite("PostgreSQL store availability")
struct PostgresAvailability {
    @Test(
        "the conformance suite runs against PostgreSQL",
        .enabled(
            if: PostgresTestDatabase.serverURL != nil,
            "skipped: STORYLINE_POSTGRES_URL is not set, so the PostgreSQL cases of the conformance suite do not run"
        )
    )
    func postgresIsReachable() async throws {
        try await StoreKind.postgres.withStore { store async throws in
            #expect(try await store.counts() == StoreCounts(articles: 0, sources: 0))
        }
    }
}

/// Runs `body` with the path of a new temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("storyline-store-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
