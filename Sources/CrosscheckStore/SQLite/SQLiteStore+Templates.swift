import CrosscheckCore
import Foundation
import GRDB

extension SQLiteStore {
    public func forEachArticleText(after: Int64, _ body: (_ row: Int64, _ id: ContentID, _ outlet: String?, _ origin: String?,
                                                           _ text: String, _ templates: [String]) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.rowid, a.id, a.outlet, CASE WHEN a.outlet IS NULL THEN (SELECT origin FROM raw_article r WHERE r.id = a.id) END,
                       a.text, a.removed
                FROM article a WHERE a.rowid > ? ORDER BY a.rowid
                """, arguments: [after])
            while let row = try rows.next() {
                guard let id = ContentID(hex: row[1]) else { continue }
                let removed: String = row[5]
                var templates: [String] = []
                // Most articles lost no template: their removed pieces are not decoded at all.
                if removed.contains("\"template\"") {
                    let pieces = [RemovedPiece](json: removed) ?? Self.decode([RemovedPiece].self, removed) ?? []
                    templates = pieces.filter { $0.reason == "template" }.map(\.text)
                }
                try body(row[0], id, row[2], row[3], row[4], templates)
            }
        }
    }

    public func templateWatermark() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM template_state WHERE key = 'watermark'") ?? 0 }
    }

    public func templateGroups(_ keys: [String]) throws -> [String: TemplateGroup] {
        try pool.read { db in
            var out: [String: TemplateGroup] = [:]
            try Self.inChunks(keys) { marks, arguments in
                for row in try Row.fetchAll(db, sql: "SELECT grp, size, templates FROM template_group WHERE grp IN (\(marks))", arguments: arguments) {
                    let hashes = (try? JSONDecoder().decode([Int64].self, from: Data((row["templates"] as String).utf8))) ?? []
                    out[row["grp"]] = TemplateGroup(size: row["size"], templates: Set(hashes.map { UInt64(bitPattern: $0) }))
                }
            }
            return out
        }
    }

    public func templateCounts(group: String, atLeast minimum: Int) throws -> [UInt64: Int] {
        try pool.read { db in
            var out: [UInt64: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT hash, count FROM template_count WHERE grp = ? AND count >= ?",
                                           arguments: [group, minimum])
            while let row = try rows.next() { out[UInt64(bitPattern: row[0])] = row[1] }
            return out
        }
    }

    public func templateMembers(group: String) throws -> [ContentID] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT a.id FROM template_member m JOIN article a ON a.rowid = m.doc WHERE m.grp = ? ORDER BY m.doc
                """, arguments: [group]).compactMap(ContentID.init(hex:))
        }
    }

    public func saveTemplateRun(_ run: TemplateRun) throws {
        try pool.write { db in
            let count = try db.cachedStatement(sql: """
                INSERT INTO template_count (grp, hash, count) VALUES (?, ?, ?)
                ON CONFLICT(grp, hash) DO UPDATE SET count = count + excluded.count
                """)
            for (group, counts) in run.counts.sorted(by: { $0.key < $1.key }) {
                for (hash, n) in counts.sorted(by: { $0.key < $1.key }) { try count.execute(arguments: [group, Int64(bitPattern: hash), n]) }
            }
            let member = try db.cachedStatement(sql: "INSERT OR IGNORE INTO template_member (grp, doc) VALUES (?, ?)")
            for (group, docs) in run.members { for doc in docs { try member.execute(arguments: [group, doc]) } }
            let state = try db.cachedStatement(sql: """
                INSERT INTO template_group (grp, size, templates) VALUES (?, ?, ?)
                ON CONFLICT(grp) DO UPDATE SET size = excluded.size, templates = excluded.templates
                """)
            for (group, g) in run.groups {
                let hashes = g.templates.map { Int64(bitPattern: $0) }.sorted()
                try state.execute(arguments: [group, g.size, String(decoding: try JSONEncoder().encode(hashes), as: UTF8.self)])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO template_state (key, value) VALUES ('watermark', ?)", arguments: [run.watermark])
        }
    }

    public func resetTemplates() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM template_group; DELETE FROM template_count; DELETE FROM template_member; DELETE FROM template_state")
        }
    }
}
