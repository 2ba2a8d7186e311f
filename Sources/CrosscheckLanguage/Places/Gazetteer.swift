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

        public var precision: PlacePrecision {
            switch kind { case .country: .country; case .admin1: .admin1; case .locality: .locality }
        }
    }

    public private(set) var places: [Place] = []
    /// Name → packed (offset << 24 | count) into `candidates`.
    private(set) var names = PhraseTable<UInt64>()
    private(set) var candidates: [Int32] = []
    /// Consonant skeleton of one-word names (`NameFolding`) → packed candidates in `fuzzyCandidates`;
    /// only places of 5,000 people or more, regions and countries, and skeletons of 4 letters or more.
    private(set) var fuzzy: [UInt64: UInt64] = [:]
    private(set) var fuzzyCandidates: [Int32] = []
    /// ISO code → index of the country's place.
    public private(set) var countries: [String: Int32] = [:]

    public init() {}

    /// The bundled gazetteer, loaded on first use.
    /// The bundled `gazetteer.tsv`.
    public static var resourceURL: URL? { Bundle.module.url(forResource: "gazetteer", withExtension: "tsv") }

    public static let bundled: Gazetteer = {
        guard let url = resourceURL,
              let data = try? Data(contentsOf: url) else { return Gazetteer() }
        return Gazetteer(tsv: data)
    }()

    /// Parses the TSV (`id kind name lat lon country admin1 population aliases`).
    public init(tsv data: Data) {
        var pairs: [(key: UInt64, place: Int32)] = []
        var fuzzyPairs: [(key: UInt64, place: Int32)] = []
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
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
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
                    if tokens.count == 1, kind != .locality || place.population >= 5_000,
                       let skeleton = Self.skeletonKey(name.utf8) {
                        fuzzyPairs.append((skeleton, index))
                    }
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
        fuzzyPairs.sort { $0.key < $1.key || ($0.key == $1.key && $0.place < $1.place) }
        k = 0
        while k < fuzzyPairs.count {
            let key = fuzzyPairs[k].key
            let offset = fuzzyCandidates.count
            while k < fuzzyPairs.count && fuzzyPairs[k].key == key {
                if fuzzyCandidates.count == offset || fuzzyCandidates.last != fuzzyPairs[k].place { fuzzyCandidates.append(fuzzyPairs[k].place) }
                k += 1
            }
            fuzzy[key] = UInt64(offset) << 24 | UInt64(fuzzyCandidates.count - offset)
        }
    }

    /// The skeleton hash of an ASCII word of 4 skeleton letters or more.
    static func skeletonKey(_ word: some Collection<UInt8>) -> UInt64? {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        for b in word { guard b < 0x80 else { return nil }; buffer.append(b) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let letters = buffer.withUnsafeBufferPointer { NameFolding.skeleton($0) { h = (h ^ UInt64($0)) &* 0x100_0000_01b3 } }
        return letters >= 4 ? h : nil
    }

    /// Places whose one-word name folds to the same skeleton as `word` ("Serhetabad" → Serhetabat).
    public func transliterated(_ word: some Collection<UInt8>) -> ArraySlice<Int32> {
        guard let key = Self.skeletonKey(word), let packed = fuzzy[key] else { return [] }
        let offset = Int(packed >> 24), count = Int(packed & 0xFF_FFFF)
        return fuzzyCandidates[offset..<offset + count]
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
        return PlaceRef(id: id, name: p.name, latitude: Self.degrees(p.latitude), longitude: Self.degrees(p.longitude),
                        country: p.country, precision: p.precision)
    }

    /// A coordinate stored as Float, as the decimal it was written as (5 places, about a metre): 37.95,
    /// not 37.95000076293945, in exports and stored details.
    static func degrees(_ value: Float) -> Double {
        (Double(value) * 100_000).rounded() / 100_000
    }

    public var count: Int { places.count }
}
