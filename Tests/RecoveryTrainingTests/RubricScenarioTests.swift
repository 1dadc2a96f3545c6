import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// A grade means the customer was won back (issue 11): for every shipped scenario and every
/// rubric, the scenario's skilled call passes; its defensive call, its polite call that misses
/// the main objective, and one reply stringing every step together then `/quit` all fail; and
/// the best recovery beats every call that loses the customer.
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

    /// The test conversations every shipped scenario must carry, by name.
    static let skilled = "skilled recovery", defensive = "defensive agent", polite = "polite but misses the main objective"

    /// One reply that strings every recovery step together, as a trainee gaming the grade would.
    static let everyStepAtOnce = """
        I'm so sorry, that's completely on us and I understand how upsetting this has been. \
        Can you tell me what happened? I'll fix it today: I can send someone at 5 or at 7 tonight, \
        whichever suits you, and I'll call you back within 15 minutes to confirm. There's no charge \
        and I'm refunding your fee. Does that work for you? I'll call you tomorrow to make sure \
        everything is fine. Thank you for your patience.
        """

    struct Played {
        let name: String
        let ending: CallEnding
        let grade: Grade

        var line: String {
            let missed = grade.steps.filter { !$0.met }.map { "\($0.id) \(Int($0.points.rounded()))/\(Int($0.maximum.rounded()))" }
            let objectives = grade.objectives.filter { !$0.met }.map { "objective \($0.id)" }
            let penalties = grade.penalties.filter { $0.points > 0 }.map { "-\($0.points) \($0.behavior.id)" }
            return "  \(grade.score) \(grade.passed ? "pass" : "fail") \(grade.tier ?? "-") [\(ending.description)] \(name); missed: \((missed + objectives).joined(separator: ", ")) \(penalties.joined(separator: " "))"
        }
    }

    static func play(_ test: ScenarioTest, _ scenario: Scenario, _ rubric: Rubric) -> Played {
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: rubric)
        let grade = result.transcript.grade!
        return Played(name: test.name, ending: grade.ending, grade: grade)
    }

    @Test func fiveModelsAndTheCombinedRubricShip() {
        #expect(Set(Self.rubricIDs).isSuperset(of: ["recovery", "friedman", "bell", "solomon", "rohr", "manager"]))
    }

    @Test(arguments: cases)
    func onlyAWonBackCallPasses(_ testCase: Case) throws {
        let scenario = try TestData.scenario(testCase.scenario)
        let rubric = try Self.rubric(testCase.rubric)
        let played = scenario.tests.filter { $0.skipReason == nil }.map { Self.play($0, scenario, rubric) }
        let table = played.map(\.line).joined(separator: "\n")
        if ProcessInfo.processInfo.environment["RUBRIC_TABLES"] != nil { print("== \(testCase.testDescription)\n\(table)") }
        func call(_ name: String) throws -> Played {
            try #require(played.first { $0.name == name }, "\(testCase.scenario) needs a test conversation named '\(name)'")
        }
        let skilled = try call(Self.skilled)
        #expect(skilled.grade.passed && skilled.ending == .ended(.recovered),
                "the skilled call should pass: \(skilled.line)\n\(table)")
        #expect(skilled.grade.objectives.allSatisfy { $0.met }, "the skilled call should meet every objective: \(skilled.line)")
        for name in [Self.defensive, Self.polite] {
            let failing = try call(name)
            #expect(!failing.grade.passed && failing.grade.tier == nil, "'\(name)' should fail: \(failing.line)\n\(table)")
            #expect(failing.ending.outcome?.keepsCustomer == false, "'\(name)' should lose the customer: \(failing.line)")
        }
        let polite = try call(Self.polite)
        #expect(polite.grade.objectives.contains { $0.main && !$0.met }, "the polite call should miss the main objective: \(polite.line)")
        for call in played {
            #expect(call.grade.tier == nil || call.grade.passed, "a tier without a pass: \(call.line)")
            if call.ending.outcome?.keepsCustomer != true { #expect(!call.grade.passed, "'\(call.name)' passed without keeping the customer") }
        }
        let lost = played.filter { $0.ending.outcome?.keepsCustomer == false }
        for call in lost {
            #expect(skilled.grade.score > call.grade.score, "lost call '\(call.name)' scored \(call.grade.score), not below the skilled call's \(skilled.grade.score)\n\(table)")
        }
    }

    @Test(arguments: cases)
    func oneReplyWithEveryStepThenQuitFails(_ testCase: Case) throws {
        let scenario = try TestData.scenario(testCase.scenario)
        let rubric = try Self.rubric(testCase.rubric)
        let setup = CallSetup(scenario: scenario, analyzer: TestData.analyzer, rubric: rubric, seed: 1, trainee: "gamer")
        let session = CallSession(setup: setup)
        _ = session.submit(Self.everyStepAtOnce, latency: 3)
        let quit = session.submit("/quit", latency: 1)
        #expect(quit == [CallEvent.quit])
        let grade = try #require(session.finish(.quit).grade)
        #expect(grade.ending == .incomplete && !grade.passed && grade.tier == nil, "\(grade.score) \(grade.ending)")
        // Even scored for the record, the steps that need a later reply (checking satisfaction,
        // the follow-up) were not earned, and the debrief says they came too early.
        let early = grade.steps.flatMap(\.checks).filter { $0.reason?.hasPrefix("too early") == true }
        #expect(!early.isEmpty && grade.score < 90, "\(testCase.rubric): \(grade.score), too early: \(early.map(\.summary))")
    }
}
