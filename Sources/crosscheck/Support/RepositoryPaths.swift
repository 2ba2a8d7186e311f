import Foundation

/// Paths inside this checkout, found from the source file's location at build time, so `swift run`
/// works from any working folder of a clone.
enum RepositoryPaths {
    /// The repository root.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// The first of `relative` under the repository root, then under the working folder, that exists.
    static func existing(_ relative: String) -> String? {
        let candidates = [root.appendingPathComponent(relative).standardized.path, relative]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
