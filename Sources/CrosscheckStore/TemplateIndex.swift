import CrosscheckCore

/// What the outlet-template pass keeps between runs, so each run reads only the articles stored since the last one:
/// per group (an outlet, else the folder or feed articles came from) its size, how many of its articles hold each
/// short paragraph, its members and its current templates; and the last article row counted.
public protocol TemplateIndex {
    /// Streams the articles stored after row `after`, in row order: row, id, outlet, origin (only when there is no
    /// outlet), text, and the paragraphs an earlier pass removed as template.
    func forEachArticleText(after: Int64, _ body: (_ row: Int64, _ id: ContentID, _ outlet: String?, _ origin: String?, _ text: String,
                                                    _ templates: [String]) throws -> Void) throws
    /// The last article row the template pass counted (0 before the first run).
    func templateWatermark() throws -> Int64
    /// The stored state of these groups (missing groups are new).
    func templateGroups(_ keys: [String]) throws -> [String: TemplateGroup]
    /// How many of the group's articles hold each short paragraph, for paragraphs held by at least `minimum`.
    func templateCounts(group: String, atLeast minimum: Int) throws -> [UInt64: Int]
    /// The ids of the group's members.
    func templateMembers(group: String) throws -> [ContentID]
    /// Adds one run's counts and members, sets the groups' sizes and templates and the watermark, in one transaction.
    func saveTemplateRun(_ run: TemplateRun) throws
    /// Forgets everything the template pass counted (after `reanalyze` cleans every article again).
    func resetTemplates() throws
}
