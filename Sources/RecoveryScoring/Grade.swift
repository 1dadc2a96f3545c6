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
    /// Whether the call passed: it ended keeping the customer (recovered or retained), met the
    /// scenario's main objective, and the score reaches the rubric's pass mark. A lost,
    /// escalated or incomplete call never passes.
    public var passed: Bool
    /// The tier reached, if any: only a call that passed has one.
    public var tier: String?
    /// Where the call stood when graded: in progress, incomplete, or its outcome.
    public var ending: CallEnding
    /// Every step, met or not.
    public var steps: [StepResult]
    /// The scenario's objectives (what this customer needs), weighed beside the steps.
    public var objectives: [ObjectiveResult]
    /// Every deduction, with the words that caused it.
    public var penalties: [PenaltyResult]
    /// How many hints were used.
    public var hintsUsed: Int
    /// Points the hints cost.
    public var hintPoints: Int

    /// A grade of these parts.
    public init(rubricID: String, rubricHash: String, score: Int, passed: Bool, tier: String?, ending: CallEnding,
                steps: [StepResult], objectives: [ObjectiveResult], penalties: [PenaltyResult], hintsUsed: Int, hintPoints: Int) {
        self.rubricID = rubricID
        self.rubricHash = rubricHash
        self.score = score
        self.passed = passed
        self.tier = tier
        self.ending = ending
        self.steps = steps
        self.objectives = objectives
        self.penalties = penalties
        self.hintsUsed = hintsUsed
        self.hintPoints = hintPoints
    }

    private enum CodingKeys: String, CodingKey {
        case rubricID, rubricHash, score, passed, tier, ending, steps, objectives, penalties, hintsUsed, hintPoints
    }

    /// Reads a grade; one saved before endings and objectives were graded reads as ended
    /// in progress with no objectives (`recovery grade` grades it again).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rubricID = try c.decode(String.self, forKey: .rubricID)
        rubricHash = try c.decode(String.self, forKey: .rubricHash)
        score = try c.decode(Int.self, forKey: .score)
        passed = try c.decode(Bool.self, forKey: .passed)
        tier = try c.decodeIfPresent(String.self, forKey: .tier)
        ending = try c.decodeIfPresent(CallEnding.self, forKey: .ending) ?? .inProgress
        steps = try c.decode([StepResult].self, forKey: .steps)
        objectives = try c.decodeIfPresent([ObjectiveResult].self, forKey: .objectives) ?? []
        penalties = try c.decode([PenaltyResult].self, forKey: .penalties)
        hintsUsed = try c.decode(Int.self, forKey: .hintsUsed)
        hintPoints = try c.decode(Int.self, forKey: .hintPoints)
    }
}

/// How one of the scenario's objectives went. The training module decides whether it was met
/// (objectives are conditions over the call, which scoring knows nothing of) and hands the
/// grader this plain result; the grader weighs it beside the rubric's steps.
public struct ObjectiveResult: Sendable, Codable, Hashable {
    /// The objective's id in its scenario.
    public var id: String
    /// What the customer needs, as a coach names it.
    public var title: String
    /// Its weight, on the same scale as the rubric's step weights.
    public var weight: Double
    /// Whether it is the scenario's main objective (the one the call turns on).
    public var main: Bool
    /// Whether some reply met it.
    public var met: Bool
    /// The reply that met it.
    public var turn: Int?
    /// The trainee's words that met it.
    public var quote: String?
    /// The customer's own words asking for it (quoted when it was missed).
    public var ask: String
    /// A better phrasing for this scenario.
    public var example: String
    /// Points earned toward 100 (filled in by the grader).
    public var points: Double = 0
    /// The most it could earn toward 100 (filled in by the grader).
    public var maximum: Double = 0

    /// An objective result; the grader fills in `points` and `maximum`.
    public init(id: String, title: String, weight: Double, main: Bool = false, met: Bool, turn: Int? = nil,
                quote: String? = nil, ask: String, example: String = "") {
        self.id = id
        self.title = title
        self.weight = weight
        self.main = main
        self.met = met
        self.turn = turn
        self.quote = quote
        self.ask = ask
        self.example = example
    }
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
