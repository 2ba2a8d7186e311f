import CrosscheckIngest
import Foundation

/// Generates benchmark corpora of any size from real paragraphs: the demo corpus and, when present,
/// the seeds in ../shared. Deterministic for a given size, so runs are comparable.
///
/// With `background` texts (the dev pages' main text), each paragraph comes from the crisis
/// paragraphs with probability `crisisShare` and from the background otherwise: drawn from a few
/// hundred paragraphs only, every article would share passages with every other, which no real
/// corpus does and which makes the duplicate finder verify thousands of candidates per article.
struct BenchCorpus {
    let paragraphs: [String]
    var background: [String] = []
    var crisisShare = 1.0

    /// Paragraphs of at least `minWords` words of `texts`.
    static func paragraphs(of texts: [String], minWords: Int = 12) -> [String] {
        let cleaner = TextCleaner()
        return texts.flatMap { text in
            cleaner.clean(text).text.components(separatedBy: "\n\n").filter { TextCleaner.wordCount($0) >= minWords }
        }
    }

    /// Collects paragraphs of at least `minWords` words from the text files under `folders`.
    init(folders: [String], minWords: Int = 12) {
        var found: [String] = []
        let cleaner = TextCleaner()
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
                for paragraph in cleaner.clean(text).text.components(separatedBy: "\n\n")
                where TextCleaner.wordCount(paragraph) >= minWords {
                    found.append(paragraph)
                }
            }
        }
        paragraphs = found.isEmpty ? ["The river rose overnight and officials said several villages were cut off from the main road."] : found
    }

    static let outlets = ["Pamir Ledger", "Central Asia Wire", "Khatlon Today", "Amu Observer", "Termez Herald",
                          "Steppe News Agency", "Dushanbe Evening Post", "Kabul Monitor Daily"]

    /// Writes `count` JSON-lines articles of about `bytes` bytes of text each to `path`, streaming; numbered from
    /// `first` (articles with other numbers are other articles).
    func write(count: Int, bytes: Int, to path: String, first: Int = 0) throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot write \(path)") }
        defer { try? handle.close() }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var buffer = Data()
        var total = 0
        for i in first..<first + count {
            var text = "Bulletin \(i) from the regional desk."
            while text.utf8.count < bytes {
                let crisis = background.isEmpty || Double(next() % 1000) < crisisShare * 1000
                text += "\n\n" + (crisis ? paragraphs[next() % paragraphs.count] : background[next() % background.count])
            }
            let day = 1 + i % 28
            let record: [String: String] = [
                "title": "Regional bulletin \(i)",
                "text": text,
                "outlet": Self.outlets[i % Self.outlets.count],
                "published": "2025-04-\(day < 10 ? "0" : "")\(day)T08:00:00Z",
                "url": "https://news.example/bulletin/\(i)",
            ]
            let line = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            buffer.append(line)
            buffer.append(0x0A)
            total += line.count + 1
            if buffer.count >= 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        return total
    }
}

/// Resident-memory readings from /proc.
enum MemoryProbe {
    /// Current resident set size (VmRSS) in bytes.
    static func currentResident() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
        }
        return 0
    }

    /// Peak resident set size (VmHWM) in bytes.
    static func peakResident() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    /// Resets the peak so the next stage's peak is its own (Linux: write 5 to clear_refs).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
