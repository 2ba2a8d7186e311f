import CrosscheckCore
import CrosscheckTesting
import Foundation
import Testing
@testable import CrosscheckLanguage

/// Mention-level entity quality on MEANTIME English, and cross-document alias merges (B-cubed of
/// entity ids against the gold coreference chains), with pinned floors. spaCy's en_core_web_sm
/// scores micro F1 0.872 under the same rule (scripts/meantime_ner_score.py --spacy).
@Suite struct EntityQualityTests {
    @Test(.needs("data/meantime-en"), .tags(.corpus))
    func meantimeMentionsAndAliases() throws {
        let folder = try #require(SharedData.folder("data/meantime-en"))
        let corpus = try MeantimeCorpus(folder: folder)
        let analyzer = LanguageAnalyzer()
        var predictions: [String: [MeantimeCorpus.Prediction]] = [:]
        var survey: [String: (kind: MentionKind, names: [String: Int])] = [:]
        for doc in corpus.documents {
            let analysis = analyzer.analyze(doc.text)
            let offsets = ScalarOffsets(doc.text)
            for m in analysis.mentions {
                let type: String
                switch m.kind {
                case .person: type = "PER"
                case .organization: type = "ORG"
                case .place, .country: type = "LOC"
                default: continue
                }
                predictions[doc.key, default: []].append(.init(start: offsets[m.start], end: offsets[m.end], type: type, entity: m.entity))
                if let e = m.entity { survey[e, default: (m.kind, [:])].names[m.value ?? m.text, default: 0] += 1 }
            }
        }
        // Cross-document merges, as the store's language pass makes them.
        let rows = survey.map { id, v in
            EntitySurveyRow(id: id, kind: v.kind, name: v.names.max { $0.value < $1.value }!.key, mentions: v.names.values.reduce(0, +))
        }
        let links = Dictionary(EntityLinker().links(rows).map { ($0.id, $0.canonical) }, uniquingKeysWith: { a, _ in a })
        for key in predictions.keys {
            predictions[key] = predictions[key]!.map { var p = $0; p.entity = p.entity.map { links[$0] ?? $0 }; return p }
        }
        let score = corpus.score(predictions)
        var lines = ["MEANTIME entity mentions (\(corpus.gold.count) gold units, sentences 0-5):"]
        for type in ["PER", "LOC", "ORG"] {
            let c = score.byType[type] ?? .init()
            let (p, r, f) = MeantimeCorpus.prf(c)
            lines.append(String(format: "  %@  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", type, p, r, f, c.tp, c.fp, c.fn))
        }
        let micro = MeantimeCorpus.prf(score.micro)
        lines.append(String(format: "  micro P %.3f  R %.3f  F1 %.3f  (spaCy en_core_web_sm: 0.858 / 0.885 / 0.872)", micro.p, micro.r, micro.f))
        let alias = MeantimeCorpus.bCubed(score.pairs)
        let muc = MeantimeCorpus.muc(score.pairs), ceaf = MeantimeCorpus.ceafE(score.pairs)
        let conll = (muc.f + alias.f + ceaf.f) / 3
        lines.append(String(format: "  cross-document aliases over %d matched mentions: MUC F1 %.3f, B-cubed P %.3f R %.3f F1 %.3f, CEAF-e F1 %.3f → CoNLL F1 %.3f",
                            score.pairs.count, muc.f, alias.p, alias.r, alias.f, ceaf.f, conll))
        print(lines.joined(separator: "\n"))
        #expect(micro.f >= 0.87)
        #expect(MeantimeCorpus.prf(score.byType["PER"] ?? .init()).f >= 0.80)
        #expect(MeantimeCorpus.prf(score.byType["LOC"] ?? .init()).f >= 0.86)
        #expect(MeantimeCorpus.prf(score.byType["ORG"] ?? .init()).f >= 0.86)
        #expect(alias.f >= 0.85)
        #expect(conll >= 0.85)
    }
}

