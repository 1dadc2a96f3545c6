import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// The result of playing one of a scenario's test conversations.
public struct ScenarioTestResult: Sendable {
    /// The test played.
    public var test: ScenarioTest
    /// What did not happen as expected; empty when the test passed.
    public var failures: [String]
    /// The nodes visited.
    public var visited: [String]
    /// The ending reached, if any.
    public var ending: String?
    /// Its outcome.
    public var outcome: Outcome?
    /// The mood at the end.
    public var finalMood: Int
    /// The call as played, for showing what happened instead.
    public var transcript: Transcript

    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }
}

/// Plays the test conversations written in a scenario file.
public enum ScenarioTestRunner {
    /// Plays `test` with `analyzer` and `rubric` and checks its expectations.
    public static func run(_ test: ScenarioTest, scenario: Scenario, analyzer: Analyzer, rubric: Rubric, seed: UInt64 = 1) -> ScenarioTestResult {
        let setup = CallSetup(scenario: scenario, analyzer: analyzer, rubric: rubric, seed: seed, trainee: "test")
        let session = CallReplay.play(test.replies, setup: setup)
        let transcript = session.finish(session.isOver ? .ending : .endOfInput)
        return ScenarioTestResult(
            test: test, failures: test.expect.failures(of: session.engine), visited: session.engine.visited,
            ending: transcript.endingNode, outcome: transcript.outcome, finalMood: session.engine.mood, transcript: transcript)
    }
}
