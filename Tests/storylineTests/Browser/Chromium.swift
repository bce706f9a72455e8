import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A headless Chromium driven over its DevTools pipe (descriptors 3 and 4 of the browser, `--remote-debugging-pipe`),
/// with a temporary profile. ``close()`` stops the browser and every process it started, and removes the profile;
/// ``with(_:)`` does it whatever happens. One browser serves many ``BrowserPage``s.
final class Chromium: Sendable {
    /// The browser: `CHROMIUM` when set, else Debian's `/usr/bin/chromium`.
    static var executable: String {
        ProcessInfo.processInfo.environment["CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/chromium"
    }

    /// Whether ``executable`` exists (the browser tests are skipped without it).
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The browser the enclosing suite shares (``ChromiumTrait``).
    @TaskLocal static var current: Chromium?

    let connection: CDPConnection
    let process: ChildProcess
    /// The temporary profile, which also holds the browser's own output (`chromium.log`).
    let profile: URL

    private init(connection: CDPConnection, process: ChildProcess, profile: URL) {
        self.connection = connection
        self.process = process
        self.profile = profile
    }

    /// Starts a headless browser (`executable`) and waits until it answers (at most `timeout`); every later command
    /// waits at most `commandTimeout` for its answer. (Generous: CI runs the browser tests next to the rest of the
    /// suite on two cores, where a fresh browser's first navigation has taken over 15 s.)
    static func launch(
        executable: String = Chromium.executable,
        timeout: Duration = .seconds(30),
        commandTimeout: Duration = .seconds(45)
    ) async throws -> Chromium {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw CDPError("no Chromium at \(executable) (set CHROMIUM to its path)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("storyline-chromium-\(UUID())")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let log = profile.appendingPathComponent("chromium.log").path
        var arguments = [
            "--headless=new", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)",
            "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-breakpad", "--disable-crash-reporter", "--mute-audio",
            "--hide-scrollbars", "--password-store=basic", "--use-mock-keychain", "--font-render-hinting=none",
            "--disable-features=Translate,MediaRouter,OptimizationHints", "--lang=en-US",
        ]
        // The sandbox needs user namespaces, which root in a container seldom has.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append("about:blank")

        let commands = try ChildProcess.pipe()
        let messages: (read: Int32, write: Int32)
        do {
            messages = try ChildProcess.pipe()
        } catch {
            ChildProcess.closeDescriptors(commands.read, commands.write)
            throw error
        }
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                executable,
                arguments,
                name: "Chromium",
                descriptors: [
                    1: .append(log), 2: .inherit(1), 3: .inherit(commands.read), 4: .inherit(messages.write),
                ]
            )
        } catch {
            ChildProcess.closeDescriptors(commands.read, commands.write, messages.read, messages.write)
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        ChildProcess.closeDescriptors(commands.read, messages.write)
        let browser = Chromium(
            connection: CDPConnection(commands: commands.write, messages: messages.read, timeout: commandTimeout),
            process: process,
            profile: profile
        )
        do {
            try await browser.connection.send("Browser.getVersion", timeout: timeout)
        } catch {
            let output = browser.output
            await browser.close()
            throw CDPError("Chromium did not start: \(error)\n--- chromium.log ---\n\(output)")
        }
        return browser
    }

    /// Runs `body` with a new browser, closed afterwards whatever happens.
    static func with<T: Sendable>(_ body: (Chromium) async throws -> T) async throws -> T {
        let browser = try await launch()
        do {
            let result = try await body(browser)
            await browser.close()
            return result
        } catch {
            await browser.close()
            throw error
        }
    }

    /// The last lines the browser wrote to stdout and stderr.
    var output: String {
        let text = (try? String(contentsOf: profile.appendingPathComponent("chromium.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30).joined(separator: "\n")
    }

    /// Opens a new tab at about:blank, attached and ready (see ``BrowserPage/open(in:timeout:)``).
    func newPage() async throws -> BrowserPage {
        try await BrowserPage.open(in: connection)
    }

    /// Asks the browser to quit, stops whatever of it is left after two seconds, and removes the profile.
    func close() async {
        if !connection.isClosed {
            _ = try? await connection.send("Browser.close", timeout: .seconds(2))
        }
        await process.stop(signal: SIGTERM, grace: .seconds(2))
        try? FileManager.default.removeItem(at: profile)
    }
}
