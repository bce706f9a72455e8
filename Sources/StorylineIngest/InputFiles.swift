import Foundation

/// The files named on a command line: files as given, directories walked recursively.
///
/// Every regular file is a candidate; the format is recognised later from content, not from the
/// extension. Hidden files and directories (".git") are skipped inside walked directories, and the
/// result is sorted so that runs are repeatable.
public enum InputFiles {
    /// One input file.
    public struct Item: Sendable, Hashable {
        public var path: String
        public var size: Int
    }

    /// Expands the paths; paths that do not exist or cannot be listed become errors.
    public static func expand(_ paths: [String]) -> (items: [Item], errors: [IngestError]) {
        var items: [Item] = []
        var errors: [IngestError] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(IngestError(.unreadable, "no such file or directory", path: path))
                continue
            }
            if !isDirectory.boolValue {
                items.append(Item(path: path, size: fileSize(path)))
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
                    found.append(Item(path: full, size: (walker.fileAttributes?[.size] as? Int) ?? fileSize(full)))
                }
            }
            items += found.sorted { $0.path < $1.path }
        }
        return (items, errors)
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
