import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import Testing

@testable import RecoveryTraining

/// The one diagnostic registry: every code of every data file, its templates checked, and a
/// fixture in `InvalidData/` (rubrics, behaviors.yaml, model.bin) or in the scenario tests'
/// `Invalid/` folder that makes `recovery validate` report it at the declared place.
@Suite("diagnostic registry")
struct DiagnosticRegistryTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("InvalidData").path
    static let scenarioFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RecoveryScenarioTests/Invalid").path

    /// Every fixture file: `*.yaml` rubrics, and `*/behaviors.yaml` and `*/model.bin` in folders.
    static let fixtures: [String] = {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix("model.bin") }.sorted()
    }()

    /// The `# expect: code line:col` lines at the top of a fixture.
    static func expectations(_ path: String) -> [String] {
        // Read leniently: a fixture may be deliberately not UTF-8 after its first lines.
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.split(separator: "\n").prefix { $0.hasPrefix("# expect:") }.map { String($0.dropFirst("# expect: ".count)) }
    }

    /// What `recovery validate` (or, for a model, loading it) reports for `path`.
    static func found(_ path: String) -> [String] {
        let diagnostics: [Diagnostic]
        if path.hasSuffix("model.bin") {
            do { _ = try BehaviorModel.load(path: path); diagnostics = [] } catch { diagnostics = error.diagnostics }
        } else {
            diagnostics = DataFileValidation.check([path]).diagnostics
        }
        return diagnostics.map { "\($0.severity == .warning ? "warning " : "")\($0.code) \($0.position.line):\($0.position.column)" }
    }

    @Test(arguments: fixtures)
    func aFixtureGetsExactlyItsDeclaredDiagnostics(name: String) {
        let path = Self.directory + "/" + name
        let expected = Self.expectations(path)
        #expect(!expected.isEmpty, "\(name) must start with `# expect: code line:col`")
        #expect(Self.found(path).sorted() == expected.sorted(), "\(name)")
    }

    @Test func everyCodeOfEveryDataFileHasAFixture() {
        let scenarioNames = ((try? FileManager.default.contentsOfDirectory(atPath: Self.scenarioFixtures)) ?? []).filter { $0.hasSuffix(".yaml") }
        let paths = Self.fixtures.map { Self.directory + "/" + $0 } + scenarioNames.map { Self.scenarioFixtures + "/" + $0 }
        var covered = Set<String>()
        for path in paths {
            for line in Self.expectations(path) {
                // `[severity] code line:col`: the code is the word before the position.
                let words = line.split(separator: " ")
                if words.count >= 2 { covered.insert(String(words[words.count - 2])) }
            }
        }
        // Coverage warnings need tests played with the analyzer (`CoverageTests`); the two
        // file-level codes need a missing or oversized file (`LoaderTests`).
        let elsewhere = Set(ScenarioDiagnostic.coverageChecks.map(\.code)).union(CoreDiagnostic.fileLevelCodes)
        let missing = DiagnosticRegistry.all.map(\.code).filter { !covered.contains($0) && !elsewhere.contains($0) }
        #expect(missing.isEmpty, "codes with no fixture: \(missing)")
    }

    @Test func templatesNumberTheirValuesFromOneWithoutGaps() {
        for entry in DiagnosticRegistry.all {
            let used = Set(DiagnosticKind.placeholders(in: entry.template) + DiagnosticKind.placeholders(in: entry.hintTemplate))
            #expect(entry.arity == 0 ? used.isEmpty : used == Set(1...entry.arity),
                    "[\(entry.code)] uses {\(used.sorted())}: number the values 1, 2, … with none skipped")
            #expect(!entry.template.isEmpty && !entry.hintTemplate.isEmpty && !entry.files.isEmpty, "[\(entry.code)]")
        }
        #expect(DiagnosticKind.placeholders(in: "add `expect: {ending: {1}}` or {2}") == [1, 2])
        #expect(ScoringDiagnostic.tierBelowPass.message("Bronze", "50", "60") == "tier 'Bronze' starts at 50, below the pass mark 60")
    }

    @Test func aCodeSharedByTwoEntriesNamesDifferentFilesAndOneSeverity() {
        let byCode = Dictionary(grouping: DiagnosticRegistry.all, by: \.code)
        for (code, entries) in byCode where entries.count > 1 {
            let files = entries.flatMap(\.files)
            #expect(Set(files).count == files.count, "[\(code)] has two entries for one kind of file")
            #expect(Set(entries.map(\.severity)).count == 1, "[\(code)] has two severities")
        }
    }

    @Test func theReferenceListsEveryCodeWithItsSeverityAndFiles() {
        let markdown = DiagnosticRegistry.markdownReference
        for entry in DiagnosticRegistry.all {
            #expect(markdown.contains("| `\(entry.code)` | \(entry.severity.rawValue) |"), "[\(entry.code)]")
        }
        #expect(markdown.contains("| `unused-flag` | warning | scenario | flag '…' is set but no condition reads it |"))
        #expect(markdown.contains("| `tier-below-pass` | error | rubric |"))
        #expect(markdown.contains("| `bad-model` | error | model.bin |"))
        #expect(markdown.contains("| `yaml-syntax` | error | any YAML file |"))
    }
}
