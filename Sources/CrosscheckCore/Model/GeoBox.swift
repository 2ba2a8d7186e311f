/// A rectangle of the map in degrees, GeoJSON's order: west, south, east, north. A box whose west edge lies east of
/// its east edge crosses the antimeridian (west 170, east -170 is the 20° around it).
public struct GeoBox: Sendable, Hashable, Codable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    /// Nil unless longitudes are within ±180, latitudes within ±90 and south ≤ north.
    public init?(west: Double, south: Double, east: Double, north: Double) {
        guard [west, east].allSatisfy({ (-180...180).contains($0) }), [south, north].allSatisfy({ (-90...90).contains($0) }),
              south <= north else { return nil }
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// "west,south,east,north" (the `bbox` of a query string); nil for anything else.
    public init?(parsing text: String) {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers.allSatisfy({ $0?.isFinite == true }) else { return nil }
        self.init(west: numbers[0]!, south: numbers[1]!, east: numbers[2]!, north: numbers[3]!)
    }

    /// How a box is written, for error messages.
    public static let form = "west,south,east,north in degrees (longitudes within ±180, latitudes within ±90, south ≤ north)"

    public var crossesAntimeridian: Bool { west > east }

    public func contains(latitude: Double, longitude: Double) -> Bool {
        guard latitude >= south, latitude <= north else { return false }
        return crossesAntimeridian ? longitude >= west || longitude <= east : longitude >= west && longitude <= east
    }
}
