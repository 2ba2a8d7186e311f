import CrosscheckCore
import CrosscheckDedup
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation

extension Crosscheck.Bench {
    /// Raw files to stored events and the brief: generated JSON-lines corpora of real paragraphs
    /// (a fifth from the demo corpus and seeds, the rest from the dev pages) go through ingest (clean, store), templates, dedup, the language layer
    /// with event extraction, the cross-document merge and the brief; then the merge step alone on
    /// 10k and 100k event mentions.
    func benchEvents() throws {
        let sizeList = eventSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let folders = [Crosscheck.Demo.defaultSamples(), Self.sharedFolder("seeds")].compactMap { $0 }
        var corpus = BenchCorpus(folders: folders)
        // A fifth of each article from the crisis paragraphs (events, names, dates), the rest from the dev
        // pages' main text, so articles overlap as news does, not all with all.
        // English pages only: events are read in English, and an article mixing languages would be read as
        // its majority language.
        corpus.background = BenchCorpus.paragraphs(of: Self.devPageTexts(maxPages: maxPages).filter { LanguageIdentifier.identify($0) == "en" })
        corpus.crisisShare = corpus.background.isEmpty ? 1 : 0.2
        Terminal.out("corpus: \(corpus.paragraphs.count) crisis paragraphs (demo corpus, seeds), \(corpus.background.count) background paragraphs (English dev pages), crisis share \(corpus.crisisShare)\n")
        let cores = IngestConfiguration.coreCount
        Terminal.out("events end to end (raw JSON lines → SQLite → dedup → language + events → merge → brief), \(cores) cores\n")
        Terminal.out("articles    words   total s  ingest s  dedup s  language s  merge s  brief s  words/s  per core  events  peak RSS MB\n")
        var lastReferences: [EventReference] = []
        for size in sizeList {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-events-\(getpid())-\(size)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let input = dir.appendingPathComponent("corpus.jsonl").path
            _ = try corpus.write(count: size, bytes: articleBytes, to: input)
            let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
            MemoryProbe.resetPeak()
            let t0 = ContinuousClock.now
            _ = try Ingestor().ingest([input], into: store)
            let tIngested = ContinuousClock.now
            _ = try TemplatePass.run(on: store)
            let t1 = ContinuousClock.now
            let dedup = try Deduplicator().run(on: store)
            let t2 = ContinuousClock.now
            let language = try LanguagePass.withEvents().run(on: store)
            let t3 = ContinuousClock.now
            // Situation.read, step by step: incidents from the stored profiles, then the mentions, merge, contradictions, stories.
            let graph = EventGraph(links: try store.entityLinks())
            // (The read and the clustering are timed apart here; Situation.read does both in `Situation.incidents(of:)`.)
            var profiles: [ProfiledArticle]? = try store.articleProfiles()
            let profiled = profiles?.count ?? 0
            let tProfiles = ContinuousClock.now
            let map = graph.incidents(of: profiles!)
            profiles = nil
            let tIncidents = ContinuousClock.now
            let references = try store.eventReferences()
            let tRead = ContinuousClock.now
            let merged = graph.merge(references, map: map)
            let tMerged = ContinuousClock.now
            let contradictions = graph.contradictions(merged)
            let tContradictions = ContinuousClock.now
            let situation = Situation(events: merged, contradictions: contradictions, stories: graph.stories(merged))
            let tMergedAll = ContinuousClock.now
            // What every ingest now ends with: the situation stored for the reading commands.
            let views = try SituationViews.make(situation, store: store).stored
            let tViews = ContinuousClock.now
            try store.saveSituation(situation, views: views, stamp: try store.currentSituationStamp())
            let t4 = ContinuousClock.now
            let reading = try readingLatency(store)
            let readSeconds = (tProfiles - t3).inSeconds + (tRead - tIncidents).inSeconds
            // The brief is rendered three times; the median counts (a sub-second figure is noisy on a shared machine).
            var briefTimes: [Double] = []
            for _ in 0..<3 {
                let start = ContinuousClock.now
                _ = Brief(events: situation.events, contradictions: situation.contradictions).markdown()
                briefTimes.append((ContinuousClock.now - start).inSeconds)
            }
            let briefSeconds = briefTimes.sorted()[1]
            let t5 = t4 + .nanoseconds(Int64(briefSeconds * 1e9))
            let total = (t5 - t0).inSeconds
            let rate = Double(language.words) / total
            lastReferences = references
            Terminal.out(String(format: "          (ingest %.2f s + outlet templates %.2f s; dedup: sketches %.2f s, index reads and stored prints %.2f s, verify %.2f s (%.1f comparisons/article), commit %.2f s; %@)\n",
                                (tIngested - t0).inSeconds, (t1 - tIngested).inSeconds, dedup.sketchSeconds, dedup.lookupSeconds,
                                dedup.verifySeconds, Double(dedup.comparisons) / Double(max(1, dedup.processed)), dedup.commitSeconds,
                                dedup.relations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
            Terminal.out(String(format: "          (language: %d mentions, saving %.2f s on the writer thread, entity survey and links %.2f s)\n",
                                language.mentions, language.saveSeconds, language.linkSeconds))
            Terminal.out(String(format: "          (%d event mentions and %d article profiles; reading them back from the store: %.2f s (profiles %.2f s), incidents %.2f s, merging events %.2f s + contradictions %.2f s + stories %.2f s)\n",
                                references.count, profiled, readSeconds, (tProfiles - t3).inSeconds, (tIncidents - tProfiles).inSeconds,
                                (tMerged - tRead).inSeconds, (tContradictions - tMerged).inSeconds, (tMergedAll - tContradictions).inSeconds))
            Terminal.out(String(format: "          (situation stored in %.2f s: default brief and ranking %.2f s, rows %.2f s; read back as the commands do: events --limit 200 %.3f s, brief %.3f s, timeline %.3f s, contradictions %.3f s, stories %.3f s)\n",
                                (t4 - tMergedAll).inSeconds, (tViews - tMergedAll).inSeconds, (t4 - tViews).inSeconds, reading.events, reading.brief, reading.timeline, reading.contradictions, reading.stories))
            Terminal.out(String(format: "%8d %8d %9.2f %9.2f %8.2f %11.2f %8.2f %8.3f %8.0f %9.0f %7d %12.1f\n", size, language.words, total,
                                (t1 - t0).inSeconds, (t2 - t1).inSeconds, (t3 - t2).inSeconds, (t4 - t3).inSeconds, (t5 - t4).inSeconds,
                                rate, rate / Double(cores), situation.events.count, Double(MemoryProbe.peakResident()) / 1_048_576))
        }
        try benchMergeAlone(lastReferences)
    }

    /// Seconds to read from the stored situation what the reading commands show (median of three runs each), as a
    /// reading command does it: the stamp compared, then the rows read.
    func readingLatency(_ store: SQLiteStore) throws -> (events: Double, brief: Double, timeline: Double, contradictions: Double, stories: Double) {
        let reader = SituationReader(store: store)
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<3 {
                let start = ContinuousClock.now
                try body()
                times.append((ContinuousClock.now - start).inSeconds)
            }
            return times.sorted()[1]
        }
        let events = try median { _ = try reader.events(EventQuery(limit: 200)) }
        let contradictions = try median { _ = try reader.contradictions() }
        let stories = try median { _ = try reader.stories() }
        let brief = try median { _ = try reader.brief()?.markdown() }
        let timeline = try median { _ = try reader.developments(limit: 40) }
        return (events, brief, timeline, contradictions, stories)
    }

    /// The merge step alone: event mentions copied across articles, groups and days.
    func benchMergeAlone(_ lastReferences: [EventReference]) throws {
        guard !lastReferences.isEmpty else { return }
        Terminal.out("merge (EventGraph, all cores): mentions  seconds  mentions/s  events\n")
        for count in [10_000, 100_000] {
            var refs: [EventReference] = []
            refs.reserveCapacity(count)
            var k = 0
            while refs.count < count {
                var r = lastReferences[k % lastReferences.count]
                r.doc = Int64(refs.count)
                r.group = Int64(refs.count % 997)
                r.article = String(refs.count)
                refs.append(r)
                k += 1
            }
            let start = ContinuousClock.now
            let graph = EventGraph()
            let events = graph.merge(refs)
            _ = graph.contradictions(events)
            let seconds = (ContinuousClock.now - start).inSeconds
            Terminal.out(String(format: "                            %8d %8.2f %11.0f %7d\n", count, seconds, Double(count) / seconds, events.count))
        }
    }
}
