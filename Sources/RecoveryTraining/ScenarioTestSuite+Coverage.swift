import RecoveryCore
import RecoveryScenario
import RecoveryScoring

extension ScenarioTestSuite {
    /// What the test conversations of `scenario` reach when played (skipped tests do not count):
    /// the nodes they enter and the objectives they meet, whether or not their checks passed.
    public static func coverage(of scenario: Scenario, analyzer: Analyzer, rubric: Rubric) -> ScenarioCoverage {
        var coverage = ScenarioCoverage(reachedNodes: [scenario.start])
        for result in results(of: scenario, analyzer: analyzer, rubric: rubric) where result.status != .skipped {
            coverage.reachedNodes.formUnion(result.visited)
            coverage.metObjectives.formUnion(result.transcript.grade?.objectives.filter(\.met).map(\.id) ?? [])
        }
        return coverage
    }
}
