import ArgumentParser
import Hummingbird
import Logging

/// `storyline serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the stored story as web pages and a JSON API (OpenAPI document at /openapi.json).",
        discussion: """
            Serves the existing database over HTTP, reading only: GET /api/articles, /api/articles/{id}, \
            /api/entities, /api/quotes, /api/timeline and /api/stories answer JSON with the shapes of the \
            matching commands' JSON output; every list is paged with limit (default 50, at most 500) and offset \
            and answers {"items": […], "limit": …, "offset": …}. /openapi.json describes every route. The same \
            data as web pages for a browser: /timeline (story, entity, from, to), /quotes (speaker, about, since, \
            until), /entities (name, type), /articles (since, until, outlet), /articles/{id} (the text with its \
            names, quotes and dates marked) and /search?q=…; / leads to the timeline; lists take page=K, 50 a \
            page. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "PORT"))
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() async throws {
        let db = try store.openExisting()
        let router: Router<APIServer.Context>
        do {
            router = try APIServer.router(store: db)
        } catch {
            Terminal.error("cannot start the server: \(error)")
            throw ExitCode(1)
        }
        let host = self.host
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "storyline"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                Terminal.out(
                    "Serving \(db.path) at http://\(shown):\(port)/ (pages: /timeline…; API: /api/…, /openapi.json); "
                        + "Ctrl-C stops"
                )
            },
            logger: Logger(label: "storyline.serve")
        )
        try await app.runService()
    }
}
