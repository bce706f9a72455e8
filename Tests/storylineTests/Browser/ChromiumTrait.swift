import Testing

/// Gives a suite one headless Chromium for all its tests (``Chromium/current``), started before the first test and
/// closed after the last, so that a suite launches one browser however many pages its tests open.
struct ChromiumTrait: SuiteTrait, TestScoping {
    /// Once for the whole suite, not once per test.
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        if Chromium.current != nil { return try await function() }
        let browser = try await Chromium.launch()
        do {
            try await Chromium.$current.withValue(browser) { try await function() }
        } catch {
            await browser.close()
            throw error
        }
        await browser.close()
    }
}

extension Trait where Self == ChromiumTrait {
    /// One headless Chromium for the suite (see ``ChromiumTrait``).
    static var chromium: Self { ChromiumTrait() }
}

extension Chromium {
    /// The suite's browser (``ChromiumTrait``).
    static func shared() throws -> Chromium {
        guard let current else { throw CDPError("no browser: the suite needs the .chromium trait") }
        return current
    }

    /// Runs `body` with a new tab of the suite's browser, closed afterwards whatever happens.
    static func withPage<T: Sendable>(_ body: (BrowserPage) async throws -> T) async throws -> T {
        let page = try await shared().newPage()
        do {
            let result = try await body(page)
            await page.close()
            return result
        } catch {
            await page.close()
            throw error
        }
    }
}
