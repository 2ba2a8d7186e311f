import CrosscheckCore
import CrosscheckEvents
import CrosscheckReport
import Foundation

/// The map: the key developments at their places, with their precision shown as it is — a town is a point, a
/// province a dashed ring around its centre, a country its whole shape shaded (never a pin in its capital). The
/// view frames the places the developments name; a table lists them.
struct MapPage {
    let entries: [DevelopmentRanking.Entry]
    /// Show the whole world rather than frame the places.
    var world = false
    var basemap = Basemap.shared

    /// The developments at one place.
    struct Spot {
        let place: PlaceRef
        var events: [MergedEvent]
        var sources: Int { events.map(\.sources).max() ?? 0 }
    }

    var spots: [Spot] {
        var byID: [String: Spot] = [:], order: [String] = []
        for en in entries {
            guard let p = en.event.place else { continue }
            if byID[p.id] == nil { byID[p.id] = Spot(place: p, events: []); order.append(p.id) }
            byID[p.id]!.events.append(en.event)
        }
        return order.map { byID[$0]! }
    }

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        let spots = self.spots
        var body = "<h1>Map</h1>\n<p class=\"note\">Places of the \(entries.count) best-ranked developments. "
            + "<span class=\"key town\"></span> a town or city (size: independent sources) · <span class=\"key region\"></span> a province or region "
            + "(its centre; the exact extent is not drawn) · <span class=\"key country\"></span> a whole country, when nothing more precise is known.</p>\n"
        body += "<p class=\"note\">" + (world ? "<a href=\"/map\">Frame the towns and regions</a>" : "<a href=\"/map?view=world\">Show the whole world</a>") + "</p>\n"
        body += svg(spots)
        body += "<table class=\"places\"><thead><tr><th>Place</th><th>Precision</th><th class=\"n\">Developments</th><th class=\"n\">Most sources</th></tr></thead><tbody>\n"
        for s in spots.sorted(by: { ($0.events.count, $1.place.name) > ($1.events.count, $0.place.name) }) {
            body += "<tr><td><a href=\"/timeline?place=\(Self.query(s.events[0].placeName ?? s.place.name))\">\(e(s.place.name))</a> <span class=\"meta\">\(e(s.place.country))</span></td>"
                + "<td>\(e(s.place.precision.rawValue))</td><td class=\"n\">\(s.events.count)</td><td class=\"n\">\(s.sources)</td></tr>\n"
        }
        let unplaced = entries.count - spots.reduce(0) { $0 + $1.events.count }
        body += "</tbody></table>\n" + (unplaced > 0 ? "<p class=\"note\">\(unplaced) developments name no place on the map.</p>\n" : "")
        return PageShell.page(title: "Map", section: .map, body: body)
    }

    /// A query-string value: letters and digits as they are, everything else percent-encoded.
    static func query(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += String(format: "%%%02X", b) }
        }
        return out
    }

    /// The part of the world to show: the towns and regions (or, when there are none, the countries by their whole
    /// shapes), padded, at least 60 × 30 units, 2:1. A country-wide development far away stays shaded off the view;
    /// `world` shows everything.
    func frame(_ spots: [Spot]) -> (x: Double, y: Double, w: Double, h: Double) {
        guard !world else { return (0, 0, Basemap.width, Basemap.height) }
        let precise = spots.filter { $0.place.precision != .country }
        var boxes: [(Double, Double, Double, Double)] = []
        for s in precise.isEmpty ? spots : precise {
            if s.place.precision == .country, let k = basemap.byCode[s.place.country] { boxes.append(basemap.countries[k].box); continue }
            let p = Basemap.project(latitude: s.place.latitude, longitude: s.place.longitude)
            boxes.append((p.x, p.y, p.x, p.y))
        }
        guard !boxes.isEmpty else { return (0, 0, Basemap.width, Basemap.height) }
        var (x0, y0, x1, y1) = boxes[0]
        for b in boxes.dropFirst() { x0 = min(x0, b.0); y0 = min(y0, b.1); x1 = max(x1, b.2); y1 = max(y1, b.3) }
        var w = max(60, (x1 - x0) * 1.3), h = max(30, (y1 - y0) * 1.3)
        if w < 2 * h { w = 2 * h } else { h = w / 2 }
        w = min(w, Basemap.width); h = min(h, Basemap.height)
        let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
        return (min(max(0, cx - w / 2), Basemap.width - w), min(max(0, cy - h / 2), Basemap.height - h), w, h)
    }

    func svg(_ spots: [Spot]) -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        let view = frame(spots), k = view.w / Basemap.width * 4
        let countryCounts = Dictionary(spots.filter { $0.place.precision == .country }.map { ($0.place.country, $0) }, uniquingKeysWith: { a, _ in a })
        var out = "<figure class=\"chart map\"><svg viewBox=\"\(f(view.x)) \(f(view.y)) \(f(view.w)) \(f(view.h))\" role=\"img\" "
            + "aria-label=\"Map of \(spots.count) places\"><rect class=\"sea\" x=\"0\" y=\"0\" width=\"1000\" height=\"500\"/>\n"
        for c in basemap.countries {
            if let s = countryCounts[c.code] {
                out += "<a href=\"/timeline?place=\(Self.query(s.events[0].placeName ?? s.place.name))\"><path class=\"land hit\" d=\"\(c.path)\">"
                    + "<title>\(e(c.name)): \(s.events.count) development\(s.events.count == 1 ? "" : "s") placed only in the country</title></path></a>\n"
            } else {
                out += "<path class=\"land\" d=\"\(c.path)\"><title>\(e(c.name))</title></path>\n"
            }
        }
        // Regions first, then towns, the best corroborated under the others (small circles stay clickable).
        var towns: [(spot: Spot, x: Double, y: Double, r: Double)] = []
        let drawn = spots.filter { $0.place.precision != .country }
            .sorted { ($0.place.precision == .admin1 ? 0 : 1, $1.sources, $0.place.id) < ($1.place.precision == .admin1 ? 0 : 1, $0.sources, $1.place.id) }
        for s in drawn {
            let p = Basemap.project(latitude: s.place.latitude, longitude: s.place.longitude)
            let title = "<title>\(e(s.place.name)) (\(e(s.place.precision.rawValue))): \(s.events.count) development\(s.events.count == 1 ? "" : "s"), up to \(s.sources) sources</title>"
            let link = "/timeline?place=\(Self.query(s.events[0].placeName ?? s.place.name))"
            let region = s.place.precision == .admin1
            let r = region ? 6 * k : (1.2 + 0.8 * Double(s.sources).squareRoot()) * k
            out += "<a href=\"\(link)\"><circle class=\"\(region ? "region" : "town")\" cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"\(f(r))\">\(title)</circle></a>\n"
            if !region { towns.append((s, p.x, p.y, r)) }
        }
        return out + labels(towns, k: k) + "</svg></figure>\n"
    }

    /// Town names beside their circles, the best corroborated first; a name that would cover another name or another
    /// town's circle is left to the circle's tooltip and the table (towns a few kilometres apart would print over
    /// each other).
    func labels(_ towns: [(spot: Spot, x: Double, y: Double, r: Double)], k: Double) -> String {
        typealias Box = (x0: Double, y0: Double, x1: Double, y1: Double)
        func overlap(_ a: Box, _ b: Box) -> Bool { a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
        let circles = towns.map { (x0: $0.x - $0.r, y0: $0.y - $0.r, x1: $0.x + $0.r, y1: $0.y + $0.r) }
        var placed: [Box] = []
        var out = ""
        for (n, t) in towns.enumerated().sorted(by: { ($0.element.spot.sources, $1.offset) > ($1.element.spot.sources, $0.offset) }) {
            // About 0.6 em per character; right of the circle, else left of it.
            let size = 3.2 * k, width = Double(t.spot.place.name.count) * size * 0.6
            let sides: [(x: Double, anchor: String)] = [(t.x + t.r + 0.8 * k, "start"), (t.x - t.r - 0.8 * k, "end")]
            for side in sides {
                let x0 = side.anchor == "start" ? side.x : side.x - width
                let box: Box = (x0, t.y - size, x0 + width, t.y + 0.4 * size)
                guard !placed.contains(where: { overlap($0, box) }), !circles.enumerated().contains(where: { $0.offset != n && overlap($0.element, box) }) else { continue }
                placed.append(box)
                out += "<text class=\"label\" x=\"\(f(side.x))\" y=\"\(f(t.y + 1.2 * k))\" font-size=\"\(f(size))\" text-anchor=\"\(side.anchor)\">"
                    + HTMLText.escape(t.spot.place.name) + "</text>\n"
                break
            }
        }
        return out
    }


    private func f(_ v: Double) -> String { String(format: "%.2f", v) }
}
