import Foundation
import StorylineIngest

/// Shows the progress of a long command (ingest, reextract): a live bar on a terminal, plain periodic lines
/// in a pipe; every failed input is printed at once with its path and reason.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private let quiet: Bool
    private var totalFiles = 0
    private var totalBytes = 0
    private var lastDraw = Date.distantPast
    private var lastLine = Date()
    private var barShown = false

    init(live: Bool = Terminal.stderrIsTerminal, quiet: Bool = false) {
        self.live = live
        self.quiet = quiet
    }

    func handle(_ event: IngestRunner.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let files, let bytes):
            totalFiles = files
            totalBytes = bytes
        case .failed(let error):
            clearBar()
            Terminal.err("error: \(error.description)\n")
        case .progress(let summary):
            let fraction =
                totalBytes > 0
                ? min(1, Double(summary.bytes) / Double(totalBytes))
                : (totalFiles > 0 ? Double(summary.files) / Double(totalFiles) : 1)
            update(fraction: fraction, line: { line(summary) }, done: summary.files == totalFiles)
        }
    }

    /// Shows how far a command has got: `fraction` (0…1) as a bar followed by `line` on a terminal, redrawn
    /// at most ten times a second unless `done`; `line` alone every two seconds in a pipe; nothing when quiet.
    /// `line` is only built when it is shown.
    func show(fraction: Double, line: @autoclosure () -> String, done: Bool) {
        lock.lock()
        defer { lock.unlock() }
        update(fraction: fraction, line: line, done: done)
    }

    /// Removes the bar before the final summary.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        clearBar()
    }

    /// ``show(fraction:line:done:)`` with the lock held.
    private func update(fraction: Double, line: () -> String, done: Bool) {
        guard !quiet else { return }
        let now = Date()
        if live {
            guard now.timeIntervalSince(lastDraw) >= 0.1 || done else { return }
            lastDraw = now
            draw(fraction: fraction, line: line())
        } else if now.timeIntervalSince(lastLine) >= 2 {
            lastLine = now
            Terminal.err(line() + "\n")
        }
    }

    private func draw(fraction: Double, line: String) {
        let width = 24
        let filled = Int(min(1, max(0, fraction)) * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.err("\r\u{1B}[2K" + bar + String(format: " %3.0f%%  ", fraction * 100) + line)
        barShown = true
    }

    private func clearBar() {
        if barShown {
            Terminal.err("\r\u{1B}[2K")
            barShown = false
        }
    }

    private func line(_ s: IngestRunner.Summary) -> String {
        let rate = s.seconds > 0 ? Double(s.bytes) / s.seconds : 0
        let perSecond = s.seconds > 0 ? Double(s.articlesRead) / s.seconds : 0
        return "\(Terminal.grouped(s.files))/\(Terminal.grouped(totalFiles)) files · "
            + "\(Terminal.grouped(s.articlesRead)) articles (\(Terminal.grouped(s.inserted)) new) · "
            + "\(s.errors.count) failed · \(Terminal.bytes(rate))/s · \(String(format: "%.0f", perSecond)) articles/s"
    }
}
