import Foundation

/// Locates the shared development data (`../shared` beside the repository) and the repository itself.
public enum SharedData {
    /// The repository root (found from this file's path).
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared` (or `$CROSSCHECK_SHARED`, e.g. a missing folder to see the tests that need it skipped), when present.
    public static var root: URL? {
        let url = ProcessInfo.processInfo.environment["CROSSCHECK_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// True when `../shared/<relative>` is present: the condition of tests that read it (see `.needs(_:)`).
    public static func has(_ relative: String) -> Bool {
        guard let root else { return false }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    /// True when the built `crosscheck` executable is beside the tests: the condition of tests that run it.
    public static var cliAvailable: Bool { executable != nil }

    /// A folder under `../shared`, or `nil` (after printing a visible skip message) when it is absent.
    public static func folder(_ relative: String, for test: String = #function) -> URL? {
        guard let url = root?.appendingPathComponent(relative), FileManager.default.fileExists(atPath: url.path) else {
            print("◇ SKIPPED \(test): ../shared/\(relative) is not present")
            return nil
        }
        return url
    }

    /// The seed articles (`../shared/seeds`), sorted by name.
    public static func seedFiles(for test: String = #function) -> [URL]? {
        guard let folder = folder("seeds", for: test) else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".txt") }.map { folder.appendingPathComponent($0) }
    }

    /// The bundled demo corpus.
    public static var demoCorpus: URL { repository.appendingPathComponent("Samples/flood-2025") }

    /// The built `crosscheck` executable beside the test bundle, when the build produced it.
    public static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosscheck"),
            repository.appendingPathComponent(".build/debug/crosscheck"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A fresh temporary folder, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("crosscheck-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target.path
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    public func remove() {
        // Restore permissions a test may have taken away so the folder can be deleted.
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", url.path]).waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }
}
