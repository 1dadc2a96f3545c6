// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the data-file loaders, the condition language and the analyzer.
// Built only by `scripts/fuzz` (with `-sanitize=fuzzer,address -parse-as-library`), never by the
// main package's `swift build` or `swift test`. See docs/fuzzing.md.
let package = Package(
    name: "ServiceRecoveryFuzz",
    dependencies: [
        .package(name: "ServiceRecovery", path: ".."),
    ],
    targets: [
        // The checks every target shares: diagnostics must point inside the input.
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver", .product(name: "RecoveryLibraries", package: "ServiceRecovery")]),
        // Declares libFuzzer's driver, which each target's `main` calls.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-scenario", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-condition", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-analyzer", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-rubric", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
