import CrosscheckCore
import CrosscheckLanguage
import CrosscheckTesting
import Foundation
import Testing
@testable import CrosscheckEvents

/// Event detection and cross-document event chains on MEANTIME English, sentences 0–5 (as for
/// entities). MEANTIME annotates business news (deals, losses, launches, statements); our ontology
/// is security, political and humanitarian news, so recall is low by design: the floors pin what we
/// measure so regressions show. A prediction matches a gold event mention when its trigger covers the
/// gold head token; precision counts predictions that match any gold event mention.
@Suite struct EventQualityTests {
    @Test(.needs("data/meantime-en"), .tags(.corpus))
    func meantimeEventMentionsAndChains() throws {
        let folder = try #require(SharedData.folder("data/meantime-en"))
        let corpus = try MeantimeCorpus(folder: folder)
        let analyzer = LanguageAnalyzer()
        let extractor = EventExtractor()
        var refs: [EventReference] = []
        var predictions: [(doc: String, start: Int, end: Int, ref: Int)] = []
        for (k, doc) in corpus.documents.enumerated() where doc.zone > 0 {
            // The dateline (sentence 1) anchors relative dates, as a publication date would.
            let dateline = analyzer.analyze(doc.text).mentions.first { $0.kind == .time && $0.time?.granularity == .day && $0.time?.reference == .absolute }
            let published = dateline.flatMap { CivilDay(iso: $0.time!.start) }
            let analysis = analyzer.analyze(doc.text, published: published)
            let offsets = ScalarOffsets(doc.text)
            for e in extractor.extract(text: doc.text, analysis: analysis, published: published) {
                refs.append(EventReference(article: doc.key, doc: Int64(k), outlet: nil, title: nil, published: published?.iso,
                                           group: Int64(k), mention: e))
                if offsets[e.start] < doc.zone { predictions.append((doc.key, offsets[e.start], offsets[e.end], refs.count - 1)) }
            }
        }
        let merged = EventGraph().merge(refs)
        var eventOf: [String: String] = [:]
        for e in merged { for r in e.references { eventOf["\(r.doc)|\(r.mention.start)|\(r.mention.type)"] = e.id } }
        var matched = Set<Int>()
        var tp = 0, fp = 0
        var pairs: [(chain: String, entity: String)] = []
        var byDoc: [String: [Int]] = [:]
        for (k, g) in corpus.events.enumerated() { byDoc[g.doc, default: []].append(k) }
        for p in predictions {
            let hit = (byDoc[p.doc] ?? []).first { !matched.contains($0) && p.start <= corpus.events[$0].core.lowerBound && p.end >= corpus.events[$0].core.upperBound }
            if let hit {
                matched.insert(hit); tp += 1
                let r = refs[p.ref]
                pairs.append((corpus.events[hit].chain, eventOf["\(r.doc)|\(r.mention.start)|\(r.mention.type)"] ?? "single-\(p.ref)"))
            } else { fp += 1 }
        }
        var counts = MeantimeCorpus.Counts()
        counts.tp = tp; counts.fp = fp; counts.fn = corpus.events.count - matched.count
        let detection = MeantimeCorpus.prf(counts)
        let muc = MeantimeCorpus.muc(pairs), b3 = MeantimeCorpus.bCubed(pairs), ceaf = MeantimeCorpus.ceafE(pairs)
        let conll = (muc.f + b3.f + ceaf.f) / 3
        print(String(format: "MEANTIME events (sentences 0-5, %d gold mentions): detection P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); chains over %d matched: MUC %.3f B-cubed %.3f CEAF-e %.3f CoNLL F1 %.3f",
                     corpus.events.count, detection.p, detection.r, detection.f, counts.tp, counts.fp, counts.fn, pairs.count,
                     muc.f, b3.f, ceaf.f, conll))
        #expect(corpus.events.count > 200)
        // Floors pinned at session 4 (P 0.222 R 0.379 F1 0.280, CoNLL 0.675). Precision is bounded by the
        // gold: 46 of the scored documents have entity annotation but no event annotation at all, and
        // many plain events in annotated ones are left unmarked, so F1 is what we raise.
        #expect(detection.p >= 0.21)
        #expect(detection.r >= 0.35)
        #expect(detection.f >= 0.27)
        // Chains: 0.675 before events merged only inside incidents (session 12: 0.765; session 18: 0.810).
        #expect(conll >= 0.79)
    }
}
