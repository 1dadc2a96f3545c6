import Foundation
import RecoveryCore
import RecoveryScoring

/// One call as a manager's review sees it: graded again from the raw replies, with the
/// stored grade checked against the new one.
public struct CallSummary: Codable, Sendable, Equatable {
    /// The transcript file.
    public var path: String
    /// Who practised.
    public var trainee: String
    /// The scenario id.
    public var scenario: String
    /// The scenario title.
    public var scenarioTitle: String
    /// The customer's name.
    public var customer: String
    /// When the call started.
    public var startedAt: Date
    /// Seconds from the start to the end.
    public var duration: Double
    /// The ending's outcome, or `left-early` / `in-progress`.
    public var outcome: String
    /// Why the call ended, when it did.
    public var endReason: EndReason?
    /// The rubric graded against.
    public var rubric: String
    /// The recomputed score, 0...100.
    public var score: Int
    /// Whether the recomputed score passes.
    public var passed: Bool
    /// The recomputed tier, if any.
    public var tier: String?
    /// `/hint`s taken.
    public var hintsUsed: Int
    /// How many replies were given.
    public var replies: Int
    /// Every rubric step as recomputed.
    public var steps: [StepScore]
    /// Every negative behaviour shown, with its words.
    public var negatives: [NegativeShown]
    /// The customer's mood turn by turn and the turning points.
    public var mood: MoodTrace
    /// The score stored in the file, if any.
    public var storedScore: Int?
    /// Why the stored grade disagrees; empty when it agrees.
    public var disagreements: [Disagreement]
    /// The disagreement in one sentence; nil when the stored grade agrees.
    public var note: String?
    /// The trainee's team and site, from the roster (nil without one, or for a name it lacks).
    public var team: String?
    public var site: String?
    /// What is wrong with the call's seal (an edit, named by the fields it changed; no seal; a
    /// seal this machine cannot check); nil when the seal is intact.
    public var sealProblem: String?

    /// The summary of the call in `record` (read from `path`), graded with `grader` from
    /// `replies` (the current analyzer's reading of each turn, in order).
    init(path: String, record: ReviewRecord, replies: [GradedReply], grader: Grader) {
        let grade = grader.grade(replies, hintsUsed: record.hints.count,
                                 ending: CallEnding(outcome: record.outcome, endReason: record.endReason),
                                 objectives: record.grade?.objectives ?? [])
        let comparison = GradeComparison(
            storedScore: record.grade?.score, storedRubricID: record.grade?.rubricID,
            storedRubricHash: record.grade?.rubricHash, grade: grade, rubricID: grader.rubric.id,
            editedReplies: record.turns.compactMap { $0.text == $0.analysis.text ? nil : $0.number },
            changedReadings: zip(record.turns, replies).compactMap { $0.analysis.behaviors == $1.analysis.behaviors ? nil : $0.number })
        self.path = path
        trainee = record.trainee
        scenario = record.scenario.id
        scenarioTitle = record.scenario.title
        customer = record.scenario.customer
        startedAt = record.startedAt
        duration = record.duration
        outcome = Self.outcomeName(outcome: record.outcome, endReason: record.endReason)
        endReason = record.endReason
        rubric = grader.rubric.id
        score = grade.score
        passed = grade.passed
        tier = grade.tier
        hintsUsed = record.hints.count
        self.replies = record.turns.count
        steps = grade.steps.map(StepScore.init)
        negatives = replies.flatMap { reply in
            reply.analysis.behaviors.filter(\.isNegative).map { behavior in
                NegativeShown(behavior: behavior, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id) ?? reply.analysis.text)
            }
        }
        mood = record.mood
        storedScore = record.grade?.score
        disagreements = comparison.disagreements
        note = disagreements.isEmpty ? nil : comparison.discrepancy
    }

    /// Whether the call reached an ending (not left early, not still in progress).
    public var reachedEnding: Bool { outcome != Self.leftEarly && outcome != Self.inProgress }

    /// The outcome of a call the trainee left before an ending.
    public static let leftEarly = "left-early"

    /// The outcome a review shows for `transcript`: its ending's, or `left-early` / `in-progress`.
    public static func outcomeName(_ transcript: Transcript) -> String {
        outcomeName(outcome: transcript.outcome, endReason: transcript.endReason)
    }

    static func outcomeName(outcome: Outcome?, endReason: EndReason?) -> String {
        outcome?.rawValue ?? (endReason == nil ? inProgress : leftEarly)
    }
    /// The outcome of a call with no end recorded.
    public static let inProgress = "in-progress"

    /// Whether the call is flagged as edited: its seal is not intact, or its stored grade shows
    /// the file was changed (replies or grade edited, grade missing). A stored grade that differs
    /// only because the rubric or the scoring data changed since is a note, not a flag: every
    /// score is recomputed anyway. Flagged calls count in no aggregate unless a manager asks
    /// (`--include-flagged`).
    public var flagged: Bool {
        sealProblem != nil || disagreements.contains { [.fileEdited, .repliesEdited, .noStoredGrade].contains($0) }
    }

    /// Why the call is flagged, in one line (nil when it is not).
    public var flagReason: String? {
        [sealProblem, note].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
    }
}

/// One rubric step of one call.
public struct StepScore: Codable, Sendable, Equatable {
    /// The step id.
    public var id: String
    /// The step title.
    public var title: String
    /// Points earned toward 100.
    public var points: Double
    /// The most the step could earn.
    public var maximum: Double
    /// Every check met.
    public var met: Bool

    /// The step's result as a score.
    public init(_ result: StepResult) {
        id = result.id
        title = result.title
        points = result.points
        maximum = result.maximum
        met = result.met
    }

    /// Points as a percent of the step's weight.
    public var percent: Double { maximum > 0 ? 100 * points / maximum : 0 }
}

/// A negative behaviour in one reply, with the words that showed it.
public struct NegativeShown: Codable, Sendable, Equatable {
    /// The behaviour.
    public var behavior: Behavior
    /// The reply's number.
    public var turn: Int
    /// The trainee's words.
    public var quote: String
}

extension String {
    /// Nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
