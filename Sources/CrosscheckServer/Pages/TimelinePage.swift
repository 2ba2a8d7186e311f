import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckReport
import Foundation

/// The timeline: the key developments (one per happening, as ranked for the brief) on a time axis, one lane per kind
/// of event, each sized by its independent sources; filterable by type and place. The same developments follow as a
/// table (what a screen reader or a narrow phone reads).
struct TimelinePage {
    let entries: [DevelopmentRanking.Entry]
    let year: String?
    var type: String?
    var place: String?

    struct Dot {
        let entry: DevelopmentRanking.Entry
        let day: CivilDay
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var shown: [DevelopmentRanking.Entry] {
        entries.filter { en in
            (type == nil || en.event.type == type) && (place == nil || en.event.placeName == place)
        }
    }

    /// The first day of an event's time (a time's start is always a full ISO day); nil without one, or when its year
    /// is unknown ("0000").
    func day(of e: MergedEvent) -> CivilDay? {
        guard !e.timeFromPublication, let start = DevelopmentRanking.start(e, year: year), !start.hasPrefix("0000") else { return nil }
        return CivilDay(iso: start)
    }

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        let list = shown
        let dots = list.compactMap { en in day(of: en.event).map { Dot(entry: en, day: $0) } }
        var body = "<h1>Timeline</h1>\n<p class=\"note\">The \(entries.count) best-ranked developments, one per happening; a circle's size "
            + "is its number of independent sources; red: denied or contested, amber: claimed, violet: planned.</p>\n" + filters()
        body += dots.isEmpty ? "<p class=\"note\">No dated development matches.</p>\n" : svg(dots)
        body += "<table class=\"timeline\"><thead><tr><th>When</th><th>Development</th><th class=\"n\">Sources</th><th>Status</th></tr></thead><tbody>\n"
        for en in list {
            let ev = en.event
            let when = day(of: ev).map { _ in ev.time?.value ?? "" } ?? "undated"
            body += "<tr><td>\(e(when))</td><td><a href=\"\(PageLinks.event(ev.id))\">\(e(Brief.headline(ev)))</a></td>"
                + "<td class=\"n\">\(ev.sources)</td><td>\(e(ev.status.rawValue))</td></tr>\n"
        }
        return PageShell.page(title: "Timeline", section: .timeline, body: body + "</tbody></table>\n")
    }

    private func filters() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        func options(_ values: [String], selected: String?) -> String {
            "<option value=\"\">all</option>" + values.map { "<option value=\"\(e($0))\"\($0 == selected ? " selected" : "")>\(e($0))</option>" }.joined()
        }
        let types = Set(entries.map(\.event.type)).sorted(), places = Set(entries.compactMap(\.event.placeName)).sorted()
        return "<form class=\"filters\" action=\"/timeline\"><label>Type <select name=\"type\">\(options(types, selected: type))</select></label>"
            + "<label>Place <select name=\"place\">\(options(places, selected: place))</select></label><button>Filter</button></form>\n"
    }

    /// The axis and the circles; lanes by type in order of first appearance.
    func svg(_ dots: [Dot]) -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var lanes: [String] = []
        for d in dots where !lanes.contains(d.entry.event.type) { lanes.append(d.entry.event.type) }
        let width = 1000.0, gutter = 150.0, right = 30.0, laneHeight = 44.0, top = 36.0
        let height = top + Double(lanes.count) * laneHeight + 10
        let first = dots.map(\.day.days).min()!, last = dots.map(\.day.days).max()!
        let span = Double(max(last - first, 1))
        func x(_ day: Int) -> Double { last == first ? (gutter + width - right) / 2 : gutter + Double(day - first) / span * (width - gutter - right) }
        var out = "<figure class=\"chart scroll\" tabindex=\"0\" aria-label=\"Timeline chart (scrolls sideways on a narrow screen)\"><svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Timeline of \(dots.count) developments\">\n"
        for tick in ticks(first, last) {
            let tx = x(tick.day)
            out += "<line class=\"tick\" x1=\"\(f(tx))\" y1=\"\(f(top - 8))\" x2=\"\(f(tx))\" y2=\"\(f(height - 6))\"/>"
                + "<text class=\"tick\" x=\"\(f(tx))\" y=\"\(f(top - 14))\" text-anchor=\"middle\">\(e(tick.label))</text>\n"
        }
        for (k, lane) in lanes.enumerated() {
            let y = top + Double(k) * laneHeight + laneHeight / 2
            out += "<line class=\"lane\" x1=\"\(f(gutter))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\"/>"
                + "<text class=\"lane\" x=\"\(f(gutter - 10))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(e(lane))</text>\n"
        }
        // Biggest first, so small circles stay clickable on top.
        for d in dots.sorted(by: { ($0.entry.event.sources, $1.entry.event.id) > ($1.entry.event.sources, $0.entry.event.id) }) {
            let ev = d.entry.event
            let y = top + Double(lanes.firstIndex(of: ev.type)!) * laneHeight + laneHeight / 2
            let r = min(20, 4 + 3.5 * Double(ev.sources).squareRoot())
            out += "<a href=\"\(PageLinks.event(ev.id))\"><circle class=\"dot \(Self.tone(ev.status))\" cx=\"\(f(x(d.day.days)))\" cy=\"\(f(y))\" r=\"\(f(r))\">"
                + "<title>\(e((ev.time?.value ?? "") + " — " + Brief.headline(ev) + " — \(ev.sources) independent source" + (ev.sources == 1 ? "" : "s")))</title></circle></a>\n"
        }
        return out + "</svg></figure>\n"
    }

    /// The colour class of a status.
    static func tone(_ status: EventStatus) -> String {
        switch status {
        case .contested, .denied, .walkedBack: "against"
        case .claimed: "claimed"
        case .planned, .hypothetical: "planned"
        default: "reported"
        }
    }

    /// Ticks at days, weeks, months or years, whichever gives at most about a dozen.
    func ticks(_ first: Int, _ last: Int) -> [(day: Int, label: String)] {
        let span = last - first
        var out: [(Int, String)] = []
        if span <= 14 {
            for d in first...last { let c = CivilDay(days: d).civil; out.append((d, "\(Self.months[c.month - 1]) \(c.day)")) }
        } else if span <= 120 {
            var d = first
            while d <= last { let c = CivilDay(days: d).civil; out.append((d, "\(Self.months[c.month - 1]) \(c.day)")); d += span <= 60 ? 7 : 14 }
        } else {
            let a = CivilDay(days: first).civil, b = CivilDay(days: last).civil
            let months = (b.year - a.year) * 12 + b.month - a.month
            let step = months <= 12 ? 1 : months <= 36 ? 3 : 12
            var (y, m) = (a.year, a.month)
            while (y, m) <= (b.year, b.month) {
                let d = CivilDay(year: y, month: m, day: 1)!.days
                if d >= first { out.append((d, m == 1 || out.isEmpty ? "\(Self.months[m - 1]) \(y)" : Self.months[m - 1])) }
                m += step
                while m > 12 { m -= 12; y += 1 }
            }
        }
        return out
    }

    private func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
