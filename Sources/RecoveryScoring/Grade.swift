import RecoveryCore

/// One trainee reply as the grader sees it: no scenario, only what was said, when, and how it read.
public struct GradedReply: Sendable, Codable, Hashable {
    /// 1 for the first reply.
    public var turn: Int
    /// Seconds from the prompt to Enter.
    public var latency: Double
    /// The analysis of the reply.
    public var analysis: ReplyAnalysis

    /// A reply at `turn` that took `latency` seconds and read as `analysis`.
    public init(turn: Int, latency: Double, analysis: ReplyAnalysis) {
        self.turn = turn
        self.latency = latency
        self.analysis = analysis
    }
}

/// The result of grading a call against a rubric.
public struct Grade: Sendable, Codable, Hashable {
    /// The rubric used.
    public var rubricID: String
    /// Its content hash at grading time.
    public var rubricHash: String
    /// 0...100, after penalties and hints.
    public var score: Int
    /// Whether the score reaches the rubric's pass mark.
    public var passed: Bool
    /// The tier reached, if any.
    public var tier: String?
    /// Every step, met or not.
    public var steps: [StepResult]
    /// Every deduction, with the words that caused it.
    public var penalties: [PenaltyResult]
    /// How many hints were used.
    public var hintsUsed: Int
    /// Points the hints cost.
    public var hintPoints: Int
}

/// How one rubric step went.
public struct StepResult: Sendable, Codable, Hashable {
    /// The step id.
    public var id: String
    /// The step title.
    public var title: String
    /// The step's weight in the rubric.
    public var weight: Double
    /// Points earned toward 100 (weight share × fraction met).
    public var points: Double
    /// The most the step could earn toward 100.
    public var maximum: Double
    /// Each check with its result.
    public var checks: [CheckResult]
    /// Advice shown when the step is not fully met.
    public var advice: String
    /// An example phrasing.
    public var example: String

    /// Share of the checks met, 0...1.
    public var fraction: Double { checks.isEmpty ? 0 : Double(checks.filter(\.met).count) / Double(checks.count) }
    /// Every check met.
    public var met: Bool { !checks.isEmpty && checks.allSatisfy(\.met) }
    /// The latest turn among the checks that were met by a reply (when the step was completed).
    public var turn: Int? { checks.compactMap(\.turn).max() }
}

/// How one check of a step went, with the evidence.
public struct CheckResult: Sendable, Codable, Hashable {
    /// What the check looks for.
    public var summary: String
    /// Whether it was met.
    public var met: Bool
    /// The reply that met it (or broke it).
    public var turn: Int?
    /// The trainee's words that met it (or broke it).
    public var quote: String?
    /// Why it was not met, when it was not.
    public var reason: String?
}

/// One deduction.
public struct PenaltyResult: Sendable, Codable, Hashable {
    /// The negative behaviour.
    public var behavior: Behavior
    /// The reply that showed it.
    public var turn: Int
    /// The trainee's words.
    public var quote: String
    /// Points taken off (0 once the penalty's cap is reached).
    public var points: Int
    /// What to do instead.
    public var advice: String
}
