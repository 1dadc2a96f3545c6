/// What `/hint` points at: the objective or step that matters most at this point of the call.
public enum HintTarget: Sendable, Equatable {
    /// One of the scenario's objectives, not met yet.
    case objective(ObjectiveResult)
    /// A rubric step the trainee can still meet now.
    case step(StepResult)

    /// A stable id, so the same hint is never given twice: the step id, or `objective:<id>`.
    public var id: String {
        switch self {
        case let .objective(objective): "objective:" + objective.id
        case let .step(step): step.id
        }
    }
}

extension Grade {
    /// The next hint, skipping the targets in `given`: the scenario's main objective while it
    /// is missed, then the rubric's steps in order (the order a recovery goes) that can still
    /// be met now (not "too late now", and not waiting for a fix that has not come), then the
    /// other objectives. Nil when nothing is left to point at.
    public func nextHint(excluding given: Set<String>) -> HintTarget? {
        let missed = objectives.filter { !$0.met }
        let available = steps.filter { step in
            !step.met && step.checks.contains { check in
                guard !check.met else { return false }
                let reason = check.reason ?? ""
                return !reason.hasSuffix(Grader.tooLate) && !reason.hasPrefix(Grader.notYet)
            }
        }
        let ordered = missed.filter(\.main).map(HintTarget.objective) + available.map(HintTarget.step)
            + missed.filter { !$0.main }.sorted { $0.weight > $1.weight }.map(HintTarget.objective)
        return ordered.first { !given.contains($0.id) }
    }
}
