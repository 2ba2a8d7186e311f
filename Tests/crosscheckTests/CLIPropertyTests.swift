import CrosscheckTesting
import Foundation
import Testing

/// Random argument vectors and random standard input for every subcommand, against a small store: the process always
/// exits 0, 1 or 2 with its reason, never by a signal (a trap, SIGILL), and the store stays usable.
@Suite(.serialized, .needsCLI) struct CLIPropertyTests {
    /// A fixed-seed generator (SplitMix64): the same vectors on every run, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let commands: [String: [String]] = [
        "events": ["--type", "--actor", "--place", "--status", "--min-sources", "--since", "--until", "--limit", "--geojson", "--precision", "--format"],
        "brief": ["--limit", "--story", "--format"],
        "timeline": ["--min-sources", "--limit", "--format"],
        "contradictions": ["--format"], "stories": ["--format"],
        "entities": ["--kind", "--name", "--limit", "--format"],
        "search": ["--raw", "--exact", "--limit", "--format"],
        "articles": ["--limit", "--offset", "--outlet", "--format"],
        "show": ["--format"], "rejections": ["--limit", "--format"],
        "duplicates": ["--article", "--kind", "--min-size", "--limit", "--groups", "--format"],
        "ingest": ["--max-article-bytes", "--format"], "extract": ["--pretty"], "annotate": ["--published", "--plain", "--pretty"],
        "reanalyze": [],
    ]
    static let values = ["0", "1", "-1", "-5", "999999999999999", "abc", "", " ", "2021-07-05", "2021-13-45", "XXXX-07-10", "July",
                         "-", "--", "table", "json", "jsonl", "csv", "md", "html", "attack", "denied", "walked back", "Rahmon",
                         "\"quoted", "AND (", "*", "é", "日本語", "locality", "region", "street", "person", "country", "nonexistent.txt",
                         "../", "%", "_", "1e9", "0x10", "NaN", String(repeating: "x", count: 5000)]
    static let stdins = ["", "Tajik border guards said 500 Afghan soldiers crossed on Tuesday.\n", "{\"text\": \"A flood hit Kulob.\"}\n",
                         "{\"text\": 5}\n{broken\n", "<html><body><p>Floods in Panj.</p></body></html>", "\u{FEFF}\u{0}\u{7}ø\n",
                         String(repeating: "word ", count: 3000)]

    @Test func everyCommandExitsWithAReasonNeverASignal() throws {
        let dir = try TemporaryDirectory("cli-property")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", SharedData.demoCorpus.path], in: dir.url).status == 0)
        // CROSSCHECK_PROPERTY_RUNS and CROSSCHECK_PROPERTY_SEED explore further than the default run.
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["CROSSCHECK_PROPERTY_RUNS"].flatMap { Int($0) } ?? 160
        var random = Generator(state: environment["CROSSCHECK_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 20_261_207)
        let names = Self.commands.keys.sorted()
        var outcomes: [Int32: Int] = [:]
        for run in 0..<runs {
            let command = random.pick(names)
            var arguments = [command]
            let options = Self.commands[command]!
            for _ in 0..<Int(random.next() % 4) {
                // Mostly the command's own options, sometimes one it does not have.
                let option = options.isEmpty || random.chance(15) ? random.pick(["--bogus", "--limit", "-x", "--db"]) : random.pick(options)
                arguments.append(option)
                if !["--geojson", "--raw", "--exact", "--groups", "--plain", "--pretty"].contains(option) || random.chance(20) {
                    arguments.append(random.pick(Self.values))
                }
            }
            if ["search", "show", "ingest", "extract", "annotate"].contains(command) || random.chance(20) {
                arguments.append(random.pick(Self.values + ["-", "-", SharedData.demoCorpus.path]))
            }
            if random.chance(10) { arguments += ["--db", random.pick(["missing.sqlite", dir.path("crosscheck.sqlite"), "/", "postgres://x"])] }
            let stdin: String? = arguments.contains("-") || random.chance(10) ? random.pick(Self.stdins) : nil
            let result = try CLI.run(arguments, in: dir.url, stdin: stdin)
            #expect(!result.signaled, "run \(run): \(arguments) ended by a signal: \(result.stderr.suffix(300))")
            #expect([0, 1, 2].contains(result.status), "run \(run): \(arguments) exited \(result.status)")
            if result.status != 0 {
                #expect(!result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "run \(run): \(arguments) failed silently")
            }
            outcomes[result.status, default: 0] += 1
        }
        print("CLI property: \(runs) runs, exit codes \(outcomes.sorted { $0.key < $1.key })")
        // The vectors reach the commands' work, their validation and their failures, not only one of them.
        #expect(outcomes[0, default: 0] > 20 && outcomes[2, default: 0] > 20, "\(outcomes)")
        // The store is still writable and readable.
        let extra = try dir.write("extra.txt", "Rescuers reached Vose on April 30, 2025, officials said.")
        #expect(try CLI.run(["ingest", extra], in: dir.url).status == 0)
        let events = try CLI.run(["events"], in: dir.url)
        #expect(events.status == 0 && events.stderr.isEmpty)
    }
}
