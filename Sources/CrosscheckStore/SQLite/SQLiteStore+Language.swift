import CrosscheckCore
import Foundation
import GRDB

/// What a mention row keeps as JSON beyond its columns (doc, offsets, kind, entity, value, text):
/// the resolved place, quantity or time, and the evidence. Rows written before this held the whole
/// mention, which decodes into this as well.
struct MentionDetail: Codable, JSONWritable {
    var place: PlaceRef?
    var quantity: QuantityValue?
    var time: TimeValue?
    var evidence: String?

    init(_ m: Mention) {
        place = m.place
        quantity = m.quantity
        time = m.time
        evidence = m.evidence
    }

    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("place", place); w.member("quantity", quantity); w.member("time", time); w.member("evidence", evidence)
        w.endObject()
    }
}

extension SQLiteStore {
    public func pendingAnnotations(after doc: Int64?, limit: Int) throws -> [PendingAnnotation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, id, text, published, language FROM article
                WHERE rowid > max(?, (SELECT coalesce(max(doc), 0) FROM annotated)) ORDER BY rowid LIMIT ?
                """, arguments: [doc ?? 0, limit]).compactMap { row in
                guard let id = ContentID(hex: row["id"]) else { return nil }
                return PendingAnnotation(doc: row["rowid"], id: id, text: row["text"], published: row["published"], language: row["language"])
            }
        }
    }

    public func saveAnnotations(_ batch: [ArticleAnnotations]) throws {
        // The JSON details are written on all cores before the write transaction, which then only binds
        // and steps statements (the writer is one thread).
        var details = [(mentions: [String], events: [String], profile: String?)](repeating: ([], [], nil), count: batch.count)
        details.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                out[k] = (batch[k].mentions.map { MentionDetail($0).jsonText }, batch[k].events.map(\.jsonText),
                          batch[k].profile?.storedText)
            }
        }
        try pool.write { db in
            let insert = try RawStatement(db, sql: """
                INSERT OR REPLACE INTO mention (doc, start, "end", kind, entity, value, text, sentence_start, sentence_end, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertEvent = try RawStatement(db, sql: """
                INSERT OR REPLACE INTO event_mention (doc, start, type, status, actor, day_start, day_end, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let deleteMentions = try RawStatement(db, sql: "DELETE FROM mention WHERE doc = ?")
            let deleteEvents = try RawStatement(db, sql: "DELETE FROM event_mention WHERE doc = ?")
            let insertAnnotated = try RawStatement(db, sql: "INSERT OR REPLACE INTO annotated (doc, sentences, words) VALUES (?, ?, ?)")
            let deleteProfile = try RawStatement(db, sql: "DELETE FROM article_profile WHERE doc = ?")
            let insertProfile = try RawStatement(db, sql: """
                INSERT INTO article_profile (doc, article, detail) VALUES (?, (SELECT id FROM article WHERE rowid = ?), ?)
                """)
            // Entity counts change by what is removed and what is added; written once per batch.
            var delta: [StatKey: Int] = [:]
            let previous = try db.cachedStatement(sql: """
                SELECT entity, kind, coalesce(value, ''), count(*) FROM mention WHERE doc = ? AND entity IS NOT NULL
                GROUP BY entity, kind, coalesce(value, '')
                """)
            // Only articles annotated before have counts to take back: one query finds them for the batch.
            var annotatedBefore = Set<Int64>()
            try Self.inChunks(batch.map(\.doc)) { marks, arguments in
                annotatedBefore.formUnion(try Int64.fetchAll(db, sql: "SELECT doc FROM annotated WHERE doc IN (\(marks))", arguments: arguments))
            }
            for (k, article) in batch.enumerated() {
                if annotatedBefore.contains(article.doc) {
                    for row in try Row.fetchAll(previous, arguments: [article.doc]) {
                        delta[StatKey(entity: row[0], kind: row[1], value: row[2]), default: 0] -= row[3] as Int
                    }
                }
                for m in article.mentions {
                    if let entity = m.entity { delta[StatKey(entity: entity, kind: m.kind.rawValue, value: m.value ?? ""), default: 0] += 1 }
                }
                deleteMentions.bind(1, article.doc)
                try deleteMentions.step()
                var s = 0
                for (j, m) in article.mentions.enumerated() {
                    while s + 1 < article.sentences.count && article.sentences[s].end <= m.start { s += 1 }
                    let sentence = article.sentences.isEmpty ? (start: m.start, end: m.end) : article.sentences[s]
                    insert.bind(1, article.doc); insert.bind(2, m.start); insert.bind(3, m.end); insert.bind(4, m.kind.rawValue)
                    insert.bind(5, m.entity); insert.bind(6, m.value); insert.bind(7, m.text)
                    insert.bind(8, min(sentence.start, m.start)); insert.bind(9, max(sentence.end, m.end))
                    insert.bind(10, details[k].mentions[j])
                    try insert.step()
                }
                deleteEvents.bind(1, article.doc)
                try deleteEvents.step()
                for (j, e) in article.events.enumerated() {
                    insertEvent.bind(1, article.doc); insertEvent.bind(2, e.start); insertEvent.bind(3, e.type)
                    insertEvent.bind(4, e.status.rawValue); insertEvent.bind(5, e.actor?.entity); insertEvent.bind(6, e.time?.start)
                    insertEvent.bind(7, e.time?.end); insertEvent.bind(8, details[k].events[j])
                    try insertEvent.step()
                }
                insertAnnotated.bind(1, article.doc); insertAnnotated.bind(2, article.sentences.count); insertAnnotated.bind(3, article.words)
                try insertAnnotated.step()
                deleteProfile.bind(1, article.doc)
                try deleteProfile.step()
                if let profile = details[k].profile {
                    insertProfile.bind(1, article.doc); insertProfile.bind(2, article.doc); insertProfile.bind(3, profile)
                    try insertProfile.step()
                }
            }
            let addStat = try RawStatement(db, sql: """
                INSERT INTO entity_stat (entity, kind, value, n) VALUES (?, ?, ?, ?)
                ON CONFLICT (entity, kind, value) DO UPDATE SET n = n + excluded.n
                """)
            var removed = false
            for (key, n) in delta where n != 0 {
                addStat.bind(1, key.entity); addStat.bind(2, key.kind); addStat.bind(3, key.value); addStat.bind(4, n)
                try addStat.step()
                removed = removed || n < 0
            }
            if removed { try db.execute(sql: "DELETE FROM entity_stat WHERE n <= 0") }
        }
    }

    private struct StatKey: Hashable {
        var entity: String, kind: String, value: String
    }

    public func entitySurvey() throws -> [EntitySurveyRow] {
        try pool.read { db in
            // The commonest value per entity id (ties: the longer), with the id's mention count, from the
            // counts every save keeps (migration v8).
            try Row.fetchAll(db, sql: """
                SELECT entity, kind, nullif(value, '') AS value, n FROM entity_stat
                WHERE n > 0 ORDER BY entity, n DESC, length(value) DESC
                """).reduce(into: [EntitySurveyRow]()) { out, row in
                let id: String = row["entity"]
                let n: Int = row["n"]
                if let last = out.last, last.id == id { out[out.count - 1].mentions += n; return }
                guard let kind = MentionKind(rawValue: row["kind"]) else { return }
                out.append(EntitySurveyRow(id: id, kind: kind, name: row["value"] ?? id, mentions: n))
            }
        }
    }

    public func saveEntityLinks(_ links: [EntityLink]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM entity_link")
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO entity_link (id, canonical, evidence) VALUES (?, ?, ?)")
            for link in links { try insert.execute(arguments: [link.id, link.canonical, link.evidence]) }
        }
    }

    public func entities(_ query: EntityQuery) throws -> [EntityRecord] {
        try pool.read { db in
            var links: [String: EntityLink] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, canonical, evidence FROM entity_link") {
                links[row["id"]] = EntityLink(id: row["id"], canonical: row["canonical"], evidence: row["evidence"])
            }
            var records: [String: EntityRecord] = [:]
            var docs: [String: Set<Int64>] = [:]
            var names: [String: [String: Int]] = [:]
            let kinds = ["person", "organization", "place", "country", "nationality"]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT entity, kind, value, text, doc, detail FROM mention WHERE entity IS NOT NULL AND kind IN (\(kinds.map { "'\($0)'" }.joined(separator: ",")))
                """)
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let raw: String = row["entity"]
                let id = links[raw]?.canonical ?? raw
                guard let kind = MentionKind(rawValue: row["kind"]) else { continue }
                if let wanted = query.kind, wanted != kind && !(wanted == .country && kind == .nationality) { continue }
                var record = records[id] ?? EntityRecord(id: id, kind: kind == .nationality ? .country : kind, name: "", aliases: [:],
                                                         mentions: 0, articles: 0)
                record.mentions += 1
                record.aliases[row["text"], default: 0] += 1
                names[id, default: [:]][row["value"] ?? row["text"], default: 0] += 1
                docs[id, default: []].insert(row["doc"])
                if record.latitude == nil, kind == .place || kind == .country,
                   let detail = (row["detail"] as String?)?.data(using: .utf8), let m = try? decoder.decode(MentionDetail.self, from: detail),
                   let place = m.place {
                    record.latitude = place.latitude; record.longitude = place.longitude
                    record.country = place.country.isEmpty ? nil : place.country; record.precision = place.precision
                }
                if let link = links[raw], !record.merged.contains(link) { record.merged.append(link) }
                records[id] = record
            }
            var out: [EntityRecord] = []
            for (id, var record) in records {
                record.articles = docs[id]?.count ?? 0
                record.name = names[id]?.max { $0.value < $1.value || ($0.value == $1.value && $0.key.count < $1.key.count) }?.key ?? id
                if let needle = query.name?.lowercased(), !needle.isEmpty,
                   !record.name.lowercased().contains(needle), !record.aliases.keys.contains(where: { $0.lowercased().contains(needle) }) {
                    continue
                }
                out.append(record)
            }
            out.sort { $0.mentions > $1.mentions || ($0.mentions == $1.mentions && $0.id < $1.id) }
            return Array(out.prefix(query.limit))
        }
    }

    public func resetAnnotations() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM mention; DELETE FROM annotated; DELETE FROM entity_link; DELETE FROM event_mention; DELETE FROM entity_stat; DELETE FROM article_profile")
        }
    }

    public func eventReferences() throws -> [EventReference] {
        // Each article's id, outlet, title, date and source group are read once and shared by its
        // mentions; the details stream through a cursor and are decoded a chunk at a time on all cores,
        // so only one chunk of JSON text is alive at once. Articles with events are found by a key seek
        // each (`DISTINCT doc` read every detail once more).
        struct Meta { var id: String, outlet: String?, title: String?, published: String?, group: Int64 }
        return try pool.read { db in
            var metas: [Int64: Meta] = [:]
            let articles = try Row.fetchCursor(db, sql: """
                SELECT a.rowid AS doc, a.id, a.outlet, a.title, a.published, coalesce(d.grp, a.rowid) AS grp
                FROM article a LEFT JOIN dedup_doc d ON d.doc = a.rowid
                WHERE EXISTS (SELECT 1 FROM event_mention e WHERE e.doc = a.rowid)
                """)
            while let row = try articles.next() {
                metas[row[0]] = Meta(id: row[1], outlet: row[2], title: row[3], published: row[4], group: row[5])
            }
            var out: [EventReference] = []
            out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_mention") ?? 0)
            var chunk: [(doc: Int64, detail: String)] = []
            let chunkSize = 16_384
            let lookup = metas
            func flush() {
                let rows = chunk
                var decoded = [EventReference?](repeating: nil, count: rows.count)
                let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 512))
                decoded.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let slots = buffer
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        let decoder = JSONDecoder()
                        var k = worker
                        while k < rows.count {
                            let (doc, detail) = rows[k]
                            if let meta = lookup[doc],
                               let mention = EventMention(json: detail) ?? (try? decoder.decode(EventMention.self, from: Data(detail.utf8))) {
                                slots[k] = EventReference(article: meta.id, doc: doc, outlet: meta.outlet, title: meta.title,
                                                          published: meta.published, group: meta.group, mention: mention)
                            }
                            k += workers
                        }
                    }
                }
                for r in decoded { if let r { out.append(r) } }
                chunk.removeAll(keepingCapacity: true)
            }
            let mentions = try Row.fetchCursor(db, sql: "SELECT doc, detail FROM event_mention ORDER BY doc, start")
            while let row = try mentions.next() {
                chunk.append((row[0], row[1]))
                if chunk.count == chunkSize { flush() }
            }
            flush()
            return out
        }
    }

    public func articleProfiles() throws -> [ProfiledArticle] {
        // Parsed on all cores (`ArticleProfile.storedText`).
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT doc, article, detail FROM article_profile ORDER BY doc
                """).map { (doc: $0[0] as Int64, article: $0[1] as String, detail: $0[2] as String) }
        }
        let decoded = Parallel.map(rows.count, minimumPerWorker: 256) { ArticleProfile(storedText: rows[$0].detail) }
        return rows.indices.compactMap { k in decoded[k].map { ProfiledArticle(doc: rows[k].doc, article: rows[k].article, profile: $0) } }
    }

    public func entityNames(containing word: String) throws -> [[String]] {
        let needle = word.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty, !needle.contains("%"), !needle.contains("_") else { return [] }
        return try pool.read { db in
            var links: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity_link") { links[row["id"]] = row["canonical"] }
            // Entities one of whose names holds the word (LIKE narrows, the word test decides).
            var wanted = Set<String>()
            for row in try Row.fetchAll(db, sql: "SELECT entity, value FROM entity_stat WHERE value LIKE ? AND value != ''", arguments: ["%" + needle + "%"]) {
                let value: String = row["value"]
                guard value.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(where: { $0 == needle }) else { continue }
                let entity: String = row["entity"]
                wanted.insert(links[entity] ?? entity)
            }
            guard !wanted.isEmpty else { return [] }
            var names: [String: [String: Int]] = [:]
            // Every id linked to a wanted canonical, and the canonical itself.
            var ids: [String: String] = [:]
            for canonical in wanted { ids[canonical] = canonical }
            for (id, canonical) in links where wanted.contains(canonical) { ids[id] = canonical }
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids.keys.sorted()[chunk..<min(chunk + 500, ids.count)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT entity, value, sum(n) AS n FROM entity_stat WHERE entity IN (\(marks)) AND value != '' GROUP BY entity, value",
                                            arguments: StatementArguments(part)) {
                    guard let canonical = ids[row["entity"]] else { continue }
                    names[canonical, default: [:]][row["value"], default: 0] += row["n"] as Int
                }
            }
            return names.keys.sorted().map { key in
                names[key]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            }
        }
    }

    public func entityLinks() throws -> [String: String] {
        try pool.read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity_link") { out[row["id"]] = row["canonical"] }
            return out
        }
    }
}
