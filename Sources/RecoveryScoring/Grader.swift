import RecoveryCore

/// Grades a call's replies against a rubric. Pure: the same replies give the same grade.
public struct Grader: Sendable {
    /// The rubric applied.
    public let rubric: Rubric

    /// A grader for `rubric`.
    public init(rubric: Rubric) { self.rubric = rubric }

    /// The grade for `replies` (in turn order), with `hintsUsed` hints taken.
    public func grade(_ replies: [GradedReply], hintsUsed: Int = 0) -> Grade {
        let totalWeight = rubric.steps.reduce(0) { $0 + $1.weight }
        let steps = rubric.steps.map { step in
            let checks = step.checks.map { evaluate($0, replies) }
            let maximum = totalWeight > 0 ? 100 * step.weight / totalWeight : 0
            let fraction = checks.isEmpty ? 0 : Double(checks.filter(\.met).count) / Double(checks.count)
            return StepResult(
                id: step.id, title: step.title, weight: step.weight, points: maximum * fraction,
                maximum: maximum, checks: checks, advice: step.advice, example: step.example)
        }
        let penalties = penaltyResults(replies)
        let hintPoints = hintsUsed * rubric.hintCost
        let earned = steps.reduce(0) { $0 + $1.points }
        let lost = penalties.reduce(0) { $0 + $1.points } + hintPoints
        let score = max(0, min(100, Int((earned - Double(lost)).rounded())))
        return Grade(
            rubricID: rubric.id, rubricHash: rubric.contentHash, score: score,
            passed: score >= rubric.passMark, tier: rubric.tier(for: score), steps: steps,
            penalties: penalties, hintsUsed: hintsUsed, hintPoints: hintPoints)
    }

    /// The first step not yet fully met by `replies`, for `/hint`; nil when every step is met.
    public func nextHint(_ replies: [GradedReply]) -> StepResult? {
        let graded = grade(replies)
        return graded.steps.first { step in
            !step.met && step.checks.contains { !$0.met && !($0.reason?.hasSuffix(Self.tooLate) ?? false) }
        }
    }

    private static let tooLate = "too late now"

    private func evaluate(_ check: RubricCheck, _ replies: [GradedReply]) -> CheckResult {
        let summary = check.summary
        switch check {
        case let .shows(behaviors, byTurn):
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                let late = byTurn.map { reply.turn > $0 } ?? false
                return CheckResult(
                    summary: summary, met: !late, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: late ? "first shown at reply \(reply.turn), after reply \(byTurn!)" : nil)
            }
            let over = byTurn.map { replies.count >= $0 } ?? false
            return CheckResult(summary: summary, met: false, reason: over ? Self.tooLate : "never shown")
        case let .showsNearEnd(behaviors, count):
            let window = replies.suffix(count)
            if let (reply, behavior) = firstShowing(behaviors, Array(window)) {
                return CheckResult(summary: summary, met: true, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id))
            }
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                return CheckResult(
                    summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: "shown at reply \(reply.turn), not in the last \(count == 1 ? "reply" : "\(count) replies")")
            }
            return CheckResult(summary: summary, met: false, reason: "never shown")
        case let .never(behaviors):
            guard !replies.isEmpty else {
                return CheckResult(summary: summary, met: false, reason: "no reply was given")
            }
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                return CheckResult(
                    summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: "\(behavior.id) at reply \(reply.turn); \(Self.tooLate)")
            }
            return CheckResult(summary: summary, met: true)
        case let .firstReplyWithin(seconds):
            guard let first = replies.first else {
                return CheckResult(summary: summary, met: false, reason: "no reply was given")
            }
            let met = first.latency <= seconds
            return CheckResult(
                summary: summary, met: met, turn: 1, quote: nil,
                reason: met ? nil : "the first reply took \(Int(first.latency.rounded())) s; \(Self.tooLate)")
        case let .order(first, then):
            let early = firstShowing(first, replies)
            let late = firstShowing(then, replies)
            guard let (earlyReply, earlyBehavior) = early else {
                return CheckResult(summary: summary, met: false, reason: "never shown")
            }
            if let (lateReply, lateBehavior) = late, lateReply.turn < earlyReply.turn {
                return CheckResult(
                    summary: summary, met: false, turn: lateReply.turn,
                    quote: lateReply.analysis.quote(for: lateBehavior.id),
                    reason: "went to \(lateBehavior.id) at reply \(lateReply.turn) before \(earlyBehavior.id) at reply \(earlyReply.turn)")
            }
            return CheckResult(summary: summary, met: true, turn: earlyReply.turn, quote: earlyReply.analysis.quote(for: earlyBehavior.id))
        case let .atMost(behavior, times):
            let showing = replies.filter { $0.analysis.shows(behavior) }
            guard let first = showing.first else {
                return CheckResult(summary: summary, met: false, reason: "never shown")
            }
            guard showing.count > times else {
                return CheckResult(summary: summary, met: true, turn: first.turn, quote: first.analysis.quote(for: behavior.id))
            }
            let offending = showing[times]
            return CheckResult(
                summary: summary, met: false, turn: offending.turn, quote: offending.analysis.quote(for: behavior.id),
                reason: "\(behavior.id) in \(showing.count) replies; it starts to sound scripted")
        case .firstPersonApology:
            let apologies = replies.filter { $0.analysis.shows(.apologize) }
            if let personal = apologies.first(where: { !$0.analysis.notes.contains("impersonal_apology") }) {
                return CheckResult(summary: summary, met: true, turn: personal.turn, quote: personal.analysis.quote(for: Behavior.apologize.id))
            }
            if let impersonal = apologies.first {
                return CheckResult(
                    summary: summary, met: false, turn: impersonal.turn, quote: impersonal.analysis.quote(for: Behavior.apologize.id),
                    reason: "only \"we\" apologised; say \"I'm sorry\"")
            }
            return CheckResult(summary: summary, met: false, reason: "no apology")
        }
    }

    private func firstShowing(_ behaviors: [Behavior], _ replies: [GradedReply]) -> (GradedReply, Behavior)? {
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
