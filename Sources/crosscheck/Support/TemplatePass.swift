import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import Foundation

/// Removes outlet templates (short paragraphs recurring across an outlet's articles) from stored
/// articles. Runs over the whole store, so the result does not depend on the order of ingestion.
enum TemplatePass {
    /// Articles read per page while counting, to keep memory flat.
    static let pageSize = 500

    /// Groups articles by outlet, else by the folder or feed they came from; returns how many changed.
    @discardableResult
    static func run(on store: any Store, detector: TemplateDetector = TemplateDetector()) throws -> Int {
        var groups: [String: [ContentID]] = [:]
        for (id, outlet, origin) in try store.articleSources() {
            let key = outlet.map { "outlet:" + $0.lowercased() } ?? "folder:" + (origin as NSString).deletingLastPathComponent
            groups[key, default: []].append(id)
        }
        var changed = 0
        for (key, ids) in groups.sorted(by: { $0.key < $1.key }) where ids.count >= detector.minArticles {
            var hashes: [Set<UInt64>] = []
            for page in stride(from: 0, to: ids.count, by: pageSize) {
                for article in try store.articles(ids: Array(ids[page..<min(page + pageSize, ids.count)])) {
                    hashes.append(detector.paragraphHashes(article))
                }
            }
            let templates = detector.templates(hashes)
            guard !templates.isEmpty else { continue }
            for page in stride(from: 0, to: ids.count, by: pageSize) {
                let articles = try store.articles(ids: Array(ids[page..<min(page + pageSize, ids.count)]))
                let updates = articles.compactMap { detector.strip($0, templates: templates, group: key) }
                try store.updateArticles(updates)
                changed += updates.count
            }
        }
        return changed
    }
}
