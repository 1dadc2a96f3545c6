import RecoveryCore

/// Grades a call's replies against a rubric. Pure: the same replies give the same grade.
public struct Grader: Sendable {
    /// The rubric applied.
    public let rubric: Rubric

    /// A grader for `rubric`.
    public init(rubric: Rubric) { self.rubric = rubric }

    /// The grade for `replies` (in turn order), with `hintsUsed` hints taken, for a call that
    /// stands at `ending`, with the scenario's `objectives` weighed beside the rubric's steps.
    /// Only a call that ended keeping the customer, and met the scenario's main objective, can
    /// pass or reach a tier.
    public func grade(_ replies: [GradedReply], hintsUsed: Int = 0, ending: CallEnding = .inProgress,
                      objectives: [ObjectiveResult] = []) -> Grade {
        let totalWeight = rubric.steps.reduce(0) { $0 + $1.weight } + objectives.reduce(0) { $0 + $1.weight }
        let objectives = objectives.map { objective in
            var result = objective
            result.maximum = totalWeight > 0 ? 100 * objective.weight / totalWeight : 0
            result.points = objective.met ? result.maximum : 0
            return result
        }
        let steps = rubric.steps.map { step in
            let checks = step.checks.map { evaluate($0, replies, ending: ending) }
            let maximum = totalWeight > 0 ? 100 * step.weight / totalWeight : 0
            let fraction = checks.isEmpty ? 0 : Double(checks.filter(\.met).count) / Double(checks.count)
            return StepResult(
                id: step.id, title: step.title, weight: step.weight, points: maximum * fraction,
                maximum: maximum, checks: checks, advice: step.advice, example: step.example)
        }
        let penalties = penaltyResults(replies)
        let hintPoints = hintsUsed * rubric.hintCost
        let earned = steps.reduce(0) { $0 + $1.points } + objectives.reduce(0) { $0 + $1.points }
        let lost = penalties.reduce(0) { $0 + $1.points } + hintPoints
        let score = max(0, min(100, Int((earned - Double(lost)).rounded())))
        // Kept the customer, reached the pass mark, and gave the customer what the call turns on.
        let passed = (ending.outcome?.keepsCustomer ?? false) && score >= rubric.passMark && objectives.allSatisfy { $0.met || !$0.main }
        return Grade(
            rubricID: rubric.id, rubricHash: rubric.contentHash, score: score,
            passed: passed, tier: passed ? rubric.tier(for: score) : nil, ending: ending, steps: steps,
            objectives: objectives, penalties: penalties, hintsUsed: hintsUsed, hintPoints: hintPoints)
    }

    func firstShowing(_ behaviors: [Behavior], _ replies: [GradedReply]) -> (GradedReply, Behavior)? {
        for reply in replies {
            if let behavior = behaviors.first(where: { reply.analysis.shows($0) }) { return (reply, behavior) }
        }
        return nil
    }

    private func penaltyResults(_ replies: [GradedReply]) -> [PenaltyResult] {
        var results: [PenaltyResult] = []
        for penalty in rubric.penalties {
            var taken = 0
            for reply in replies where reply.analysis.shows(penalty.behavior) {
                let points = max(0, min(penalty.points, penalty.maximum - taken))
                taken += points
                results.append(PenaltyResult(
                    behavior: penalty.behavior, turn: reply.turn,
                    quote: reply.analysis.quote(for: penalty.behavior.id) ?? reply.analysis.text,
                    points: points, advice: penalty.advice))
            }
        }
        return results.sorted { ($0.turn, $0.behavior) < ($1.turn, $1.behavior) }
    }
}
