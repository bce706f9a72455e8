import Foundation
import Logging
import PostgresNIO
import StorylineStore

/// Throwaway databases for tests: each test gets a database of its own on the server `STORYLINE_POSTGRES_URL`
/// names, created from its URL and dropped afterwards.
package enum PostgresTestDatabase {
    /// The variable that names the server tests may use; unset, the PostgreSQL tests are skipped.
    package static let environmentVariable = "STORYLINE_POSTGRES_URL"

    /// The server URL the tests use, or nil when `STORYLINE_POSTGRES_URL` is unset or empty.
    package static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty else { return nil }
        return url
    }

    /// Runs `body` with the URL of a new empty database `storyline_test_<random>` on the server `serverURL`
    /// names, dropped afterwards (also when `body` throws).
    package static func with<T>(serverURL: String, _ body: (String) async throws -> T) async throws -> T {
        let name = "storyline_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await administer(serverURL, "CREATE DATABASE \(name)")
        let result: T
        do {
            result = try await body(try url(serverURL, database: name))
        } catch {
            try? await administer(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        try await administer(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        return result
    }

    /// `serverURL` with its database replaced by `database`.
    package static func url(_ serverURL: String, database: String) throws -> String {
        guard var components = URLComponents(string: serverURL) else {
            throw StoreError(.cannotOpen, "\(environmentVariable) is not a URL")
        }
        components.percentEncodedPath = "/" + database
        guard let url = components.string else { throw StoreError(.cannotOpen, "\(environmentVariable) is not a URL") }
        return url
    }

    /// Runs one statement (which cannot be bound: a generated name only) on the server's own database.
    private static func administer(_ serverURL: String, _ statement: String) async throws {
        let parsed = try PostgresURL(serverURL)
        let client = PostgresClient(configuration: parsed.configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: statement))
        }
    }
}
