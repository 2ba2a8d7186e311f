import CrosscheckReport

/// The frame of every page: the sections' navigation, a search box, our own stylesheet and script (nothing loaded
/// from elsewhere: the UI works on an air-gapped laptop, and the Content-Security-Policy forbids anything else).
enum PageShell {
    /// The sections the navigation lists, in its order.
    enum Section: String, CaseIterable, Sendable {
        case situation, timeline, map, contested, sources, search, ingest

        var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        var path: String { self == .situation ? "/" : "/" + rawValue }
    }

    static func page(title: String, section: Section?, body: String) -> String {
        let nav = Section.allCases.map { s in
            "<a href=\"\(s.path)\"" + (s == section ? " aria-current=\"page\"" : "") + ">\(s.title)</a>"
        }.joined()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) · Crosscheck</title>
            <link rel="icon" href="/assets/icon.svg"><link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script>
            </head><body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top"><a class="brand" href="/">Crosscheck</a><nav aria-label="Sections">\(nav)</nav>
            <form class="quick" action="/search" role="search"><input type="search" name="q" placeholder="Search articles" aria-label="Search articles"></form>
            </header>
            <main id="main">
            \(body)
            </main>
            <footer>Crosscheck · every fact links to the sentence it came from · <a href="/api/v1/openapi.json">API</a></footer>
            </body></html>

            """
    }

    /// A page saying what went wrong (a bad parameter, an unknown id), in the frame.
    static func problem(_ title: String, _ detail: String) -> String {
        page(title: title, section: nil, body: "<h1>\(HTMLText.escape(title))</h1>\n<p class=\"note\">\(HTMLText.escape(detail))</p>")
    }
}
