import CrosscheckCore
import Foundation

/// Countries, first-level regions and populated places from GeoNames (CC BY 4.0,
/// https://www.geonames.org), with Latin-script alternate names, built by
/// `scripts/build_gazetteer.py` into the `gazetteer.tsv` resource.
///
/// Names are keyed like phrases (`PhraseTable`), so a lookup at a token position costs a few hash
/// probes and allocates nothing; each name leads to its candidate places, which the place resolver
/// ranks by context, the document's focus and population.
public struct Gazetteer: Sendable {
    public enum Kind: UInt8, Sendable { case country = 0, admin1 = 1, locality = 2 }

    public struct Place: Sendable {
        public let id: String
        public let kind: Kind
        public let name: String
        public let latitude: Float
        public let longitude: Float
        public let country: String
        public let admin1: String
        public let population: Int

        public var precision: String {
            switch kind { case .country: "country"; case .admin1: "admin1"; case .locality: "locality" }
        }
    }

    public private(set) var places: [Place] = []
    /// Name → packed (offset << 24 | count) into `candidates`.
    private(set) var names = PhraseTable<UInt64>()
    private(set) var candidates: [Int32] = []
    /// ISO code → index of the country's place.
    public private(set) var countries: [String: Int32] = [:]

    public init() {}

    /// The bundled gazetteer, loaded on first use.
    public static let bundled: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else { return Gazetteer() }
        return Gazetteer(tsv: data)
    }()

    /// Parses the TSV (`id kind name lat lon country admin1 population aliases`).
    public init(tsv data: Data) {
        var pairs: [(key: UInt64, place: Int32)] = []
        pairs.reserveCapacity(data.count / 12)
        var names = PhraseTable<UInt64>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            let n = bytes.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != 0x23 else { continue }
                var fields: [Substring] = []
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 8 else { continue }
                let kind: Kind = switch fields[1] { case "C": .country; case "A": .admin1; default: .locality }
                let place = Place(id: String(fields[0]), kind: kind, name: String(fields[2]),
                                  latitude: Float(fields[3]) ?? 0, longitude: Float(fields[4]) ?? 0,
                                  country: String(fields[5]), admin1: String(fields[6]),
                                  population: Int(fields[7]) ?? 0)
                let index = Int32(places.count)
                places.append(place)
                if kind == .country { countries[place.country] = index }
                var seen: Set<UInt64> = []
                func add(_ name: Substring) {
                    let tokens = Tokenizer.tokenize(String(name))
                    guard let key = names.register(tokens), seen.insert(key).inserted else { return }
                    pairs.append((key, index))
                }
                add(fields[2])
                if fields.count > 8 { for alias in fields[8].split(separator: "|") where !alias.isEmpty { add(alias) } }
            }
        }
        pairs.sort { $0.key < $1.key || ($0.key == $1.key && $0.place < $1.place) }
        var k = 0
        candidates.reserveCapacity(pairs.count)
        while k < pairs.count {
            let key = pairs[k].key
            let offset = candidates.count
            while k < pairs.count && pairs[k].key == key { candidates.append(pairs[k].place); k += 1 }
            names.set(key: key, UInt64(offset) << 24 | UInt64(candidates.count - offset))
        }
        self.names = names
    }

    /// The longest gazetteer name starting at token `i` (before `limit`): its candidate places and
    /// its length in tokens.
    @inline(__always)
    public func match(_ tokens: UnsafeBufferPointer<Token>, at i: Int, limit: Int) -> (candidates: ArraySlice<Int32>, length: Int)? {
        guard let (packed, length) = names.longest(tokens, at: i, limit: limit) else { return nil }
        let offset = Int(packed >> 24), count = Int(packed & 0xFF_FFFF)
        return (candidates[offset..<offset + count], length)
    }

    /// Candidate places of a name written as text.
    public func lookup(_ name: String) -> [Int32] {
        guard let (key, _) = PhraseTable<UInt64>.key(name), let packed = names.value(key: key) else { return [] }
        let offset = Int(packed >> 24), count = Int(packed & 0xFF_FFFF)
        return Array(candidates[offset..<offset + count])
    }

    public func ref(_ index: Int32) -> PlaceRef {
        let p = places[Int(index)]
        let id = p.id.allSatisfy(\.isNumber) ? "geonames:" + p.id : p.id
        return PlaceRef(id: id, name: p.name, latitude: Double(p.latitude), longitude: Double(p.longitude),
                        country: p.country, precision: p.precision)
    }

    public var count: Int { places.count }
}
