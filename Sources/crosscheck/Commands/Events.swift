import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation

extension Crosscheck {
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events merged across articles, with their independent sources.",
            discussion: """
            One row per event: date, type, actor, place, quantity, status (reported, claimed, planned, denied, \
            contested), independent sources (source groups, not articles) and mentions. JSON has every mention \
            with its sentence, attribution and status; CSV has ACLED-like columns (event_date, time_precision, \
            event_type, actor1, actor2, location, latitude, longitude, geo_precision, quantity, sources, \
            source_count, notes, plus PLOVER and CAMEO codes); --geojson prints one point feature per located event.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Option(help: ArgumentHelp("Only this type.", discussion: "One of: " + EventOntology.bundled.types.map(\.name).joined(separator: ", ") + "."))
        var type: String?
        @Option(help: "Only events whose actor's name contains this text.") var actor: String?
        @Option(help: "Only events whose place contains this text.") var place: String?
        @Option(help: ArgumentHelp("Only this status.", discussion: "One of: " + Self.statuses.joined(separator: ", ") + "."))
        var status: String?
        @Option(help: "Only events reported by at least this many independent sources.") var minSources = 0
        @Option(help: "Only events on or after this day (YYYY-MM-DD).") var since: String?
        @Option(help: "Only events on or before this day (YYYY-MM-DD).") var until: String?
        @Option(help: ArgumentHelp("Only events placed inside this box.", discussion: "west,south,east,north in degrees (west > east crosses the antimeridian).",
                                   valueName: "w,s,e,n")) var bbox: String?
        @Option(help: "Only events of this story (its id or a prefix; see `crosscheck stories`).") var story: String?
        @Option(help: "At most this many rows.") var limit = 200
        @Flag(help: "Print a GeoJSON FeatureCollection of the located events (for QGIS) instead of a listing.") var geojson = false
        @Option(help: ArgumentHelp("With --geojson: the coarsest place precision drawn as a point.",
                                   discussion: "locality (default: towns only), region, or country (every located event; each feature carries geo_precision)."))
        var precision = "locality"

        static let statuses = EventStatus.allCases.map(\.rawValue)

        func validate() throws {
            try requireNonNegative(["limit": limit, "min-sources": minSources])
            if !EventExports.precisions.contains(where: { $0.key == precision }) {
                throw ValidationError("--precision \(precision) is not one of " + EventExports.precisions.map(\.key).joined(separator: ", "))
            }
            if let type, EventOntology.bundled.type(named: type) == nil {
                throw ValidationError("--type \(type) is not an event type; one of: " + EventOntology.bundled.types.map(\.name).joined(separator: ", "))
            }
            if let status, !Self.statuses.contains(status) {
                throw ValidationError("--status \(status) is not a status; one of: " + Self.statuses.joined(separator: ", "))
            }
            if let bbox, GeoBox(parsing: bbox) == nil {
                throw ValidationError("--bbox \(bbox) is not \(GeoBox.form)")
            }
            for (name, value) in [("since", since), ("until", until)] {
                if let value, CivilDay(iso: value) == nil { throw ValidationError("--\(name) \(value) is not a day (YYYY-MM-DD)") }
            }
        }

        /// The filters as a query (a time without a year, "XXXX-07-10", could lie in any year: it matches no date filter).
        var query: EventQuery {
            EventQuery(type: type, status: status.flatMap(EventStatus.init(rawValue:)), actor: actor, place: place, minSources: minSources,
                       since: since.flatMap { CivilDay(iso: $0)?.iso }, until: until.flatMap { CivilDay(iso: $0)?.iso },
                       box: bbox.flatMap(GeoBox.init(parsing:)), limit: limit)
        }

        func run() async throws {
            let reader = try store.reader()
            var query = self.query
            if let story {
                guard let id = try reader.storyID(named: story) else { throw CLIError("no story \(story) (crosscheck stories lists them)") }
                query.story = id
            }
            let rows = try reader.events(query).events
            if geojson {
                let coarsest = EventExports.precisions.first { $0.key == precision }?.value ?? .locality
                Terminal.out(try EventExports.geoJSON(rows, precision: coarsest))
                return
            }
            // CSV is the ACLED-like export; the table is the short view.
            Terminal.out(try (output.format == .csv ? EventExports.acled : Self.listing).render(rows, as: output.format))
        }

        static let listing = Listing<MergedEvent>(columns: [
            Column("date", maxWidth: 23) { $0.time.map { $0.value + ($0.direction == .deadline ? " (by)" : "") } ?? "" },
            Column("type", maxWidth: 9) { $0.type },
            Column("actor", maxWidth: 24) { $0.actor?.name ?? "" },
            Column("place", maxWidth: 18) { $0.placeName ?? "" },
            Column("quantity", maxWidth: 18) { $0.quantityText ?? "" },
            Column("status", maxWidth: 10) { $0.status.rawValue },
            Column("sources", maxWidth: 7) { String($0.sources) },
            Column("mentions", maxWidth: 8) { String($0.references.count) },
            Column("evidence", maxWidth: 70) { $0.evidence?.mention.sentence.replacingOccurrences(of: "\n", with: " ") ?? "" },
        ])
    }

    struct Contradictions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List contradictions: the same event with incompatible dates or figures, or reported and denied.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            Terminal.out(try Self.listing.render(try store.reader().contradictions().contradictions, as: output.format))
        }

        static let listing = Listing<Contradiction>(columns: [
            Column("kind", maxWidth: 8) { $0.kind.rawValue },
            Column("summary", maxWidth: 60) { $0.summary },
            Column("sides", maxWidth: 90) { c in
                c.sides.map { side in
                    side.value + " (" + side.references.map { $0.source + ($0.mention.attribution.name.map { ": " + $0 } ?? "") }
                        .joined(separator: "; ") + ")"
                }.joined(separator: " vs ")
            },
        ])
    }

    struct BriefCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "brief",
            abstract: "The situation report: key developments with sources, contested points, actors, places, sources.")

        @OptionGroup var store: StoreOptions
        @Option(help: "At most this many developments (dated and undated).") var limit = 20
        @Option(help: "Only this story (id or prefix, see `crosscheck stories`).") var story: String?
        @Option(help: "md (Markdown), html, or json (the brief's data: developments, citations, contested points, sources).")
        var format = "md"

        func validate() throws {
            if !["md", "html", "json"].contains(format) { throw ValidationError("--format must be md, html or json, not '\(format)'") }
            try requireNonNegative(["limit": limit])
        }

        func run() async throws {
            guard let brief = try store.reader().brief(limit: limit, story: story) else {
                throw CLIError("no story '\(story ?? "")'; see crosscheck stories")
            }
            switch format {
            case "html": Terminal.out(brief.html())
            case "json": Terminal.out(try JSONOutput.object(brief, pretty: true))
            default: Terminal.out(brief.markdown())
            }
        }
    }
}

extension Crosscheck {
    struct Timeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The key developments in date order, one line per happening, with their sources (undated ones last).",
            discussion: """
            Developments are chosen as the brief chooses them: one per happening (an attack and its casualties on \
            one day in one town are one line), ranked by independent corroboration, the coverage of their \
            incident, a written day, a place and a figure; the best --limit of them are listed by date. JSON \
            gives each its rank, score, incident coverage and the events folded into it.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only events reported by at least this many independent sources.") var minSources = 1
        @Option(help: "At most this many developments (the best ranked).") var limit = 40

        func validate() throws { try requireNonNegative(["limit": limit, "min-sources": minSources]) }

        func run() async throws {
            let (entries, year) = try store.reader().developments(minSources: minSources, limit: limit)
            Terminal.out(try Self.listing(year: year).render(entries, as: output.format))
        }

        /// Columns; a day written without a year is shown in `year` (marked "year inferred").
        static func listing(year: String?) -> Listing<DevelopmentRanking.Entry> { Listing(columns: [
            Column("date", maxWidth: 30) { d in
                let e = d.event
                guard let t = e.time, t.value != "unresolved", !t.value.isEmpty else { return "undated" }
                var value = t.value, inferred = false
                if let year, let read = DevelopmentRanking.value(value, inYear: year) { value = read; inferred = true }
                return value + (e.timeFromPublication ? " (pub)" : t.direction == .deadline ? " (by)" : "") + (inferred ? " (year inferred)" : "")
            },
            Column("event", maxWidth: 60) { d in
                let e = d.event
                return (e.actor.map { $0.name + " " } ?? "") + e.label + (e.placeName.map { " — " + $0 } ?? "") + (e.quantityText.map { ": " + $0 } ?? "")
            },
            Column("status", maxWidth: 10) { $0.event.status.rawValue },
            Column("sources", maxWidth: 7) { String($0.event.sources) },
            Column("rank", maxWidth: 4) { String($0.rank) },
            Column("outlets", maxWidth: 50) { $0.event.sourceNames.joined(separator: ", ") },
        ]) }
    }
}

extension Crosscheck {
    struct Stories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Developing situations: articles joined by the events they tell, with their span in time.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            Terminal.out(try Self.listing.render(try store.reader().stories().stories, as: output.format))
        }

        static let listing = Listing<Story>(columns: [
            Column("id", maxWidth: 18) { $0.id },
            Column("title", maxWidth: 60) { $0.title },
            Column("articles", maxWidth: 8) { String($0.articles.count) },
            Column("sources", maxWidth: 7) { String($0.sources) },
            Column("events", maxWidth: 6) { String($0.events.count) },
            Column("from", maxWidth: 10) { $0.start ?? "" },
            Column("to", maxWidth: 10) { $0.end ?? "" },
        ])
    }
}

extension StoreOptions {
    /// Opens the store read-only for reading the situation ingest and reanalyze stored (reading commands never write).
    /// Articles the language layer has not read yet, or a stored situation older than the analysis, are reported: the
    /// situation is then merged in memory from what was analysed, and `crosscheck reanalyze` brings the store up to date.
    func reader() throws -> SituationReader {
        let store = try openExisting()
        let reader = SituationReader(store: store)
        if try !warnIfUnanalyzed(store), try !reader.isCurrent() {
            Terminal.err("note: the stored situation of \(path) is older than its articles' analysis (an ingest was interrupted); "
                         + "merged now in memory; run `crosscheck reanalyze --db \(path)` to store it\n")
        }
        return reader
    }

    /// Reports articles the language layer has not read yet; true when there are some.
    @discardableResult
    func warnIfUnanalyzed(_ store: SQLiteStore) throws -> Bool {
        guard try !store.pendingAnnotations(limit: 1).isEmpty else { return false }
        Terminal.err("note: some articles of \(path) have not been analyzed yet (an ingest was interrupted, or the store "
                     + "is older than this version); run `crosscheck reanalyze --db \(path)` to read them\n")
        return true
    }
}
