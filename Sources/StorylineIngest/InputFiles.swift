import Foundation

/// The files named on a command line: files as given, directories walked recursively.
///
/// Every regular file is a candidate; the format is recognised later from content, not from the
/// extension. Hidden files and directories (".git") are skipped inside walked directories, and the
/// result is sorted so that runs are repeatable.
///
/// A file named `storyline-sources.jsonl` is a ``SourceManifest``, never an input: the manifests found in
/// walked directories, given as paths, or lying next to a file given as a path are read, and each item they
/// describe carries what they state about it (``Item/metadata``). Where manifests at several levels describe
/// one file, the nearest one's fields win. Their bad lines are among the errors.
public enum InputFiles {
    /// One input file.
    public struct Item: Sendable, Hashable {
        public var path: String
        public var size: Int
        /// What a manifest states about the file, to replace what its reader infers
        /// (``DocumentReader/read(_:path:metadata:)``); `nil` when no manifest describes it.
        public var metadata: SourceMetadata?

        public init(path: String, size: Int, metadata: SourceMetadata? = nil) {
            self.path = path
            self.size = size
            self.metadata = metadata
        }
    }

    /// Expands the paths; paths that do not exist or cannot be listed become errors, as do the bad lines
    /// of the manifests found.
    public static func expand(_ paths: [String]) -> (items: [Item], errors: [IngestError]) {
        var items: [Item] = []
        var errors: [IngestError] = []
        var manifests: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(IngestError(.unreadable, "no such file or directory", path: path))
                continue
            }
            if !isDirectory.boolValue {
                if SourceManifest.isManifest(path) {
                    manifests.append(path)
                    continue
                }
                items.append(Item(path: path, size: fileSize(path)))
                let sibling = ((path as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(SourceManifest.fileName)
                if isRegularFile(sibling) { manifests.append(sibling) }
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                errors.append(IngestError(.unreadable, "cannot list the directory", path: path))
                continue
            }
            var found: [Item] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                let type = walker.fileAttributes?[.type] as? FileAttributeType
                if name.hasPrefix(".") {
                    if type == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                if type == .typeRegular || (type == .typeSymbolicLink && isRegularFile(full)) {
                    if name == SourceManifest.fileName {
                        manifests.append(full)
                        continue
                    }
                    found.append(Item(path: full, size: (walker.fileAttributes?[.size] as? Int) ?? fileSize(full)))
                }
            }
            items += found.sorted { $0.path < $1.path }
        }
        let (described, manifestErrors) = describe(manifests)
        errors += manifestErrors
        if !described.isEmpty {
            for index in items.indices {
                if let stated = described[absolute(items[index].path)], !stated.isEmpty {
                    items[index].metadata = stated
                }
            }
        }
        return (items, errors)
    }

    /// Reads each manifest once and merges what they state, by the absolute path of the file described;
    /// a manifest nearer the file (deeper) wins field by field.
    private static func describe(_ manifests: [String]) -> (metadata: [String: SourceMetadata], errors: [IngestError]) {
        var seen: Set<String> = []
        var loaded: [(depth: Int, manifest: SourceManifest)] = []
        var errors: [IngestError] = []
        for path in manifests where seen.insert(absolute(path)).inserted {
            let (manifest, problems) = SourceManifest.load(path)
            errors += problems
            let directory = absolute(manifest.directory.isEmpty ? "." : manifest.directory)
            loaded.append((directory.split(separator: "/").count, manifest))
        }
        var metadata: [String: SourceMetadata] = [:]
        for (_, manifest) in loaded.sorted(by: { $0.depth < $1.depth }) {
            for entry in manifest.entries {
                let key = absolute(manifest.path(of: entry))
                metadata[key] = metadata[key].map { $0.overridden(by: entry.metadata) } ?? entry.metadata
            }
        }
        return (metadata, errors)
    }

    /// `path` made absolute against the working directory, with `.` and `..` components resolved lexically
    /// (symbolic links are not followed), so that two spellings of one path compare equal.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Reads a whole file, refusing files over `limit` bytes with a clear error.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(.unreadable, "cannot open the file for reading", path: path)
        }
        defer { try? handle.close() }
        let size = fileSize(path)
        guard size <= limit else {
            throw IngestError(
                .tooLarge,
                "the file is \(ByteCount.describe(size)), above the \(ByteCount.describe(limit)) input limit",
                path: path
            )
        }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw IngestError(.unreadable, "cannot read the file", path: path, cause: "\(error)")
        }
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
