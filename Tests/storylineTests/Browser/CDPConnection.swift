import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure of the browser driver: a command the browser refused, an answer or event that did not come in time, a
/// browser that exited. The message says which command or event, and why.
struct CDPError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A message the browser sent unasked: `method` with `params`, from the session `sessionID` (nil: the browser).
struct CDPEvent: Sendable {
    var method: String
    var params: JSONValue
    var sessionID: String?
}

/// The Chrome DevTools Protocol over Chromium's `--remote-debugging-pipe`: JSON messages, each ended by a NUL byte,
/// commands written to one pipe, answers and events read from the other by a background thread. Every command has
/// a timeout; when the browser exits, every waiting command and listener is told so at once.
final class CDPConnection: Sendable {
    /// Told of every event, and once of the end of the connection (a failure).
    typealias Listener = @Sendable (Result<CDPEvent, CDPError>) -> Void

    private struct Pending {
        var method: String
        var continuation: CheckedContinuation<JSONValue, any Error>
    }

    private struct State {
        var nextID = 1
        var pending: [Int: Pending] = [:]
        var listeners: [Int: Listener] = [:]
        var nextListener = 1
        var closed: CDPError?
    }

    private struct Command: Encodable {
        var id: Int
        var method: String
        var params: JSONValue
        var sessionId: String?
    }

    private static let closedError = CDPError("the browser closed the DevTools pipe (it exited or crashed)")

    private let commands: Int32
    private let state = Mutex(State())
    private let writing = Mutex(())
    /// How long a command waits for its answer unless told otherwise.
    let timeout: Duration

    /// A connection writing commands to `commands` and reading messages from `messages`; it owns both descriptors.
    init(commands: Int32, messages: Int32, timeout: Duration) {
        self.commands = commands
        self.timeout = timeout
        let thread = Thread { [self] in self.read(messages) }
        thread.name = "CDPConnection reader"
        thread.start()
    }

    deinit {
        close(commands)
    }

    /// Sends `method` with `params` (to the page session `session`, or to the browser) and returns the result.
    @discardableResult
    func send(
        _ method: String,
        _ params: [String: JSONValue] = [:],
        session: String? = nil,
        timeout: Duration? = nil
    ) async throws -> JSONValue {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        var message = try JSONEncoder().encode(
            Command(id: id, method: method, params: .object(params), sessionId: session)
        )
        message.append(0)
        let timeout = timeout ?? self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            let closed = state.withLock { state -> CDPError? in
                if let closed = state.closed { return closed }
                state.pending[id] = Pending(method: method, continuation: continuation)
                return nil
            }
            if let closed {
                continuation.resume(throwing: CDPError("\(method): \(closed)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) { [self] in
                finish(id, .failure(CDPError("\(method) got no answer from the browser within \(timeout)")))
            }
            do {
                try write(message)
            } catch {
                finish(id, .failure(CDPError("\(method): \(error)")))
            }
        }
    }

    /// Adds `listener`; returns the token that removes it.
    func addListener(_ listener: @escaping Listener) -> Int {
        let (token, closed) = state.withLock { state -> (Int, CDPError?) in
            defer { state.nextListener += 1 }
            state.listeners[state.nextListener] = listener
            return (state.nextListener, state.closed)
        }
        if let closed { listener(.failure(closed)) }
        return token
    }

    func removeListener(_ token: Int) {
        _ = state.withLock { $0.listeners.removeValue(forKey: token) }
    }

    /// Whether the browser has closed its end of the pipe.
    var isClosed: Bool { state.withLock { $0.closed != nil } }

    // MARK: The pipes

    private func write(_ message: Data) throws {
        try writing.withLock { _ in
            try message.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(commands, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        if errno == EPIPE { throw Self.closedError }
                        throw CDPError("cannot write to the browser: \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        }
    }

    /// The reader thread: splits the stream at NUL bytes and dispatches each message until the browser closes it.
    private func read(_ messages: Int32) {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(messages, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == 0 {
                buffer.append(contentsOf: chunk[start..<index])
                dispatch(buffer)
                buffer.removeAll(keepingCapacity: true)
                start = index + 1
            }
            buffer.append(contentsOf: chunk[start..<count])
        }
        close(messages)
        let error = Self.closedError
        let (pending, listeners) = state.withLock { state in
            state.closed = error
            defer { state.pending = [:] }
            return (state.pending, state.listeners)
        }
        for (_, entry) in pending { entry.continuation.resume(throwing: CDPError("\(entry.method): \(error)")) }
        for (_, listener) in listeners { listener(.failure(error)) }
    }

    private func dispatch(_ bytes: [UInt8]) {
        guard let message = try? JSONValue.parse(Data(bytes)) else { return }
        if let id = message["id"]?.int {
            if let error = message["error"] {
                let text = error["message"]?.string ?? "\(error)"
                let data = error["data"]?.string.map { " (\($0))" } ?? ""
                finish(Int(id), .failure(CDPError("the browser refused it: \(text)\(data)")), prefixMethod: true)
            } else {
                finish(Int(id), .success(message["result"] ?? .object([:])))
            }
        } else if let method = message["method"]?.string {
            let event = CDPEvent(
                method: method,
                params: message["params"] ?? .object([:]),
                sessionID: message["sessionId"]?.string
            )
            let listeners = state.withLock { Array($0.listeners.values) }
            for listener in listeners { listener(.success(event)) }
        }
    }

    private func finish(_ id: Int, _ result: Result<JSONValue, CDPError>, prefixMethod: Bool = false) {
        guard let entry = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
        switch result {
        case .success(let value): entry.continuation.resume(returning: value)
        case .failure(let error):
            entry.continuation.resume(throwing: prefixMethod ? CDPError("\(entry.method): \(error)") : error)
        }
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
#endif
