import Foundation
import Synchronization

/// One browser tab, attached with a flat DevTools session: navigation, script evaluation, screenshots, the keyboard,
/// and every error the page reports — `console.error`, uncaught exceptions and the browser's own error entries
/// (Content-Security-Policy violations, resources that failed to load). Every wait has a timeout.
final class BrowserPage: Sendable {
    /// An error the page reported.
    struct ConsoleError: Sendable, CustomStringConvertible {
        /// `console.error`, `exception`, or the browser's log source (`security`, `network`, `javascript`, …).
        var source: String
        var text: String
        /// The script or resource it concerns, when the browser says.
        var url: String?

        var description: String { "[\(source)] \(text)" + (url.map { $0.isEmpty ? "" : " (\($0))" } ?? "") }
    }

    /// A key `press` can send.
    struct Key: Sendable {
        var key: String
        var code: String
        var keyCode: Int
        var text: String?

        static let tab = Key(key: "Tab", code: "Tab", keyCode: 9, text: nil)
        static let enter = Key(key: "Enter", code: "Enter", keyCode: 13, text: "\r")
        static let space = Key(key: " ", code: "Space", keyCode: 32, text: " ")
        static let escape = Key(key: "Escape", code: "Escape", keyCode: 27, text: nil)
    }

    /// The HTTP response of a document the page loaded.
    struct DocumentResponse: Sendable {
        var url: String
        var status: Int
        /// The response headers, by lowercase name.
        var headers: [String: String]
    }

    /// The errors and document responses of one page, recorded by the connection's reader thread.
    private final class PageLog: Sendable {
        let errors = Mutex<[ConsoleError]>([])
        let document = Mutex<DocumentResponse?>(nil)

        func record(_ event: CDPEvent) {
            let params = event.params
            var error: ConsoleError?
            switch event.method {
            case "Network.responseReceived":
                guard params["type"]?.string == "Document", let response = params["response"] else { return }
                var headers: [String: String] = [:]
                for (name, value) in response["headers"]?.object ?? [:] {
                    headers[name.lowercased()] = value.string
                }
                let document = DocumentResponse(
                    url: response["url"]?.string ?? "",
                    status: Int(response["status"]?.int ?? 0),
                    headers: headers
                )
                self.document.withLock { $0 = document }
                return
            case "Runtime.consoleAPICalled":
                guard let type = params["type"]?.string, type == "error" || type == "assert" else { return }
                let text = (params["args"]?.array ?? []).map { argument in
                    argument["value"].map { $0.string ?? $0.description } ?? argument["description"]?.string ?? "?"
                }
                let frame = params["stackTrace"]?["callFrames"]?.array?.first
                error = ConsoleError(
                    source: "console.\(type)",
                    text: text.joined(separator: " "),
                    url: frame?["url"]?.string
                )
            case "Runtime.exceptionThrown":
                let details = params["exceptionDetails"]
                let text = details?["exception"]?["description"]?.string ?? details?["text"]?.string ?? "\(params)"
                error = ConsoleError(source: "exception", text: text, url: details?["url"]?.string)
            case "Log.entryAdded":
                guard let entry = params["entry"], entry["level"]?.string == "error" else { return }
                // The browser asks every site for /favicon.ico by itself; the page did not ask for it.
                if entry["source"]?.string == "network", let url = entry["url"]?.string,
                    URL(string: url)?.path == "/favicon.ico"
                {
                    return
                }
                error = ConsoleError(
                    source: entry["source"]?.string ?? "log",
                    text: entry["text"]?.string ?? "\(entry)",
                    url: entry["url"]?.string
                )
            default:
                return
            }
            if let error { errors.withLock { $0.append(error) } }
        }
    }

    let connection: CDPConnection
    let targetID: String
    let sessionID: String
    private let log: PageLog
    private let listener: Int
    private let viewport = Mutex((width: 1280, height: 800))

    private init(connection: CDPConnection, targetID: String, sessionID: String, log: PageLog, listener: Int) {
        self.connection = connection
        self.targetID = targetID
        self.sessionID = sessionID
        self.log = log
        self.listener = listener
    }

    deinit {
        connection.removeListener(listener)
    }

    /// Opens a new tab at about:blank in the browser at the other end of `connection`, attaches to it and enables
    /// the Page, Runtime, Log and Network domains.
    static func open(in connection: CDPConnection) async throws -> BrowserPage {
        let created = try await connection.send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = created["targetId"]?.string else { throw CDPError("Target.createTarget: \(created)") }
        let attached = try await connection.send(
            "Target.attachToTarget",
            ["targetId": .string(targetID), "flatten": true]
        )
        guard let sessionID = attached["sessionId"]?.string else {
            throw CDPError("Target.attachToTarget: \(attached)")
        }
        let log = PageLog()
        let listener = connection.addListener { delivery in
            guard case .success(let event) = delivery, event.sessionID == sessionID else { return }
            log.record(event)
        }
        let page = BrowserPage(
            connection: connection,
            targetID: targetID,
            sessionID: sessionID,
            log: log,
            listener: listener
        )
        for domain in ["Page", "Runtime", "Log", "Network"] { try await page.send("\(domain).enable") }
        // Keyboard focus as in a focused window, though headless has none.
        try await page.send("Emulation.setFocusEmulationEnabled", ["enabled": true])
        return page
    }

    /// Sends `method` to this page's session.
    @discardableResult
    func send(_ method: String, _ params: [String: JSONValue] = [:], timeout: Duration? = nil) async throws -> JSONValue
    {
        try await connection.send(method, params, session: sessionID, timeout: timeout)
    }

    /// Closes the tab.
    func close() async {
        connection.removeListener(listener)
        _ = try? await connection.send("Target.closeTarget", ["targetId": .string(targetID)], timeout: .seconds(5))
    }

    // MARK: Errors

    /// The errors the page has reported so far.
    var consoleErrors: [ConsoleError] { log.errors.withLock { $0 } }

    /// The response of the last document the page loaded (nil before the first, and for about: and data: URLs).
    var documentResponse: DocumentResponse? { log.document.withLock { $0 } }

    /// Forgets the errors reported so far.
    func clearConsoleErrors() { log.errors.withLock { $0.removeAll() } }

    // MARK: Viewport and navigation

    /// Emulates a screen `width` CSS pixels wide (a phone's when `mobile`), one device pixel per CSS pixel.
    func setViewport(width: Int, height: Int? = nil, mobile: Bool? = nil) async throws {
        let height = height ?? (width < 600 ? 812 : 900)
        try await send(
            "Emulation.setDeviceMetricsOverride",
            [
                "width": .int(Int64(width)), "height": .int(Int64(height)), "deviceScaleFactor": .int(1),
                "mobile": .bool(mobile ?? (width < 600)),
            ]
        )
        viewport.withLock { $0 = (width, height) }
    }

    /// Loads `url` and waits for its load event (at most `timeout`).
    func navigate(to url: String, timeout: Duration = .seconds(45)) async throws {
        try await expectNavigation(to: url, timeout: timeout) {
            let result = try await send("Page.navigate", ["url": .string(url)])
            if let error = result["errorText"]?.string, !error.isEmpty {
                let hint =
                    error == "net::ERR_HTTP_RESPONSE_CODE_FAILURE"
                    ? " (the server answered an HTTP error status with an empty body)" : ""
                throw CDPError("navigating to \(url) failed: \(error)\(hint)")
            }
        }
    }

    /// Runs `action` (a click, a key) and waits for the page it leads to to load (at most `timeout`).
    func expectNavigation(
        to what: String = "the next page",
        timeout: Duration = .seconds(45),
        _ action: () async throws -> Void
    ) async throws {
        let loaded = CDPEventWaiter(connection, "Page.loadEventFired", session: sessionID, what: "the load of \(what)")
        try await action()
        try await loaded.wait(timeout: timeout)
    }

    // MARK: Script

    /// The value of the JavaScript `expression` (awaited when a promise), as JSON; `undefined` is null. Throws when
    /// the expression throws, or has no value within `timeout`.
    @discardableResult
    func evaluate(_ expression: String, timeout: Duration? = nil) async throws -> JSONValue {
        let result = try await send(
            "Runtime.evaluate",
            [
                "expression": .string(expression), "returnByValue": true, "awaitPromise": true, "userGesture": true,
            ],
            timeout: timeout
        )
        if let details = result["exceptionDetails"] {
            let text = details["exception"]?["description"]?.string ?? details["text"]?.string ?? "\(details)"
            throw CDPError("`\(expression)` threw: \(text)")
        }
        return result["result"]?["value"] ?? .null
    }

    func evaluateBool(_ expression: String) async throws -> Bool {
        let value = try await evaluate(expression)
        guard case .bool(let bool) = value else { throw CDPError("`\(expression)` is \(value), not a boolean") }
        return bool
    }

    func evaluateInt(_ expression: String) async throws -> Int {
        let value = try await evaluate(expression)
        switch value {
        case .int(let int): return Int(int)
        case .double(let double) where double == double.rounded(): return Int(double)
        default: throw CDPError("`\(expression)` is \(value), not an integer")
        }
    }

    /// The string `expression` gives, or nil when it gives null or undefined.
    func evaluateString(_ expression: String) async throws -> String? {
        let value = try await evaluate(expression)
        switch value {
        case .null: return nil
        case .string(let string): return string
        default: throw CDPError("`\(expression)` is \(value), not a string")
        }
    }

    /// Waits until the JavaScript `condition` is true, checking every 50 ms for at most `timeout`.
    func waitUntil(_ condition: String, timeout: Duration = .seconds(5)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            // Checked once more after the deadline, so a task that was not scheduled in time still looks once.
            let expired = ContinuousClock.now >= deadline
            if case .bool(true) = try await evaluate(condition) { return }
            guard !expired else {
                throw CDPError("waited \(timeout) for `\(condition)`, which stayed false")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The HTTP status of the document's response (0 when the browser does not know it, as for about:blank).
    func responseStatus() async throws -> Int {
        try await evaluateInt("performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0")
    }

    // MARK: Screenshots and keyboard

    /// Writes a PNG of the page to `file` (creating its folder) and returns it: the whole page when `fullPage` (as
    /// wide as the viewport, at most `maximumHeight` pixels tall), else the viewport.
    @discardableResult
    func screenshot(to file: URL, fullPage: Bool = true, maximumHeight: Int = 8000) async throws -> Data {
        var params: [String: JSONValue] = ["format": "png"]
        if fullPage {
            let metrics = try await send("Page.getLayoutMetrics")
            let content = metrics["cssContentSize"]?["height"]
            let height = content?.int.map(Double.init) ?? content?.double ?? 0
            let width = viewport.withLock { $0.width }
            let clipped = max(1, min(Int(height.rounded(.up)), maximumHeight))
            params["clip"] = .object([
                "x": .int(0), "y": .int(0), "width": .int(Int64(width)), "height": .int(Int64(clipped)),
                "scale": .int(1),
            ])
            params["captureBeyondViewport"] = true
        }
        let result = try await send("Page.captureScreenshot", params, timeout: .seconds(30))
        guard let base64 = result["data"]?.string, let data = Data(base64Encoded: base64) else {
            throw CDPError("Page.captureScreenshot gave no PNG")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return data
    }

    /// Presses and releases `key`, as a keyboard would.
    func press(_ key: Key) async throws {
        var down: [String: JSONValue] = [
            "type": .string(key.text == nil ? "rawKeyDown" : "keyDown"), "key": .string(key.key),
            "code": .string(key.code), "windowsVirtualKeyCode": .int(Int64(key.keyCode)),
            "nativeVirtualKeyCode": .int(Int64(key.keyCode)),
        ]
        if let text = key.text {
            down["text"] = .string(text)
            down["unmodifiedText"] = .string(text)
        }
        try await send("Input.dispatchKeyEvent", down)
        try await send(
            "Input.dispatchKeyEvent",
            [
                "type": "keyUp", "key": .string(key.key), "code": .string(key.code),
                "windowsVirtualKeyCode": .int(Int64(key.keyCode)), "nativeVirtualKeyCode": .int(Int64(key.keyCode)),
            ]
        )
    }

    /// Types `text` into the focused element.
    func type(_ text: String) async throws {
        try await send("Input.insertText", ["text": .string(text)])
    }
}
