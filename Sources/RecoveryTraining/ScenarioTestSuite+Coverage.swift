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

    /// What validate and `test --coverage` play tests with: each scenario's coverage under the
    /// default rubric; nil when that rubric cannot be loaded.
    public static func coverageProvider(data: DataLocation, analyzer: Analyzer) -> ((Scenario) -> ScenarioCoverage)? {
        guard let rubric = try? CallPreparation.loadRubric(CallPreparation.defaultRubric, data: data) else { return nil }
        return { scenario in coverage(of: scenario, analyzer: analyzer, rubric: rubric) }
    }

    /// For `test --coverage`: per scenario file `arguments` name, its counts and its gaps.
    public static func coverageReports(_ arguments: [String], data: DataLocation, analyzer: Analyzer) -> [(summary: String, gaps: [Diagnostic])] {
        guard let provider = coverageProvider(data: data, analyzer: analyzer) else { return [] }
        return scenarioFiles(arguments, data: data).files.compactMap { file in
            guard let scenario = try? ScenarioLoader.load(path: file), let yaml = try? YAMLFile.read(path: file) else { return nil }
            let coverage = provider(scenario)
            return (coverage.summary(of: scenario), coverage.gaps(in: scenario, file: yaml))
        }
    }
}
