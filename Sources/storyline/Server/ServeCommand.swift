import ArgumentParser
import Foundation
import Hummingbird
import Logging
import StorylineStore

/// `storyline serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the stored story as web pages and a JSON API (OpenAPI document at /openapi.json).",
        discussion: """
            Serves the existing database over HTTP. Web pages for a browser: /timeline (story, entity, from, \
            to), /quotes (speaker, about, since, until), /entities (name, type), /entities/{id} (one entity's \
            names, roles, mentions per day, network and statements), /articles (since, until, outlet), \
            /articles/{id} (the text with its names, quotes and dates marked) and /search?q=…; / leads to the \
            timeline; lists take page=K, 50 a page. The same data as JSON: GET /api/articles, \
            /api/articles/{id}, /api/entities, /api/entities/{id}, /api/quotes, /api/timeline, /api/events, \
            /api/stories and /api/search answer JSON with the shapes of the matching commands' JSON output; every \
            list is paged with limit (default 50, at most 500) and offset and answers {"items": […], "limit": …, \
            "offset": …}. /openapi.json describes every route. The server only reads unless it has an API token: \
            with --token-file PATH (a file holding a secret of at least 16 characters) or the environment \
            variable STORYLINE_API_TOKEN, POST /api/articles stores the JSON Lines of its body as `storyline \
            ingest` does, for a client sending Authorization: Bearer TOKEN. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "PORT"))
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "A file holding the API token that turns on POST /api/articles (else $STORYLINE_API_TOKEN; "
                + "never the token itself on the command line).",
            valueName: "PATH"
        )
    )
    var tokenFile: String?

    @Option(help: ArgumentHelp("The largest body of POST /api/articles, in MiB.", valueName: "MIB"))
    var maxIngestMb = IngestSettings.defaultMaxBodyMiB

    @Option(
        help: ArgumentHelp(
            "Close a connection that has been idle, or has not finished sending its request head, for this many "
                + "seconds (slow clients cannot hold connections forever; 0: never).",
            valueName: "SECONDS"
        )
    )
    var idleTimeout = ServeCommand.defaultIdleTimeout

    /// Seconds before an idle connection, or one still sending its request head, is closed.
    static let defaultIdleTimeout = 30

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard (1...1024).contains(maxIngestMb) else {
            throw ValidationError("--max-ingest-mb must be from 1 to 1024, not \(maxIngestMb)")
        }
        guard (0...3600).contains(idleTimeout) else {
            throw ValidationError("--idle-timeout must be from 0 to 3600 seconds, not \(idleTimeout)")
        }
    }

    func run() async throws {
        let token: BearerToken?
        do {
            token = try BearerToken.configured(file: tokenFile, environment: ProcessInfo.processInfo.environment)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        // Requests read the same pages again and again: through a memory map, not a copy per read.
        let db = try store.openExisting(memoryMapped: true)
        let ingest = IngestSettings(token: token, maxBodyBytes: maxIngestMb << 20)
        let note =
            ingest.isEnabled
            ? "ingest on: POST /api/articles with Authorization: Bearer TOKEN, up to \(maxIngestMb) MiB"
            : "read only"
        try await Self.serve(store: db, host: host, port: port, ingest: ingest, idleTimeout: idleTimeout) { url in
            "Serving \(store.location) at \(url) (API: /api/…, /openapi.json; \(note)); Ctrl-C stops"
        }
    }

    /// Serves the API over `store` at `host`:`port` until the process is interrupted, printing `announce(url)`
    /// once the server listens (its URL has the port the system chose for port 0). A connection idle for
    /// `idleTimeout` seconds, or that has not sent a whole request head within them, is closed (0: never).
    static func serve(
        store: any ArticleStore,
        host: String,
        port: Int,
        ingest: IngestSettings = .off,
        idleTimeout: Int = defaultIdleTimeout,
        announce: @escaping @Sendable (String) -> String
    ) async throws {
        let router: Router<APIServer.Context>
        do {
            router = try APIServer.router(store: store, ingest: ingest)
        } catch {
            Terminal.error("cannot start the server: \(error)")
            throw ExitCode(1)
        }
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idleTimeout > 0 ? .seconds(Int64(idleTimeout)) : nil)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "storyline"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                Terminal.out(announce("http://\(shown):\(port)/"))
            },
            logger: Logger(label: "storyline.serve")
        )
        do {
            try await app.runService()
        } catch {
            let busy = "\(error)".contains("Address already in use")
            Terminal.error(
                "cannot serve at \(host):\(port): \(error)"
                    + (busy ? " — another program listens there; pass --port N (0 picks a free port)" : "")
            )
            throw ExitCode(1)
        }
    }
}
