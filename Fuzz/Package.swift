// swift-tools-version: 6.1
// libFuzzer harnesses for the parsers that read outside data. Build and run with `scripts/fuzz`
// (swift build -c release -Xswiftc -sanitize=fuzzer,address); not part of the main package's build.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name, which depends on where the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let crosscheck = root.pathExtension == "git" ? root.deletingPathExtension().lastPathComponent : root.lastPathComponent

func harness(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name,
                      dependencies: ["FuzzDriver"] + products.map { .product(name: $0, package: crosscheck) })
}

let package = Package(
    name: "CrosscheckFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        harness("FuzzHTML", ["CrosscheckIngest"]),
        harness("FuzzInput", ["CrosscheckIngest", "CrosscheckCore"]),
        harness("FuzzTextCleaner", ["CrosscheckIngest"]),
        harness("FuzzDates", ["CrosscheckIngest"]),
        harness("FuzzLanguage", ["CrosscheckLanguage", "CrosscheckEvents"]),
    ],
    swiftLanguageModes: [.v6]
)
