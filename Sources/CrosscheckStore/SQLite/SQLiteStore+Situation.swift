import CrosscheckCore
import Foundation
import GRDB

/// The stored situation (migration v12): merged events with their tellings as mention keys, contradictions, stories,
/// and the stamp of the analysis they were computed from.
extension SQLiteStore {
    public func saveSituation(_ situation: Situation, views: [String: String], stamp: SituationStamp) throws {
        let events = situation.events
        let encoder = CompactJSONEncoder()
        let stories = try situation.stories.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let state = String(decoding: try encoder.encode(stamp), as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: "DELETE FROM situation_event; DELETE FROM situation_contradiction; DELETE FROM situation_story; DELETE FROM situation_state")
            let insert = try RawStatement(db, sql: """
                INSERT INTO situation_event (id, ord, incident, type, status, actor, place, sources, day_start, day_end, sort_key, detail, refs,
                                             latitude, longitude)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // A chunk at a time, encoded on all cores: the texts of 700,000 events at once were half a gigabyte.
            for chunk in stride(from: 0, to: events.count, by: Self.situationChunk) {
                let range = chunk..<min(chunk + Self.situationChunk, events.count)
                let rows = Self.encode(events[range])
                for (k, e) in zip(range, events[range]) {
                    let days = EventQuery.days(of: e), row = rows[k - chunk]
                    insert.bind(1, e.id); insert.bind(2, k); insert.bind(3, e.incident); insert.bind(4, e.type)
                    insert.bind(5, e.status.rawValue); insert.bind(6, e.actor?.name.lowercased()); insert.bind(7, e.placeName?.lowercased())
                    insert.bind(8, e.sources); insert.bind(9, days?.start); insert.bind(10, days?.end)
                    insert.bind(11, EventQuery.sortKey(of: e)); insert.bind(12, row.detail); insert.bind(13, row.refs)
                    insert.bind(14, e.place?.latitude); insert.bind(15, e.place?.longitude)
                    try insert.step()
                }
            }
            for (k, c) in situation.contradictions.enumerated() {
                try db.execute(sql: "INSERT INTO situation_contradiction (ord, event, detail) VALUES (?, ?, ?)",
                               arguments: [k, c.event, c.storedJSON])
            }
            for (k, story) in stories.enumerated() {
                try db.execute(sql: "INSERT INTO situation_story (ord, id, detail) VALUES (?, ?, ?)",
                               arguments: [k, situation.stories[k].id, story])
            }
            for (name, text) in views.sorted(by: { $0.key < $1.key }) where name != "stamp" {
                try db.execute(sql: "INSERT INTO situation_state (key, value) VALUES (?, ?)", arguments: [name, text])
            }
            try db.execute(sql: "INSERT INTO situation_state (key, value) VALUES ('stamp', ?)", arguments: [state])
        }
    }

    /// Events encoded per write chunk.
    static let situationChunk = 8192

    /// The stored texts of some events (JSON detail, mention keys), on all cores.
    static func encode(_ events: ArraySlice<MergedEvent>) -> [(detail: String, refs: String)] {
        let base = events.startIndex
        return Parallel.map(events.count, minimumPerWorker: 1024) { k in
            let e = events[base + k]
            return (e.storedJSON, e.references.map(\.key).joined(separator: ";"))
        }
    }

    public func situationStamp() throws -> SituationStamp? {
        guard let text = try pool.read({ try String.fetchOne($0, sql: "SELECT value FROM situation_state WHERE key = 'stamp'") }) else {
            return nil
        }
        return try? JSONDecoder().decode(SituationStamp.self, from: Data(text.utf8))
    }

    public func situationView(_ name: String) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT value FROM situation_state WHERE key = ?", arguments: [name]) }
    }

    public func currentSituationStamp() throws -> SituationStamp {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(doc), 0) FROM annotated")
            let groups = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(grp), 0) FROM dedup_doc") ?? 0
            return SituationStamp(analyzed: row?[0] ?? 0, lastAnalyzed: row?[1] ?? 0, groups: groups)
        }
    }

    public func storedEvents(_ query: EventQuery) throws -> [MergedEvent] {
        let (filter, arguments) = Self.whereClause(query)
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT detail, refs FROM situation_event\(filter) ORDER BY sort_key, id LIMIT ? OFFSET ?",
                             arguments: StatementArguments(arguments + [query.limit, query.offset]))
                .map { (detail: $0[0] as String, refs: $0[1] as String) }
        }
        return try events(rows)
    }

    public func storedEventPreviews(_ query: EventQuery, keeping: Int) throws -> [EventPreview] {
        let (filter, arguments) = Self.whereClause(query)
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT detail, refs FROM situation_event\(filter) ORDER BY sort_key, id LIMIT ? OFFSET ?",
                             arguments: StatementArguments(arguments + [query.limit, query.offset]))
                .map { (detail: $0[0] as String, refs: $0[1] as String) }
        }
        let counts = rows.map { $0.refs.isEmpty ? 0 : $0.refs.split(separator: ";").count }
        let kept = rows.map { (detail: $0.detail, refs: $0.refs.split(separator: ";").prefix(max(0, keeping)).joined(separator: ";")) }
        return zip(try events(kept), counts).map { EventPreview(event: $0, tellings: $1) }
    }

    public func storedEventCount(_ query: EventQuery) throws -> Int {
        let (filter, arguments) = Self.whereClause(query)
        return try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM situation_event\(filter)", arguments: StatementArguments(arguments)) ?? 0 }
    }

    public func storedEvents(ids: [String]) throws -> [MergedEvent] {
        guard !ids.isEmpty else { return [] }
        let rows = try pool.read { db in
            var out: [(ord: Int, detail: String, refs: String)] = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                out += try Row.fetchAll(db, sql: "SELECT ord, detail, refs FROM situation_event WHERE id IN (\(marks))",
                                        arguments: StatementArguments(part)).map { ($0[0], $0[1], $0[2]) }
            }
            return out.sorted { $0.ord < $1.ord }.map { (detail: $0.detail, refs: $0.refs) }
        }
        return try events(rows)
    }

    public func storedSituation() throws -> Situation? {
        guard try situationStamp() != nil else { return nil }
        // Every telling at once (one streaming read, decoded on all cores), then the events' rows in the merge's order.
        var byKey: [String: EventReference] = [:]
        for r in try eventReferences() { byKey[r.key] = r }
        let lookup = byKey
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT detail, refs FROM situation_event ORDER BY ord").map { (detail: $0[0] as String, refs: $0[1] as String) }
        }
        let events = try decode(rows) { lookup[$0] }
        return Situation(events: events, contradictions: try contradictions(try contradictionTexts()) { lookup[$0] }, stories: try storedStories())
    }

    public func storedContradictions() throws -> [Contradiction] { try resolved(try contradictionTexts()) }

    public func storedContradictions(event: String) throws -> [Contradiction] { try resolved(try contradictionTexts(event: event)) }

    /// Stored contradictions with their tellings read back (only the tellings they name).
    private func resolved(_ details: [String]) throws -> [Contradiction] {
        var cache: [String: EventReference] = [:]
        for r in try references(keys: details.flatMap { Self.referenceKeys(inContradiction: $0) }) { cache[r.key] = r }
        return try contradictions(details) { cache[$0] }
    }

    public func storedStories() throws -> [Story] {
        let decoder = JSONDecoder()
        return try pool.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM situation_story ORDER BY ord").map { text in
                do { return try decoder.decode(Story.self, from: Data(text.utf8)) } catch {
                    throw StoreError.badQuery("situation_story", "a stored story is malformed: \(error)")
                }
            }
        }
    }

    // MARK: Reading back

    /// The SQL filter of `query` (leading space included) and its arguments.
    static func whereClause(_ query: EventQuery) -> (String, [(any DatabaseValueConvertible)?]) {
        var terms: [String] = [], arguments: [(any DatabaseValueConvertible)?] = []
        if let type = query.type { terms.append("type = ?"); arguments.append(type) }
        if let status = query.status { terms.append("status = ?"); arguments.append(status.rawValue) }
        if query.minSources > 0 { terms.append("sources >= ?"); arguments.append(query.minSources) }
        if let actor = query.actor { terms.append("instr(actor, ?) > 0"); arguments.append(actor.lowercased()) }
        if let place = query.place { terms.append("instr(place, ?) > 0"); arguments.append(place.lowercased()) }
        if let incident = query.incident { terms.append("incident = ?"); arguments.append(incident) }
        if let since = query.since { terms.append("day_end >= ?"); arguments.append(since) }
        if let until = query.until { terms.append("day_start <= ?"); arguments.append(until) }
        if let box = query.box {
            terms.append("latitude BETWEEN ? AND ? AND " + (box.crossesAntimeridian ? "(longitude >= ? OR longitude <= ?)" : "longitude BETWEEN ? AND ?"))
            arguments += [box.south, box.north, box.west, box.east]
        }
        if let story = query.story {
            terms.append("id IN (SELECT j.value FROM situation_story s, json_each(s.detail, '$.events') j WHERE s.id = ?)")
            arguments.append(story)
        }
        return (terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND "), arguments)
    }

    /// Events from their stored rows, their tellings read by key.
    func events(_ rows: [(detail: String, refs: String)]) throws -> [MergedEvent] {
        var cache: [String: EventReference] = [:]
        for r in try references(keys: rows.flatMap { $0.refs.split(separator: ";").map(String.init) }) { cache[r.key] = r }
        let lookup = cache
        return try decode(rows) { lookup[$0] }
    }

    /// Parses stored event rows on all cores; a row that does not parse is a malformed store.
    func decode(_ rows: [(detail: String, refs: String)], reference: (String) -> EventReference?) throws -> [MergedEvent] {
        let decoded = Parallel.map(rows.count, minimumPerWorker: 512) { k in
            MergedEvent(storedJSON: rows[k].detail, references: rows[k].refs.split(separator: ";").compactMap { reference(String($0)) })
        }
        return try decoded.map { e in
            guard let e else { throw StoreError.badQuery("situation_event", "a stored event is malformed; run crosscheck reanalyze") }
            return e
        }
    }

    /// The stored contradictions' texts, in order.
    /// The stored contradictions' texts, all or one event's.
    func contradictionTexts(event: String? = nil) throws -> [String] {
        try pool.read { db in
            guard let event else { return try String.fetchAll(db, sql: "SELECT detail FROM situation_contradiction ORDER BY ord") }
            return try String.fetchAll(db, sql: "SELECT detail FROM situation_contradiction WHERE event = ? ORDER BY ord", arguments: [event])
        }
    }

    /// Contradictions from their stored texts, their tellings resolved by key.
    func contradictions(_ texts: [String], _ reference: (String) -> EventReference?) throws -> [Contradiction] {
        try texts.map { text in
            guard let c = Contradiction(storedJSON: text, reference: reference) else {
                throw StoreError.badQuery("situation_contradiction", "a stored contradiction is malformed; run crosscheck reanalyze")
            }
            return c
        }
    }

    /// The mention keys a stored contradiction names.
    static func referenceKeys(inContradiction text: String) -> [String] {
        var keys: [String] = []
        _ = Contradiction(storedJSON: text) { key in keys.append(key); return nil }
        return keys
    }

    /// The tellings with these mention keys ("doc:start:type"), each article's details read once.
    func references(keys: [String]) throws -> [EventReference] {
        guard !keys.isEmpty else { return [] }
        return try pool.read { db in
            let mention = try db.cachedStatement(sql: "SELECT detail FROM event_mention WHERE doc = ? AND start = ? AND type = ?")
            let article = try db.cachedStatement(sql: """
                SELECT a.id, a.outlet, a.title, a.published, coalesce(d.grp, a.rowid) FROM article a
                LEFT JOIN dedup_doc d ON d.doc = a.rowid WHERE a.rowid = ?
                """)
            var metas: [Int64: Row] = [:]
            var out: [EventReference] = []
            var seen = Set<String>()
            for key in keys where seen.insert(key).inserted {
                let parts = key.split(separator: ":", maxSplits: 2)
                guard parts.count == 3, let doc = Int64(parts[0]), let start = Int(parts[1]) else { continue }
                guard let detail = try String.fetchOne(mention, arguments: [doc, start, String(parts[2])]) else { continue }
                if metas[doc] == nil { metas[doc] = try Row.fetchOne(article, arguments: [doc]) }
                guard let meta = metas[doc],
                      let m = EventMention(json: detail) ?? (try? JSONDecoder().decode(EventMention.self, from: Data(detail.utf8))) else { continue }
                out.append(EventReference(article: meta[0], doc: doc, outlet: meta[1], title: meta[2], published: meta[3], group: meta[4], mention: m))
            }
            return out
        }
    }
}
