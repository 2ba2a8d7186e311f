import CrosscheckCore
import CrosscheckLanguage
import CrosscheckTesting
import Foundation
import Testing
@testable import CrosscheckEvents

/// Cross-document merging on real sets nobody here wrote: every article of a set is read into one
/// situation (as if ingested into one store, each article its own source group, no publication dates),
/// and the merged events are scored against the gold happenings.
///
/// - document pairs: two articles are merged when some event joins them; gold = same subtopic (ECB+: two
///   different happenings of one kind per topic; NewsWCL50: one happening per topic);
/// - mixing: the share of multi-article events whose articles come from more than one happening;
/// - mention CoNLL F1 (MUC, B-cubed, CEAF-e) of our merged events on the gold event mentions we detect
///   (our trigger covers the gold head), beside the same-head-lemma baseline on the same mentions.
///
/// Tuned on the first half of ECB+ val's topics; the second half and ECB+ test are reported beside it.
@Suite(.serialized) struct IncidentQualityTests {
    struct Score: CustomStringConvertible {
        var name = ""
        var documents = 0
        var pairPrecision = 0.0, pairRecall = 0.0, pairF1 = 0.0
        var predictedPairs = 0, goldPairs = 0
        var multiArticleEvents = 0, mixing = 0
        var matched = 0, gold = 0
        var conll = 0.0, lemmaConll = 0.0
        var incidentPrecision = 0.0, incidentRecall = 0.0
        var mixingShare: Double { multiArticleEvents == 0 ? 0 : Double(mixing) / Double(multiArticleEvents) }

        var description: String {
            String(format: "%@ (%d articles): document pairs P %.3f R %.3f F1 %.3f (%d predicted, %d gold); %d multi-article events, %.1f%% mixing happenings; mentions matched %d of %d: CoNLL F1 %.3f (same-lemma baseline %.3f, %+.3f)",
                   name, documents, pairPrecision, pairRecall, pairF1, predictedPairs, goldPairs, multiArticleEvents,
                   100 * mixingShare, matched, gold, conll, lemmaConll, conll - lemmaConll)
                + String(format: "; incidents alone: pairs P %.3f R %.3f", incidentPrecision, incidentRecall)
        }
    }

    struct Read {
        var references: [EventReference] = []
        var profiles: [Int64: ArticleProfile] = [:]
        /// Cross-document entity links, as the store's language pass keeps them.
        var links: [String: String] = [:]
    }

    /// Reads every document with the language layer and the event extractor.
    static func read(_ corpus: CrossDocumentCorpus) -> Read {
        let analyzer = LanguageAnalyzer()
        let extractor = EventExtractor()
        let profiler = ArticleProfiler()
        var out = Read()
        var survey: [String: (kind: MentionKind, names: [String: Int], count: Int)] = [:]
        for (k, doc) in corpus.documents.enumerated() {
            let analysis = analyzer.analyze(doc.text)
            for m in analysis.mentions where m.kind != .time && m.kind != .quantity {
                guard let entity = m.entity else { continue }
                survey[entity, default: (m.kind, [:], 0)].count += 1
                survey[entity]!.names[m.value ?? m.text, default: 0] += 1
            }
            let events = extractor.extract(text: doc.text, analysis: analysis, published: nil)
            out.profiles[Int64(k)] = profiler.profile(text: doc.text, analysis: analysis, events: events, published: nil)
            for e in events {
                out.references.append(EventReference(article: doc.key, doc: Int64(k), outlet: nil, title: nil, published: nil,
                                                     group: Int64(k), mention: e))
            }
        }
        let rows = survey.map { id, v in
            EntitySurveyRow(id: id, kind: v.kind, name: v.names.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key, mentions: v.count)
        }.sorted { $0.id < $1.id }
        for link in EntityLinker().links(rows) { out.links[link.id] = link.canonical }
        return out
    }

    static func score(_ corpus: CrossDocumentCorpus, name: String, read given: Read? = nil,
                      configuration: IncidentConfiguration = IncidentConfiguration()) -> (Score, [MergedEvent]) {
        let read = given ?? read(corpus)
        let merged = EventGraph(links: read.links).merge(read.references, profiles: read.profiles, incidents: configuration)
        var score = Score()
        score.name = name
        score.documents = corpus.documents.count
        let subtopic = corpus.documents.map(\.subtopic)
        // Document pairs.
        var predicted = Set<Int64>()
        for e in merged {
            let docs = Set(e.references.map(\.doc)).sorted()
            guard docs.count > 1 else { continue }
            score.multiArticleEvents += 1
            if Set(docs.map { subtopic[Int($0)] }).count > 1 { score.mixing += 1 }
            for i in docs.indices { for j in docs.indices where i < j { predicted.insert(docs[i] << 20 | docs[j]) } }
        }
        var gold = 0, hit = 0
        for i in corpus.documents.indices { for j in corpus.documents.indices where i < j && subtopic[i] == subtopic[j] {
            gold += 1
            if predicted.contains(Int64(i) << 20 | Int64(j)) { hit += 1 }
        } }
        let incidentOf = EventGraph(links: read.links).incidents(read.references, profiles: read.profiles, configuration: configuration).incidents
        var together = 0, togetherHit = 0
        for i in corpus.documents.indices { for j in corpus.documents.indices where i < j {
            guard let a = incidentOf[Int64(i)], a == incidentOf[Int64(j)] else { continue }
            together += 1
            if subtopic[i] == subtopic[j] { togetherHit += 1 }
        } }
        score.incidentPrecision = together == 0 ? 1 : Double(togetherHit) / Double(together)
        score.incidentRecall = Double(togetherHit) / Double(max(1, gold))
        score.predictedPairs = predicted.count
        score.goldPairs = gold
        score.pairPrecision = predicted.isEmpty ? 1 : Double(hit) / Double(predicted.count)
        score.pairRecall = gold == 0 ? 0 : Double(hit) / Double(gold)
        score.pairF1 = score.pairPrecision + score.pairRecall > 0 ? 2 * score.pairPrecision * score.pairRecall / (score.pairPrecision + score.pairRecall) : 0
        // Mentions: ours that cover a gold head, with our merged event and the gold head's lemma.
        var eventOf: [String: String] = [:]
        for e in merged { for r in e.references { eventOf["\(r.doc)|\(r.mention.start)|\(r.mention.type)"] = e.id } }
        var docIndex: [String: Int] = [:]
        for (k, d) in corpus.documents.enumerated() { docIndex[d.key] = k }
        var offsets: [Int: ScalarOffsets] = [:]
        var byDoc: [Int64: [EventReference]] = [:]
        for r in read.references { byDoc[r.doc, default: []].append(r) }
        var ours: [(chain: String, entity: String)] = [], lemma: [(chain: String, entity: String)] = []
        // Other clusterings of the same mentions, printed with CROSSCHECK_DIAG=1: where our merge loses against
        // the incidents it starts from (all tellings of one type in one incident), and per document.
        var diag: [[(chain: String, entity: String)]] = Array(repeating: [], count: 5)
        for g in corpus.events {
            guard let d = docIndex[g.doc] else { continue }
            if offsets[d] == nil { offsets[d] = ScalarOffsets(corpus.documents[d].text) }
            let map = offsets[d]!
            let found = (byDoc[Int64(d)] ?? []).first { map[$0.mention.start] <= g.head.lowerBound && map[$0.mention.end] >= g.head.upperBound }
            guard let r = found else { continue }
            ours.append((g.chain, eventOf["\(r.doc)|\(r.mention.start)|\(r.mention.type)"] ?? "single-\(d)-\(r.mention.start)"))
            lemma.append((g.chain, g.lemma))
            let inc = incidentOf[Int64(d)].map { "i\($0)" } ?? "d\(d)"
            diag[0].append((g.chain, inc + "|" + r.mention.type))
            diag[1].append((g.chain, inc + "|" + g.lemma))
            diag[2].append((g.chain, "d\(d)|" + r.mention.type))
            diag[3].append((g.chain, "d\(d)|" + g.lemma))
            diag[4].append((g.chain, inc))
        }
        // CROSSCHECK_SPLITS="<set name>" prints the gold chains our merge splits inside one incident and type (the first
        // mention against each other one it left in another event), with both tellings' slots: where merging loses.
        if ProcessInfo.processInfo.environment["CROSSCHECK_SPLITS"] == name {
            var firstOf: [String: (EventReference, String)] = [:]
            for g in corpus.events {
                guard let d = docIndex[g.doc] else { continue }
                let map = offsets[d]!
                guard let r = (byDoc[Int64(d)] ?? []).first(where: { map[$0.mention.start] <= g.head.lowerBound && map[$0.mention.end] >= g.head.upperBound }) else { continue }
                let ev = eventOf["\(r.doc)|\(r.mention.start)|\(r.mention.type)"] ?? "single"
                func show(_ r: EventReference) -> String {
                    let m = r.mention
                    return "\(r.doc) \(m.type) '\(m.trigger)' a=\(m.actor?.entity ?? "-") t=\(m.target?.entity ?? "-") p=\(m.place?.id ?? "-") time=\(m.time?.start ?? "-")\(m.timeFromPublication ? "(pub)" : "") st=\(m.status) q=\(m.quantity.map { "\($0.noun)" } ?? "-")"
                }
                if let (f, fe) = firstOf[g.chain] {
                    if fe != ev && incidentOf[f.doc] == incidentOf[r.doc] && f.mention.type == r.mention.type && f.doc != r.doc {
                        print("SPLIT \(g.chain): " + show(f) + "  ||  " + show(r))
                    }
                } else { firstOf[g.chain] = (r, ev) }
            }
        }
        score.gold = corpus.events.count
        score.matched = ours.count
        func conll(_ pairs: [(chain: String, entity: String)]) -> Double {
            (MeantimeCorpus.muc(pairs).f + MeantimeCorpus.bCubed(pairs).f + MeantimeCorpus.ceafE(pairs).f) / 3
        }
        score.conll = conll(ours)
        score.lemmaConll = conll(lemma)
        if ProcessInfo.processInfo.environment["CROSSCHECK_DIAG"] != nil {
            print(String(format: "DIAG %@: CoNLL F1 ours %.3f, same lemma %.3f, incident+type %.3f, incident+lemma %.3f, document+type %.3f, document+lemma %.3f, incident %.3f",
                         name, conll(ours), conll(lemma), conll(diag[0]), conll(diag[1]), conll(diag[2]), conll(diag[3]), conll(diag[4])))
        }
        return (score, merged)
    }

    @Test(.needs("data/ecbplus"), .tags(.corpus)) func ecbPlusMergesOnlyTheSameHappening() throws {
        let val = try #require(try CrossDocumentCorpus.ecbPlus("val")), test = try #require(try CrossDocumentCorpus.ecbPlus("test"))
        let (tune, held) = val.halves
        let a = Self.score(val.topics { tune.contains($0) }, name: "ECB+ val, tuning half").0
        let b = Self.score(val.topics { held.contains($0) }, name: "ECB+ val, held-out half").0
        let t = Self.score(test, name: "ECB+ test").0
        for s in [a, b, t] { print(s) }
        // Floors pinned at session 14, the channel model (measured: pairs P 1.000 / 0.991 / 0.923, R 0.540 / 0.352 /
        // 0.547; incidents P 1.000 / 0.977 / 0.894, R 0.706 / 0.523 / 0.684; mixing 0.0 / 2.5 / 3.7 %; session 12's
        // cosine: pairs P 0.940 / 1.000 / 0.948, R 0.437 / 0.338 / 0.458). Precision first: a false corroboration is
        // worse than none; the target is pairs P ≥ 0.90.
        // Mention CoNLL F1 pinned at session 18: inside an incident people no longer separate tellings, and statements
        // are keyed by speaker inside the bucket instead of by bucket (measured 0.680 / 0.619 / 0.591, pairs P 1.000 /
        // 0.981 / 0.930, R 0.648 / 0.415 / 0.639; session 17: 0.597 / 0.569 / 0.521, R 0.560 / 0.346 / 0.548). "shot" as
        // a trigger matches 5 more gold mentions of the held-out half, whose lemma baseline moves with them (0.700 → 0.681).
        // People's ages in the article profiles ("Banky, 40,", "a 35-year-old man"): held-out incidents R 0.502 → 0.597
        // at P 0.980, pairs R 0.415 → 0.503, CoNLL 0.619 → 0.675; tuning half unchanged, test R 0.639 → 0.637.
        // The article's main country standing in for a missing doer against a named state (the seeds' Turkmen weapons
        // transfer is not Tajikistan's deployment told in the same article): 0.684 → 0.670, held-out same, test 0.592 → 0.588.
        // Counted things split only one-role types: held-out 0.675 → 0.691.
        // Session 19: a claim meets reports and denials alike, and an undated telling joins the largest cluster it fits
        // (dated or not): 0.670 → 0.695, 0.691 → 0.759, 0.590 → 0.604; pairs R 0.640 → 0.648, 0.507 → 0.522, 0.630 → 0.636.
        for (s, conll) in [(a, 0.69), (b, 0.75), (t, 0.60)] { #expect(s.conll >= conll, "\(s.name)") }
        for (s, recall, incidentRecall) in [(a, 0.64, 0.70), (b, 0.51, 0.58), (t, 0.62, 0.66)] {
            #expect(s.pairPrecision >= 0.90, "\(s.name)")
            #expect(s.pairRecall >= recall, "\(s.name)")
            #expect(s.incidentPrecision >= 0.88 && s.incidentRecall >= incidentRecall, "\(s.name)")
            #expect(s.mixingShare <= 0.05, "\(s.name)")
        }
    }

    /// The developments a brief lists, on a set's situation: as many entries as the set has happenings; how many
    /// distinct happenings they cover, how many repeat a happening already listed, how many mix happenings.
    struct Coverage: CustomStringConvertible {
        var name = "", entries = 0, happenings = 0, covered = 0, repeated = 0, mixed = 0
        var description: String {
            "\(name): \(entries) entries cover \(covered) of \(happenings) happenings; \(repeated) repeat one already listed; \(mixed) mix happenings"
        }
    }

    static func coverage(_ corpus: CrossDocumentCorpus, _ entries: [MergedEvent], name: String) -> Coverage {
        var c = Coverage(name: name, entries: entries.count, happenings: Set(corpus.documents.map(\.subtopic)).count)
        var seen = Set<String>()
        for e in entries {
            var count: [String: Int] = [:]
            for d in Set(e.references.map(\.doc)) { count[corpus.documents[Int(d)].subtopic, default: 0] += 1 }
            if count.count > 1 { c.mixed += 1 }
            guard let main = count.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            if !seen.insert(main).inserted { c.repeated += 1 }
        }
        c.covered = seen.count
        return c
    }

    /// The ranking before incidents (session 12's brief): each event alone by sources, a figure, a day, an actor.
    static func eventRanking(_ events: [MergedEvent], limit: Int) -> [MergedEvent] {
        func score(_ e: MergedEvent) -> Int {
            e.sources * 2 + (e.quantity != nil ? 1 : 0) + (e.time != nil && !e.timeFromPublication ? 2 : 0) + (e.actor != nil ? 1 : 0)
        }
        return Array(events.filter(DevelopmentRanking.isCandidate).sorted { (score($0), $1.id) > (score($1), $0.id) }.prefix(limit))
    }

    @Test(.needs("data/ecbplus"), .tags(.corpus)) func developmentsCoverEachHappeningOnce() throws {
        let val = try #require(try CrossDocumentCorpus.ecbPlus("val")), test = try #require(try CrossDocumentCorpus.ecbPlus("test"))
        let (tune, held) = val.halves
        var sets = [("ECB+ val, tuning half", val.topics { tune.contains($0) }), ("ECB+ val, held-out half", val.topics { held.contains($0) }),
                    ("ECB+ test", test)]
        if let wcl = try CrossDocumentCorpus.newsWCL50() { sets.append(("NewsWCL50", wcl)) }
        for (name, corpus) in sets {
            let merged = Self.score(corpus, name: name).1
            let n = Set(corpus.documents.map(\.subtopic)).count
            let ours = Self.coverage(corpus, DevelopmentRanking().rank(merged, limit: n).map(\.event), name: name + ", developments")
            let before = Self.coverage(corpus, Self.eventRanking(merged, limit: n), name: name + ", events ranked alone")
            print(ours)
            print(before)
            // Floors pinned at session 13 (measured: 9/14, 9/12, 13/20, 8/10 happenings covered; session 14, channel model: 10/14, 9/12, 13/20, 9/10; the events ranked alone
            // 7/14, 7/12, 10/20, 5/10). The weights were set before measuring, on no set.
            #expect(ours.covered > before.covered && ours.repeated < before.repeated, "\(name)")
            #expect(Double(ours.covered) >= 0.6 * Double(ours.happenings), "\(name)")
        }
    }

    @Test(.needs("data/newswcl50"), .tags(.corpus)) func newsWCL50GathersEachTopicsOutlets() throws {
        let corpus = try #require(try CrossDocumentCorpus.newsWCL50())
        let (score, merged) = Self.score(corpus, name: "NewsWCL50")
        print(score)
        var gathered: [String: Int] = [:]
        var joiningTopics = 0
        for e in merged {
            let topics = Set(e.references.map { corpus.documents[Int($0.doc)].topic })
            if topics.count > 1 {
                joiningTopics += 1
                print("NewsWCL50 event joining topics:", e.type, e.actor?.entity ?? "-", e.references.map { "\(corpus.documents[Int($0.doc)].key): \($0.mention.trigger) [\($0.mention.actor?.entity ?? "-") \($0.mention.quantityText ?? "") \($0.mention.time?.value ?? "") \($0.mention.place?.id ?? "")]" })
            }
            if let topic = topics.first, topics.count == 1 {
                gathered[topic] = max(gathered[topic] ?? 0, Set(e.references.map(\.doc)).count)
            }
        }
        let topics = Set(corpus.documents.map(\.topic)).sorted()
        let wellGathered = topics.filter { (gathered[$0] ?? 0) >= 4 }.count
        print("NewsWCL50: \(wellGathered) of \(topics.count) topics have an event told by ≥ 4 of their 5 outlets; \(joiningTopics) events join two topics; best per topic: \(topics.map { gathered[$0] ?? 0 })")
        #expect(joiningTopics == 0)
        // Floors pinned at session 14, the channel model (measured: pairs P 1.000 R 0.730; 8 topics gathered by ≥ 4
        // outlets; session 12's cosine: R 0.500, 3 topics).
        #expect(score.pairPrecision >= 0.95 && score.pairRecall >= 0.65)
        // Mention CoNLL F1 pinned at session 19 (measured 0.521, pairs R 0.780; session 18: 0.493, R 0.760; session 15: 0.394).
        #expect(score.conll >= 0.51 && score.pairRecall >= 0.77)
        // 8 of 10 (9 in session 18 before the main country stood in for a missing doer again).
        #expect(wellGathered >= 8)
    }
}
