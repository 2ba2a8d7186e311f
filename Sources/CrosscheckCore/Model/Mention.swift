/// What a mention names or measures.
public enum MentionKind: String, Codable, Sendable, CaseIterable {
    case person, organization, place, country, nationality, quantity, time
}

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

/// A number read from text with what it counts and how exact it is.
public struct QuantityValue: Codable, Sendable, Hashable {
    /// The value as written (the lower end of a range; the midpoint of nothing).
    public var value: Double
    /// The range the text allows: "more than 1,000" → 1000…nil; "up to 50" → nil…50; "about 100" → 90…110.
    public var low: Double?
    public var high: Double?
    public var bound: QuantityBound
    /// The qualifier as written ("more than").
    public var qualifier: String?
    /// Unit when there is one: "%", "km", "USD", "year"…
    public var unit: String?
    /// The counted noun: "reservists", "border", "troops".
    public var noun: String?

    public init(value: Double, low: Double?, high: Double?, bound: QuantityBound, qualifier: String? = nil,
                unit: String? = nil, noun: String? = nil) {
        self.value = value
        self.low = low
        self.high = high
        self.bound = bound
        self.qualifier = qualifier
        self.unit = unit
        self.noun = noun
    }
}

/// A time expression resolved against the article's publication date.
public struct TimeValue: Codable, Sendable, Hashable {
    /// Normalised value: `2021-07-05` (day), `2021-W27` (week), `2021-07` (month), `2021` (year),
    /// `2021-07-01/2021-07-10` (part of a month or any other interval).
    public var value: String
    /// First and last day the expression allows (ISO dates).
    public var start: String
    public var end: String
    public var granularity: TimeGranularity
    public var direction: TimeDirection
    public var reference: TimeReference
    /// The date relative expressions were resolved against (the publication date).
    public var anchor: String?

    public init(value: String, start: String, end: String, granularity: TimeGranularity, direction: TimeDirection,
                reference: TimeReference, anchor: String?) {
        self.value = value
        self.start = start
        self.end = end
        self.granularity = granularity
        self.direction = direction
        self.reference = reference
        self.anchor = anchor
    }
}

/// One thing a text names or measures, with the exact span it came from.
public struct Mention: Codable, Sendable, Hashable {
    /// UTF-8 offsets of the span in the document's text.
    public var start: Int
    public var end: Int
    public var text: String
    public var kind: MentionKind
    /// The entity this mention refers to, stable across documents: `person:rhmn`,
    /// `place:geonames:1221874`, `org:csto`… nil for quantities and times.
    public var entity: String?
    /// The canonical name of the entity or the normalised value ("2021-07-05", "20000").
    public var value: String?
    public var place: PlaceRef?
    public var quantity: QuantityValue?
    public var time: TimeValue?
    /// Why the recogniser decided this ("title", "gazetteer", "acronym", "surname of …").
    public var evidence: String?

    public init(start: Int, end: Int, text: String, kind: MentionKind, entity: String? = nil, value: String? = nil,
                place: PlaceRef? = nil, quantity: QuantityValue? = nil, time: TimeValue? = nil, evidence: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.entity = entity
        self.value = value
        self.place = place
        self.quantity = quantity
        self.time = time
        self.evidence = evidence
    }
}
