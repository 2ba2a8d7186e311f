import Foundation
import CrosscheckCore
import CrosscheckDedup

/// Merges entity ids across documents, with the evidence for each merge.
///
/// Ids already agree when names fold to the same skeleton (Rahmon and Rakhmon, Nayeem and Naim),
/// come from one gazetteer entry (US, U.S., United States) or one vocabulary entry (CSTO and
/// Collective Security Treaty Organization). The linker adds what one document alone cannot know:
/// - a person named only by a surname ("Rakhmon") is the one person in the collection with a full
///   name ending in that surname, when there is exactly one;
/// - a shorter full name whose words all appear in a longer one with the same surname ("Mohammad
///   Abbas Stanikzai" in "Sher Mohammad Abbas Stanikzai") is the same person, when unambiguous;
/// - an acronym nobody defined in its own text ("CSTO") is the one organization in the collection
///   whose initials it spells.
public struct EntityLinker: Sendable {
    public init() {}

    public func links(_ survey: [EntitySurveyRow]) -> [EntityLink] {
        var links: [EntityLink] = []
        let people = survey.filter { $0.kind == .person }
        // Full names (two words or more) by their last skeleton word.
        var bySurname: [Substring: [EntitySurveyRow]] = [:]
        for p in people {
            let words = Self.words(p.id)
            if words.count >= 2, let last = words.last { bySurname[last, default: []].append(p) }
        }
        for p in people {
            let words = Self.words(p.id)
            guard let last = words.last else { continue }
            let fulls = (bySurname[last] ?? []).filter { $0.id != p.id && Self.words($0.id).count > words.count }
            let containing = fulls.filter { Set(Self.words($0.id)).isSuperset(of: words) }
            guard containing.count == 1 || Set(containing.map { Self.words($0.id).dropLast().first }).count == 1 && !containing.isEmpty,
                  let target = containing.max(by: { $0.mentions < $1.mentions }) else { continue }
            let evidence = words.count == 1 ? "surname of \(target.name)" : "part of the name \(target.name)"
            links.append(EntityLink(id: p.id, canonical: target.id, evidence: evidence))
        }
        // Acronyms → the organization whose initials they spell.
        var byInitials: [String: [EntitySurveyRow]] = [:]
        for o in survey where o.kind == .organization {
            let initials = Self.initials(o.name)
            if initials.count >= 2 && o.name.contains(" ") { byInitials[initials, default: []].append(o) }
        }
        for o in survey where o.kind == .organization && !o.name.contains(" ") && o.name == o.name.uppercased() && o.name.count >= 2 {
            let key = o.name.lowercased().filter(\.isLetter)
            if let targets = byInitials[key], targets.count == 1, targets[0].id != o.id {
                links.append(EntityLink(id: o.id, canonical: targets[0].id, evidence: "acronym of \(targets[0].name)"))
            }
        }
        // Follow chains so every link points at a final id.
        var target: [String: EntityLink] = [:]
        for l in links { target[l.id] = l }
        return links.map { link in
            var canonical = link.canonical
            var seen: Set<String> = [link.id]
            while let next = target[canonical], seen.insert(canonical).inserted { canonical = next.canonical }
            return EntityLink(id: link.id, canonical: canonical, evidence: link.evidence)
        }
    }

    /// The skeleton words of a `person:` id.
    static func words(_ id: String) -> [Substring] {
        guard let colon = id.firstIndex(of: ":") else { return [] }
        return id[id.index(after: colon)...].split(separator: " ")
    }

    static func initials(_ name: String) -> String {
        let skip: Set<String> = ["of", "and", "the", "for", "&", "de", "la"]
        return String(name.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { !skip.contains($0.lowercased()) }
            .compactMap { $0.first?.lowercased().first })
    }
}

/// What one language pass did.
public struct LanguageSummary: Sendable {
    public var articles = 0
    public var words = 0
    public var mentions = 0
    public var links = 0
    public var events = 0
    public var seconds = 0.0
    /// Seconds the writer thread spent saving (overlapping the analysis of the next batch).
    public var saveSeconds = 0.0
    /// Seconds of the entity survey and linking after the last batch.
    public var linkSeconds = 0.0
}

/// Reads every article the store has not annotated yet (in parallel batches), stores the mentions,
/// then merges entity ids across the collection.
/// The first error of the writer thread, for the reader to throw.
final class SaveFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    private var saving = 0.0
    /// Seconds spent saving so far.
    var seconds: Double {
        get { lock.lock(); defer { lock.unlock() }; return saving }
        set { lock.lock(); defer { lock.unlock() }; saving = newValue }
    }
    var error: (any Error)? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); defer { lock.unlock() }; if stored == nil { stored = newValue } }
    }
}

public struct LanguagePass: Sendable {
    /// The analyzer; nil loads the bundled one (gazetteer and lexicon) when there is something to read.
    public var analyzer: LanguageAnalyzer?
    public var batchSize = 256
    /// Finds event mentions in an analysed text (the events layer plugs in here), or nil.
    public var events: (@Sendable (String, Analysis, CivilDay?) -> [EventMention])?
    /// Profiles an analysed text and its events for incident clustering (the events layer plugs in here), or nil.
    public var profile: (@Sendable (String, Analysis, [EventMention], CivilDay?) -> ArticleProfile)?

    public init(analyzer: LanguageAnalyzer? = nil,
                events: (@Sendable (String, Analysis, CivilDay?) -> [EventMention])? = nil,
                profile: (@Sendable (String, Analysis, [EventMention], CivilDay?) -> ArticleProfile)? = nil) {
        self.analyzer = analyzer
        self.events = events
        self.profile = profile
    }

    @discardableResult
    public func run(on store: any AnnotationIndex) throws -> LanguageSummary {
        var summary = LanguageSummary()
        let clock = ContinuousClock.now
        // Batch N is saved on a writer thread while batch N+1 is read on all cores; batches commit in order.
        let writer = DispatchQueue(label: "crosscheck.language.save")
        let saving = DispatchGroup()
        let failure = SaveFailure()
        var last: Int64? = nil
        while true {
            let pending = try store.pendingAnnotations(after: last, limit: batchSize)
            if pending.isEmpty { break }
            last = pending.last?.doc
            let analyzer = self.analyzer ?? LanguageAnalyzer()
            let results = parallelMap(pending) { article -> ArticleAnnotations in
                let day = article.published.flatMap { CivilDay(iso: $0) }
                let analysis = analyzer.analyze(article.text, published: day)
                let found = article.language.map { $0 == "en" } ?? true ? events?(article.text, analysis, day) ?? [] : []
                return ArticleAnnotations(doc: article.doc, sentences: analysis.sentences, mentions: analysis.mentions,
                                          words: analysis.words, events: found,
                                          profile: found.isEmpty ? nil : profile?(article.text, analysis, found, day))
            }
            saving.wait()
            if let error = failure.error { throw error }
            writer.async(group: saving) {
                let start = ContinuousClock.now
                do { try store.saveAnnotations(results) } catch { failure.error = error }
                failure.seconds += (ContinuousClock.now - start).inSeconds
            }
            summary.articles += results.count
            summary.words += results.reduce(0) { $0 + $1.words }
            summary.mentions += results.reduce(0) { $0 + $1.mentions.count }
            summary.events += results.reduce(0) { $0 + $1.events.count }
        }
        saving.wait()
        if let error = failure.error { throw error }
        summary.saveSeconds = failure.seconds
        let linking = ContinuousClock.now
        if summary.articles > 0 {
            let links = EntityLinker().links(try store.entitySurvey())
            try store.saveEntityLinks(links)
            summary.links = links.count
        }
        summary.linkSeconds = (ContinuousClock.now - linking).inSeconds
        summary.seconds = (ContinuousClock.now - clock).inSeconds
        return summary
    }
}
