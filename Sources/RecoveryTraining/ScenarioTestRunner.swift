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
        var failures: [String] = []
        let expect = test.expect
        if let outcome = expect.outcome, transcript.outcome != outcome {
            failures.append("expected outcome \(outcome.rawValue), got \(transcript.outcome?.rawValue ?? "no ending")")
        }
        if let ending = expect.ending, transcript.endingNode != ending {
            failures.append("expected ending \(ending), got \(transcript.endingNode ?? "no ending")")
        }
        for node in expect.reaches where !session.visitedNodes.contains(node) {
            failures.append("expected to reach node \(node), visited \(session.visitedNodes.joined(separator: " → "))")
        }
        if let most = expect.moodAtMost, session.mood > most {
            failures.append("expected final mood at most \(most), got \(session.mood)")
        }
        if let least = expect.moodAtLeast, session.mood < least {
            failures.append("expected final mood at least \(least), got \(session.mood)")
        }
        return ScenarioTestResult(
            test: test, failures: failures, visited: session.visitedNodes, ending: transcript.endingNode,
            outcome: transcript.outcome, finalMood: session.mood, transcript: transcript)
    }
}
