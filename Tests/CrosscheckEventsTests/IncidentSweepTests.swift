import CrosscheckCore
import CrosscheckLanguage
import CrosscheckTesting
import Foundation
import Testing
@testable import CrosscheckEvents

/// Tools for tuning incident clustering, run on demand: `CROSSCHECK_SWEEP=1 swift test --filter IncidentSweepTests`
/// prints the scores of a grid of thresholds on every set; `CROSSCHECK_PAIRS=/tmp/pairs.tsv` writes the features of
/// article pairs (ECB+ halves and test) for fitting the penalties (`scripts/fit_incident_penalties.py`).
@Suite struct IncidentSweepTests {
    static let sweeping = ProcessInfo.processInfo.environment["CROSSCHECK_SWEEP"] != nil
    static let dumping = ProcessInfo.processInfo.environment["CROSSCHECK_PAIRS"] != nil

    @Test(.enabled(if: dumping), .needs("data/ecbplus"), .tags(.corpus)) func dumpPairs() throws {
        let path = try #require(ProcessInfo.processInfo.environment["CROSSCHECK_PAIRS"])
        let val = try #require(try CrossDocumentCorpus.ecbPlus("val")), test = try #require(try CrossDocumentCorpus.ecbPlus("test"))
        let (tune, held) = val.halves
        // Each kind of feature alone, as its own cosine (channels), for fitting weights per kind.
        let channels: [(String, WritableKeyPath<IncidentConfiguration, Double>)] = [
            ("c_person", \.personWeight), ("c_org", \.organizationWeight), ("c_locality", \.localityWeight), ("c_region", \.regionWeight),
            ("c_country", \.countryWeight), ("c_day", \.dayWeight), ("c_figure", \.figureWeight), ("c_word", \.wordWeight), ("c_kind", \.kindWeight)]
        var out = "set\tsame\tsametopic\tsim\tyears\tlocality\tcountry\tperson\tperson3\tdays\tshared\t" + channels.map(\.0).joined(separator: "\t") + "\n"
        for (name, corpus) in [("tune", val.topics { tune.contains($0) }), ("held", val.topics { held.contains($0) }), ("test", test)] {
            let read = IncidentQualityTests.read(corpus)
            let clusterer = IncidentClusterer(links: read.links)
            let members = corpus.documents.indices.map { IncidentClusterer.Member(doc: Int64($0), article: String(format: "%05d", $0), profile: read.profiles[Int64($0)]!) }
            let vectors = clusterer.weightedVectors(members)
            let channelVectors = channels.map { channel -> [[(key: UInt64, weight: Double)]] in
                var only = IncidentConfiguration()
                for (_, path) in channels { only[keyPath: path] = 0 }
                only[keyPath: channel.1] = 1
                return IncidentClusterer(configuration: only, links: read.links).weightedVectors(members)
            }
            let facts = members.map { IncidentClusterer.Facts($0.profile, links: read.links) }
            for i in members.indices { for j in members.indices where i < j {
                let sameTopic = corpus.documents[i].topic == corpus.documents[j].topic
                if !sameTopic && (i * 31 + j) % 10 != 0 { continue }
                let a = facts[i], b = facts[j]
                // The flags the clusterer weighs (`separation`), plus one variant tried in the fit: a main person that
                // the other article does not name at all.
                let found = clusterer.separation(a, b)
                let years = found.contains(.years), locality = found.contains(.locality), country = found.contains(.country)
                let person3 = found.contains(.person), days = found.contains(.days)
                let named = [i, j].map { k in Set(members[k].profile.names.map { read.links[$0.entity] ?? $0.entity }) }
                let person = a.mainPerson != nil && b.mainPerson != nil && a.mainPerson != b.mainPerson && !named[1].contains(a.mainPerson!) && !named[0].contains(b.mainPerson!)
                let same = corpus.documents[i].subtopic == corpus.documents[j].subtopic
                out += "\(name)\t\(same ? 1 : 0)\t\(sameTopic ? 1 : 0)\t\(IncidentClusterer.cosine(vectors[i], vectors[j]).0)\t\(years ? 1 : 0)\t\(locality ? 1 : 0)\t\(country ? 1 : 0)\t\(person ? 1 : 0)\t\(person3 ? 1 : 0)\t\(days ? 1 : 0)\t\(IncidentClusterer.cosine(vectors[i], vectors[j]).1)\t"
                    + channelVectors.map { String(IncidentClusterer.cosine($0[i], $0[j]).0) }.joined(separator: "\t") + "\n"
            } }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: sweeping), .needs("data/ecbplus", "data/newswcl50"), .tags(.corpus)) func sweep() throws {
        let val = try #require(try CrossDocumentCorpus.ecbPlus("val")), test = try #require(try CrossDocumentCorpus.ecbPlus("test"))
        let wcl = try #require(try CrossDocumentCorpus.newsWCL50())
        let (tune, held) = val.halves
        let sets = [("tune", val.topics { tune.contains($0) }), ("held", val.topics { held.contains($0) }), ("test", test), ("wcl", wcl)]
        let reads = sets.map { IncidentQualityTests.read($0.1) }
        // CROSSCHECK_SWEEP=channels sweeps the channel model's thresholds (probabilities), otherwise the cosine's.
        let channels = ProcessInfo.processInfo.environment["CROSSCHECK_SWEEP"] == "channels"
        let sims = channels ? [0.5] : [0.15, 0.2, 0.25], avgs = channels ? [0.4, 0.5, 0.6, 0.65, 0.7, 0.75] : [0.1, 0.14, 0.18]
        for sim in sims { for avg in avgs { for veto in [0.2] {
            var c = IncidentConfiguration()
            c.channelModel = channels
            if channels { c.minProbability = sim; c.minAverageProbability = avg } else { c.minSimilarity = sim; c.minAverageSimilarity = avg }
            c.maxVetoShare = veto
            var line = "SWEEP sim \(sim) avg \(avg):"
            for (k, set) in sets.enumerated() {
                let s = IncidentQualityTests.score(set.1, name: set.0, read: reads[k], configuration: c).0
                line += String(format: " | %@ inc P %.2f R %.2f ev P %.2f R %.2f mix %.2f", set.0, s.incidentPrecision, s.incidentRecall, s.pairPrecision, s.pairRecall, s.mixingShare)
            }
            print(line)
        } } }
    }

}

/// Prints every scored pair of a store's articles with its vetoes, from its stored profiles exported as JSON
/// (`[{doc, article, title, detail}]`, `detail` being `article_profile.detail`):
/// `CROSSCHECK_PROFILES=/tmp/profiles.json swift test --filter IncidentPairsTests`.
@Suite struct IncidentPairsTests {
    static let path = ProcessInfo.processInfo.environment["CROSSCHECK_PROFILES"]

    struct Row: Decodable { var doc: Int64; var article: String; var title: String?; var detail: String }

    @Test(.enabled(if: path != nil)) func printPairs() throws {
        let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: URL(fileURLWithPath: Self.path!)))
        let clusterer = IncidentClusterer()
        let members = try rows.map { IncidentClusterer.Member(doc: $0.doc, article: $0.article, profile: try #require(ArticleProfile(storedText: $0.detail))) }
        // The clusterer's own vectors and channel factors, so the scores printed are the ones it joins on.
        let weighted = clusterer.channelVectors(members)
        var space = IncidentClusterer.Space(facts: members.map { IncidentClusterer.Facts($0.profile) },
                                            vectors: weighted.vectors, channels: weighted.channels, clusterer: clusterer)
        for i in rows.indices { for j in rows.indices where i < j {
            let score = space.score(i, j)
            guard score > 0.05 else { continue }
            print(String(format: "PAIR %2d %2d score %.3f veto %@ penalty %.3f", rows[i].doc, rows[j].doc, score,
                         clusterer.vetoed(space.facts[i], space.facts[j]) ? "yes" : "no", clusterer.penalty(space.facts[i], space.facts[j])))
        } }
        print("INCIDENTS", clusterer.cluster(members))
    }
}

/// Where incident recall is lost on ECB+ val's tuning half: the same-happening pairs left in two incidents, by their
/// pair score (below the pair floor: the features; above it: the linkage refused), with both articles' leading names,
/// places and figures. `CROSSCHECK_MISSES=1 swift test --filter IncidentMissesTests`.
@Suite struct IncidentMissesTests {
    static let enabled = ProcessInfo.processInfo.environment["CROSSCHECK_MISSES"] != nil

    @Test(.enabled(if: enabled), .needs("data/ecbplus"), .tags(.corpus)) func printMisses() throws {
        let val = try #require(try CrossDocumentCorpus.ecbPlus("val"))
        let corpus = val.topics { val.halves.0.contains($0) }
        let read = IncidentQualityTests.read(corpus)
        let clusterer = IncidentClusterer(links: read.links)
        let members = corpus.documents.indices.map { IncidentClusterer.Member(doc: Int64($0), article: String(format: "%05d", $0), profile: read.profiles[Int64($0)]!) }
        let weighted = clusterer.channelVectors(members)
        var space = IncidentClusterer.Space(facts: members.map { IncidentClusterer.Facts($0.profile, links: read.links) },
                                            vectors: weighted.vectors, channels: weighted.channels, clusterer: clusterer)
        var incident: [Int64: Int] = [:]
        for (k, group) in clusterer.cluster(members).enumerated() { for d in group { incident[d] = k } }
        var histogram: [Int: Int] = [:]
        func describe(_ k: Int) -> String {
            let p = members[k].profile
            return "names " + p.names.prefix(4).map { "\($0.entity)×\($0.count)" }.joined(separator: ",") + " places " + p.places.prefix(3).map(\.id).joined(separator: ",")
                + " figures " + p.figures.prefix(5).joined(separator: ",") + " days \(p.days.count) years \(p.years)"
        }
        for i in members.indices { for j in members.indices where i < j && corpus.documents[i].subtopic == corpus.documents[j].subtopic {
            guard incident[Int64(i)] != incident[Int64(j)] else { continue }
            let score = space.score(i, j)
            histogram[Int(score * 10), default: 0] += 1
            print(String(format: "MISS %@ score %.3f veto %@", corpus.documents[i].subtopic, score, clusterer.vetoed(space.facts[i], space.facts[j]) ? "yes" : "no"))
            print("   A " + describe(i) + "\n   B " + describe(j))
        } }
        print("MISSES by score decile:", histogram.sorted { $0.key < $1.key })
    }
}
