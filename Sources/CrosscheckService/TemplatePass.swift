import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import Foundation

/// Removes outlet templates (short paragraphs recurring across an outlet's articles) from stored
/// articles. Runs over the whole store, so the result does not depend on the order of ingestion.
public enum TemplatePass {
    /// Articles read per page while counting, to keep memory flat.
    public static let pageSize = 500

    /// Groups articles by outlet, else by the folder or feed they came from; returns how many changed.
    @discardableResult
    public static func run(on store: any Store, detector: TemplateDetector = TemplateDetector()) throws -> Int {
        // One streaming read: each article's short-paragraph hashes, by group. Only the articles that
        // hold a template are read in full afterwards.
        var groups: [String: [(id: ContentID, hashes: Set<UInt64>)]] = [:]
        try store.forEachArticleText { id, outlet, origin, text, templates in
            let key = outlet.map { "outlet:" + $0.lowercased() } ?? "folder:" + folder(of: origin)
            groups[key, default: []].append((id, detector.paragraphHashes(text: text, templates: templates)))
        }
        var changed = 0
        for (key, members) in groups.sorted(by: { $0.key < $1.key }) where members.count >= detector.minArticles {
            let templates = detector.templates(members.map(\.hashes))
            guard !templates.isEmpty else { continue }
            let holders = members.filter { !$0.hashes.isDisjoint(with: templates) }.map(\.id)
            for page in stride(from: 0, to: holders.count, by: pageSize) {
                let articles = try store.articles(ids: Array(holders[page..<min(page + pageSize, holders.count)]))
                let updates = articles.compactMap { detector.strip($0, templates: templates, group: key) }
                try store.updateArticles(updates)
                changed += updates.count
            }
        }
        return changed
    }

    /// The folder part of an article's origin ("feeds/a.jsonl:3" → "feeds"); "" for standard input ("-") or a bare
    /// name. Plain string work: `NSString.deletingLastPathComponent` traps on "-" in corelibs Foundation, which
    /// crashed `ingest -` and every later ingest into that store.
    public static func folder(of origin: String?) -> String {
        guard let origin, let slash = origin.lastIndex(of: "/") else { return "" }
        return String(origin[..<slash])
    }
}
