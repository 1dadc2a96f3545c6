import Foundation
import RecoveryCore

/// One trainee's calls at a glance: progress, each step's average, the habits to coach.
public struct TraineeSummary: Codable, Sendable, Equatable {
    /// The trainee.
    public var trainee: String
    /// Their team, from the roster.
    public var team: String?
    /// How many calls.
    public var attempts: Int
    /// The score of the earliest call.
    public var firstScore: Int
    /// The best score among calls that reached an ending (calls stopped early are left out
    /// unless asked for); nil when there is none.
    public var bestScore: Int?
    /// The score of the latest call.
    public var latestScore: Int
    /// The tier of the latest call.
    public var latestTier: String?
    /// Each rubric step's average, as a percent of the step's weight, in rubric order.
    public var steps: [StepAverage]
    /// The negative behaviours shown most often, most frequent first, each with one example.
    public var negatives: [NegativeHabit]
    /// Average score, pass rate and outcome mix over all their calls.
    public var figures: CallFigures
    /// Their latest five calls against the five before.
    public var trend: RecentTrend
    /// First, best and latest on each scenario they played.
    public var scenarios: [ScenarioProgress]

    /// A step whose average reaches this percent of its weight is mastered: coaching starts
    /// only below it.
    public static let mastery = 80.0

    /// The step with the lowest average below `mastery`: where coaching should start (nil when
    /// every step is mastered).
    public var weakestStep: StepAverage? { StepAverage.weakest(steps) }

    /// One summary per trainee (sorted by name) from `calls`; `includeIncomplete` lets calls
    /// that stopped before an ending count toward the best score.
    public static func summaries(_ calls: [CallSummary], includeIncomplete: Bool = false) -> [TraineeSummary] {
        Dictionary(grouping: calls, by: \.trainee).map { trainee, theirs in
            let ordered = theirs.sorted { ($0.startedAt, $0.path) < ($1.startedAt, $1.path) }
            return TraineeSummary(
                trainee: trainee, team: ordered.last!.team, attempts: ordered.count, firstScore: ordered.first!.score,
                bestScore: ordered.filter { includeIncomplete || $0.reachedEnding }.map(\.score).max(), latestScore: ordered.last!.score,
                latestTier: ordered.last!.tier, steps: StepAverage.averages(ordered),
                negatives: NegativeHabit.habits(ordered), figures: CallFigures(ordered), trend: RecentTrend(ordered),
                scenarios: ScenarioProgress.progress(ordered, includeIncomplete: includeIncomplete))
        }.sorted { ($0.trainee.lowercased(), $0.trainee) < ($1.trainee.lowercased(), $1.trainee) }
    }
}

/// A rubric step's average over some calls.
public struct StepAverage: Codable, Sendable, Equatable {
    /// The step id.
    public var id: String
    /// The step title.
    public var title: String
    /// Average points as a percent of the step's weight.
    public var percent: Double
    /// Calls that had this step.
    public var calls: Int
    /// Calls where it was not fully met.
    public var missed: Int

    /// The step with the lowest average below `TraineeSummary.mastery` (ties by id): where
    /// coaching starts, for a trainee, a team or everyone; nil when every step is mastered.
    static func weakest(_ steps: [StepAverage]) -> StepAverage? {
        steps.filter { $0.percent < TraineeSummary.mastery }.min { ($0.percent, $0.id) < ($1.percent, $1.id) }
    }

    /// One average per step id, in the order steps first appear.
    static func averages(_ calls: [CallSummary]) -> [StepAverage] {
        var order: [String] = []
        var byID: [String: (title: String, total: Double, calls: Int, missed: Int)] = [:]
        for step in calls.flatMap(\.steps) {
            if byID[step.id] == nil { order.append(step.id); byID[step.id] = (step.title, 0, 0, 0) }
            byID[step.id]!.total += step.percent
            byID[step.id]!.calls += 1
            if !step.met { byID[step.id]!.missed += 1 }
        }
        return order.map { id in
            let entry = byID[id]!
            return StepAverage(id: id, title: entry.title, percent: entry.total / Double(entry.calls), calls: entry.calls, missed: entry.missed)
        }
    }
}

/// A negative behaviour a trainee keeps showing.
public struct NegativeHabit: Codable, Sendable, Equatable {
    /// The behaviour.
    public var behavior: Behavior
    /// How many replies showed it.
    public var count: Int
    /// The words of its most recent showing.
    public var example: String
    /// The call that example comes from.
    public var examplePath: String

    /// The habits in `calls` (oldest first), most frequent first; ties by behaviour order.
    static func habits(_ calls: [CallSummary]) -> [NegativeHabit] {
        var found: [Behavior: NegativeHabit] = [:]
        for call in calls {
            for shown in call.negatives {
                let count = (found[shown.behavior]?.count ?? 0) + 1
                found[shown.behavior] = NegativeHabit(behavior: shown.behavior, count: count, example: shown.quote, examplePath: call.path)
            }
        }
        return found.values.sorted { ($1.count, $0.behavior) < ($0.count, $1.behavior) }
    }
}

/// One rubric step across the team: how it goes on average and who misses it most.
public struct StepSummary: Codable, Sendable, Equatable {
    /// The step's average over every call.
    public var step: StepAverage
    /// The trainee who misses it in the largest share of their calls, if anyone misses it.
    public var missedMostBy: String?
    /// How many of that trainee's calls missed it.
    public var missedMostCount: Int
    /// How many calls that trainee made with this step.
    public var missedMostAttempts: Int

    /// One summary per step id, in the order steps first appear.
    public static func summaries(_ calls: [CallSummary]) -> [StepSummary] {
        let ordered = calls.sorted { ($0.startedAt, $0.path) < ($1.startedAt, $1.path) }
        let perTrainee = Dictionary(grouping: ordered, by: \.trainee).mapValues(StepAverage.averages)
        return StepAverage.averages(ordered).map { step in
            let rivals = perTrainee.compactMap { trainee, steps in
                steps.first { $0.id == step.id && $0.missed > 0 }.map { (trainee, $0) }
            }
            let worst = rivals.max { a, b in
                let left = Double(a.1.missed) / Double(a.1.calls), right = Double(b.1.missed) / Double(b.1.calls)
                return (left, a.1.missed, b.0) < (right, b.1.missed, a.0)
            }
            return StepSummary(step: step, missedMostBy: worst?.0, missedMostCount: worst?.1.missed ?? 0,
                               missedMostAttempts: worst?.1.calls ?? 0)
        }
    }
}
