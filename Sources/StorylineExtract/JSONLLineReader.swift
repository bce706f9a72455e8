import Foundation

/// Reads a file (or standard input) line by line in fixed-size chunks, so memory stays bounded by the
/// longest line.
public final class JSONLLineReader {
    private let handle: FileHandle
    private let closeOnDeinit: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    /// Opens `path`, or standard input when `path` is nil.
    public init(path: String?) throws {
        if let path {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            self.handle = handle
            closeOnDeinit = true
        } else {
            handle = FileHandle.standardInput
            closeOnDeinit = false
        }
    }

    deinit {
        if closeOnDeinit { try? handle.close() }
    }

    /// The next line without its line terminator, or nil at the end of the input.
    public func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }
}
