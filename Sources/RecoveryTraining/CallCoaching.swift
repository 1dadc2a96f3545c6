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
    /// The `limit` changes that matter most, each quoting the trainee's words where there are
    /// some: a missed main objective first (the call turned on it), then what the trainee did
    /// wrong (penalties, summed per behaviour: the words the customer reacted to), then the
    /// other missed objectives and the steps not fully met, by the points they cost.
    public static func changes(_ grade: Grade, transcript: Transcript, scenario: Scenario?, rubric: Rubric?,
                               customer: String, limit: Int = 3) -> [CoachingChange] {
        var ranked: [(rank: Int, change: CoachingChange)] = []
        let fits = fitting(transcript, scenario: scenario, customer: customer)
        for objective in grade.objectives where !objective.met {
            let answer = reply(after: objective.ask, in: transcript)
            ranked.append((objective.main ? 0 : 2, CoachingChange(
                title: objective.title, said: answer?.text, turn: answer?.number, asked: objective.ask.isEmpty ? nil : objective.ask,
                why: "\(customer) needed this and it never came\(objective.main ? ": the call turned on it" : "").",
                better: objective.example, points: objective.maximum)))
        }
        var penaltyOrder: [Behavior] = []
        var penaltyPoints: [Behavior: Int] = [:]
        for penalty in grade.penalties {
            if penaltyPoints[penalty.behavior] == nil { penaltyOrder.append(penalty.behavior) }
            penaltyPoints[penalty.behavior, default: 0] += penalty.points
        }
        for behavior in penaltyOrder {
            guard let first = grade.penalties.first(where: { $0.behavior == behavior }) else { continue }
            let title = penaltyTitles[behavior] ?? behavior.id
            // The advice's first sentence, unless it only says what the title says.
            var why = firstSentence(first.advice)
            if why.dropLast() == title, first.advice.count > why.count + 1 { why = String(first.advice.dropFirst(why.count + 1)) }
            ranked.append((1, CoachingChange(
                title: title, said: sentence(holding: first.quote, turn: first.turn, in: transcript), turn: first.turn, asked: nil,
                why: why, better: scenario?.phrasings[behavior].flatMap { fits($0) ? $0 : nil } ?? first.advice,
                points: Double(max(penaltyPoints[behavior] ?? 0, 1)))))
        }
        for step in grade.steps where step.points + 0.5 < step.maximum {
            let missedIndex = step.checks.firstIndex { !$0.met && $0.quote != nil } ?? step.checks.firstIndex { !$0.met }
            let missed = missedIndex.map { step.checks[$0] }
            let quoted = missed?.quote.map { ($0, missed?.turn) } ?? step.checks.compactMap { check in check.quote.map { ($0, check.turn) } }.first
            ranked.append((2, CoachingChange(
                title: step.title, said: quoted.map { sentence(holding: $0.0, turn: $0.1, in: transcript) }, turn: quoted?.1 ?? nil, asked: nil,
                why: why(missed, advice: step.advice),
                better: phrasing(forStep: step.id, rubric: rubric, scenario: scenario, missedCheck: missedIndex, fitting: fits) ?? step.example,
                points: step.maximum - step.points)))
        }
        let ordered = ranked.enumerated().sorted { a, b in
            (a.element.rank, -a.element.change.points, a.offset) < (b.element.rank, -b.element.change.points, b.offset)
        }
        return Array(ordered.map(\.element.change).prefix(limit))
    }

    /// What to do instead of each failure, as a change's title.
    static let penaltyTitles: [Behavior: String] = [
        .nonApology: "Apologise for what happened, not for \"any inconvenience\"",
        .blame: "Don't pin it on anyone else",
        .deflect: "Don't send the customer somewhere else",
        .dismiss: "Don't brush the feelings aside",
        .vaguePromise: "Give a time, not \"soon\"",
    ]

    /// This scenario's own phrasing for rubric step `id`, by the behaviours its checks ask for:
    /// those of the check at index `missedCheck` first (the one the trainee missed, so that the
    /// suggestion is not what they already did), then the step's others in order. Nil when the
    /// line found does not pass `fitting`: the rubric's own example then says it better than
    /// another behaviour's line would.
    public static func phrasing(forStep id: String, rubric: Rubric?, scenario: Scenario?, missedCheck: Int? = nil,
                                fitting: (String) -> Bool = { _ in true }) -> String? {
        guard let scenario, let step = rubric?.steps.first(where: { $0.id == id }) else { return nil }
        let missed = missedCheck.flatMap { step.checks.indices.contains($0) ? step.checks[$0].behaviors : nil } ?? []
        let line = (missed + step.checks.flatMap(\.behaviors)).lazy.compactMap { scenario.phrasings[$0] }.first
        return line.flatMap { fitting($0) ? $0 : nil }
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

    /// The sentence of reply `turn` that holds `quote` (the words a grade quotes), as the
    /// objectives are quoted: "Thank" alone does not say what the trainee did. `quote` itself
    /// when the reply holds no evidence with those words (a grade that quoted the whole reply).
    static func sentence(holding quote: String, turn: Int?, in transcript: Transcript) -> String {
        guard let analysis = transcript.turns.first(where: { $0.number == turn })?.analysis,
              let evidence = analysis.evidence.first(where: { $0.quote == quote }) else { return quote }
        return analysis.sentence(around: evidence)
    }

    /// The text up to and including its first full stop followed by a space (all of it when none).
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
