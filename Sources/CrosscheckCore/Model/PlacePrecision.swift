/// How precisely a place mention locates something, finest first. The raw values are the stable codes of JSON, CSV
/// (`geo_precision`) and GeoJSON (`docs/LANGUAGE.md`, places).
public enum PlacePrecision: String, Codable, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// A populated place: a town, a city, a village.
    case locality
    /// A first-level division of a country: a province, a state, a region of one country.
    case admin1
    case country
    /// A continent or a region of several countries ("Central Asia", "Europe"): coarser than a country.
    case macroRegion = "region"

    public static func < (a: PlacePrecision, b: PlacePrecision) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var description: String { rawValue }
}
