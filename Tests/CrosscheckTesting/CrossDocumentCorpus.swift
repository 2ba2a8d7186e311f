import Foundation

/// A cross-document event coreference set in the Diverse_CDCR_datasets layout: ECB+ (`ecbplus/val.conll`,
/// `val_event_mentions.json`) and NewsWCL50 (`newswcl50/dataset.conll`, `event_mentions.json`). Documents
/// are rebuilt from their tokens (as MEANTIME's are), so gold mentions map to scalar offsets in the text.
public struct CrossDocumentCorpus {
    public struct Document {
        /// `topic/subtopic/doc` as in the CoNLL file.
        public var key: String
        public var topic: String
        /// Same subtopic = same happening (ECB+); NewsWCL50 has one happening per topic.
        public var subtopic: String
        public var text: String
        /// Per sentence, per token: its scalar range in `text`.
        public var tokens: [[Range<Int>]]
    }

    /// A gold event mention: its head token's scalar range and its cross-document chain.
    public struct EventMention {
        public var doc: String
        public var head: Range<Int>
        public var chain: String
        public var lemma: String
    }

    public var documents: [Document] = []
    public var events: [EventMention] = []

    /// Reads `conll` and its event mentions; `jsonDoc` maps a CoNLL key to the JSON's `doc` field.
    public init(conll: URL, mentions: URL) throws {
        var sentences: [String: [[String]]] = [:]
        var order: [String] = []
        let text = try String(contentsOf: conll, encoding: .utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, let s = Int(fields[1]) else { continue }
            let key = String(fields[0])
            if sentences[key] == nil { order.append(key); sentences[key] = [] }
            while sentences[key]!.count <= s { sentences[key]!.append([]) }
            sentences[key]![s].append(String(fields[3]))
        }
        var byJSONKey: [String: Int] = [:]
        for key in order {
            let parts = key.split(separator: "/").map(String.init)
            guard parts.count == 3 else { continue }
            let (docText, spans) = MeantimeCorpus.rebuild(sentences[key]!)
            byJSONKey[Self.jsonKey(parts)] = documents.count
            documents.append(Document(key: key, topic: parts[0], subtopic: parts[1], text: docText, tokens: spans))
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: mentions)) as? [[String: Any]] ?? []
        for m in json {
            guard let docKey = m["doc"] as? String, let d = byJSONKey[docKey], let sentence = m["sent_id"] as? Int,
                  let chain = m["coref_chain"] as? String, sentence < documents[d].tokens.count else { continue }
            let tokens = documents[d].tokens[sentence]
            let indices = (m["tokens_number"] as? [Int] ?? []).filter { $0 < tokens.count }
            let headID = m["mention_head_id"] as? Int ?? -1
            let head = indices.contains(headID) ? headID : (indices.last ?? -1)
            guard head >= 0 else { continue }
            events.append(EventMention(doc: documents[d].key, head: tokens[head], chain: chain,
                                       lemma: (m["mention_head_lemma"] as? String ?? "").lowercased()))
        }
    }

    /// `12/12ecb/10` → `12_10ecb` (ECB+); `0/0/0_L` → `0_L` (NewsWCL50).
    static func jsonKey(_ parts: [String]) -> String {
        if parts[2].contains("_") { return parts[2] }
        return parts[0] + "_" + parts[2] + parts[1].dropFirst(parts[0].count)
    }

    /// ECB+'s validation or test split, when `../shared/data/ecbplus` is present.
    public static func ecbPlus(_ split: String, for test: String = #function) throws -> CrossDocumentCorpus? {
        guard let folder = SharedData.folder("data/ecbplus", for: test) else { return nil }
        return try CrossDocumentCorpus(conll: folder.appendingPathComponent("\(split).conll"),
                                       mentions: folder.appendingPathComponent("\(split)_event_mentions.json"))
    }

    /// NewsWCL50, when `../shared/data/newswcl50` is present.
    public static func newsWCL50(for test: String = #function) throws -> CrossDocumentCorpus? {
        guard let folder = SharedData.folder("data/newswcl50", for: test) else { return nil }
        return try CrossDocumentCorpus(conll: folder.appendingPathComponent("dataset.conll"),
                                       mentions: folder.appendingPathComponent("event_mentions.json"))
    }

    /// The same corpus restricted to some topics (for tuning on one half and reporting the other).
    public func topics(_ keep: (String) -> Bool) -> CrossDocumentCorpus {
        var out = self
        out.documents = documents.filter { keep($0.topic) }
        let docs = Set(out.documents.map(\.key))
        out.events = events.filter { docs.contains($0.doc) }
        return out
    }

    /// The topics in a stable order, alternately assigned to half 0 and half 1.
    public var halves: (Set<String>, Set<String>) {
        let topics = Set(documents.map(\.topic)).sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
        var a = Set<String>(), b = Set<String>()
        for (k, t) in topics.enumerated() { if k % 2 == 0 { a.insert(t) } else { b.insert(t) } }
        return (a, b)
    }
}
