import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `storyline serve --db PATH --port 0` as a child process, and the URL it says it serves at.
final class ServeProcess: Sendable {
    let process: ChildProcess
    /// The server's root, such as `http://127.0.0.1:41234` (no trailing slash).
    let baseURL: String
    private let output: Output

    /// What the server has written to standard output.
    private final class Output: Sendable {
        let text = Mutex("")
    }

    private init(process: ChildProcess, baseURL: String, output: Output) {
        self.process = process
        self.baseURL = baseURL
        self.output = output
    }

    /// Starts the server over the database `db` and waits (at most `timeout`) for the line
    /// `Serving … at http://HOST:PORT/ …` on its standard output. Standard error goes to `log`.
    static func start(db: String, log: String, timeout: Duration = .seconds(60)) async throws -> ServeProcess {
        let pipe = try ChildProcess.pipe()
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                CLI.binary.path,
                ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0"],
                name: "storyline serve",
                descriptors: [1: .inherit(pipe.write), 2: .append(log)]
            )
        } catch {
            ChildProcess.closeDescriptors(pipe.read, pipe.write)
            throw error
        }
        ChildProcess.closeDescriptors(pipe.write)
        // Read standard output to its end, so that the server never blocks on a full pipe.
        let output = Output()
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(pipe.read, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                let text = String(decoding: chunk[0..<count], as: UTF8.self)
                output.text.withLock { $0 += text }
            }
            ChildProcess.closeDescriptors(pipe.read)
        }
        reader.name = "storyline serve stdout"
        reader.start()

        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let text = output.text.withLock { $0 }
            if let url = url(in: text) {
                return ServeProcess(process: process, baseURL: url, output: output)
            }
            let exited = process.hasExited()
            if exited || ContinuousClock.now >= deadline {
                if !exited { await process.stop() }
                let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw CDPError(
                    "storyline serve \(exited ? "exited" : "did not say where it serves within \(timeout)")\n"
                        + "stdout: \(text)\nstderr: \(errors)"
                )
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// `http://HOST:PORT` from the line `Serving … at http://HOST:PORT/ …`.
    static func url(in output: String) -> String? {
        for line in output.split(separator: "\n") where line.hasPrefix("Serving ") {
            guard let range = line.range(of: " at http://") else { continue }
            let rest = line[range.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { continue }
            return "http://" + rest[..<slash]
        }
        return nil
    }

    /// Stops the server (SIGTERM, then SIGKILL after five seconds).
    func stop() async {
        await process.stop()
    }
}
