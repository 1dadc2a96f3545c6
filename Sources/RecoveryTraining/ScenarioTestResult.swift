import RecoveryCore
import RecoveryScenario

/// How a test conversation came out.
public enum TestStatus: String, Codable, Sendable, CaseIterable {
    /// Every expectation held.
    case passed
    /// Some expectation did not hold.
    case failed
    /// Not played (`skip:`, or another test of the scenario has `only:`).
    case skipped
    /// Marked `expect_failure:` and some expectation failed, as expected.
    case expectedFailure = "xfail"
    /// Marked `expect_failure:` but every expectation held: counts as a failure.
    case unexpectedPass = "xpass"

    /// The word printed before the test's name.
    public var label: String {
        switch self {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .skipped: "SKIP"
        case .expectedFailure: "XFAIL"
        case .unexpectedPass: "XPASS"
        }
    }

    /// Whether the run fails because of this test.
    public var isFailure: Bool { self == .failed || self == .unexpectedPass }
}

/// An expectation that did not hold, and the reply after which it became visible.
public struct TestFailure: Codable, Sendable, Equatable {
    /// The reply's number (1 for the first); 0 when no reply had been played.
    public var turn: Int
    /// What did not happen as expected, as one sentence.
    public var message: String

    /// A failure at `turn`.
    public init(turn: Int, message: String) {
        self.turn = turn
        self.message = message
    }
}

/// One reply of a played test and what followed it.
public struct TestTurn: Codable, Sendable, Equatable {
    /// 1 for the first reply.
    public var number: Int
    /// The reply as read.
    public var reply: String
    /// Seconds from the prompt to Enter.
    public var latency: Double
    /// The behaviours and intents detected, each with the words that showed it.
    public var detected: [Evidence]
    /// The node current after the reply.
    public var node: String
    /// The mood after the reply.
    public var mood: Int
    /// What the customer said next.
    public var customerLines: [String]
    /// The ending reached with this reply, if any.
    public var ending: String?

    /// The turn recorded in `record`.
    init(_ record: TurnRecord) {
        number = record.number
        reply = record.text
        latency = record.latency
        detected = record.analysis.evidence
        node = record.response.node
        mood = record.response.moodAfter
        customerLines = record.response.customerLines
        ending = record.response.ending
    }
}

/// The result of playing one of a scenario's test conversations.
public struct ScenarioTestResult: Sendable {
    /// The test played.
    public var test: ScenarioTest
    /// The scenario's id.
    public var scenarioID: String
    /// The customer's name, for showing the conversation.
    public var customer: String
    /// How the test came out.
    public var status: TestStatus
    /// Why it was skipped, or why it is expected to fail; nil otherwise.
    public var reason: String?
    /// What did not happen as expected, each at its turn; empty when every expectation held.
    public var failures: [TestFailure]
    /// What the customer said before the first reply.
    public var opening: Step
    /// Every reply played, with what followed it.
    public var turns: [TestTurn]
    /// The nodes visited.
    public var visited: [String]
    /// The ending reached, if any.
    public var ending: String?
    /// Its outcome.
    public var outcome: Outcome?
    /// The mood at the end.
    public var finalMood: Int
    /// The call as played.
    public var transcript: Transcript

    /// Whether every expectation held (also for an unexpected pass).
    public var passed: Bool { failures.isEmpty && status != .skipped }
}
