import Foundation
import PostgresNIO
import StorylineStore

/// A `postgres://` or `postgresql://` URL, read into a `PostgresClient.Configuration`.
///
/// `postgres://user:password@host:port/database?sslmode=disable|prefer|require`; the port defaults to 5432,
/// the user to `postgres`, the database to the user's name; `?host=/dir` connects through the Unix socket in
/// `/dir` (`.s.PGSQL.<port>`). User, password and database may be percent-encoded.
struct PostgresURL {
    var configuration: PostgresClient.Configuration
    /// The URL without its password: what messages show.
    var redacted: String

    static func isURL(_ string: String) -> Bool {
        let lower = string.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    init(_ string: String) throws {
        func invalid(_ why: String) -> StoreError {
            // The URL itself may hold a password: only its scheme is quoted.
            StoreError(.cannotOpen, "not a usable PostgreSQL URL (postgres://user:password@host:port/database): \(why)")
        }
        guard Self.isURL(string), let components = URLComponents(string: string) else {
            throw invalid("cannot parse it")
        }
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        var database = components.percentEncodedPath
        if database.hasPrefix("/") { database.removeFirst() }
        database = database.removingPercentEncoding ?? database
        if database.isEmpty { database = user }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("port \(port) is out of range") }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name.lowercased()] = item.value ?? "" }

        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"]?.lowercased() {
        case nil, "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let mode?: throw invalid("unknown sslmode \"\(mode)\"")
        }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 }
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            configuration = PostgresClient.Configuration(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)",
                username: user,
                password: password,
                database: database
            )
            redacted = "postgres://\(user)@/\(database)?host=\(socketDirectory)"
        } else {
            let hostName = host ?? "localhost"
            configuration = PostgresClient.Configuration(
                host: hostName,
                port: port,
                username: user,
                password: password,
                database: database,
                tls: tls
            )
            redacted = "postgres://\(user)@\(hostName):\(port)/\(database)"
        }
        configuration.options.connectTimeout = .seconds(10)
    }
}
