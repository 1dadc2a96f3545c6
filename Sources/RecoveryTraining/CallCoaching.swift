import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// One change that would have mattered in a call: what the trainee said (or what the customer
/// asked that went unanswered), why it cost, and a better phrasing for this scenario.
public struct CoachingChange: Sendable, Equatable, Codable {
    /// What to do differently, in a few words.
    public var title: String
    /// The trainee's words it is about, when there are some.
    public var said: String?
    /// The reply those words were in.
    public var turn: Int?
    /// The customer's words it answers (an objective's ask), when it is about an objective.
    public var asked: String?
    /// Why it matters, naming the model or the customer.
    public var why: String
    /// A better phrasing: the scenario's own when it has one, the rubric's otherwise.
    public var better: String
    /// Points it cost, for ranking.
    public var points: Double
}

/// The changes that matter most in a graded call, for the end-of-call screen and the debrief.
public enum CallCoaching {
    /// The `limit` changes that cost the most points (missed objectives, penalties summed per
    /// behaviour, steps not fully met), each quoting the trainee's words where there are some.
    public static func changes(_ grade: Grade, transcript: Transcript, scenario: Scenario?, rubric: Rubric?,
                               customer: String, limit: Int = 3) -> [CoachingChange] {
        var changes: [CoachingChange] = []
        for objective in grade.objectives where !objective.met {
            let answer = reply(after: objective.ask, in: transcript)
            changes.append(CoachingChange(
                title: objective.title, said: answer?.text, turn: answer?.number, asked: objective.ask.isEmpty ? nil : objective.ask,
                why: "\(customer) needed this and it never came\(objective.main ? ": the call turned on it" : "").",
                better: objective.example, points: objective.maximum + (objective.main ? 100 : 0)))
        }
        var penaltyOrder: [Behavior] = []
        var penaltyPoints: [Behavior: Int] = [:]
        for penalty in grade.penalties {
            if penaltyPoints[penalty.behavior] == nil { penaltyOrder.append(penalty.behavior) }
            penaltyPoints[penalty.behavior, default: 0] += penalty.points
        }
        for behavior in penaltyOrder {
            guard let first = grade.penalties.first(where: { $0.behavior == behavior }) else { continue }
            changes.append(CoachingChange(
                title: "Drop the \(behavior.id.replacingOccurrences(of: "_", with: " "))", said: first.quote, turn: first.turn, asked: nil,
                why: first.advice, better: scenario?.phrasings[behavior] ?? first.advice,
                points: Double(max(penaltyPoints[behavior] ?? 0, 1))))
        }
        for step in grade.steps where step.points + 0.5 < step.maximum {
            let missed = step.checks.first { !$0.met && $0.quote != nil } ?? step.checks.first { !$0.met }
            let quoted = missed?.quote.map { ($0, missed?.turn) } ?? step.checks.compactMap { check in check.quote.map { ($0, check.turn) } }.first
            let rubricStep = rubric?.steps.first { $0.id == step.id }
            let own = rubricStep?.checks.lazy.flatMap(\.behaviors).compactMap { scenario?.phrasings[$0] }.first
            changes.append(CoachingChange(
                title: step.title, said: quoted?.0, turn: quoted?.1 ?? nil, asked: nil,
                why: why(missed, advice: step.advice),
                better: own ?? step.example, points: step.maximum - step.points))
        }
        return Array(changes.enumerated().sorted { ($1.element.points, $0.offset) < ($0.element.points, $1.offset) }.map(\.element).prefix(limit))
    }

    /// Why a step cost points, in a line or two: when it came too early or too late, that (the
    /// order the models teach), then the first sentence of the rubric's advice.
    private static func why(_ missed: CheckResult?, advice: String) -> String {
        let lead = firstSentence(advice)
        guard let reason = missed?.reason, ["too early", "too late", "never shown before"].contains(where: reason.hasPrefix) else { return lead }
        let trimmed = reason.replacingOccurrences(of: "; \(Grader.tooLate)", with: "")
        return trimmed.prefix(1).uppercased() + trimmed.dropFirst() + ". " + lead
    }

    /// The trainee's reply right after the customer said `ask` (first time), if there was one.
    static func reply(after ask: String, in transcript: Transcript) -> TurnRecord? {
        guard !ask.isEmpty else { return nil }
        let askedAt = transcript.opening.customerLines.contains { $0.contains(ask) } ? 0
            : transcript.turns.first { $0.response.customerLines.contains { $0.contains(ask) } }?.number
        guard let askedAt else { return nil }
        return transcript.turns.first { $0.number == askedAt + 1 }
    }

    /// The text up to and including its first full stop followed by a space (all of it when none).
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
