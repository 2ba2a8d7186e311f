import Testing

extension Tag {
    /// The slow tests that read the evaluation corpora in `../shared/data` (MEANTIME, ECB+, NewsWCL50,
    /// trafilatura-eval, htmldate-eval). `swift test` (SwiftPM 6.3) cannot filter by tag, so their suites are
    /// also named `…QualityTests` or `…CorpusTests`, and `swift test --skip 'QualityTests|CorpusTests'` is the
    /// quick run (README, "Two commands"). `IncidentSweepTests` (tools run on demand, off unless
    /// `CROSSCHECK_SWEEP`/`CROSSCHECK_PAIRS` is set) is the one exception to the naming.
    @Tag public static var corpus: Self
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when every `../shared/<path>` is present; otherwise Swift Testing reports it as
    /// skipped with the missing path.
    public static func needs(_ paths: String...) -> Self {
        .enabled(if: paths.allSatisfy(SharedData.has),
                 Comment(rawValue: "needs " + paths.map { "../shared/\($0)" }.joined(separator: " and ")))
    }

    /// Runs the test only when the `crosscheck` executable was built beside the tests.
    public static var needsCLI: Self {
        .enabled(if: SharedData.cliAvailable, "needs the built crosscheck executable")
    }
}
