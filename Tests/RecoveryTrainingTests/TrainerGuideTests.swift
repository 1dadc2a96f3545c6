import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryTraining

/// The trainer's guide (docs/writing-scenarios.md) cannot drift: its example scenario
/// validates cleanly and its tests reach every ending, and it explains every diagnostic code.
@Suite struct TrainerGuideTests {
    static let examplePath = TestData.location.root + "/docs/examples/lost-booking.yaml"
    static let guidePath = TestData.location.root + "/docs/writing-scenarios.md"

    @Test func exampleScenarioHasNoDiagnostics() {
        let diagnostics = ScenarioValidation.diagnostics(of: Self.examplePath)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered).joined(separator: "\n"))")
    }

    @Test func exampleTestsPassAndReachEveryEnding() throws {
        let scenario = try ScenarioLoader.load(path: Self.examplePath)
        #expect(scenario.tests.count >= 3)
        var reached = Set<String>()
        for test in scenario.tests {
            let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
            #expect(result.status == .passed, "\(ScenarioTestReport.line(result))\n\(ScenarioTestReport.annotated(result))")
            if result.status == .passed, let ending = result.ending { reached.insert(ending) }
        }
        #expect(scenario.endings.filter { !reached.contains($0) }.isEmpty, "endings no test reaches")
    }

    @Test func guideExplainsEveryDiagnosticCode() throws {
        let guide = try String(contentsOfFile: Self.guidePath, encoding: .utf8)
        let missing = DiagnosticRegistry.all.map(\.code).filter { !guide.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/writing-scenarios.md does not explain: \(missing)")
        #expect(guide.contains(DiagnosticRegistry.markdownReference),
                "the table in section 11 differs from `recovery validate --list-codes`: paste its output again")
    }

    @Test func guideNamesTheExampleAndItsFileExists() throws {
        let guide = try String(contentsOfFile: Self.guidePath, encoding: .utf8)
        #expect(guide.contains("examples/lost-booking.yaml"))
        #expect(FileManager.default.fileExists(atPath: Self.examplePath))
    }
}
