import CrosscheckCore
import Foundation

/// Event exports that other tools read directly: ACLED-like CSV (pandas, spreadsheets) and GeoJSON
/// (QGIS, one point feature per located event).
public enum EventExports {
    /// The ACLED-like columns: event_date (an ISO day, or empty when the year is unknown or there is no time),
    /// date_without_year (ISO 8601's "--MM-DD" when only the year is unknown), time_precision, event_type, plover,
    /// cameo, actor1, actor2, location, latitude, longitude, geo_precision, country, quantity, status, sources,
    /// source_count, notes (the evidence sentence).
    public static let acled = Listing<MergedEvent>(columns: [
        Column("event_id") { $0.id },
        Column("event_date") { EventQuery.days(of: $0)?.start ?? "" },
        Column("date_without_year") { e in
            guard let start = e.time?.start, start.hasPrefix("XXXX-"), start.utf8.count >= 10 else { return "" }
            return "--" + start.dropFirst(5).prefix(5)
        },
        Column("time_precision") { $0.timeFromPublication ? "publication" : ($0.time?.granularity.rawValue ?? "") },
        Column("event_type") { $0.type },
        Column("plover") { $0.plover },
        Column("cameo") { $0.cameo },
        Column("actor1") { $0.actor?.name ?? "" },
        Column("actor2") { $0.target?.name ?? "" },
        Column("location") { $0.placeName ?? "" },
        Column("latitude") { $0.place.map { String(format: "%.4f", $0.latitude) } ?? "" },
        Column("longitude") { $0.place.map { String(format: "%.4f", $0.longitude) } ?? "" },
        Column("geo_precision") { $0.place?.precision.rawValue ?? "" },
        Column("country") { $0.place?.country ?? "" },
        Column("quantity") { $0.quantity.map { q in q.value == q.value.rounded() ? String(Int64(q.value)) : String(q.value) } ?? "" },
        Column("quantity_text") { $0.quantityText ?? "" },
        Column("status") { $0.status.rawValue },
        Column("sources") { $0.sourceNames.joined(separator: "; ") },
        Column("source_count") { String($0.sources) },
        Column("notes") { $0.references.first?.mention.sentence.replacingOccurrences(of: "\n", with: " ") ?? "" },
    ])

    /// The coarsest precision drawn as a point, by the name the CLI takes: a point in a town, in a province's centre,
    /// in a country's. A continent or a region of several countries is never a point.
    public static let precisions: KeyValuePairs<String, PlacePrecision> = ["locality": .locality, "region": .admin1, "country": .country]

    /// One point feature per located event at `precision` or finer (default: towns only — a country-level event
    /// drawn as a point in the capital looks like news from the capital). Every feature says its `geo_precision`.
    public static func geoJSON(_ events: [MergedEvent], precision: PlacePrecision = .locality) throws -> String {
        var features: [[String: Any]] = []
        for e in events {
            guard let p = e.place, p.precision <= min(precision, .country) else { continue }
            var properties: [String: Any] = [
                "id": e.id, "type": e.type, "label": e.label, "plover": e.plover, "cameo": e.cameo, "status": e.status.rawValue,
                "sources": e.sources, "mentions": e.references.count, "location": e.placeName ?? p.name, "geo_precision": p.precision.rawValue,
            ]
            if let a = e.actor { properties["actor"] = a.name }
            if let t = e.time { properties["date"] = t.value; properties["date_start"] = t.start; properties["date_end"] = t.end }
            if let q = e.quantity { properties["quantity"] = q.value }
            if let s = e.references.first?.mention.sentence { properties["evidence"] = s }
            features.append(["type": "Feature", "geometry": ["type": "Point", "coordinates": [(p.longitude * 10_000).rounded() / 10_000, (p.latitude * 10_000).rounded() / 10_000]],
                             "properties": properties])
        }
        let data = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features],
                                              options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
