import Foundation
import GRDB

extension SQLiteStore {
    public func createToken(name: String, digest: String, at date: Date) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO api_token (name, digest, created) VALUES (?, ?, ?)",
                           arguments: [name, digest, Self.timestamp(date)])
            return db.changesCount == 1
        }
    }

    public func tokens() throws -> [TokenRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, created, last_used FROM api_token ORDER BY name").map { row in
                TokenRecord(name: row["name"], created: Self.date(row["created"]),
                            lastUsed: (row["last_used"] as String?).map { Self.date($0) })
            }
        }
    }

    public func revokeToken(name: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM api_token WHERE name = ?", arguments: [name])
            return db.changesCount == 1
        }
    }

    public func tokenName(digest: String, usedAt date: Date) throws -> String? {
        try pool.write { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM api_token WHERE digest = ?", arguments: [digest]) else { return nil }
            try db.execute(sql: "UPDATE api_token SET last_used = ? WHERE name = ?", arguments: [Self.timestamp(date), name])
            return name
        }
    }
}
