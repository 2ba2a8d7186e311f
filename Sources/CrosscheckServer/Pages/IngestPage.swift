import CrosscheckReport

/// The ingest form: paste text, HTML or JSON lines (or pick files: sent by the page's script to the API), with a
/// write token. The answer lists what was stored and what was rejected, with reasons.
struct IngestPage {
    /// The outcome of a submitted form, if any.
    var receipt: IngestReceipt?
    var error: String?

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var body = "<h1>Ingest</h1>\n<p class=\"note\">Add articles to this store. Writing needs a token "
            + "(<code>crosscheck token create NAME</code> prints one). The situation is analysed again afterwards.</p>\n"
        if let error { body += "<p class=\"warn\" role=\"alert\">\(e(error))</p>\n" }
        if let r = receipt {
            body += "<div class=\"receipt\" role=\"status\"><p><strong>\(r.new) new</strong>, \(r.alreadyStored) already stored, \(r.rejected) rejected"
                + (r.skipped > 0 ? ", \(r.skipped) records skipped" : "") + ".</p>"
            if !r.rejections.isEmpty {
                body += "<ul>" + r.rejections.map { "<li><code>\(e($0.code))</code> \(e($0.origin)): \(e($0.reason))</li>" }.joined() + "</ul>"
            }
            body += "<p><a href=\"/\">Back to the situation</a></p></div>\n"
        }
        body += """
            <form class="ingest" method="post" action="/ingest" id="ingest-form">
            <label for="token">Write token</label><input id="token" name="token" type="password" autocomplete="off" required>
            <label for="text">Article text, HTML or JSON lines</label><textarea id="text" name="text" rows="14"></textarea>
            <label for="files">…or files (text, HTML, JSON lines, WARC, RSS/Atom, gzip)</label><input id="files" type="file" multiple>
            <button>Ingest</button>
            <output id="ingest-result" aria-live="polite"></output>
            </form>
            """
        return PageShell.page(title: "Ingest", section: .ingest, body: body)
    }
}
