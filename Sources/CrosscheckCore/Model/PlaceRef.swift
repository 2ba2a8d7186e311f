/// A place a mention resolved to in the gazetteer.
public struct PlaceRef: Codable, Sendable, Hashable {
    /// Gazetteer id: `geonames:<id>` for places and countries, `admin1:<CC>.<code>` for regions.
    public var id: String
    public var name: String
    public var latitude: Double
    public var longitude: Double
    /// ISO 3166 alpha-2 code of the country.
    public var country: String
    /// `country`, `admin1` (province, region) or `locality` (a populated place).
    public var precision: PlacePrecision

    public init(id: String, name: String, latitude: Double, longitude: Double, country: String, precision: PlacePrecision) {
        self.id = id
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.precision = precision
    }
}
