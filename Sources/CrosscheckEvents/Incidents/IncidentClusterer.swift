import CrosscheckCore
import Foundation

/// Groups articles by the real-world happening they report: one shooting, one battle on a given day,
/// one summit. Events merge across articles only inside one incident, so "4 independent sources" counts
/// articles about that happening, never about another of the same kind.
///
/// Two articles are compared by the cosine of their weighted profiles (named people and organisations,
/// places by precision, written days, exact figures, distinctive words, event kinds; tf-idf over the
/// articles being clustered), proposed only by features that are rare enough to say something, minus soft
/// penalties (disjoint years, other main country, person or town: `penalty`). A hard fact separates two
/// happenings (`vetoed`): published more than a week apart, or each centred on its own town that the other never
/// names. Incidents grow by average linkage over (a sample of) their pairs of articles, with the vetoes counted on
/// the same pairs, so a chain of near articles cannot join two happenings.
public struct IncidentClusterer: Sendable {
    public var configuration: IncidentConfiguration
    /// Cross-document entity links (id → canonical id).
    public var links: [String: String]

    public init(configuration: IncidentConfiguration = IncidentConfiguration(), links: [String: String] = [:]) {
        self.configuration = configuration
        self.links = links
    }

    /// One article to cluster: its row, its content id (which orders everything, so results do not depend on
    /// the order of ingestion) and its profile.
    public typealias Member = ProfiledArticle

    /// The incidents: each a list of article rows, in the order of their content ids.
    public func cluster(_ input: [Member]) -> [[Int64]] {
        let members = input.sorted { $0.article < $1.article }
        let n = members.count
        guard n > 1 else { return members.map { [$0.doc] } }
        let weighted = channelVectors(members)
        var space = Space(facts: members.map { Facts($0.profile, links: links, leading: configuration.leadingNames) },
                          vectors: weighted.vectors, channels: weighted.channels, clusterer: self)
        let pairs = candidatePairs(&space)
        // Union by average linkage, best pairs first.
        var root = Array(0..<n)
        var groups = (0..<n).map { [$0] }
        func find(_ x: Int) -> Int { var x = x; while root[x] != x { root[x] = root[root[x]]; x = root[x] }; return x }
        // Two incidents that could not join stay apart until one of them grows: many pairs of articles link the same
        // two incidents, and judging them again would give the same answer.
        var version = [Int](repeating: 0, count: n)
        var refused: [Int: (Int, Int)] = [:]
        for p in pairs where p.sim >= configuration.pairFloor && !vetoed(space.facts[p.i], space.facts[p.j]) {
            let a = find(p.i), b = find(p.j)
            guard a != b else { continue }
            let (keep, drop) = a < b ? (a, b) : (b, a)
            if let seen = refused[keep * n + drop], seen == (version[keep], version[drop]) { continue }
            guard joinable(groups[keep], groups[drop], &space) else {
                refused[keep * n + drop] = (version[keep], version[drop])
                continue
            }
            root[drop] = keep
            groups[keep] += groups[drop]
            groups[drop] = []
            version[keep] += 1
        }
        return (0..<n).filter { find($0) == $0 }.map { groups[$0].sorted().map { members[$0].doc } }
    }

    /// The articles being clustered, with their pair scores computed once, on demand.
    struct Space {
        var facts: [Facts]
        var vectors: [[(key: UInt64, weight: Double)]]
        /// Per article, what turns a channel's share of the cosine into that channel's own cosine.
        var channels: [SIMD16<Double>]
        let clusterer: IncidentClusterer
        var scores: [Int: Double] = [:]

        /// The pair's score (`IncidentClusterer.score`); 0 when the pair shares too little besides event kinds.
        mutating func score(_ x: Int, _ y: Int) -> Double {
            let (i, j) = x < y ? (x, y) : (y, x)
            let key = i * facts.count + j
            if let known = scores[key] { return known }
            let value = clusterer.score(vectors[i], vectors[j], facts[i], facts[j], channels[i], channels[j])
            scores[key] = value
            return value
        }
    }

    /// Whether two incidents may become one: hard facts separate few of their pairs of articles (one article's
    /// stray place or year does not split a happening that twenty articles tell, but two towns' shootings are
    /// separated on every pair), and their mean score over their pairs reaches the floor. Large pairs of
    /// incidents are judged on an even sample of their pairs.
    func joinable(_ a: [Int], _ b: [Int], _ space: inout Space) -> Bool {
        let total = a.count * b.count
        let stride = max(1, total / configuration.linkSamples)
        let samples = (total + stride - 1) / stride
        let allowedVetoes = configuration.maxVetoShare * Double(samples), needed = configuration.linkFloor * Double(samples)
        var sum = 0.0, checked = 0, vetoes = 0
        var k = 0
        while k < total {
            let x = a[k / b.count], y = b[(k % b.count + k / b.count) % b.count]
            if vetoed(space.facts[x], space.facts[y]) { vetoes += 1 }
            sum += space.score(x, y)
            checked += 1
            k += stride
            // Stop as soon as the answer is known: too many vetoes, or a mean the rest (at most 1 each) cannot lift.
            if Double(vetoes) > allowedVetoes || sum + Double(samples - checked) < needed { return false }
        }
        return Double(vetoes) <= configuration.maxVetoShare * Double(checked) && sum / Double(checked) >= configuration.linkFloor
    }

    struct Pair { var sim: Double; var i: Int; var j: Int }

    /// Pairs of articles worth comparing, with their scores: those sharing rare features (the most shared
    /// first, at most `maxCandidates` per article), and for features too common to list every holder, the
    /// article's neighbours in publication order among that feature's holders (so a happening told by a
    /// thousand articles still forms, at a bounded cost per article).
    func candidatePairs(_ space: inout Space) -> [Pair] {
        let vectors = space.vectors, facts = space.facts, channels = space.channels
        let n = vectors.count
        // Each holder with its weight for the feature: no lookup in the other vector per shared feature.
        var postings: [UInt64: [(doc: Int32, weight: Float)]] = [:]
        // Publication days apart from the facts: the hot loops read an Int, not copy a struct of sets.
        let published = facts.map(\.published)
        let window = configuration.publicationWindow
        let farApart: @Sendable (Int, Int) -> Bool = { i, j in Self.farApart(published[i], published[j], window) }
        let order = (0..<n).sorted { (published[$0] ?? .max, $0) < (published[$1] ?? .max, $1) }
        var position = [Int](repeating: 0, count: n)
        for (rank, i) in order.enumerated() {
            position[i] = rank
            for f in vectors[i] where !Self.isKind(f.key) { postings[f.key, default: []].append((Int32(i), Float(f.weight))) }
        }
        let cap = min(configuration.maxCandidateFrequency, max(10, Int(configuration.maxShare * Double(n))))
        // Articles are independent here: both cores take every other article, each with its own scratch arrays.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 256))
        let (holders, ranks) = (postings, position)
        var found = [[Pair]](repeating: [], count: workers)
        let clusterer = self
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var partial = [Float](repeating: 0, count: n)
                var touched: [Int] = []
                var local: [Pair] = []
                var i = worker
                while i < n {
                    var candidates = clusterer.proposals(i, vectors[i], holders, cap: cap, position: ranks, farApart: farApart,
                                                         partial: &partial, touched: &touched)
                    candidates.sort()
                    var last = -1
                    for j in candidates where j != last && !farApart(i, j) {
                        last = j
                        local.append(Pair(sim: clusterer.score(vectors[i], vectors[j], facts[i], facts[j], channels[i], channels[j]),
                                          i: min(i, j), j: max(i, j)))
                    }
                    i += workers
                }
                out[worker] = local
            }
        }
        var seen = Set<Int>()
        let pairs = found.flatMap { $0 }.filter { seen.insert($0.i * n + $0.j).inserted }
        for p in pairs { space.scores[p.i * n + p.j] = p.sim }
        return pairs.sorted { ($0.sim, -$0.i, -$0.j) > ($1.sim, -$1.i, -$1.j) }
    }

    /// The articles article `i` is compared with: those sharing its heaviest rare features (the most shared first),
    /// and its neighbours in publication order among the holders of its heaviest common features.
    func proposals(_ i: Int, _ vector: [(key: UInt64, weight: Double)], _ postings: [UInt64: [(doc: Int32, weight: Float)]],
                   cap: Int, position: [Int], farApart: (Int, Int) -> Bool, partial: inout [Float], touched: inout [Int]) -> [Int] {
        var common: [(weight: Double, list: [(doc: Int32, weight: Float)])] = []
        var rare: [(weight: Double, list: [(doc: Int32, weight: Float)])] = []
        for f in vector {
            guard let list = postings[f.key], list.count > 1 else { continue }
            if list.count > cap { common.append((f.weight, list)) } else { rare.append((f.weight, list)) }
        }
        // The heaviest rare features propose (a feature's weight already holds its rarity).
        rare.sort { $0.weight > $1.weight }
        for (weight, list) in rare.prefix(configuration.proposingFeatures) {
            for holder in list {
                let j = Int(holder.doc)
                guard j != i, !farApart(i, j) else { continue }
                if partial[j] == 0 { touched.append(j) }
                partial[j] += Float(weight) * holder.weight
            }
        }
        var candidates = Self.top(configuration.maxCandidates, of: touched, by: partial)
        for j in touched { partial[j] = 0 }
        touched.removeAll(keepingCapacity: true)
        for (_, list) in common.sorted(by: { $0.weight > $1.weight }).prefix(configuration.commonFeatures) {
            // The holders are listed in publication order: the article's place among them, then its neighbours.
            var low = 0, high = list.count
            while low < high { let mid = (low + high) / 2; if position[Int(list[mid].doc)] < position[i] { low = mid + 1 } else { high = mid } }
            let from = max(0, low - configuration.neighbours), to = min(list.count, low + configuration.neighbours + 1)
            for holder in list[from..<to] where Int(holder.doc) != i { candidates.append(Int(holder.doc)) }
        }
        return candidates
    }

    /// How alike two articles are: 0 when the pair shares too little besides event kinds; else, with the channel
    /// model, the fitted probability that they tell one happening (from each kind of feature's own cosine and the
    /// soft evidence of two happenings), or the cosine of their whole profiles minus the soft penalties.
    func score(_ a: [(key: UInt64, weight: Double)], _ b: [(key: UInt64, weight: Double)], _ x: Facts, _ y: Facts,
               _ ca: SIMD16<Double>, _ cb: SIMD16<Double>) -> Double {
        let (dots, shared) = Self.channelDots(a, b)
        if shared < configuration.minSharedFeatures { return 0 }
        let c = configuration
        guard c.channelModel else {
            let cosine = dots.sum()
            // Penalties matter only where the score could reach a join; most compared pairs are far below.
            return cosine < c.minAverageSimilarity / 2 ? cosine : cosine - penalty(x, y)
        }
        var z = c.channelBias + (c.channelWeights * dots * ca * cb).sum()
        // The evidence of two happenings only lowers the score: a pair far below the floors is left as it is.
        if z < -4 { return 1 / (1 + exp(-z)) }
        let found = separation(x, y)
        if found.contains(.years) { z += c.yearsWeight }
        if found.contains(.locality) { z += c.localityWeight2 }
        if found.contains(.country) { z += c.countryWeight2 }
        if found.contains(.person) { z += c.personWeight2 }
        return 1 / (1 + exp(-z))
    }

    /// Each channel's share of the cosine of two sorted unit vectors, and how many features they share besides event
    /// kinds.
    static func channelDots(_ a: [(key: UInt64, weight: Double)], _ b: [(key: UInt64, weight: Double)]) -> (SIMD16<Double>, Int) {
        var i = 0, j = 0, shared = 0
        var dots = SIMD16<Double>(repeating: 0)
        while i < a.count && j < b.count {
            if a[i].key == b[j].key {
                dots[FeatureChannel.of(a[i].key)] += a[i].weight * b[j].weight
                if !isKind(a[i].key) { shared += 1 }
                i += 1; j += 1
            } else if a[i].key < b[j].key { i += 1 } else { j += 1 }
        }
        return (dots, shared)
    }

    /// The `k` items with the largest scores (ties: the smaller item), without sorting them all: an article
    /// can share a rare word with thousands of others, and only the best few are compared.
    static func top(_ k: Int, of items: [Int], by score: [Float]) -> [Int] {
        guard items.count > k else { return items }
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        func before(_ a: Int, _ b: Int) -> Bool { score[a] > score[b] || (score[a] == score[b] && a < b) }
        for item in items {
            if best.count == k, !before(item, best[k - 1]) { continue }
            var at = best.count
            while at > 0 && before(item, best[at - 1]) { at -= 1 }
            best.insert(item, at: at)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    /// Unit-length tf-idf vectors, sorted by key.
    func weightedVectors(_ members: [Member]) -> [[(key: UInt64, weight: Double)]] { channelVectors(members).vectors }

    /// Unit-length tf-idf vectors (each kind of feature weighted as configured), sorted by key, and per article the
    /// factor per channel that turns the channel's share of a cosine into the cosine of that kind of feature alone.
    func channelVectors(_ members: [Member]) -> (vectors: [[(key: UInt64, weight: Double)]], channels: [SIMD16<Double>]) {
        let raw = members.map { features($0.profile) }
        var df: [UInt64: Int] = [:]
        for v in raw { for key in v.keys { df[key, default: 0] += 1 } }
        let n = Double(members.count)
        let kindWeights = channelWeightsOfFeatures
        var channels: [SIMD16<Double>] = []
        channels.reserveCapacity(raw.count)
        let vectors = raw.map { v -> [(key: UInt64, weight: Double)] in
            // Raw tf-idf per channel (for its norm), then weighted by kind and scaled to unit length.
            var squares = SIMD16<Double>(repeating: 0)
            // In key order, so every sum below adds in the same order in every process (a dictionary's order is not).
            var out = v.sorted { $0.key < $1.key }.map { f -> (key: UInt64, weight: Double) in
                let w = f.value * log(1 + n / Double(df[f.key]!))
                squares[FeatureChannel.of(f.key)] += w * w
                return (key: f.key, weight: w * kindWeights[FeatureChannel.of(f.key)])
            }
            let norm = sqrt(out.reduce(0) { $0 + $1.weight * $1.weight })
            if norm > 0 { for k in out.indices { out[k].weight /= norm } }
            // weight = raw × kind / norm, so raw / channel norm = weight × norm / (kind × channel norm).
            var factors = SIMD16<Double>(repeating: 0)
            for c in 0..<FeatureChannel.allCases.count where squares[c] > 0 && kindWeights[c] > 0 {
                factors[c] = norm / (kindWeights[c] * squares[c].squareRoot())
            }
            channels.append(factors)
            return out
        }
        return (vectors, channels)
    }

    /// The configured weight of each kind of feature, by channel.
    var channelWeightsOfFeatures: SIMD16<Double> {
        let c = configuration
        var w = SIMD16<Double>(repeating: 0)
        for (channel, weight) in zip(FeatureChannel.allCases, [c.personWeight, c.organizationWeight, c.localityWeight, c.regionWeight,
                                                               c.countryWeight, c.dayWeight, c.figureWeight, c.wordWeight, c.kindWeight]) {
            w[channel.rawValue] = weight
        }
        return w
    }

    /// The term weights of one profile's features (before idf and the weight of their kind), keyed by channel.
    func features(_ p: ArticleProfile) -> [UInt64: Double] {
        var out: [UInt64: Double] = [:]
        func add(_ channel: FeatureChannel, _ hash: UInt64, _ count: Int) { out[channel.key(hash), default: 0] += 1 + log(Double(max(1, count))) }
        for name in p.names {
            let entity = links[name.entity] ?? name.entity
            add(name.kind == .person ? .person : .organization, Self.key("n:", entity), name.count)
        }
        for place in p.places {
            // A continent or a region of several countries ("Central Asia") tells no more than a country.
            let channel: FeatureChannel = switch place.precision {
            case .locality: .locality
            case .admin1: .region
            case .country, .macroRegion: .country
            }
            add(channel, Self.key("p:", place.id), place.count)
        }
        for (day, count) in p.days { add(.day, Self.key("d:", UInt64(bitPattern: Int64(day))), count) }
        for figure in p.figures { add(.figure, Self.key("f:", figure), 1) }
        for (word, count) in p.words { add(.word, word ^ 0x5bd1_e995_7f4a_7c15, count) }
        for (kind, count) in p.kinds where kind != "statement" { add(.kind, Self.key("k:", kind), count) }
        return out
    }

    /// The cosine of two sorted unit vectors, and how many features they share besides event kinds.
    static func cosine(_ a: [(key: UInt64, weight: Double)], _ b: [(key: UInt64, weight: Double)]) -> (Double, Int) {
        let (dots, shared) = channelDots(a, b)
        return (dots.sum(), shared)
    }

    /// Whether a feature is a kind of event (its channel, in the key's top bits): sharing a kind of event alone says
    /// nothing about the happening.
    static func isKind(_ key: UInt64) -> Bool { FeatureChannel.of(key) == FeatureChannel.kind.rawValue }

    /// FNV-1a of a feature name: stable across runs (Swift's `Hasher` is seeded per process).
    /// The key of `prefix` + `name`, hashed without building the joined string.
    static func key(_ prefix: StaticString, _ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        prefix.withUTF8Buffer { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h & ~(1 << 63)
    }

    static func key(_ prefix: StaticString, _ value: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        prefix.withUTF8Buffer { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
        for shift in stride(from: 0, to: 64, by: 8) { h = (h ^ (value >> UInt64(shift) & 0xFF)) &* 0x0000_0100_0000_01B3 }
        return h & ~(1 << 63)
    }

    /// The hard facts of an article that can separate two happenings.
    /// A class: the hot loops pass facts around by the hundred thousand, and a struct of sets and strings was a
    /// dozen reference counts per copy.
    final class Facts: @unchecked Sendable {
        let published: Int?
        let years: Set<Int>
        let days: [Int]
        let placeIDs: Set<String>
        let countries: Set<String>
        let mainLocality: String?
        let mainLocalityCount: Int
        let mainCountry: String?
        /// The person the article names most (named at least twice), and its most named people and organisations.
        let mainPerson: String?
        let leadingNames: Set<String>

        init(_ p: ArticleProfile, links: [String: String] = [:], leading: Int = 3) {
            let names = p.names.map { (entity: links[$0.entity] ?? $0.entity, kind: $0.kind, count: $0.count) }
            mainPerson = names.first { $0.kind == .person && $0.count >= 2 }?.entity
            leadingNames = Set(names.prefix(leading).map(\.entity))
            published = p.published
            years = Set(p.years)
            days = p.days.keys.sorted()
            placeIDs = Set(p.places.map(\.id))
            countries = Set(p.places.map(\.country).filter { !$0.isEmpty })
            let locality = p.places.first { $0.precision == .locality }
            mainLocality = locality?.id
            mainLocalityCount = locality?.count ?? 0
            mainCountry = IncidentClusterer.mainCountry(p.places)
        }
    }

    /// The country an article's places weigh most in (ties: the first in order of code); also the article's focus.
    static func mainCountry(_ places: [ArticleProfile.Place]) -> String? {
        var byCountry: [String: Int] = [:]
        for place in places where !place.country.isEmpty { byCountry[place.country, default: 0] += place.count }
        return byCountry.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Published more than `window` days apart (never when either day is unknown).
    static func farApart(_ x: Int?, _ y: Int?, _ window: Int) -> Bool {
        guard let x, let y else { return false }
        return abs(x - y) > window
    }

    /// Hard facts that make two articles reports of different happenings: published more than a window apart,
    /// or each centred on its own town (named at least twice) that the other does not name at all.
    func vetoed(_ a: Facts, _ b: Facts) -> Bool {
        if Self.farApart(a.published, b.published, configuration.publicationWindow) { return true }
        if let x = a.mainLocality, let y = b.mainLocality, x != y, a.mainLocalityCount >= 2, b.mainLocalityCount >= 2,
           !b.placeIDs.contains(x), !a.placeIDs.contains(y) { return true }
        return false
    }

    /// Softer evidence of two happenings, subtracted from the similarity (weights fitted on ECB+ val's tuning
    /// half, see docs/EVENTS.md): the years they write are disjoint, their main countries differ and neither
    /// names the other's, their main persons differ and neither is among the other's leading names, their
    /// full dates lie far apart.
    func penalty(_ a: Facts, _ b: Facts) -> Double {
        let c = configuration, found = separation(a, b)
        var p = 0.0
        if found.contains(.years) { p += c.yearsPenalty }
        if found.contains(.country) { p += c.countryPenalty }
        if found.contains(.person) { p += c.personPenalty }
        if found.contains(.locality) { p += c.localityPenalty }
        if found.contains(.days) { p += c.daysPenalty }
        return p
    }

    /// The kinds of soft evidence of two happenings (what `penalty` weighs, and what the penalty fit reads).
    struct Separation: OptionSet {
        let rawValue: UInt8
        static let years = Separation(rawValue: 1), country = Separation(rawValue: 2), person = Separation(rawValue: 4)
        static let locality = Separation(rawValue: 8), days = Separation(rawValue: 16)
    }

    /// Disjoint written years; main countries that differ where neither article names the other's; main persons
    /// that differ where neither is among the other's leading names; main towns likewise; full dates far apart.
    func separation(_ a: Facts, _ b: Facts) -> Separation {
        var found: Separation = []
        if !a.years.isEmpty, !b.years.isEmpty, a.years.isDisjoint(with: b.years) { found.insert(.years) }
        if let x = a.mainCountry, let y = b.mainCountry, x != y, !b.countries.contains(x), !a.countries.contains(y) { found.insert(.country) }
        if let x = a.mainPerson, let y = b.mainPerson, x != y, !b.leadingNames.contains(x), !a.leadingNames.contains(y) { found.insert(.person) }
        if let x = a.mainLocality, let y = b.mainLocality, x != y, !b.placeIDs.contains(x), !a.placeIDs.contains(y) { found.insert(.locality) }
        if !a.days.isEmpty, !b.days.isEmpty, Self.nearestGap(a.days, b.days) > configuration.dayTolerance { found.insert(.days) }
        return found
    }

    /// The smallest distance between a day of `a` and a day of `b` (both sorted).
    static func nearestGap(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, best = Int.max
        while i < a.count && j < b.count {
            best = min(best, abs(a[i] - b[j]))
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return best
    }
}
