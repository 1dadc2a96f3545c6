import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryTraining

/// `validate` and `test --coverage` name every ending, objective and node no test conversation
/// reaches, at its id (issue 12: a scenario is done when its tests reach every ending).
@Suite struct CoverageTests {
    static let yaml = """
        id: coverage
        title: Coverage
        briefing: Two endings, one tested.
        customer:
          name: Sam
          mood: 5
        start: opening
        objectives:
          - id: thanked
            title: Thank Sam
            when: thank
            asked: "Nobody even thanked me."
        nodes:
          opening:
            lines: ["Nobody even thanked me."]
            branches:
              - when: apologize
                goto: done
              - when: dismiss
                goto: waiting
              - otherwise:
                goto: opening
          waiting:
            lines: ["Well?"]
            branches:
              - when: apologize
                goto: done
              - otherwise:
                goto: gone
          done:
            ending: recovered
            lines: ["Bye."]
          gone:
            ending: lost
            lines: ["I'm leaving."]
        tests:
          - name: a sorry ends it well
            replies: ["I'm so sorry about that."]
            expect: { outcome: recovered }
        """

    @Test func whatNoTestReachesIsWarnedAboutAtItsId() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/coverage.yaml"
        try Self.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(file: YAMLFile(path: path, text: Self.yaml))
        let coverage = ScenarioTestSuite.coverage(of: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        #expect(coverage.reachedNodes == ["opening", "done"] && coverage.metObjectives.isEmpty)
        #expect(coverage.summary(of: scenario) == "coverage: nodes 2/4, endings 1/2, objectives 0/1")
        let gaps = coverage.gaps(in: scenario, file: YAMLFile(path: path, text: Self.yaml))
        let found = gaps.map { "\($0.severity.rawValue) \($0.code) \($0.position.line):\($0.position.column)" }
        #expect(found == ["warning untested-node 23:3", "warning untested-ending 33:3", "warning untested-objective 9:9"], "\(gaps.map(\.rendered))")
        #expect(gaps[1].message == "no test conversation reaches ending 'gone' (lost)")
        let report = ScenarioValidation.check([path], coverage: { _ in coverage })
        #expect(report.warningCount == 3 && report.failed(strict: true) && !report.failed(strict: false))
    }
}
