import CrosscheckCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode, through GRDB.
public final class SQLiteStore: Store {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date; with `readOnly`, opens an
    /// existing store without ever writing to it (the file stays byte-identical; a read-only copy works), and
    /// throws `StoreError.outdated` when its schema is older than this version's.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            // NORMAL is durable against a killed process in WAL mode; only an OS crash may drop the
            // last commits, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A pass writes a million small rows into a few growing b-trees: with SQLite's default 2 MB page
            // cache and a checkpoint every 1,000 WAL pages, the writer spent half its time re-reading pages
            // and copying the same index pages into the database file again and again.
            // The writer connection only: readers keep the default cache.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        configuration.busyMode = .timeout(30)
        pool = try DatabasePool(path: path, configuration: configuration)
        if readOnly {
            guard try pool.read({ try SQLiteMigrations.migrator.hasCompletedMigrations($0) }) else { throw StoreError.outdated(path) }
        } else {
            try SQLiteMigrations.migrator.migrate(pool)
        }
    }

    /// The database file and its WAL companions, which ingest must never read as input.
    public var files: Set<String> { [path, path + "-wal", path + "-shm", path + "-journal"] }

    // MARK: IngestSink

    public func existingRawIDs(_ ids: [ContentID]) throws -> Set<ContentID> {
        guard !ids.isEmpty else { return [] }
        return try pool.read { db in
            var found = Set<ContentID>()
            try Self.inChunks(ids) { marks, arguments in
                for hex in try String.fetchAll(db, sql: "SELECT id FROM raw_article WHERE id IN (\(marks))", arguments: arguments) {
                    if let id = ContentID(hex: hex) { found.insert(id) }
                }
            }
            return found
        }
    }

    public func write(_ batch: IngestBatch) throws {
        try pool.write { db in
            let insertRaw = try db.cachedStatement(sql: """
                INSERT INTO raw_article (id, bytes, format, origin, origin_line, origin_offset, received_at, size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """)
            let insertArticle = try db.cachedStatement(sql: Self.insertArticleSQL)
            for (raw, article) in batch.articles {
                try insertRaw.execute(arguments: [raw.id.hex, Data(raw.bytes), raw.format.rawValue, raw.origin.location,
                                                  raw.origin.line, raw.origin.offset, Self.timestamp(raw.receivedAt), raw.bytes.count])
                guard db.changesCount == 1 else { continue }
                try insertArticle.execute(arguments: try Self.articleArguments(article))
                if db.changesCount == 1 { try Self.indexForSearch(db, rowid: db.lastInsertedRowID, article) }
            }
            let now = Self.timestamp(Date())
            let insertRejection = try db.cachedStatement(sql: """
                INSERT INTO rejection (origin, code, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(origin, code) DO UPDATE SET reason = excluded.reason, last_seen = excluded.last_seen,
                    attempts = attempts + 1
                """)
            for rejected in batch.rejections {
                try insertRejection.execute(arguments: [rejected.origin.description, rejected.rejection.code,
                                                        rejected.rejection.reason, now, now])
            }
        }
    }

    /// Ids per `IN (…)` list, well under SQLite's bound-parameter limit.
    static let idsPerQuery = 500

    /// Calls `body` with `?,?,…` placeholders and their arguments for each chunk of `ids`.
    static func inChunks(_ ids: [ContentID], _ body: (String, StatementArguments) throws -> Void) throws {
        try inChunks(ids.map(\.hex), body)
    }

    /// Calls `body` with `?,?,…` placeholders and their arguments for each chunk of `values`.
    static func inChunks<V: DatabaseValueConvertible>(_ values: [V], _ body: (String, StatementArguments) throws -> Void) throws {
        for start in stride(from: 0, to: values.count, by: idsPerQuery) {
            let part = values[start..<min(start + idsPerQuery, values.count)]
            try body(Array(repeating: "?", count: part.count).joined(separator: ","), StatementArguments(Array(part)))
        }
    }

    static let insertArticleSQL = """
        INSERT INTO article (id, text_hash, title, published, published_precision, published_from, updated,
            updated_precision, updated_from, outlet, url, language, authors, text, removed, source_map, word_count,
            cleaner_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO NOTHING
        """

    /// Adds a newly inserted article row to the full-text index. Done here rather than by a trigger: a trigger's
    /// statement savepoint makes FTS5 write one index segment per article (see migration v6).
    static func indexForSearch(_ db: Database, rowid: Int64, _ a: Article) throws {
        try db.cachedStatement(sql: "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)")
            .execute(arguments: [rowid, a.title ?? "", a.text])
    }

    static func articleArguments(_ a: Article) throws -> StatementArguments {
        StatementArguments(try articleValues(a))
    }

    /// Column values in `insertArticleSQL` order, id first.
    static func articleValues(_ a: Article) throws -> [(any DatabaseValueConvertible)?] {
        [
            a.id.hex, a.textHash.hex, a.title, a.published?.value, a.published?.precision.rawValue, a.published?.from,
            a.updated?.value, a.updated?.precision.rawValue, a.updated?.from, a.outlet, a.url, a.language,
            a.authors.jsonText, a.text, a.removed.jsonText, a.sourceMap.jsonText, a.wordCount, a.cleanerVersion,
        ]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static let timestampFormat: Date.ISO8601FormatStyle = .iso8601.year().month().day().time(includingFractionalSeconds: true)

    static func timestamp(_ date: Date) -> String { date.formatted(timestampFormat) }

    static func date(_ text: String?) -> Date {
        guard let text, let date = try? Date(text, strategy: timestampFormat) else { return Date(timeIntervalSince1970: 0) }
        return date
    }

    // MARK: Queries

    public func articleCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
    }

    public func articles(_ query: ArticleQuery) throws -> [ArticleSummary] {
        try pool.read { db in
            var sql = """
                SELECT a.id, a.title, a.published, a.published_precision, a.published_from, a.outlet, a.url, a.language,
                       a.word_count, r.origin, r.origin_line, r.origin_offset, r.format, r.received_at, d.status AS dedup_status,
                       (SELECT min(g.id) FROM dedup_doc m JOIN article g ON g.rowid = m.doc WHERE m.grp = d.grp) AS group_id,
                       (SELECT count(*) FROM dedup_doc m WHERE m.grp = d.grp) AS group_size
                FROM article a JOIN raw_article r ON r.id = a.id
                LEFT JOIN dedup_doc d ON d.doc = a.rowid
                """
            var arguments: StatementArguments = []
            if let outlet = query.outlet {
                sql += " WHERE a.outlet = ? COLLATE NOCASE"
                arguments += [outlet]
            }
            sql += " ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?"
            arguments += [query.limit, query.offset]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                ArticleSummary(id: ContentID(hex: row["id"])!, title: row["title"],
                               published: Self.publishedDate(row, prefix: "published"), outlet: row["outlet"],
                               url: row["url"], language: row["language"], words: row["word_count"],
                               origin: Origin(location: row["origin"], line: row["origin_line"], offset: row["origin_offset"]),
                               format: InputFormat(rawValue: row["format"]) ?? .text,
                               receivedAt: Self.date(row["received_at"]),
                               group: (row["group_id"] as String?).flatMap(ContentID.init(hex:)),
                               groupSize: row["group_size"] ?? 0, dedupStatus: row["dedup_status"])
            }
        }
    }

    static func publishedDate(_ row: Row, prefix: String) -> PublishedDate? {
        guard let value: String = row[prefix], let precision = DatePrecision(rawValue: row["\(prefix)_precision"] ?? "")
        else { return nil }
        return PublishedDate(value: value, precision: precision, from: row["\(prefix)_from"] ?? "")
    }

    /// Minimum id prefix accepted by `article(idPrefix:)`.
    public static let minimumPrefix = 4

    /// The row number of the article whose id starts with `prefix` (at least `minimumPrefix` hex
    /// digits); `notFound` or `ambiguous` otherwise.
    static func rowid(_ db: Database, prefix: String) throws -> Int64 {
        let p = prefix.lowercased()
        guard p.count >= minimumPrefix, p.allSatisfy(\.isHexDigit) else { throw StoreError.notFound(prefix) }
        let rows = try Int64.fetchAll(db, sql: "SELECT rowid FROM article WHERE id >= ? AND id < ? LIMIT 2", arguments: [p, p + "g"])
        guard let first = rows.first else { throw StoreError.notFound(prefix) }
        if rows.count > 1 { throw StoreError.ambiguous(prefix, matches: rows.count) }
        return first
    }

    public func article(idPrefix: String) throws -> StoredArticle {
        try pool.read { db in
            let rowid = try Self.rowid(db, prefix: idPrefix)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.*, r.origin, r.origin_line, r.origin_offset, r.format, r.received_at, r.size
                FROM article a JOIN raw_article r ON r.id = a.id
                WHERE a.rowid = ?
                """, arguments: [rowid]) else { throw StoreError.notFound(idPrefix) }
            return StoredArticle(article: Self.article(row), origin: Origin(location: row["origin"], line: row["origin_line"], offset: row["origin_offset"]),
                                 format: InputFormat(rawValue: row["format"]) ?? .text,
                                 receivedAt: Self.date(row["received_at"]), rawSize: row["size"])
        }
    }

    static func article(_ row: Row) -> Article {
        let authors: String? = row["authors"], removed: String? = row["removed"], sourceMap: String? = row["source_map"]
        return Article(id: ContentID(hex: row["id"])!, title: row["title"],
                       published: publishedDate(row, prefix: "published"),
                       updated: publishedDate(row, prefix: "updated"), outlet: row["outlet"], url: row["url"],
                       language: row["language"],
                       authors: authors.flatMap { [String](json: $0) } ?? decode([String].self, authors) ?? [],
                       text: row["text"],
                       removed: removed.flatMap { [RemovedPiece](json: $0) } ?? decode([RemovedPiece].self, removed) ?? [],
                       sourceMap: sourceMap.flatMap { [SourceSegment](json: $0) } ?? decode([SourceSegment].self, sourceMap) ?? [],
                       cleanerVersion: row["cleaner_version"], textHash: ContentID(hex: row["text_hash"]))
    }

    public func search(_ terms: [String], raw: Bool, limit: Int, highlight: Highlight) throws -> [SearchHit] {
        let match = raw ? terms.joined(separator: " ") : FTSQuery.build(terms)
        guard !match.isEmpty else { throw StoreError.badQuery(terms.joined(separator: " "), "empty query") }
        return try search(match: match, limit: limit, highlight: highlight)
    }

    public func search(anyOf groups: [[String]], limit: Int, highlight: Highlight) throws -> [SearchHit] {
        let match = FTSQuery.build(groups: groups)
        guard !match.isEmpty else { throw StoreError.badQuery(groups.map { $0.joined(separator: "|") }.joined(separator: " "), "empty query") }
        return try search(match: match, limit: limit, highlight: highlight)
    }

    func search(match: String, limit: Int, highlight: Highlight) throws -> [SearchHit] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.id, a.title, a.outlet, a.published, a.published_precision, a.published_from,
                           snippet(article_fts, -1, ?, ?, '…', 24) AS snip,
                           -bm25(article_fts, 5.0, 1.0) AS score
                    FROM article_fts JOIN article a ON a.rowid = article_fts.rowid
                    WHERE article_fts MATCH ?
                    ORDER BY score DESC, a.id LIMIT ?
                    """, arguments: [highlight.open, highlight.close, match, limit]).map { row in
                    SearchHit(id: ContentID(hex: row["id"])!, title: row["title"], outlet: row["outlet"],
                              published: Self.publishedDate(row, prefix: "published"), snippet: row["snip"],
                              score: row["score"])
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw StoreError.badQuery(match, error.message ?? "invalid query")
        }
    }

    public func rejections(limit: Int) throws -> [RejectionRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rejection ORDER BY last_seen DESC, origin LIMIT ?",
                             arguments: [limit]).map { row in
                RejectionRecord(origin: row["origin"], code: row["code"], reason: row["reason"],
                                firstSeen: Self.date(row["first_seen"]), lastSeen: Self.date(row["last_seen"]),
                                attempts: row["attempts"])
            }
        }
    }

    public func rawArticle(id: ContentID) throws -> RawArticle? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT bytes, format, origin, origin_line, origin_offset, received_at FROM raw_article WHERE id = ?
                """, arguments: [id.hex]).map(Self.rawArticle)
        }
    }

    public func rawArticles(after: ContentID?, limit: Int) throws -> [RawArticle] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT bytes, format, origin, origin_line, origin_offset, received_at FROM raw_article
                WHERE id > ? ORDER BY id LIMIT ?
                """, arguments: [after?.hex ?? "", limit]).map(Self.rawArticle)
        }
    }

    static func rawArticle(_ row: Row) -> RawArticle {
        let data: Data = row["bytes"]
        return RawArticle(bytes: [UInt8](data), origin: Origin(location: row["origin"], line: row["origin_line"], offset: row["origin_offset"]),
                          receivedAt: date(row["received_at"]), format: InputFormat(rawValue: row["format"]) ?? .text)
    }

    public func articleSources() throws -> [(id: ContentID, outlet: String?, origin: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.outlet, r.origin FROM article a JOIN raw_article r ON r.id = a.id ORDER BY a.id
                """).compactMap { row in
                ContentID(hex: row["id"]).map { ($0, row["outlet"], row["origin"]) }
            }
        }
    }

    public func articles(ids: [ContentID]) throws -> [Article] {
        try pool.read { db in
            var out: [Article] = []
            try Self.inChunks(ids) { marks, arguments in
                out += try Row.fetchAll(db, sql: "SELECT * FROM article WHERE id IN (\(marks)) ORDER BY id",
                                        arguments: arguments).map(Self.article)
            }
            return out
        }
    }

    public func updateArticles(_ articles: [Article]) throws {
        try pool.write { db in
            let update = try db.cachedStatement(sql: """
                UPDATE article SET text_hash = ?, title = ?, published = ?, published_precision = ?, published_from = ?,
                    updated = ?, updated_precision = ?, updated_from = ?, outlet = ?, url = ?, language = ?, authors = ?,
                    text = ?, removed = ?, source_map = ?, word_count = ?, cleaner_version = ?
                WHERE id = ?
                """)
            for a in articles {
                var values = Array(try Self.articleValues(a).dropFirst()) // all but id, which goes last
                values.append(a.id.hex)
                try update.execute(arguments: StatementArguments(values))
                if db.changesCount == 0 {
                    try db.execute(sql: Self.insertArticleSQL, arguments: try Self.articleArguments(a))
                    if db.changesCount == 1 { try Self.indexForSearch(db, rowid: db.lastInsertedRowID, a) }
                }
            }
        }
    }
}
