import CrosscheckServer
import CrosscheckStore
import Foundation
import Hummingbird
import Testing

/// The web UI in a real browser (headless Chromium): a citation of the brief, clicked, opens its article with the
/// cited sentence highlighted, in view and focused; hostile article text stays inert; no script error, no CSP
/// violation. Skipped where no chromium is installed (`.ci/run` installs it).
@Suite(.serialized, .enabled(if: Browser.executable != nil, "needs chromium (apt-get install chromium)"))
struct BrowserTests {
    /// Runs `body` with the UI served on a free loopback port over the demo corpus and the hostile article.
    func serving(_ body: (String) async throws -> Void) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = CrosscheckServer.application(store: APIRoutesTests.store, configuration: ServerConfiguration(port: 0), logLevel: .critical) {
            continuation.yield($0)
        }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var ports = stream.makeAsyncIterator()
        let port = try #require(await ports.next())
        try await body("http://127.0.0.1:\(port)")
    }

    /// Runs the browser's blocking calls on a thread of their own: on Swift's cooperative pool (as many threads as
    /// cores) they would keep the in-process server's handlers from running while the whole test run loads the pool.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func words(_ s: String?) -> String { (s ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Problems the page reported: script exceptions, console errors (a CSP violation is one), dialogs opened.
    static func problems(_ browser: Browser) -> [String] {
        browser.events.compactMap { event in
            switch event.method {
            case "Runtime.exceptionThrown", "Page.javascriptDialogOpening": "\(event.method): \(event.params)"
            case "Log.entryAdded" where (event.params["entry"] as? [String: Any])?["level"] as? String == "error": "\(event.params)"
            default: nil
            }
        }
    }

    @Test(arguments: [(1366, 900, "first"), (390, 844, "last")])
    func aCitationOpensItsSentence(width: Int, height: Int, which: String) async throws {
        try await serving { base in try await Self.offPool {
            let browser = try Browser(width: width, height: height)
            try browser.open(base + "/")
            let pick = which == "first" ? "document.querySelector('ol.developments blockquote')"
                : "[...document.querySelectorAll('ol.developments blockquote')].pop()"
            let sentence = try browser.evaluate("\(pick).firstChild.textContent") as? String
            let href = try #require(try browser.evaluate("\(pick).querySelector('a.cite').getAttribute('href')") as? String)
            #expect(href.hasPrefix("/articles/") && href.hasSuffix("#cited"))
            // A real click on the link, as a reader does.
            try browser.evaluate("\(pick).querySelector('a.cite').click()")
            try browser.waitFor("location.pathname.startsWith('/articles/') && document.readyState === 'complete'")
            try browser.waitFor("document.activeElement && document.activeElement.id === 'cited'")
            let marked = try browser.evaluate("document.getElementById('cited').textContent") as? String
            #expect(Self.words(marked) == Self.words(sentence))
            let inView = try browser.evaluate("(() => { const r = document.getElementById('cited').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight })()")
            #expect(inView as? Bool == true)
            #expect(try browser.evaluate("getComputedStyle(document.getElementById('cited')).backgroundColor") as? String != "rgba(0, 0, 0, 0)")
            #expect(Self.problems(browser).isEmpty, "\(Self.problems(browser))")
        } }
    }

    @Test func everyPageLoadsWithoutErrorsAndHostileTextStaysInert() async throws {
        let hostile = try #require(try APIRoutesTests.store.search(["Hamadoni", "evacuated", "families"], raw: false, limit: 5, highlight: .markdown)
            .first { $0.title?.contains("Hostile") == true }?.id.hex)
        try await serving { base in try await Self.offPool {
            let browser = try Browser(width: 1366, height: 900)
            for path in ["/", "/timeline", "/map", "/map?view=world", "/contested", "/sources", "/search?q=Hamadoni", "/ingest",
                         "/articles/\(hostile)"] {
                try browser.open(base + path)
                #expect(try browser.evaluate("document.querySelector('main h1') !== null") as? Bool == true, "\(path)")
                // Only our own script; no handler attribute or javascript: link made from article text.
                #expect(try browser.evaluate("[...document.scripts].map(s => s.src).join(' ')") as? String == base + "/assets/app.js", "\(path)")
                #expect(try browser.evaluate("document.querySelectorAll('[onerror], [onload], a[href^=\"javascript\"]').length") as? Int == 0, "\(path)")
                #expect(try browser.evaluate("getComputedStyle(document.body).backgroundColor") as? String == "rgb(244, 246, 249)", "\(path): stylesheet")
            }
            #expect(try browser.evaluate("document.body.textContent.includes('onerror=alert(2)')") as? Bool == true)
            #expect(Self.problems(browser).isEmpty, "\(Self.problems(browser))")
        } }
    }
}
