import Foundation
import Hummingbird
import NIOCore
import StorylineCore
import StorylineIngest
import StorylineStore

extension APIRoutes {
    /// What `POST /api/articles` answers: one result per record of the body, in order, and the totals.
    struct IngestReport: Encodable {
        struct Record: Encodable {
            /// The record's line in the body, from 1.
            var record: Int
            /// `added`, `duplicate` (the body is stored already) or `failed`.
            var status: String
            /// The article's id: the new one, or the stored one this record duplicates.
            var id: String?
            /// For a duplicate: whether this reading (another outlet, URL or record) was added as a new source.
            var newSource: Bool?
            /// For a failed record: the reader's error code and what was wrong.
            var code: String?
            var message: String?
        }

        var records: [Record]
        var added: Int
        var duplicates: Int
        var failed: Int
        /// Entities resolved across every stored article after the ingest.
        var entities: Int
    }

    /// The media types an ingest body may be sent as (a missing Content-Type is taken as JSON Lines).
    static let ingestMediaTypes: Set<String> = [
        "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json", "text/plain",
    ]

    /// Registers `POST /api/articles`, with its own queue: ingests run one at a time while reads go on.
    func registerIngest(on router: Router<APIServer.Context>, settings: IngestSettings) {
        let queue = IngestQueue()
        router.post("/api/articles") { request, context in
            try await ingest(request, context: context, settings: settings, queue: queue)
        }
    }

    /// `POST /api/articles`: stores the articles of the body as `storyline ingest` does — read, extracted,
    /// resolved into entities and stories, saved in one transaction per batch (``IngestRunner``). Off (403) unless
    /// the server has a token; then `Authorization: Bearer TOKEN` is required (401). The body may be up to
    /// ``IngestSettings/maxBodyBytes`` (413). A broken record is reported and the others stored; a body with no
    /// readable record is 400. 201 when an article was added, else 200.
    func ingest(
        _ request: Request,
        context: APIServer.Context,
        settings: IngestSettings,
        queue: IngestQueue
    ) async throws -> Response {
        guard let token = settings.token else {
            throw APIError(
                status: .forbidden,
                message: "ingest is off: start `storyline serve` with --token-file PATH (a file holding a secret "
                    + "token of at least \(BearerToken.minimumLength) characters) or with the environment variable "
                    + "\(IngestSettings.environmentVariable) set, then send Authorization: Bearer TOKEN"
            )
        }
        guard let sent = BearerToken.fromAuthorization(request.headers[.authorization]) else {
            return Self.unauthorized("send the server's token as Authorization: Bearer TOKEN")
        }
        guard token.matches(sent) else {
            context.logger.warning("ingest refused: wrong token")
            return Self.unauthorized("the bearer token is not the server's token")
        }
        if let type = request.headers[.contentType] {
            let media = type.split(separator: ";", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard Self.ingestMediaTypes.contains(media) else {
                throw APIError(
                    status: .unsupportedMediaType,
                    message: "send articles as JSON Lines (Content-Type: application/x-ndjson) or one JSON object "
                        + "(application/json), not \(APIParameters.quoted(type))"
                )
            }
        }
        let bytes = try await Self.body(of: request, limit: settings.maxBodyBytes)
        let body = IngestRequestBody(bytes, maxRecordBytes: settings.maxBodyBytes)
        let articles = body.articles
        guard !articles.isEmpty else { throw Self.nothingToIngest(body) }

        let store = self.store
        let logger = context.logger
        let (summary, outcomes) = try await queue.run {
            do {
                return try await IngestRunner(store: store).run(
                    ReadResult(articles: articles),
                    bytes: bytes.count,
                    report: { _ in }
                )
            } catch let error as StoreError where error.code == .conflict {
                logger.error("ingest conflict", metadata: ["error": "\(error)"])
                throw APIError(
                    status: .conflict,
                    message: "another writer changed the database during this ingest; post the same body again "
                        + "(what was stored is reported as duplicate)"
                )
            }
        }
        let report = Self.report(body, outcomes: outcomes, entities: summary.entities)
        context.logger.info(
            "ingested",
            metadata: [
                "added": "\(report.added)", "duplicates": "\(report.duplicates)", "failed": "\(report.failed)",
                "seconds": "\(String(format: "%.2f", summary.seconds))",
            ]
        )
        return try APIResponse.json(report, status: report.added > 0 ? .created : .ok)
    }

    /// The report of an ingest: `outcomes` has one element per article of `body`, in order.
    static func report(_ body: IngestRequestBody, outcomes: [SaveOutcome], entities: Int) -> IngestReport {
        var report = IngestReport(records: [], added: 0, duplicates: 0, failed: 0, entities: entities)
        var next = outcomes.makeIterator()
        for record in body.records {
            switch record.result {
            case .success(let article):
                let outcome = next.next() ?? .unchanged
                if outcome == .inserted {
                    report.added += 1
                    report.records.append(IngestReport.Record(record: record.line, status: "added", id: article.id))
                } else {
                    report.duplicates += 1
                    report.records.append(
                        IngestReport.Record(
                            record: record.line,
                            status: "duplicate",
                            id: article.id,
                            newSource: outcome == .addedSource
                        )
                    )
                }
            case .failure(let error):
                report.failed += 1
                report.records.append(
                    IngestReport.Record(
                        record: record.line,
                        status: "failed",
                        code: error.code.rawValue,
                        message: error.message + (error.cause.map { " — \($0)" } ?? "")
                    )
                )
            }
        }
        return report
    }

    /// The request's body, at most `limit` bytes (413 past it, by Content-Length before reading when given).
    static func body(of request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = APIError(
            status: .contentTooLarge,
            message: "the ingest body is over the limit of \(limit) bytes (storyline serve --max-ingest-mb); "
                + "send the articles in several requests"
        )
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            // A chunked body (no length) that runs past the limit.
            throw tooLarge
        }
    }

    /// 400 for a body without a single readable record, naming the first failures.
    static func nothingToIngest(_ body: IngestRequestBody) -> APIError {
        guard !body.records.isEmpty else {
            return .badRequest(
                "the body holds no article: send JSON Lines, one {\"text\": …} object per line (optional id, "
                    + "title, published, source, url), or one such JSON object"
            )
        }
        var failures: [String] = []
        for record in body.records.prefix(3) {
            if case .failure(let error) = record.result { failures.append("record \(record.line): \(error.message)") }
        }
        let more = body.records.count > 3 ? "; \(body.records.count - 3) more failed" : ""
        return .badRequest(
            "no record of the body could be read, nothing was stored: " + failures.joined(separator: "; ") + more
        )
    }

    /// 401 with `WWW-Authenticate: Bearer`.
    static func unauthorized(_ message: String) -> Response {
        var response = APIResponse.error(APIError(status: .unauthorized, message: message))
        response.headers[.wwwAuthenticate] = "Bearer realm=\"storyline\""
        return response
    }
}
