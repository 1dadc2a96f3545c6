import Testing
import RecoveryScenario
import RecoveryTraining

/// Every shipped scenario loads, every test conversation in it passes, and together they
/// reach every ending.
@Suite struct ShippedScenarioTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let scenario: String
        let test: String
        var testDescription: String { "\(scenario): \(test)" }
    }

    static let cases: [Case] = TestData.scenarioIDs.flatMap { id in
        ((try? TestData.scenario(id))?.tests ?? []).map { Case(scenario: id, test: $0.name) }
    }

    @Test func threeScenariosShip() {
        #expect(Set(TestData.scenarioIDs).isSuperset(of: ["cold-house-furnace", "irate-caller", "escalation"]))
    }

    @Test(arguments: TestData.scenarioIDs)
    func scenarioLoadsAndIsSubstantial(id: String) throws {
        let scenario = try TestData.scenario(id)
        #expect(scenario.nodes.count >= 12, "\(id) has \(scenario.nodes.count) nodes")
        let outcomes = Set(scenario.endings.compactMap { scenario.nodes[$0]?.ending })
        #expect(outcomes.contains(.recovered) && outcomes.contains(.lost), "\(id) endings: \(outcomes)")
        #expect(scenario.endings.count >= 3)
    }

    @Test(arguments: cases)
    func conversationPasses(_ testCase: Case) throws {
        let scenario = try TestData.scenario(testCase.scenario)
        let test = try #require(scenario.tests.first { $0.name == testCase.test })
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        #expect(!result.status.isFailure, "\(ScenarioTestReport.line(result))\n\(ScenarioTestReport.annotated(result))")
    }

    @Test(arguments: TestData.scenarioIDs)
    func noShippedTestIsFocused(id: String) throws {
        let focused = try TestData.scenario(id).tests.filter(\.only).map(\.name)
        #expect(focused.isEmpty, "`only: true` would skip the other tests of \(id): \(focused)")
    }

    @Test(arguments: TestData.scenarioIDs)
    func testsReachEveryEnding(id: String) throws {
        let scenario = try TestData.scenario(id)
        var reached = Set<String>()
        for test in scenario.tests {
            let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
            // Only a passing test vouches for its ending: skipped and expected-to-fail ones do not.
            if result.status == .passed, let ending = result.ending { reached.insert(ending) }
        }
        let missing = scenario.endings.filter { !reached.contains($0) }
        #expect(missing.isEmpty, "no test conversation reaches: \(missing)")
    }
}
