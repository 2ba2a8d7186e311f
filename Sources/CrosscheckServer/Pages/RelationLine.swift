import CrosscheckCore
import CrosscheckReport
import CrosscheckStore
import Foundation

/// A link the duplicate finder made, as a line: its kind and score, the two articles, and why (the passages that
/// align, or the sentence that cites an outlet).
enum RelationLine {
    static func html(_ r: RelationRecord) -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        func ref(_ a: ArticleRef) -> String {
            "<a href=\"\(PageLinks.article(a.id.hex))\">\(e(a.title ?? String(a.id.hex.prefix(12))))</a>"
                + (a.outlet.map { " <span class=\"meta\">\(e($0))</span>" } ?? "")
        }
        var out = "<span class=\"badge kind\">\(e(r.kind.rawValue))</span> "
        switch r.kind {
        case .cites:
            out += ref(r.article) + " cites <strong>\(e(r.outlet ?? "an outlet"))</strong>"
            if let sentence = r.sentence {
                out += "<blockquote>\(e(sentence))" + (r.cue.map { " <cite>(\(e($0)))</cite>" } ?? "") + "</blockquote>"
            }
        default:
            out += ref(r.article) + " <span class=\"meta\">\(Self.verb(r.kind))</span> " + (r.other.map(ref) ?? "")
                + " <span class=\"meta\">score \(String(format: "%.2f", r.score))</span>"
            if let pair = r.aligned.first {
                out += "<div class=\"aligned\"><blockquote>\(e(pair.articleText))</blockquote><blockquote>\(e(pair.otherText))</blockquote>"
                    + "<span class=\"meta\">passages \(String(format: "%.0f", pair.similarity * 100)) % alike"
                    + (r.aligned.count > 1 ? ", \(r.aligned.count - 1) more aligned" : "") + "</span></div>"
            }
        }
        return out
    }

    /// What the first article is of the second.
    static func verb(_ kind: RelationKind) -> String {
        switch kind {
        case .exact: "is an exact copy of"
        case .near: "is a near copy of"
        case .contains: "contains"
        case .rewrite: "rewrites"
        case .sameAddress: "is at the same address as"
        case .cites: "cites"
        }
    }
}
