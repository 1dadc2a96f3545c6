import RecoveryCore

/// A test conversation written in the scenario (or its `<id>.tests.yaml` sibling): replies to
/// play, and what the call must do.
public struct ScenarioTest: Sendable {
    /// Default seconds a test reply takes when the file gives no `latency`.
    public static let defaultLatency = 3.0

    /// The test's name.
    public var name: String
    /// The trainee's replies, in order, each with its latency and what must hold right after it.
    public var replies: [TestReply]
    /// What the whole call must do.
    public var expect: TestExpectation
    /// `only: true`: when any test of the scenario has it, the others are skipped.
    public var only = false
    /// Why the test is skipped (`skip: true` gives an empty reason); nil when it runs.
    public var skipReason: String?
    /// Why the test is expected to fail (`expect_failure:`); nil for an ordinary test.
    public var expectedFailure: String?
    /// Where the test starts, in the scenario file or its sibling test file.
    public var position: SourcePosition

    /// A test; see the properties for the meaning of each part.
    public init(name: String, replies: [TestReply], expect: TestExpectation, only: Bool = false,
                skipReason: String? = nil, expectedFailure: String? = nil, position: SourcePosition) {
        self.name = name
        self.replies = replies
        self.expect = expect
        self.only = only
        self.skipReason = skipReason
        self.expectedFailure = expectedFailure
        self.position = position
    }

    /// The replies as the call player takes them.
    public var script: [(text: String, latency: Double)] { replies.map { ($0.text, $0.latency) } }
}

/// One scripted reply of a test, with the checks made right after it.
public struct TestReply: Sendable, Equatable {
    /// What the trainee says.
    public var text: String
    /// Seconds from the prompt to Enter.
    public var latency: Double
    /// What must hold right after this reply.
    public var expect: TurnExpectation
    /// Where the reply is written.
    public var position: SourcePosition

    /// A reply; see the properties for the meaning of each part.
    public init(text: String, latency: Double = ScenarioTest.defaultLatency, expect: TurnExpectation = TurnExpectation(),
                position: SourcePosition = SourcePosition(file: "", line: 1, column: 1)) {
        self.text = text
        self.latency = latency
        self.expect = expect
        self.position = position
    }
}

/// What must hold right after one reply; absent parts are not checked.
public struct TurnExpectation: Sendable, Equatable {
    /// Behaviour ids or intents the reply must show.
    public var detects: [String] = []
    /// Behaviour ids or intents the reply must not show.
    public var notDetects: [String] = []
    /// The node that must be current after the reply.
    public var node: String?
    /// The mood after the reply must be at most this.
    public var moodAtMost: Int?
    /// The mood after the reply must be at least this.
    public var moodAtLeast: Int?
    /// Words the customer's answer to the reply must contain (each in some line; case aside):
    /// what they remember, or the line a branch should bring.
    public var customerSays: [String] = []
    /// Words no line of the customer's answer may contain: a slip of memory, a line for
    /// another path.
    public var customerNeverSays: [String] = []

    /// Expectations; see the properties for the meaning of each part.
    public init(detects: [String] = [], notDetects: [String] = [], node: String? = nil, moodAtMost: Int? = nil, moodAtLeast: Int? = nil,
                customerSays: [String] = [], customerNeverSays: [String] = []) {
        self.detects = detects
        self.notDetects = notDetects
        self.node = node
        self.moodAtMost = moodAtMost
        self.moodAtLeast = moodAtLeast
        self.customerSays = customerSays
        self.customerNeverSays = customerNeverSays
    }

    /// Whether nothing is checked.
    public var isEmpty: Bool { self == TurnExpectation() }

    /// Whether `line` holds `words` as `customer_says:` means it (case aside); the loader uses
    /// the same test to refuse words no line of the scenario holds.
    static func line(_ line: String, says words: String) -> Bool { line.localizedCaseInsensitiveContains(words) }

    /// What the reply read as `analysis`, answered with `step`, failed to do; one sentence each.
    public func failures(analysis: ReplyAnalysis, step: Step) -> [String] {
        let found = analysis.behaviors.map(\.id) + analysis.intents
        let shown = found.isEmpty ? "nothing" : found.joined(separator: ", ")
        var failures: [String] = []
        for name in detects where !found.contains(name) {
            failures.append("expected the reply to show '\(name)', but it was read as: \(shown)")
        }
        for name in notDetects where found.contains(name) {
            let quote = analysis.quote(for: name).map { " (“\($0)”)" } ?? ""
            failures.append("expected the reply not to show '\(name)', but it did\(quote)")
        }
        if let node, step.node != node {
            failures.append("expected to be at '\(node)' after the reply, but the call is at '\(step.node)'")
        }
        if let moodAtMost, step.moodAfter > moodAtMost {
            failures.append("expected a mood of at most \(moodAtMost) after the reply, but it is \(step.moodAfter)")
        }
        if let moodAtLeast, step.moodAfter < moodAtLeast {
            failures.append("expected a mood of at least \(moodAtLeast) after the reply, but it is \(step.moodAfter)")
        }
        let said = step.customerLines.isEmpty ? "nothing" : step.customerLines.map { "“\($0)”" }.joined(separator: " ")
        for words in customerSays where !step.customerLines.contains(where: { Self.line($0, says: words) }) {
            failures.append("expected the customer to say “\(words)”, but they said \(said)")
        }
        for words in customerNeverSays {
            guard let line = step.customerLines.first(where: { Self.line($0, says: words) }) else { continue }
            failures.append("expected the customer not to say “\(words)”, but they said “\(line)”")
        }
        return failures
    }
}

/// A whole-call expectation that did not hold.
public struct ExpectationFailure: Sendable, Equatable {
    /// What did not happen as expected, as one sentence.
    public var message: String
    /// For `never_reaches`, the index in `Engine.visited` where the forbidden node was entered.
    public var visitIndex: Int?
}

/// What a test conversation must achieve as a whole; absent parts are not checked.
public struct TestExpectation: Sendable, Equatable {
    /// The outcome the call must end with.
    public var outcome: Outcome?
    /// The ending node the call must end at.
    public var ending: String?
    /// Nodes the call must visit at some point.
    public var reaches: [String] = []
    /// Nodes the call must never visit.
    public var neverReaches: [String] = []
    /// The final mood must be at most this.
    public var moodAtMost: Int?
    /// The final mood must be at least this.
    public var moodAtLeast: Int?
    /// Objectives the call must meet.
    public var objectivesMet: [String] = []
    /// Objectives the call must leave unmet.
    public var objectivesMissed: [String] = []

    /// Whether nothing is checked.
    public var isEmpty: Bool { self == TestExpectation() }

    /// What the finished (or stopped) call in `engine` failed to do, one sentence each; empty if it passed.
    public func failures(of engine: Engine) -> [String] { expectationFailures(of: engine).map(\.message) }

    /// What the finished (or stopped) call in `engine` failed to do; `never_reaches` failures say
    /// where the forbidden node was entered.
    public func expectationFailures(of engine: Engine) -> [ExpectationFailure] {
        var failures: [ExpectationFailure] = []
        let ended = engine.ending.map { "ended at '\($0.node)' (\($0.outcome.rawValue))" } ?? "did not end (at '\(engine.node)')"
        let path = engine.visited.joined(separator: " -> ")
        if let outcome, engine.ending?.outcome != outcome {
            failures.append(ExpectationFailure(message: "expected outcome '\(outcome.rawValue)', but the call \(ended)"))
        }
        if let ending, engine.ending?.node != ending {
            failures.append(ExpectationFailure(message: "expected ending '\(ending)', but the call \(ended)"))
        }
        for node in reaches where !engine.visited.contains(node) {
            failures.append(ExpectationFailure(message: "expected to reach '\(node)', but the call went \(path)"))
        }
        for node in neverReaches {
            guard let index = engine.visited.firstIndex(of: node) else { continue }
            failures.append(ExpectationFailure(message: "expected never to reach '\(node)', but the call went \(path)", visitIndex: index))
        }
        if let moodAtMost, engine.mood > moodAtMost {
            failures.append(ExpectationFailure(message: "expected a final mood of at most \(moodAtMost), but it is \(engine.mood)"))
        }
        if let moodAtLeast, engine.mood < moodAtLeast {
            failures.append(ExpectationFailure(message: "expected a final mood of at least \(moodAtLeast), but it is \(engine.mood)"))
        }
        let ids = engine.scenario.objectives.map(\.id)
        for id in objectivesMet + objectivesMissed where !ids.contains(id) {
            failures.append(ExpectationFailure(message: "no objective named '\(id)' (objectives: \(ids.isEmpty ? "none" : ids.joined(separator: ", ")))"))
        }
        let met = ids.filter { engine.objectivesMet[$0] != nil }
        let metText = met.isEmpty ? "none was met" : "met: \(met.joined(separator: ", "))"
        for id in objectivesMet where engine.objectivesMet[id] == nil {
            failures.append(ExpectationFailure(message: "expected objective '\(id)' to be met, but it was not (\(metText))"))
        }
        for id in objectivesMissed {
            guard let turn = engine.objectivesMet[id] else { continue }
            failures.append(ExpectationFailure(message: "expected objective '\(id)' to be missed, but reply \(turn) met it"))
        }
        return failures
    }
}
