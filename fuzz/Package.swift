// swift-tools-version:6.0
import PackageDescription

// Coverage-guided fuzzing of Wijkradar's file readers with libFuzzer. Built and run by fuzz/run.sh in its own
// scratch path, with `-sanitize=fuzzer,address` for every module (so the readers are instrumented, not only this
// one) and lld (gold fails on the instrumented objects); never part of the test command. What it finds is kept in fuzz/corpus and replayed by the tests
// (Tests/DataImportTests/FuzzRegressionTests).
let package = Package(
    name: "WijkradarFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "WijkradarFuzz",
            dependencies: [.product(name: "WijkradarDataImport", package: "main")]
        )
    ]
)
