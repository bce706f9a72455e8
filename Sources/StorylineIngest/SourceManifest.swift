import Foundation
import StorylineCore

/// A `storyline-sources.jsonl` file: what the user knows about the saved files of its directory that their
/// text does not say.
///
/// One JSON object per line:
///
/// ```
/// {"file": "001_7bab49cd3b03e6d8.txt", "published": "2025-02-27", "outlet": "Kyiv Independent", "url": "https://…", "title": "…"}
/// ```
///
/// `file` is required: a path relative to the manifest's directory (`a.txt`, or `2025/a.txt` for a file
/// below it), neither absolute nor through `..`. `published` (`YYYY-MM-DD` or an ISO 8601 date-time),
/// `outlet`, `url` and `title` are optional; a field that is absent, `null` or empty states nothing, and
/// other fields are ignored. What a line states replaces what the reader inferred from the file
/// (``SourceMetadata``). The manifest is never read as articles.
///
/// A bad line — not a JSON object, no `file`, a field of the wrong type, a date that is not one, a path
/// outside the directory, a file described twice, a file that is not there — is an ``IngestError`` with the
/// manifest's path and the line number; the other lines still apply, and every file is still read.
public struct SourceManifest: Sendable, Hashable {
    /// The manifest's file name; a file of this name is a manifest, never an input.
    public static let fileName = "storyline-sources.jsonl"
    /// The largest manifest read (a line of about 200 bytes per file: some 300,000 files).
    public static let maxBytes = 64 << 20

    /// One good line: a file and what it states about it.
    public struct Entry: Sendable, Hashable {
        /// The file, relative to the manifest's directory, with `.` components removed.
        public var file: String
        /// The line of the manifest, 1-based.
        public var line: Int
        public var metadata: SourceMetadata

        public init(file: String, line: Int, metadata: SourceMetadata) {
            self.file = file
            self.line = line
            self.metadata = metadata
        }
    }

    /// The manifest's own path.
    public var path: String
    /// The good lines, in file order.
    public var entries: [Entry]

    public init(path: String, entries: [Entry] = []) {
        self.path = path
        self.entries = entries
    }

    /// The directory the manifest describes: the one it is in.
    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The path of an entry's file, as the manifest's path names its directory.
    public func path(of entry: Entry) -> String {
        directory.isEmpty ? entry.file : (directory as NSString).appendingPathComponent(entry.file)
    }

    /// Whether `path` names a manifest (by its file name).
    public static func isManifest(_ path: String) -> Bool {
        (path as NSString).lastPathComponent == fileName
    }

    // MARK: - Reading

    /// Reads and parses the manifest at `path`, and reports the lines naming a file that is not in its
    /// directory. A manifest that cannot be read is one error; it describes nothing.
    public static func load(_ path: String) -> (manifest: SourceManifest, errors: [IngestError]) {
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.read(path, limit: maxBytes)
        } catch let error as IngestError {
            return (SourceManifest(path: path), [error])
        } catch {
            return (SourceManifest(path: path), [IngestError(.unreadable, "cannot read the manifest", path: path)])
        }
        var (manifest, errors) = parse(bytes, path: path)
        var present: [Entry] = []
        for entry in manifest.entries {
            var isDirectory: ObjCBool = false
            let target = manifest.path(of: entry)
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
                present.append(entry)
            } else {
                let directory = manifest.directory.isEmpty ? "." : manifest.directory
                errors.append(
                    IngestError(
                        .unknownFile,
                        "the manifest describes \(IngestError.quote(entry.file, limit: 200)), "
                            + (isDirectory.boolValue && FileManager.default.fileExists(atPath: target)
                                ? "a directory, not a file" : "which is not a file in \(directory)"),
                        path: path,
                        location: "line \(entry.line)"
                    )
                )
            }
        }
        manifest.entries = present
        errors.sort { lineNumber($0) < lineNumber($1) }
        return (manifest, errors)
    }

    /// Parses a manifest's bytes (no file-system checks). Every bad line is an error at "line N" of `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> (manifest: SourceManifest, errors: [IngestError]) {
        var manifest = SourceManifest(path: path)
        var errors: [IngestError] = []
        var lineOf: [String: Int] = [:]
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                let entry = try parseLine(line, number: lineNumber)
                if let first = lineOf[entry.file] {
                    throw IngestError(
                        .missingField,
                        "\(IngestError.quote(entry.file, limit: 200)) is already described on line \(first)"
                    )
                }
                lineOf[entry.file] = lineNumber
                manifest.entries.append(entry)
            } catch let error as IngestError {
                errors.append(error.at(path: path, location: "line \(lineNumber)"))
            } catch {
                errors.append(IngestError(.malformedJSON, "\(error)", path: path, location: "line \(lineNumber)"))
            }
        }
        return (manifest, errors)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, number: Int) throws -> Entry {
        let fields = try JSONLReader.objectFields(Data(line))
        func string(_ key: String, collapsing: Bool = true) throws -> String? {
            guard let value = fields[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                throw IngestError(.missingField, "\"\(key)\" must be a string, found \(jsonType(value))")
            }
            let clean = collapsing ? TextCleanup.collapseWhitespace(text) : text
            return clean.isEmpty ? nil : clean
        }
        guard let raw = try string("file", collapsing: false) else {
            throw IngestError(.missingField, "the line has no \"file\" field naming the file it describes")
        }
        let file = try relativePath(raw)
        var metadata = SourceMetadata(outlet: try string("outlet"), url: try string("url"), title: try string("title"))
        if let date = try string("published") {
            guard let value = PublicationDate(iso8601: date) else {
                throw IngestError(
                    .missingField,
                    "\"published\" is not a date (YYYY-MM-DD or an ISO 8601 date-time): \(IngestError.quote(date))"
                )
            }
            metadata.published = value
        }
        return Entry(file: file, line: number, metadata: metadata)
    }

    /// `file` as a path inside the manifest's directory, `.` components removed; throws for an absolute path,
    /// a `..` component or the manifest itself.
    private static func relativePath(_ raw: String) throws -> String {
        guard !raw.hasPrefix("/") && !raw.hasPrefix("~") else {
            throw IngestError(
                .missingField,
                "\"file\" must be a path relative to the manifest's directory, not \(IngestError.quote(raw, limit: 200))"
            )
        }
        let components = raw.split(separator: "/").filter { $0 != "." }
        guard !components.contains("..") else {
            throw IngestError(
                .missingField,
                "\"file\" must stay inside the manifest's directory (no ..): \(IngestError.quote(raw, limit: 200))"
            )
        }
        guard let last = components.last else {
            throw IngestError(.missingField, "\"file\" names no file: \(IngestError.quote(raw, limit: 200))")
        }
        guard last != Substring(fileName) else {
            throw IngestError(
                .missingField,
                "\"file\" names a manifest, not an input: \(IngestError.quote(raw, limit: 200))"
            )
        }
        return components.joined(separator: "/")
    }

    private static func lineNumber(_ error: IngestError) -> Int {
        guard let location = error.location, location.hasPrefix("line ") else { return 0 }
        return Int(location.dropFirst(5).prefix { $0.isNumber }) ?? 0
    }

    private static func jsonType(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "another type"
        }
    }
}
