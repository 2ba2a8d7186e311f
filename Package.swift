// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Crosscheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosscheck", targets: ["crosscheck"]),
        .library(name: "CrosscheckCore", targets: ["CrosscheckCore"]),
        .library(name: "CrosscheckIngest", targets: ["CrosscheckIngest"]),
        .library(name: "CrosscheckDedup", targets: ["CrosscheckDedup"]),
        .library(name: "CrosscheckLanguage", targets: ["CrosscheckLanguage"]),
        .library(name: "CrosscheckEvents", targets: ["CrosscheckEvents"]),
        .library(name: "CrosscheckStore", targets: ["CrosscheckStore"]),
        .library(name: "CrosscheckReport", targets: ["CrosscheckReport"]),
        .library(name: "CrosscheckService", targets: ["CrosscheckService"]),
        .library(name: "CrosscheckServer", targets: ["CrosscheckServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // System libraries (Debian: libxml2-dev, zlib1g-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // Cache prefetch hints (an intrinsic Swift lacks), inline.
        .target(name: "CPrefetch"),
        // SHA-256 with the x86-64 SHA instructions, for content ids (the Swift implementation elsewhere).
        .target(name: "CSHA256"),

        .target(name: "CrosscheckCore", dependencies: ["CSHA256"], swiftSettings: strict),
        .target(
            name: "CrosscheckIngest",
            dependencies: ["CrosscheckCore", "CLibXML2", "CZlib"],
            resources: [.copy("Resources/boilerplate-phrases.txt"), .copy("Resources/html-entities.txt")],
            swiftSettings: strict),
        .target(
            name: "CrosscheckDedup",
            dependencies: ["CrosscheckCore", "CPrefetch"],
            resources: [.copy("Resources/stopwords.txt"), .copy("Resources/outlets.tsv")],
            swiftSettings: strict),
        .target(
            name: "CrosscheckLanguage",
            dependencies: ["CrosscheckCore", "CrosscheckDedup"],
            resources: [
                .copy("Resources/lexicon.txt"), .copy("Resources/organizations.tsv"),
                .copy("Resources/given-names.txt"), .copy("Resources/common-words.txt"), .copy("Resources/gazetteer.tsv"), .copy("Resources/demonyms.tsv"),
            ],
            swiftSettings: strict),
        .target(
            name: "CrosscheckEvents",
            dependencies: ["CrosscheckCore", "CrosscheckLanguage", "CrosscheckDedup"],
            resources: [.copy("Resources/events.tsv"), .copy("Resources/counted-nouns.txt"), .copy("Resources/happenings.txt"),
                        .copy("Resources/figure-types.txt"), .copy("Resources/counted-types.txt"),
                        .copy("Resources/figurative-types.txt"), .copy("Resources/figurative-objects.txt"),
                        .copy("Resources/relief-goods.txt"), .copy("Resources/conveyances.txt"), .copy("Resources/travellers.txt"),
                        .copy("Resources/given-types.txt")],
            swiftSettings: strict),
        .target(
            name: "CrosscheckStore",
            dependencies: ["CrosscheckCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(name: "CrosscheckReport", dependencies: ["CrosscheckCore", "CrosscheckEvents"], swiftSettings: strict),
        // The pipeline's order and what reading serves: used by the CLI and, later, the server.
        .target(
            name: "CrosscheckService",
            dependencies: ["CrosscheckCore", "CrosscheckIngest", "CrosscheckDedup", "CrosscheckLanguage", "CrosscheckEvents",
                           "CrosscheckStore", "CrosscheckReport"],
            swiftSettings: strict),
        // `crosscheck serve`: the HTTP API and pages, over the service library (never the CLI).
        .target(
            name: "CrosscheckServer",
            dependencies: ["CrosscheckCore", "CrosscheckIngest", "CrosscheckStore", "CrosscheckReport", "CrosscheckEvents", "CrosscheckService",
                           "CrosscheckLanguage",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "HummingbirdCore", package: "hummingbird")],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/basemap.tsv"), .copy("Resources/app.css"), .copy("Resources/app.js"), .copy("Resources/icon.svg")],
            swiftSettings: strict),
        .executableTarget(
            name: "crosscheck",
            dependencies: [
                "CrosscheckCore", "CrosscheckIngest", "CrosscheckDedup", "CrosscheckLanguage", "CrosscheckEvents",
                "CrosscheckStore", "CrosscheckReport", "CrosscheckService", "CrosscheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // Shared test fixtures: paths to ../shared, bad-input makers, temporary stores.
        .target(name: "CrosscheckTesting", path: "Tests/CrosscheckTesting"),

        .testTarget(name: "CrosscheckCoreTests", dependencies: ["CrosscheckCore", "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckIngestTests",
                    dependencies: ["CrosscheckIngest", "CrosscheckCore", "CrosscheckTesting"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CrosscheckDedupTests",
                    dependencies: ["CrosscheckDedup", "CrosscheckIngest", "CrosscheckCore", "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckLanguageTests",
                    dependencies: ["CrosscheckLanguage", "CrosscheckCore", "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckEventsTests",
                    dependencies: ["CrosscheckEvents", "CrosscheckLanguage", "CrosscheckCore", "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckStoreTests",
                    dependencies: ["CrosscheckStore", "CrosscheckIngest", "CrosscheckDedup", "CrosscheckLanguage", "CrosscheckEvents", "CrosscheckCore",
                                   "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckReportTests", dependencies: ["CrosscheckReport", "CrosscheckCore"]),
        .testTarget(name: "CrosscheckServiceTests",
                    dependencies: ["CrosscheckService", "CrosscheckStore", "CrosscheckIngest", "CrosscheckDedup", "CrosscheckLanguage",
                                   "CrosscheckEvents", "CrosscheckCore", "CrosscheckTesting"]),
        .testTarget(name: "CrosscheckServerTests",
                    dependencies: ["CrosscheckServer", "CrosscheckService", "CrosscheckStore", "CrosscheckIngest", "CrosscheckCore",
                                   "CrosscheckTesting", .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "HTTPTypes", package: "swift-http-types")]),
        // Runs the built executable end to end; depending on it makes `swift test` build it first.
        .testTarget(name: "crosscheckTests", dependencies: ["crosscheck", "CrosscheckTesting", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
