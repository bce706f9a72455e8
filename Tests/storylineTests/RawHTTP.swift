import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP over a plain TCP socket, byte for byte as given: what a hostile or broken client sends, which no HTTP library
/// would (a bad request line, a path with `..`, a slow header).
struct RawHTTP {
    /// What the server answered.
    struct Answer {
        /// The status of the first response line, or nil when the server closed without answering.
        var status: Int?
        var head: String
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A connected socket to `127.0.0.1:port`, with send and receive timeouts.
    static func connect(port: Int, timeout: Double = 30) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw CLIError("socket: \(String(cString: strerror(errno)))") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw CLIError("connect to port \(port): \(message)")
        }
        return fd
    }

    /// Sends all of `bytes`; false when the peer has closed or reset the connection.
    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads until the server closes the connection (or the receive timeout), at most `limit` bytes.
    static func readToEnd(_ fd: Int32, limit: Int = 16 << 20) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while data.count < limit {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data += chunk[0..<count]
        }
        return data
    }

    /// Sends `request` on a new connection and reads the answer until the server closes it.
    static func exchange(port: Int, _ request: [UInt8], timeout: Double = 30) throws -> Answer {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        send(fd, request)
        shutdown(fd, Int32(SHUT_WR))
        return parse(readToEnd(fd))
    }

    /// `GET path` with `Connection: close`.
    static func get(port: Int, _ path: String, timeout: Double = 30) throws -> Answer {
        try exchange(
            port: port,
            Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8),
            timeout: timeout
        )
    }

    /// Splits a response into its status, head and body (chunked bodies are left as they came).
    static func parse(_ data: [UInt8]) -> Answer {
        let separator: [UInt8] = [13, 10, 13, 10]
        var split = data.count
        if data.count >= 4 {
            for i in 0...(data.count - 4) where data[i..<(i + 4)].elementsEqual(separator) {
                split = i
                break
            }
        }
        let head = String(decoding: data[0..<split], as: UTF8.self)
        let body = split + 4 <= data.count ? Array(data[(split + 4)...]) : []
        var status: Int?
        if head.hasPrefix("HTTP/1."), let line = head.split(separator: "\r\n").first {
            let parts = line.split(separator: " ")
            if parts.count >= 2 { status = Int(parts[1]) }
        }
        return Answer(status: status, head: head, body: body)
    }

    /// The port of a base URL such as `http://127.0.0.1:41234`.
    static func port(of baseURL: String) -> Int {
        Int(baseURL.split(separator: ":").last ?? "") ?? 0
    }
}
