// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ServiceRecovery",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recovery", targets: ["recovery"]),
        // The data-file libraries, for the fuzz targets in `Fuzz/` (see docs/fuzzing.md).
        .library(name: "RecoveryLibraries", targets: ["RecoveryCore", "RecoveryScoring", "RecoveryScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // GNU readline, from libreadline-dev.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // The prompt: readline on a terminal, plain lines otherwise.
        .target(name: "LineEditor", dependencies: ["CReadline"]),
        // The shared vocabulary: behaviour ids, a reply's analysis, positioned diagnostics, YAML access.
        .target(name: "RecoveryCore", dependencies: ["Yams"]),
        // How replies are read and graded: analyzer, rubrics, grader. Knows nothing of scenarios.
        .target(name: "RecoveryScoring", dependencies: ["RecoveryCore"]),
        // Scenario model, loader, condition language and engine. Receives analyses, never the analyzer.
        .target(name: "RecoveryScenario", dependencies: ["RecoveryCore"]),
        // Wires scoring and scenarios into a call; transcripts and debriefs.
        .target(name: "RecoveryTraining", dependencies: ["RecoveryCore", "RecoveryScoring", "RecoveryScenario"]),
        // The shared team store on PostgreSQL (`--store postgres://…`): schema, saving, loading, import.
        .target(
            name: "RecoveryStore",
            dependencies: [
                "RecoveryTraining",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The command-line shell: parses, calls, prints.
        .executableTarget(
            name: "recovery",
            dependencies: [
                "RecoveryTraining", "RecoveryStore", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Rainbow",
            ]
        ),
        // The analyzer benchmark: `scripts/bench` (see BENCHMARKS.md). Not a product.
        .executableTarget(
            name: "recovery-bench",
            dependencies: ["RecoveryScoring", "RecoveryCore", .product(name: "Yams", package: "Yams")],
            path: "Sources/RecoveryBench"
        ),
        // Synthetic transcripts for timing `recovery review`: `scripts/bench-review` (see BENCHMARKS.md). Not a product.
        .executableTarget(
            name: "recovery-bench-review",
            dependencies: ["RecoveryTraining", "RecoveryScenario", "RecoveryScoring", "RecoveryCore"],
            path: "Sources/RecoveryBenchReview"
        ),
        .testTarget(name: "RecoveryCoreTests", dependencies: ["RecoveryCore"]),
        .testTarget(name: "RecoveryScoringTests", dependencies: ["RecoveryScoring"]),
        .testTarget(name: "RecoveryScenarioTests", dependencies: ["RecoveryScenario"], exclude: ["Invalid", "FuzzRegressions"]),
        .testTarget(name: "RecoveryTrainingTests", dependencies: ["RecoveryTraining", "RecoveryStore"], exclude: ["InvalidData"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "EndToEndTests", dependencies: ["recovery", "RecoveryScenario"]),
    ],
    swiftLanguageModes: [.v6]
)
