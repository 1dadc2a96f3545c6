import Foundation
import Testing
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// Every shipped rubric grades the shipped scenarios' test conversations sensibly: a call that
/// wins the customer back passes, and the best such call beats every call that loses them.
@Suite struct RubricScenarioTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let scenario: String
        let rubric: String
        var testDescription: String { "\(scenario) under \(rubric)" }
    }

    static let rubricIDs = RubricLoader.list(in: TestData.location.rubricsDirectory)

    static let cases: [Case] = TestData.scenarioIDs.flatMap { scenario in
        rubricIDs.map { Case(scenario: scenario, rubric: $0) }
    }

    static func rubric(_ id: String) throws -> Rubric {
        try RubricLoader.load(path: TestData.location.rubricsDirectory + "/\(id).yaml")
    }

    struct Played {
        let name: String
        let outcome: Outcome?
        let grade: Grade

        var line: String {
            let missed = grade.steps.filter { !$0.met }.map { "\($0.id) \(Int($0.points.rounded()))/\(Int($0.maximum.rounded()))" }
            let penalties = grade.penalties.filter { $0.points > 0 }.map { "-\($0.points) \($0.behavior.id)" }
            return "  \(grade.score) [\(outcome?.rawValue ?? "no ending")] \(name); missed: \(missed.joined(separator: ", ")) \(penalties.joined(separator: " "))"
        }
    }

    static func play(_ scenario: Scenario, _ rubric: Rubric) -> [Played] {
        scenario.tests.map { test in
            let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: rubric)
            return Played(name: test.name, outcome: result.outcome, grade: Grader(rubric: rubric).grade(result.transcript.gradedReplies))
        }
    }

    @Test func fiveModelsAndTheCombinedRubricShip() {
        #expect(Set(Self.rubricIDs).isSuperset(of: ["recovery", "friedman", "bell", "solomon", "rohr", "manager"]))
    }

    @Test(arguments: cases)
    func rubricGradesTheTestConversationsSensibly(_ testCase: Case) throws {
        let scenario = try TestData.scenario(testCase.scenario)
        let rubric = try Self.rubric(testCase.rubric)
        let played = Self.play(scenario, rubric)
        let table = played.map(\.line).joined(separator: "\n")
        if ProcessInfo.processInfo.environment["RUBRIC_TABLES"] != nil {
            print("== \(testCase.testDescription)\n\(table)")
        }
        if testCase.rubric == "recovery", ProcessInfo.processInfo.environment["RUBRIC_READS"] != nil {
            for test in scenario.tests {
                let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: rubric)
                print("## \(testCase.scenario): \(test.name)")
                for turn in result.transcript.gradedReplies {
                    print("   \(turn.turn). \(turn.analysis.behaviors.map(\.id)) \(turn.analysis.notes) <- \(turn.analysis.text)")
                }
            }
        }
        let recovered = played.filter { $0.outcome == .recovered }
        let lost = played.filter { $0.outcome == .lost }
        #expect(!recovered.isEmpty && !lost.isEmpty, "\(testCase.scenario) needs recovered and lost test conversations")
        for call in recovered {
            #expect(call.grade.score >= rubric.passMark, "recovered call '\(call.name)' scored \(call.grade.score), below the pass mark \(rubric.passMark)\n\(table)")
        }
        let best = try #require(recovered.max { $0.grade.score < $1.grade.score })
        for call in lost {
            #expect(best.grade.score > call.grade.score, "lost call '\(call.name)' scored \(call.grade.score), not below the best recovery '\(best.name)' at \(best.grade.score)\n\(table)")
        }
    }
}
