import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The DevTools driver the web UI tests use (`Browser/`), against small pages a Hummingbird server serves on a
/// real port: navigation, evaluation, every kind of console error, screenshots, the keyboard, and timeouts.
// Skipped, with this message, where there is no Chromium; CI installs Debian's `chromium` (.ci/run).
@Suite(
    .serialized,
    .enabled(if: Chromium.isAvailable, "no Chromium at \(Chromium.executable): the browser tests are skipped"),
    .chromium
)
struct CDPDriverTests {
    /// The test pages, by path: HTML, and the extra headers to send with it.
    static let pages: [String: (html: String, headers: [(HTTPFields.Element.Name, String)])] = [
        "/": (
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Driver</title></head>
            <body><h1>Hello, driver</h1><p id="text">Caf\u{E9} &lt;b&gt;</p></body></html>
            """, []
        ),
        "/console-error": (
            """
            <!doctype html><html><head><meta charset="utf-8"><title>Console</title></head>
            <body><p>console</p><script>console.error('x', 42)</script></body></html>
            """, []
        ),
        "/throws": (
            """
            <!doctype html><html><head><meta charset="utf-8"><title>Throws</title></head>
            <body><p>throws</p><script>throw new Error('boom from the page')</script></body></html>
            """, []
        ),
        "/csp": (
            """
            <!doctype html><html><head><meta charset="utf-8"><title>CSP</title></head>
            <body><p>csp</p><script>window.ran = 1</script></body></html>
            """, [(.contentSecurityPolicy, "default-src 'none'; script-src 'self'")]
        ),
        "/missing-image": (
            """
            <!doctype html><html><head><meta charset="utf-8"><title>Missing</title></head>
            <body><p>missing</p><img src="/nowhere.png" alt="nothing"></body></html>
            """, []
        ),
        "/keyboard": (
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyboard</title></head>
            <body><a id="first" href="#target">First</a>
            <form action="/submitted" method="get"><input id="box" name="q" aria-label="Query"></form>
            <p id="target" tabindex="-1">Target</p></body></html>
            """, []
        ),
        "/submitted": (
            """
            <!doctype html><html><head><meta charset="utf-8"><title>Submitted</title></head>
            <body><h1>Submitted</h1></body></html>
            """, []
        ),
        "/wide": (
            """
            <!doctype html><html><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Wide</title></head>
            <body><h1>Tall</h1><p>Text</p></body></html>
            """, []
        ),
    ]

    /// A page that is not there, as HTML.
    static let notFound = """
        <!doctype html><html><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1></body></html>
        """

    /// Runs `body` with the base URL of a live server of ``pages`` and a new tab of the suite's browser.
    static func withSite(_ body: @escaping @Sendable (String, BrowserPage) async throws -> Void) async throws {
        let router = Router()
        for (path, page) in pages {
            router.get(RouterPath(path)) { _, _ in
                var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
                for (name, value) in page.headers { headers[name] = value }
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
            }
        }
        router.get("/missing") { _, _ in
            Response(
                status: .notFound,
                headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: notFound))
            )
        }
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await Chromium.withPage { page in try await body("http://localhost:\(port)", page) }
        }
    }

    @Test func navigatesAndEvaluates() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/")
            #expect(try await page.responseStatus() == 200)
            #expect(try await page.evaluateString("document.querySelector('h1').textContent") == "Hello, driver")
            #expect(try await page.evaluateString("document.getElementById('text').innerText") == "Caf\u{E9} <b>")
            #expect(try await page.evaluateString("document.title") == "Driver")
            let value = try await page.evaluate("({a: 1, b: [true, 'x', null], c: 1.5})")
            #expect(
                value == .object(["a": .int(1), "b": .array([.bool(true), .string("x"), .null]), "c": .double(1.5)])
            )
            #expect(try await page.evaluate("undefined") == .null)
            #expect(try await page.evaluate("Promise.resolve(7)") == .int(7))
            await #expect(throws: CDPError.self) { try await page.evaluate("no.such.thing") }
            #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")

            let response = try #require(page.documentResponse)
            #expect(response.url == site + "/" && response.status == 200)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(response.headers)")

            try await page.navigate(to: site + "/csp")
            #expect(
                page.documentResponse?.headers["content-security-policy"] == "default-src 'none'; script-src 'self'"
            )

            try await page.navigate(to: site + "/missing")
            #expect(try await page.responseStatus() == 404)
            #expect(page.documentResponse?.status == 404)
            #expect(try await page.evaluateString("document.querySelector('h1').textContent") == "Not found")
            // The page's own failed load is reported too.
            #expect(page.consoleErrors.contains { $0.source == "network" && $0.url == site + "/missing" })

            // An error status without a page is a failed navigation.
            let empty = await #expect(throws: CDPError.self) { try await page.navigate(to: site + "/not-here") }
            #expect(empty?.description.contains("empty body") == true, "\(String(describing: empty))")
        }
    }

    @Test func capturesConsoleErrorsAndExceptions() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/console-error")
            try await page.waitUntil("true")
            let logged = page.consoleErrors
            #expect(logged.contains { $0.source == "console.error" && $0.text == "x 42" }, "\(logged)")

            page.clearConsoleErrors()
            try await page.navigate(to: site + "/throws")
            let thrown = page.consoleErrors
            #expect(thrown.contains { $0.source == "exception" && $0.text.contains("boom from the page") }, "\(thrown)")
        }
    }

    @Test func capturesContentSecurityPolicyViolations() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/csp")
            #expect(try await page.evaluate("window.ran") == .null, "the inline script ran despite the policy")
            let errors = page.consoleErrors
            #expect(errors.contains { $0.text.contains("Content Security Policy") }, "\(errors)")
        }
    }

    @Test func capturesFailedResourceLoads() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/missing-image")
            let errors = page.consoleErrors
            #expect(
                errors.contains { $0.text.contains("404") && $0.url?.hasSuffix("/nowhere.png") == true },
                "\(errors)"
            )
        }
    }

    @Test(arguments: [375, 1440])
    func screenshotsAreAsWideAsTheViewport(width: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storyline-cdp-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.withSite { site, page in
            try await page.setViewport(width: width)
            try await page.navigate(to: site + "/wide")
            #expect(try await page.evaluateInt("window.innerWidth") == width)
            #expect(try await page.evaluateInt("document.documentElement.scrollWidth") <= width)
            let file = folder.appendingPathComponent("wide-\(width).png")
            let data = try await page.screenshot(to: file)
            let written = try Data(contentsOf: file)
            #expect(written == data && written.count > 100)
            let image = try #require(PNGImage(written), "not a PNG")
            #expect(image.width == width)
            #expect(image.height > 0)

            let viewport = try #require(PNGImage(try await page.screenshot(to: file, fullPage: false)))
            #expect(viewport.width == width && viewport.height == (width < 600 ? 812 : 900))
        }
    }

    @Test func keyboardMovesFocusTypesAndSubmits() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/keyboard")
            try await page.press(.tab)
            #expect(try await page.evaluateString("document.activeElement.id") == "first")
            try await page.press(.enter)
            try await page.waitUntil("document.activeElement.id === 'target'")
            #expect(try await page.evaluateString("location.hash") == "#target")

            try await page.navigate(to: site + "/keyboard")
            try await page.press(.tab)
            try await page.press(.tab)
            #expect(try await page.evaluateString("document.activeElement.id") == "box")
            try await page.type("caf\u{E9} & more")
            #expect(try await page.evaluateString("document.activeElement.value") == "caf\u{E9} & more")
            try await page.expectNavigation { try await page.press(.enter) }
            #expect(try await page.evaluateString("location.pathname") == "/submitted")
            let query = try await page.evaluateString("new URLSearchParams(location.search).get('q')")
            #expect(query == "caf\u{E9} & more")
            #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        }
    }

    @Test func waitsTimeOutWithAClearMessage() async throws {
        try await Self.withSite { site, page in
            try await page.navigate(to: site + "/")
            let start = ContinuousClock.now

            let never = "new Promise(() => {})"
            let evaluation = await #expect(throws: CDPError.self) {
                try await page.evaluate(never, timeout: .milliseconds(300))
            }
            #expect(
                evaluation?.description.contains("Runtime.evaluate got no answer") == true,
                "\(String(describing: evaluation))"
            )

            let waiter = CDPEventWaiter(page.connection, "Page.loadEventFired", session: page.sessionID, what: "a load")
            let event = await #expect(throws: CDPError.self) { try await waiter.wait(timeout: .milliseconds(300)) }
            #expect(event?.description.contains("for a load, which never came") == true, "\(String(describing: event))")

            let condition = await #expect(throws: CDPError.self) {
                try await page.waitUntil("window.neverSet === true", timeout: .milliseconds(300))
            }
            #expect(condition?.description.contains("stayed false") == true, "\(String(describing: condition))")

            #expect(ContinuousClock.now - start < .seconds(10))
            // The page still answers after the abandoned evaluation.
            #expect(try await page.evaluate("1 + 1") == .int(2))
        }
    }

    @Test func aBrowserThatDoesNotAnswerFailsTheLaunchInTime() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A "browser" that keeps the pipe open and never answers, and one that exits at once.
        let silent = folder.appendingPathComponent("silent-browser")
        try "#!/bin/sh\nexec sleep 60\n".write(to: silent, atomically: true, encoding: .utf8)
        let exiting = folder.appendingPathComponent("exiting-browser")
        try "#!/bin/sh\necho 'cannot start' >&2\nexit 1\n".write(to: exiting, atomically: true, encoding: .utf8)
        for script in [silent, exiting] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }

        let start = ContinuousClock.now
        let hung = await #expect(throws: CDPError.self) {
            try await Chromium.launch(executable: silent.path, timeout: .milliseconds(500))
        }
        #expect(hung?.description.contains("Chromium did not start") == true, "\(String(describing: hung))")
        #expect(hung?.description.contains("no answer from the browser within") == true)

        let exited = await #expect(throws: CDPError.self) {
            try await Chromium.launch(executable: exiting.path, timeout: .seconds(10))
        }
        #expect(exited?.description.contains("closed the DevTools pipe") == true, "\(String(describing: exited))")
        #expect(exited?.description.contains("cannot start") == true, "the browser's output is in the message")
        #expect(ContinuousClock.now - start < .seconds(8))
    }
}
