import CrosscheckCore
import Foundation
import GRDB

extension SQLiteStore {
    public func dedupTransaction<T>(_ body: (any DedupTransaction) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteDedupTransaction(db: db, keyCounts: SQLiteDedupTransaction.KeyCounts())) }
    }

    public func resetDedup() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM dedup_key; DELETE FROM dedup_relation; DELETE FROM dedup_citation; DELETE FROM dedup_doc")
        }
    }
}

/// One duplicate-finder batch inside a write transaction.
struct SQLiteDedupTransaction: DedupTransaction {
    let db: Database
    /// Rows each key looked up in this transaction holds, so the commit knows which keys are full
    /// without counting them again (a full key of a popular wire paragraph used to be counted, 256 rows,
    /// for every article that has it).
    let keyCounts: KeyCounts

    func pendingDocuments(limit: Int) throws -> [DedupDocument] {
        // Articles get increasing row numbers and are processed in that order, so the pending ones
        // are those after the last processed: an index seek, not a scan.
        try Row.fetchAll(db, sql: """
            SELECT rowid, id, outlet, text, language, published, url FROM article
            WHERE rowid > (SELECT coalesce(max(doc), 0) FROM dedup_doc) ORDER BY rowid LIMIT ?
            """, arguments: [limit]).compactMap(Self.document)
    }

    func pendingDocumentIDs(limit: Int) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT rowid FROM article WHERE rowid > (SELECT coalesce(max(doc), 0) FROM dedup_doc) ORDER BY rowid LIMIT ?
            """, arguments: [limit])
    }

    func pendingDocuments(after doc: Int64, limit: Int) throws -> [DedupDocument] {
        try Row.fetchAll(db, sql: """
            SELECT rowid, id, outlet, text, language, published, url FROM article
            WHERE rowid > max(?, (SELECT coalesce(max(doc), 0) FROM dedup_doc)) ORDER BY rowid LIMIT ?
            """, arguments: [doc, limit]).compactMap(Self.document)
    }

    static func document(_ row: Row) -> DedupDocument? {
        guard let id = ContentID(hex: row["id"]) else { return nil }
        return DedupDocument(doc: row["rowid"], id: id, outlet: row["outlet"], text: row["text"], language: row["language"],
                             published: row["published"], url: row["url"])
    }

    func documents(forKeys keys: [Int32], perKey: Int) throws -> KeyHits {
        // One statement per 500 keys. A key holds at most `maxPerKey` articles (see `commit`), so
        // reading all of a key's rows is bounded; the earliest `perKey` are kept.
        var out: [Int32: [Int64]] = [:]
        for key in keys { keyCounts.counts[key] = 0 }
        try SQLiteStore.inChunks(keys) { marks, arguments in
            let rows = try Row.fetchCursor(db, sql: "SELECT key, doc FROM dedup_key WHERE key IN (\(marks))", arguments: arguments)
            while let row = try rows.next() {
                let key: Int32 = row[0]
                let doc: Int64 = row[1]
                keyCounts.counts[key, default: 0] += 1
                if out[key, default: []].count < perKey { out[key, default: []].append(doc) }
            }
        }
        var hits = KeyHits()
        for key in keys { if let docs = out[key] { hits.add(key) { $0.append(contentsOf: docs.sorted()) } } }
        return hits
    }

    /// Row counts per key, shared by the copies of one transaction value.
    final class KeyCounts {
        var counts: [Int32: Int] = [:]
    }

    /// Articles one key holds at most: a key shared by more is a stop key (boilerplate that escaped
    /// cleaning, a stock phrase), and growing it would only slow every lookup of it.
    static let maxPerKey = 256

    func documents(_ docs: [Int64]) throws -> [DedupDocument] {
        var out: [DedupDocument] = []
        try SQLiteStore.inChunks(docs) { marks, arguments in
            out += try Row.fetchAll(db, sql: "SELECT rowid, id, outlet, text, language, published, url FROM article WHERE rowid IN (\(marks))",
                                    arguments: arguments).compactMap(Self.document)
        }
        return out
    }

    func groups(of docs: [Int64]) throws -> [Int64: Int64] {
        var out: [Int64: Int64] = [:]
        try SQLiteStore.inChunks(docs) { marks, arguments in
            for row in try Row.fetchAll(db, sql: "SELECT doc, grp FROM dedup_doc WHERE doc IN (\(marks))", arguments: arguments) {
                out[row["doc"]] = row["grp"]
            }
        }
        return out
    }

    func documents(atAddresses addresses: [String]) throws -> [String: [Int64]] {
        var out: [String: [Int64]] = [:]
        try SQLiteStore.inChunks(addresses) { marks, arguments in
            for row in try Row.fetchAll(db, sql: "SELECT address, doc FROM dedup_doc WHERE address IN (\(marks)) ORDER BY doc",
                                        arguments: arguments) {
                out[row["address"], default: []].append(row["doc"])
            }
        }
        return out
    }

    func commit(_ batch: DedupBatch) throws {
        let move = try db.cachedStatement(sql: "UPDATE dedup_doc SET grp = ? WHERE grp = ?")
        for (from, into) in batch.merges { try move.execute(arguments: [into, from]) }
        for start in stride(from: 0, to: batch.documents.count, by: 300) {
            let part = batch.documents[start..<min(start + 300, batch.documents.count)]
            var arguments: [any DatabaseValueConvertible] = []
            for (doc, group, status) in part { arguments += [doc, group, status.rawValue] }
            try db.execute(sql: "INSERT OR REPLACE INTO dedup_doc (doc, grp, status) VALUES "
                           + Array(repeating: "(?,?,?)", count: part.count).joined(separator: ","),
                           arguments: StatementArguments(arguments))
        }
        // Keys in multi-row statements (one round trip per 400 keys, not per key); a key already
        // holding `maxPerKey` articles takes no more. Keys counted at lookup are capped here; the others
        // are counted by the statement.
        var known: [(key: Int32, doc: Int64)] = []
        var unknown: [(key: Int32, doc: Int64)] = []
        for (key, doc) in batch.keys {
            if let n = keyCounts.counts[key] {
                guard n < Self.maxPerKey else { continue }
                keyCounts.counts[key] = n + 1
                known.append((key, doc))
            } else {
                unknown.append((key, doc))
            }
        }
        // `sql` receives the `(?,?),…` list of one part.
        func insert(_ pairs: [(key: Int32, doc: Int64)], _ sql: (String) -> String) throws {
            for start in stride(from: 0, to: pairs.count, by: 400) {
                let part = pairs[start..<min(start + 400, pairs.count)]
                var arguments: [any DatabaseValueConvertible] = []
                arguments.reserveCapacity(part.count * 2)
                for (key, doc) in part { arguments.append(key); arguments.append(doc) }
                let values = Array(repeating: "(?,?)", count: part.count).joined(separator: ",")
                try db.cachedStatement(sql: sql(values)).execute(arguments: StatementArguments(arguments))
            }
        }
        try insert(known) { "INSERT OR IGNORE INTO dedup_key (key, doc) VALUES \($0)" }
        try insert(unknown) { values in """
            INSERT OR IGNORE INTO dedup_key (key, doc)
            SELECT column1, column2 FROM (VALUES \(values))
            WHERE (SELECT count(*) FROM (SELECT 1 FROM dedup_key WHERE key = column1 LIMIT \(Self.maxPerKey))) < \(Self.maxPerKey)
            """
        }
        let insertRelation = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO dedup_relation (a, b, kind, score, aligned) VALUES (?, ?, ?, ?, ?)
            """)
        for r in batch.relations {
            try insertRelation.execute(arguments: [r.article, r.other, r.kind.rawValue, r.score, r.aligned.jsonText])
        }
        let insertCitation = try db.cachedStatement(sql: """
            INSERT INTO dedup_citation (doc, outlet, start, "end", cue) VALUES (?, ?, ?, ?, ?)
            """)
        for c in batch.citations {
            try insertCitation.execute(arguments: [c.article, c.outlet, c.sentence.start, c.sentence.end, c.cue])
        }
        let setAddress = try db.cachedStatement(sql: "UPDATE dedup_doc SET address = ? WHERE doc = ?")
        for (doc, address) in batch.addresses { try setAddress.execute(arguments: [address, doc]) }
    }
}

// MARK: Reading relations and groups

extension SQLiteStore {
    public func pendingDedupCount() throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE rowid > (SELECT coalesce(max(doc), 0) FROM dedup_doc)") ?? 0
        }
    }

    private struct Info {
        var ref: ArticleRef
        var text: String
        var group: Int64?
    }

    private static func infos(_ db: Database, _ docs: some Collection<Int64>) throws -> [Int64: Info] {
        var out: [Int64: Info] = [:]
        try inChunks(Array(Set(docs))) { marks, arguments in
            for row in try Row.fetchAll(db, sql: """
                SELECT a.rowid, a.id, a.title, a.outlet, a.published, a.text, d.grp FROM article a
                LEFT JOIN dedup_doc d ON d.doc = a.rowid WHERE a.rowid IN (\(marks))
                """, arguments: arguments) {
                guard let id = ContentID(hex: row["id"]) else { continue }
                out[row["rowid"]] = Info(ref: ArticleRef(id: id, title: row["title"], outlet: row["outlet"], published: row["published"]),
                                         text: row["text"], group: row["grp"])
            }
        }
        return out
    }

    /// Each group's id: the smallest article id among its members, so the same articles give the same group id
    /// whatever the order they arrived in (the group's row is its first arrival).
    static func groupIDs(_ db: Database, _ groups: some Collection<Int64>) throws -> [Int64: ContentID] {
        var out: [Int64: ContentID] = [:]
        try inChunks(Array(Set(groups))) { marks, arguments in
            for row in try Row.fetchAll(db, sql: """
                SELECT d.grp, min(a.id) AS id FROM dedup_doc d JOIN article a ON a.rowid = d.doc WHERE d.grp IN (\(marks)) GROUP BY d.grp
                """, arguments: arguments) {
                out[row["grp"]] = ContentID(hex: row["id"])
            }
        }
        return out
    }

    /// The UTF-8 byte range of `text`, clamped.
    static func slice(_ text: String, _ range: TextRange) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(max(0, range.start), utf8.count))
        let end = utf8.index(utf8.startIndex, offsetBy: min(max(range.start, range.end), utf8.count))
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    public func relations(_ query: RelationQuery) throws -> [RelationRecord] {
        try pool.read { db in
            let only = try query.article.map { try Self.rowid(db, prefix: $0) }
            let textKinds = query.kinds.isEmpty ? RelationKind.allCases.filter { $0 != .cites } : query.kinds.filter { $0 != .cites }
            var rows: [Row] = []
            if !textKinds.isEmpty {
                var sql = "SELECT a, b, kind, score, aligned FROM dedup_relation WHERE kind IN (\(textKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")))"
                var arguments: StatementArguments = []
                if let only { sql += " AND (a = ? OR b = ?)"; arguments += [only, only] }
                sql += " ORDER BY a, b LIMIT ?"
                arguments += [query.limit]
                rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            }
            var citations: [Row] = []
            if query.kinds.isEmpty || query.kinds.contains(.cites) {
                var sql = #"SELECT doc, outlet, start, "end", cue FROM dedup_citation"#
                var arguments: StatementArguments = []
                if let only { sql += " WHERE doc = ?"; arguments += [only] }
                sql += " ORDER BY doc, start LIMIT ?"
                arguments += [query.limit]
                citations = try Row.fetchAll(db, sql: sql, arguments: arguments)
            }
            let docs = rows.flatMap { [$0["a"] as Int64, $0["b"] as Int64] } + citations.map { $0["doc"] as Int64 }
            let infos = try Self.infos(db, docs)
            let groups = try Self.groupIDs(db, infos.values.compactMap(\.group))
            var out: [RelationRecord] = []
            for row in rows {
                guard var a = infos[row["a"]], var b = infos[row["b"]], let kind = RelationKind(rawValue: row["kind"]) else { continue }
                var passages = Self.decode([AlignedPassage].self, row["aligned"]) ?? []
                // A symmetric relation (exact, near, rewrite) names the smaller article id first, not the later arrival,
                // so the listing does not depend on the order of ingestion; "contains" keeps its direction.
                if kind != .contains, b.ref.id < a.ref.id {
                    swap(&a, &b)
                    passages = passages.map { AlignedPassage(article: $0.other, other: $0.article, similarity: $0.similarity) }
                }
                let aligned = passages.map {
                    AlignedText(similarity: $0.similarity, article: $0.article, other: $0.other,
                                articleText: Self.slice(a.text, $0.article), otherText: Self.slice(b.text, $0.other))
                }
                out.append(RelationRecord(group: a.group.flatMap { groups[$0] }, kind: kind, score: row["score"], article: a.ref,
                                          other: b.ref, outlet: nil, cue: nil, sentence: nil, sentenceRange: nil, aligned: aligned))
            }
            for row in citations {
                guard let a = infos[row["doc"]] else { continue }
                let range = TextRange(start: row["start"], end: row["end"])
                out.append(RelationRecord(group: a.group.flatMap { groups[$0] }, kind: .cites, score: 1, article: a.ref, other: nil,
                                          outlet: row["outlet"], cue: row["cue"], sentence: Self.slice(a.text, range),
                                          sentenceRange: range, aligned: []))
            }
            out.sort { l, r in
                if l.group != r.group { return (l.group?.hex ?? "") < (r.group?.hex ?? "") }
                if l.kind != r.kind { return l.kind < r.kind }
                if l.score != r.score { return l.score > r.score }
                return (l.article.id, l.other?.id.hex ?? l.outlet ?? "", l.sentenceRange?.start ?? 0)
                    < (r.article.id, r.other?.id.hex ?? r.outlet ?? "", r.sentenceRange?.start ?? 0)
            }
            return Array(out.prefix(query.limit))
        }
    }

    public func sourceGroups(_ query: RelationQuery) throws -> [SourceGroupRecord] {
        try pool.read { db in
            var groupRows: [Row]
            if let prefix = query.article {
                let doc = try Self.rowid(db, prefix: prefix)
                groupRows = try Row.fetchAll(db, sql: """
                    SELECT grp, (SELECT count(*) FROM dedup_doc m WHERE m.grp = d.grp) AS n FROM dedup_doc d WHERE doc = ?
                    """, arguments: [doc])
            } else {
                groupRows = try Row.fetchAll(db, sql: """
                    SELECT grp, count(*) AS n FROM dedup_doc GROUP BY grp HAVING n >= ? ORDER BY n DESC, grp LIMIT ?
                    """, arguments: [query.minGroupSize, query.limit])
            }
            var out: [SourceGroupRecord] = []
            for row in groupRows {
                let group: Int64 = row["grp"]
                let members = try Int64.fetchAll(db, sql: "SELECT doc FROM dedup_doc WHERE grp = ? ORDER BY doc LIMIT 1000", arguments: [group])
                let infos = try Self.infos(db, members)
                var kinds: [String: Int] = [:]
                for k in try Row.fetchAll(db, sql: "SELECT r.kind, count(*) AS n FROM dedup_relation r JOIN dedup_doc d ON d.doc = r.a WHERE d.grp = ? GROUP BY r.kind",
                                          arguments: [group]) {
                    kinds[k["kind"], default: 0] += k["n"] as Int
                }
                guard let id = try Self.groupIDs(db, [group])[group] else { continue }
                out.append(SourceGroupRecord(group: id, size: row["n"], kinds: kinds, members: members.compactMap { infos[$0]?.ref }.sorted { $0.id < $1.id }))
            }
            // Largest first, then by content id (not by arrival).
            return out.sorted { ($0.size, $1.group) > ($1.size, $0.group) }
        }
    }
}

// MARK: Sizes, for the bench

extension SQLiteStore {
    /// Bytes of the named tables and indexes (SQLite's dbstat); throws when dbstat is not compiled in.
    public func tableBytes(_ names: [String]) throws -> Int {
        try pool.read { db in
            let marks = Array(repeating: "?", count: names.count).joined(separator: ",")
            return try Int.fetchOne(db, sql: "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (\(marks))",
                                    arguments: StatementArguments(names)) ?? 0
        }
    }

    /// Entries of the LSH index.
    public func dedupKeyCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dedup_key") ?? 0 }
    }
}
