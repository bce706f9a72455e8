import Foundation
import Hummingbird

/// The pages' static files (`Resources/web/static`: `style.css`, …), read into memory once when the server
/// starts and served at `/static/{name}` with their content type, an ETag and a day of caching; a request
/// with a matching `If-None-Match` gets 304. Only the files of that folder exist: a name is looked up among
/// them, never joined to a path, so no request reaches another file.
struct StaticFiles: Sendable {
    struct File: Sendable {
        var bytes: ByteBuffer
        var contentType: String
        var etag: String
    }

    static let cacheControl = "public, max-age=86400"

    let files: [String: File]

    /// The files of `folder` (the bundle's `web/static` by default); subfolders are not served.
    init(folder: URL? = nil) throws {
        let folder = try folder ?? WebTemplates.resources().appendingPathComponent("static")
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let data = try Data(contentsOf: url)
            files[name] = File(
                bytes: ByteBuffer(bytes: data),
                contentType: Self.contentType(of: name),
                etag: "\"" + Self.hash(data) + "\""
            )
        }
        self.files = files
    }

    /// The response for `GET /static/{name}`.
    func response(name: String, request: Request) throws -> Response {
        guard let file = files[name] else {
            throw WebError.notFound("File not found", message: "There is no static file \(APIParameters.quoted(name)).")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = Self.cacheControl
        headers[.eTag] = file.etag
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.bytes))
    }

    /// The content type of a file by its extension.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a (64 bits) of `data` in hex: enough to tell two versions of a file apart.
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
