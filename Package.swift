// swift-tools-version:6.0
import PackageDescription

// Modules and their one-way dependencies are described in docs/ARCHITECTURE.md.
let package = Package(
    name: "Wijkradar",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wijkradar", targets: ["wijkradar"]),
        // For the fuzzers in fuzz/ (a separate package, built on its own, never in CI).
        .library(name: "WijkradarDataImport", targets: ["DataImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.0.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "Core",
            resources: [.copy("Resources/indicators.json"), .copy("Resources/herindelingen.csv")]
        ),
        .target(name: "HTML"),
        // Excel workbooks (a ZIP of XML, deflated with the system zlib) for the downloads.
        .target(name: "Spreadsheet", dependencies: ["Core", "CZlib"]),
        .target(name: "Charts", dependencies: ["HTML"]),
        .target(
            name: "Pages",
            dependencies: [
                "Core", "Analysis", "HTML", "Charts", "Programme", "Knowledge", .product(name: "Ink", package: "Ink"),
            ]),
        // The wijkanalyse read model: the snapshot of the stored data and the builders of the page models.
        .target(name: "Wijkanalyse", dependencies: ["Core", "Analysis", "Storage", "Pages", "Charts", "Knowledge"]),
        // The programme's publications: the two reports assembled from the read model and the captured knowledge.
        .target(
            name: "Reports",
            dependencies: [
                "Core", "Analysis", "Storage", "Wijkanalyse", "Pages", "Charts", "HTML",
                "Programme", "Knowledge",
            ]),
        .target(name: "Analysis", dependencies: ["Core"]),
        .target(
            name: "Programme", dependencies: ["Core", "Mail"],
            resources: [.copy("Resources/programme-seed.json"), .copy("Resources/common-passwords.txt")]),
        .target(name: "Knowledge", dependencies: ["Core"], resources: [.copy("Resources/dutch.stop")]),
        // zlib from the system (Debian: zlib1g-dev) for DataImport's own inflater.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "DataImport",
            dependencies: [
                "Core", "CZlib", .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Bundled")]
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Core", "DataImport", "Analysis", "Programme", "Knowledge",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "Mail",
            dependencies: [
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "WebApp",
            dependencies: [
                "Core", "Storage", "DataImport", "Analysis", "HTML", "Pages", "Wijkanalyse", "Reports", "Programme",
                "Mail", "Spreadsheet",
                "Knowledge", .product(name: "Vapor", package: "vapor"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "wijkradar",
            dependencies: [
                "Core", "DataImport", "Analysis", "Storage", "Wijkanalyse", "Reports", "Pages", "HTML", "WebApp",
                "Programme", "Mail", "Spreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Core"]),
        .testTarget(name: "ProgrammeTests", dependencies: ["Programme", "Core"]),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Storage", "Core", "Programme", "Pages", "Wijkanalyse", "Reports", "Knowledge", "Mail",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(
            name: "PagesTests",
            dependencies: [
                "Pages", "Wijkanalyse", "Reports", "Storage", "DataImport", "HTML", "Charts", "Core",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "DataImportTests", dependencies: ["DataImport", "Analysis", "Spreadsheet", "Core"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "DataImport", "Programme", "Knowledge", "Analysis", "Core"]),
        // Runs the built `wijkradar` binary as a user would; the dependency makes sure it is built first.
        .testTarget(name: "CLITests", dependencies: ["wijkradar", "DataImport"]),
    ]
)
