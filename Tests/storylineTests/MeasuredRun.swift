import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `storyline` run to completion as a child process with its wall time and peak memory measured (from
/// `wait4`'s resource usage of that child alone), killed if it runs past a deadline.
struct MeasuredRun {
    var status: Int32
    /// Whether the child was killed for running past the deadline.
    var timedOut: Bool
    /// Killed by a signal (a crash: SIGSEGV, SIGABRT, SIGILL, SIGTRAP…), or nil when it exited.
    var signal: Int32?
    var seconds: Double
    /// Peak resident memory of the child, in MiB.
    var peakMiB: Double
    var stdout: String
    var stderr: String

    /// Runs `storyline ARGS…` with standard output and error in files of `dir`.
    static func storyline(_ arguments: [String], in dir: URL, timeout: Duration = .seconds(300)) async throws
        -> MeasuredRun
    {
        let name = UUID().uuidString
        let out = dir.appendingPathComponent("\(name).stdout").path
        let err = dir.appendingPathComponent("\(name).stderr").path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let start = ContinuousClock.now
        let child = try ChildProcess.spawn(
            CLI.binary.path,
            arguments,
            name: "storyline \(arguments.first ?? "")",
            descriptors: [1: .append(out), 2: .append(err)]
        )
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var highWater = 0.0
        while true {
            // The child's own high-water mark (wait4's ru_maxrss also counts the test process's memory at the spawn).
            highWater = max(highWater, Self.highWaterMiB(of: child.pid) ?? 0)
            let result = wait4(child.pid, &status, WNOHANG, &usage)
            if result == child.pid { break }
            if result < 0 && errno != EINTR { throw CLIError("wait4: \(String(cString: strerror(errno)))") }
            if ContinuousClock.now - start > timeout && !timedOut {
                timedOut = true
                kill(-child.pid, SIGKILL)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let seconds = (ContinuousClock.now - start).seconds
        // Linux reports ru_maxrss in KiB; it is an upper bound when the child ended between two samples.
        let peak = highWater > 0 ? highWater : Double(usage.ru_maxrss) / 1024
        let signalled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return MeasuredRun(
            status: signalled ? -1 : (status >> 8) & 0xFF,
            timedOut: timedOut,
            signal: signalled ? status & 0x7F : nil,
            seconds: seconds,
            peakMiB: peak,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        )
    }

    /// `VmHWM` of `/proc/PID/status` (Linux): the peak resident memory of the process so far, in MiB.
    static func highWaterMiB(of pid: pid_t) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return nil }
        return kib / 1024
    }

    /// What the run says about itself in one line, for messages and the figures in RELIABILITY.md.
    var figure: String {
        String(format: "%.2f s, peak %.0f MiB", seconds, peakMiB)
            + (signal.map { ", killed by signal \($0)" } ?? ", status \(status)") + (timedOut ? " (timed out)" : "")
    }
}
