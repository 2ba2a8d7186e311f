import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import Foundation

/// Removes outlet templates (short paragraphs recurring across an outlet's articles) from stored articles,
/// incrementally: each run reads only the articles stored since the last one (`TemplateIndex` keeps each group's
/// size, paragraph counts, members and templates), so an ingest of ten articles into a store of a million reads ten.
/// A group's older members are read again only when it gains a template (its templates are then stripped from them
/// too), which is what running over the whole store would do.
public enum TemplatePass {
    /// Articles read per page while stripping, to keep memory flat.
    public static let pageSize = 500

    /// Groups articles by outlet, else by the folder or feed they came from; returns how many changed.
    @discardableResult
    public static func run(on store: any Store, detector: TemplateDetector = TemplateDetector()) throws -> Int {
        var run = TemplateRun()
        run.watermark = try store.templateWatermark()
        // One streaming read of the new articles: each one's short-paragraph hashes, by group.
        var fresh: [String: [(id: ContentID, hashes: Set<UInt64>)]] = [:]
        try store.forEachArticleText(after: run.watermark) { row, id, outlet, origin, text, templates in
            let key = groupKey(outlet: outlet, origin: origin)
            let hashes = detector.paragraphHashes(text: text, templates: templates)
            fresh[key, default: []].append((id, hashes))
            for h in hashes { run.counts[key, default: [:]][h, default: 0] += 1 }
            run.members[key, default: []].append(row)
            run.watermark = max(run.watermark, row)
        }
        guard !fresh.isEmpty else { return 0 }
        let stored = try store.templateGroups(Array(fresh.keys))
        var changed = 0
        for (key, members) in fresh.sorted(by: { $0.key < $1.key }) {
            let before = stored[key] ?? TemplateGroup(size: 0, templates: [])
            let size = before.size + members.count
            var templates = Set<UInt64>()
            if size >= detector.minArticles {
                // Only paragraphs that this run's members can lift to the threshold are read back.
                var counts = try store.templateCounts(group: key, atLeast: max(1, detector.needed(size) - members.count))
                for (h, n) in run.counts[key] ?? [:] { counts[h, default: 0] += n }
                templates = detector.templates(counts: counts, size: size)
            }
            run.groups[key] = TemplateGroup(size: size, templates: templates)
            guard !templates.isEmpty else { continue }
            var holders = members.filter { !$0.hashes.isDisjoint(with: templates) }.map(\.id)
            if before.size > 0, !templates.subtracting(before.templates).isEmpty {
                let new = Set(members.map(\.id))
                holders += try store.templateMembers(group: key).filter { !new.contains($0) }
            }
            changed += try strip(holders, templates: templates, group: key, in: store, detector: detector)
        }
        try store.saveTemplateRun(run)
        return changed
    }

    /// Strips `templates` from the articles `ids` (those that hold none are left as they are); how many changed.
    static func strip(_ ids: [ContentID], templates: Set<UInt64>, group: String, in store: any Store, detector: TemplateDetector) throws -> Int {
        var changed = 0
        for page in stride(from: 0, to: ids.count, by: pageSize) {
            let articles = try store.articles(ids: Array(ids[page..<min(page + pageSize, ids.count)]))
            let updates = articles.compactMap { detector.strip($0, templates: templates, group: group) }
            try store.updateArticles(updates)
            changed += updates.count
        }
        return changed
    }

    /// The group of an article: its outlet, else the folder or feed it came from.
    static func groupKey(outlet: String?, origin: String?) -> String {
        outlet.map { "outlet:" + $0.lowercased() } ?? "folder:" + folder(of: origin)
    }

    /// The folder part of an article's origin ("feeds/a.jsonl:3" → "feeds"); "" for standard input ("-") or a bare
    /// name. Plain string work: `NSString.deletingLastPathComponent` traps on "-" in corelibs Foundation, which
    /// crashed `ingest -` and every later ingest into that store.
    public static func folder(of origin: String?) -> String {
        guard let origin, let slash = origin.lastIndex(of: "/") else { return "" }
        return String(origin[..<slash])
    }
}
