import RecoveryCore

/// A test conversation written in the scenario: replies to play, and what the call must do.
public struct ScenarioTest: Sendable {
    /// Default seconds a test reply takes when the file gives no `latency`.
    public static let defaultLatency = 3.0

    /// The test's name.
    public var name: String
    /// The trainee's replies, in order, each with its latency in seconds.
    public var replies: [(text: String, latency: Double)]
    /// What the call must do.
    public var expect: TestExpectation
    /// Where the test starts in the file.
    public var position: SourcePosition
}

/// What a test conversation must achieve; absent parts are not checked.
public struct TestExpectation: Sendable, Equatable {
    /// The outcome the call must end with.
    public var outcome: Outcome?
    /// The ending node the call must end at.
    public var ending: String?
    /// Nodes the call must visit at some point.
    public var reaches: [String] = []
    /// The final mood must be at most this.
    public var moodAtMost: Int?
    /// The final mood must be at least this.
    public var moodAtLeast: Int?

    /// What the finished (or stopped) call in `engine` failed to do, one sentence each; empty if it passed.
    public func failures(of engine: Engine) -> [String] {
        var failures: [String] = []
        let ended = engine.ending.map { "ended at '\($0.node)' (\($0.outcome.rawValue))" } ?? "did not end (at '\(engine.node)')"
        if let outcome, engine.ending?.outcome != outcome {
            failures.append("expected outcome '\(outcome.rawValue)', but the call \(ended)")
        }
        if let ending, engine.ending?.node != ending {
            failures.append("expected ending '\(ending)', but the call \(ended)")
        }
        for node in reaches where !engine.visited.contains(node) {
            failures.append("expected to reach '\(node)', but the call went \(engine.visited.joined(separator: " -> "))")
        }
        if let moodAtMost, engine.mood > moodAtMost {
            failures.append("expected a final mood of at most \(moodAtMost), but it is \(engine.mood)")
        }
        if let moodAtLeast, engine.mood < moodAtLeast {
            failures.append("expected a final mood of at least \(moodAtLeast), but it is \(engine.mood)")
        }
        return failures
    }
}
