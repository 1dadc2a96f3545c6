import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Plays the test conversations written in a scenario file (or its sibling test file).
public enum ScenarioTestRunner {
    /// Plays `test` with `analyzer` and `rubric` and checks its expectations after every reply and
    /// at the end; a test with `skip:` is not played.
    public static func run(_ test: ScenarioTest, scenario: Scenario, analyzer: Analyzer, rubric: Rubric, seed: UInt64 = 1) -> ScenarioTestResult {
        let setup = CallSetup(scenario: scenario, analyzer: analyzer, rubric: rubric, seed: seed, trainee: "test")
        if let reason = test.skipReason { return skipped(test, reason: reason, setup: setup) }
        let session = CallSession(setup: setup, clock: SteppingClock(start: Date(timeIntervalSince1970: 0)).next)
        var played = PlayedTest(opening: session.engine.visited.count)
        for (index, reply) in test.replies.enumerated() {
            guard !session.isOver else {
                played.unplayed.append(index + 1)
                continue
            }
            let before = session.transcript.turns.count
            _ = session.submit(reply.text, latency: reply.latency)
            guard session.transcript.turns.count > before, let record = session.transcript.turns.last else {
                played.failures.append(TestFailure(turn: before, message: "reply \(index + 1) was not said to the customer (it is empty or a /command)"))
                continue
            }
            played.turns.append(TestTurn(record))
            played.visitedCounts.append(session.engine.visited.count)
            for message in reply.expect.failures(analysis: record.analysis, step: record.response) {
                played.failures.append(TestFailure(turn: record.number, message: message))
            }
        }
        played.checkEnd(test, engine: session.engine)
        let transcript = session.finish(session.isOver ? .ending : .endOfInput)
        var status: TestStatus = played.failures.isEmpty ? .passed : .failed
        if test.expectedFailure != nil { status = played.failures.isEmpty ? .unexpectedPass : .expectedFailure }
        return ScenarioTestResult(
            test: test, scenarioID: scenario.id, customer: scenario.customer.name, status: status, reason: test.expectedFailure,
            failures: played.failures, opening: transcript.opening, turns: played.turns, visited: session.engine.visited,
            ending: transcript.endingNode, outcome: transcript.outcome, finalMood: session.engine.mood, transcript: transcript)
    }

    /// The result of a test that is not played, for `reason`.
    static func skipped(_ test: ScenarioTest, reason: String, setup: CallSetup) -> ScenarioTestResult {
        let session = CallSession(setup: setup, clock: SteppingClock(start: Date(timeIntervalSince1970: 0)).next)
        let transcript = session.finish(.endOfInput)
        return ScenarioTestResult(
            test: test, scenarioID: setup.scenario.id, customer: setup.scenario.customer.name, status: .skipped, reason: reason,
            failures: [], opening: transcript.opening, turns: [], visited: session.engine.visited, ending: nil, outcome: nil,
            finalMood: session.engine.mood, transcript: transcript)
    }
}

/// What playing a test has gathered so far.
private struct PlayedTest {
    var turns: [TestTurn] = []
    var failures: [TestFailure] = []
    /// How many nodes had been entered after each turn (index 0: after the opening).
    var visitedCounts: [Int]
    /// The numbers of the replies not played because the call had ended.
    var unplayed: [Int] = []

    init(opening: Int) { visitedCounts = [opening] }

    /// Adds the whole-call failures: each at the last turn, or for `never_reaches` at the turn
    /// that entered the node; and unplayed replies, which mean the test no longer fits the scenario.
    mutating func checkEnd(_ test: ScenarioTest, engine: Engine) {
        let last = turns.last?.number ?? 0
        if let first = unplayed.first, let ending = engine.ending {
            let which = unplayed.count == 1 ? "reply \(first) was" : "replies \(first)–\(unplayed.last ?? first) were"
            failures.append(TestFailure(turn: last, message: "the call ended at '\(ending.node)' after reply \(last), so \(which) never played"))
        }
        for failure in test.expect.expectationFailures(of: engine) {
            let turn = failure.visitIndex.flatMap { index in visitedCounts.firstIndex { $0 > index } } ?? last
            failures.append(TestFailure(turn: turn, message: failure.message))
        }
        failures.sort { $0.turn < $1.turn }
    }
}
