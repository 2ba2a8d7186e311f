import GRDB

/// The SQLite schema as named, ordered, plain-SQL migrations. A shipped migration is never edited;
/// changes come as new migrations appended here.
enum SQLiteMigrations {
    static let all: [(name: String, sql: String)] = [
        ("v1-articles", """
        CREATE TABLE raw_article (
            id TEXT PRIMARY KEY NOT NULL,         -- SHA-256 of bytes, hex
            bytes BLOB NOT NULL,
            format TEXT NOT NULL,                 -- text | html | json
            origin TEXT NOT NULL,                 -- path, URL or '-'
            origin_line INTEGER,                  -- line of a JSON-lines file
            received_at TEXT NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE TABLE article (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE REFERENCES raw_article(id) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            title TEXT,
            published TEXT,
            published_precision TEXT,
            published_from TEXT,
            updated TEXT,
            updated_precision TEXT,
            updated_from TEXT,
            outlet TEXT,
            url TEXT,
            language TEXT,
            authors TEXT NOT NULL DEFAULT '[]',   -- JSON array
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',   -- JSON [{text, reason}]
            source_map TEXT NOT NULL DEFAULT '[]',-- JSON [{cleanStart, length, rawStart, rawLength}]
            word_count INTEGER NOT NULL,
            cleaner_version INTEGER NOT NULL
        );
        CREATE INDEX article_published ON article(published);
        CREATE INDEX article_text_hash ON article(text_hash);
        CREATE INDEX article_outlet ON article(outlet);
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text, content='article', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
        END;
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, text)
                VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        END;
        CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, text)
                VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
            INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
        END;
        CREATE TABLE rejection (
            origin TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (origin, code)
        );
        CREATE INDEX rejection_last_seen ON rejection(last_seen);
        """),
        ("v2-dedup", """
        -- The duplicate finder's state. doc = article.rowid (stable: an explicit INTEGER PRIMARY KEY).
        CREATE TABLE dedup_doc (
            doc INTEGER PRIMARY KEY,
            grp INTEGER NOT NULL,                 -- source group: the smallest article rowid in it
            status TEXT NOT NULL                  -- indexed | copy | short
        );
        CREATE INDEX dedup_doc_grp ON dedup_doc(grp);
        -- The LSH index: 32-bit passage min-hashes (and one exact-text key) per indexed article.
        CREATE TABLE dedup_key (
            key INTEGER NOT NULL,
            doc INTEGER NOT NULL,
            PRIMARY KEY (key, doc)
        ) WITHOUT ROWID;
        -- Text relations: for contains, a contains b; otherwise a is the later article.
        CREATE TABLE dedup_relation (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            kind TEXT NOT NULL,                   -- exact | near | contains | rewrite
            score REAL NOT NULL,
            aligned TEXT NOT NULL DEFAULT '[]',   -- JSON [{article:{start,end}, other:{start,end}, similarity}]
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX dedup_relation_b ON dedup_relation(b);
        -- Attributions of facts to outlets found in the text.
        CREATE TABLE dedup_citation (
            doc INTEGER NOT NULL,
            outlet TEXT NOT NULL,
            start INTEGER NOT NULL,               -- the sentence, UTF-8 offsets in article.text
            "end" INTEGER NOT NULL,
            cue TEXT NOT NULL
        );
        CREATE INDEX dedup_citation_doc ON dedup_citation(doc);
        CREATE INDEX dedup_citation_outlet ON dedup_citation(outlet);
        """),
        ("v3-language", """
        -- The language layer's results. doc = article.rowid.
        CREATE TABLE annotated (
            doc INTEGER PRIMARY KEY,
            sentences INTEGER NOT NULL,
            words INTEGER NOT NULL
        );
        -- Entities, quantities and times, each with the sentence it came from (UTF-8 offsets in article.text).
        CREATE TABLE mention (
            doc INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,                   -- person | organization | place | country | nationality | quantity | time
            entity TEXT,                          -- entity id as read in the article (see entity_link for merges)
            value TEXT,
            text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            detail TEXT NOT NULL,                 -- JSON: place, quantity, time, evidence (older rows: the whole mention)
            PRIMARY KEY (doc, start)
        ) WITHOUT ROWID;
        CREATE INDEX mention_entity ON mention(entity);
        CREATE INDEX mention_kind ON mention(kind, doc);
        -- Cross-document merges: id is the same entity as canonical.
        CREATE TABLE entity_link (
            id TEXT PRIMARY KEY,
            canonical TEXT NOT NULL,
            evidence TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX entity_link_canonical ON entity_link(canonical);
        """),
        ("v4-events", """
        -- Event mentions: one per trigger, with the whole mention (slots, attribution, status) as JSON.
        CREATE TABLE event_mention (
            doc INTEGER NOT NULL,
            start INTEGER NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            actor TEXT,
            day_start TEXT,
            day_end TEXT,
            detail TEXT NOT NULL,
            PRIMARY KEY (doc, start, type)
        ) WITHOUT ROWID;
        CREATE INDEX event_mention_type ON event_mention(type, actor);
        """),
        ("v5-lean-mention-indexes", """
        -- A mention row is written ~120 times per article: only the entity index is read (entity survey, entity
        -- listing), and only for mentions with an entity (not times or quantities).
        DROP INDEX mention_kind;
        DROP INDEX mention_entity;
        CREATE INDEX mention_entity ON mention(entity) WHERE entity IS NOT NULL;
        """),
        ("v6-explicit-fts-insert", """
        -- A row inserted by a trigger runs inside a statement savepoint, and FTS5 flushes its pending terms to a new
        -- segment at every savepoint: one segment per article, merged again and again. The store now inserts the
        -- search row itself (SQLiteStore.indexForSearch), so the terms of a whole batch go out as one segment;
        -- ingest's store step takes half the time. Updates and deletes keep their triggers (rare).
        DROP TRIGGER article_fts_insert;
        """),
        ("v7-no-annotation-indexes", """
        -- Measured on 578k mentions: the partial entity index doubled the cost of a mention insert (random
        -- b-tree inserts) and made the entity survey slower (0.83 s vs 0.35 s for a scan and sort: the
        -- index made SQLite fetch every row by key). No query filters event mentions by type.
        DROP INDEX mention_entity;
        DROP INDEX event_mention_type;
        """),
        ("v8-entity-stat", """
        -- Mentions per (entity, kind, value), kept by every save: the entity survey that the linker reads after each
        -- language pass scanned every mention of the store (4.5 s at 100,000 articles, however few were new).
        CREATE TABLE entity_stat (
            entity TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,                  -- '' when the mention has no value
            n INTEGER NOT NULL,
            PRIMARY KEY (entity, kind, value)
        ) WITHOUT ROWID;
        INSERT INTO entity_stat (entity, kind, value, n)
            SELECT entity, kind, coalesce(value, ''), count(*) FROM mention WHERE entity IS NOT NULL
            GROUP BY entity, kind, coalesce(value, '');
        """),
        ("v9-fts-automerge", """
        -- FTS5 merges a level's segments once 4 of them exist (the default); at 8 it rewrites each term's list
        -- fewer times as batches arrive. Measured with 60,000 articles of 850 words in batches of 1,024: index
        -- writes 17.5 s → 14.3 s, queries for common terms equally fast (the setting is stored in the index).
        INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);
        """),
        ("v10-dedup-word-hash-2", """
        -- The duplicate finder hashes words eight bytes at a time now (WordHasher): index keys written with the
        -- byte-by-byte hash would never meet new ones. Its state is dropped, so every article is pending again and
        -- the next `ingest` or `duplicates` run compares them all with the new keys.
        DELETE FROM dedup_key; DELETE FROM dedup_relation; DELETE FROM dedup_citation; DELETE FROM dedup_doc;
        """),
        ("v11-article-profile", """
        -- What each article with events is about (names, places, days, figures, words, kinds of events): events merge
        -- across articles only inside one incident, and incidents are found by comparing these profiles. The language
        -- layer's results are dropped so that the next `ingest`, `reanalyze` or reading command reads every article
        -- again and profiles it (entity links and counts are rebuilt by the same pass).
        CREATE TABLE article_profile (
            doc INTEGER PRIMARY KEY,
            article TEXT NOT NULL,                -- article.id, here so reading profiles does not visit article rows
            detail TEXT NOT NULL                  -- ArticleProfile.storedText: one fact per line, tab-separated
        );
        DELETE FROM mention; DELETE FROM annotated; DELETE FROM entity_link; DELETE FROM event_mention; DELETE FROM entity_stat;
        """),
        ("v12-stored-situation", """
        -- The merged situation (events, contradictions, stories), computed by every ingest and reanalyze and read by
        -- the reading commands, which used to merge every event mention of the store on each call. A telling is kept as
        -- the key of its event mention (doc:start:type), joined back when the event is read.
        CREATE TABLE situation_event (
            ord INTEGER PRIMARY KEY,              -- position in the merge's output (rows are appended in order)
            id TEXT NOT NULL UNIQUE,
            incident TEXT NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            actor TEXT,                           -- lowercased name, for filters
            place TEXT,                           -- lowercased place name, for filters
            sources INTEGER NOT NULL,
            day_start TEXT,                       -- first and last ISO day of its time, NULL when not a full date
            day_end TEXT,
            sort_key TEXT NOT NULL,               -- time start, '9999' when undated: the listing's order with id
            detail TEXT NOT NULL,                 -- MergedEvent.storedJSON
            refs TEXT NOT NULL                    -- tellings' mention keys, in order, ';'-separated
        );
        CREATE INDEX situation_event_order ON situation_event(sort_key, id);
        CREATE TABLE situation_contradiction (
            ord INTEGER PRIMARY KEY,
            event TEXT NOT NULL,
            detail TEXT NOT NULL                  -- Contradiction.storedJSON
        );
        CREATE TABLE situation_story (
            ord INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            detail TEXT NOT NULL                  -- Story as JSON
        );
        CREATE TABLE situation_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """),
        ("v13-origin-offset", """
        -- A record of a container is named by its byte offset: a WARC record (for .warc.gz, the start of its gzip
        -- member), a feed item. Formats 'warc' and 'feed' join text, html and json.
        ALTER TABLE raw_article ADD COLUMN origin_offset INTEGER;
        -- The duplicate finder links articles at one address (a feed item and its page): AddressKey of article.url.
        ALTER TABLE dedup_doc ADD COLUMN address TEXT;
        CREATE INDEX dedup_doc_address ON dedup_doc(address) WHERE address IS NOT NULL;
        """),
        ("v14-template-counts", """
        -- The outlet-template pass, incremental: per group (an outlet, else an origin folder) its size and templates,
        -- how many members hold each short paragraph, its members; and the last article row counted.
        CREATE TABLE template_group (
            grp TEXT PRIMARY KEY NOT NULL,
            size INTEGER NOT NULL,
            templates TEXT NOT NULL DEFAULT '[]'  -- JSON array of paragraph hashes (signed 64-bit)
        ) WITHOUT ROWID;
        CREATE TABLE template_count (
            grp TEXT NOT NULL,
            hash INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (grp, hash)
        ) WITHOUT ROWID;
        CREATE INDEX template_count_frequent ON template_count(grp, count);
        CREATE TABLE template_member (
            grp TEXT NOT NULL,
            doc INTEGER NOT NULL,                 -- article.rowid
            PRIMARY KEY (grp, doc)
        ) WITHOUT ROWID;
        CREATE TABLE template_state (
            key TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """),
        ("v15-api-tokens", """
        -- Write tokens of `crosscheck serve`: only their SHA-256 is kept.
        CREATE TABLE api_token (
            name TEXT PRIMARY KEY NOT NULL,
            digest TEXT NOT NULL UNIQUE,          -- SHA-256 of the token, hex
            created TEXT NOT NULL,
            last_used TEXT
        ) WITHOUT ROWID;
        """),
        ("v16-event-coordinates", """
        -- Events filtered by a map box: their place's coordinates as columns (filled from the stored detail).
        ALTER TABLE situation_event ADD COLUMN latitude REAL;
        ALTER TABLE situation_event ADD COLUMN longitude REAL;
        UPDATE situation_event SET latitude = json_extract(detail, '$.place.latitude'), longitude = json_extract(detail, '$.place.longitude');
        """),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in all {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
