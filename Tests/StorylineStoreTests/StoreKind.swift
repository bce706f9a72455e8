import Foundation
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

/// The store backends the conformance suite runs against; each test gets a fresh, empty store.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite

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
