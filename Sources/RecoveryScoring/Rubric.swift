import RecoveryCore

/// A recovery model as data: weighted steps over behaviours, penalties for the failures,
/// a pass mark and tiers. Loaded from `Scoring/rubrics/<id>.yaml`.
public struct Rubric: Sendable {
    /// The file name without `.yaml`.
    public var id: String
    /// The model's name as a trainee sees it.
    public var title: String
    /// Who the model comes from, cited in advice.
    public var source: String
    /// The score needed to pass, 0...100.
    public var passMark: Int
    /// Named tiers, highest threshold first.
    public var tiers: [RubricTier]
    /// Points taken off for each `/hint`.
    public var hintCost: Int
    /// The steps, in the order a coach would check them.
    public var steps: [RubricStep]
    /// Deductions for negative behaviours.
    public var penalties: [RubricPenalty]
    /// SHA-256 of the rubric file, stored in transcripts.
    public var contentHash: String
    /// Where the rubric was read from.
    public var path: String
}

/// A named score band such as Gold (90 and above).
public struct RubricTier: Sendable, Codable, Hashable {
    /// The tier's name.
    public var name: String
    /// The lowest score in the tier.
    public var minimum: Int
}

/// One step of a recovery model; it earns `weight` times the share of its checks met.
public struct RubricStep: Sendable {
    /// A stable id, used in transcripts and reviews.
    public var id: String
    /// The step as a coach names it.
    public var title: String
    /// Its share of the score, relative to the other steps.
    public var weight: Double
    /// What has to happen; each check met earns an equal share of the step.
    public var checks: [RubricCheck]
    /// What to do next time when the step is missed, citing the model.
    public var advice: String
    /// An example phrasing that would meet the step.
    public var example: String
}

/// One thing a step looks for in the call.
public enum RubricCheck: Sendable, Hashable {
    /// Some reply (by `byTurn`, when given) shows any of these behaviours.
    case shows([Behavior], byTurn: Int?)
    /// One of the last `replies` replies shows any of these behaviours ("thank them at the end").
    case showsNearEnd([Behavior], replies: Int)
    /// At least one reply was given and none shows any of these behaviours ("never pass the buck").
    case never([Behavior])
    /// The first reply came within this many seconds.
    case firstReplyWithin(seconds: Double)
    /// A reply showing one of `first` comes before (or with) the first reply showing one of `then`.
    case order(first: [Behavior], then: [Behavior])
    /// The behaviour is shown, in at least one and at most this many replies.
    case atMost(Behavior, times: Int)
    /// Some apology is in the first person ("I'm sorry", not only "we're sorry").
    case firstPersonApology
    /// Some reply before the first reply showing one of `anchor` shows one of the behaviours
    /// (any reply, when no `anchor` behaviour is ever shown): "let them tell it before the fix".
    /// With `inReply` (`said_before:`), the anchor's own reply counts too when the behaviour's
    /// words come first in it: "I'm sorry. I'm sending Dana at 10" apologises before the fix.
    case showsBefore([Behavior], anchor: [Behavior], inReply: Bool)
    /// Some reply after the first reply showing one of `anchor` shows one of the behaviours:
    /// "check they are satisfied once the fix is on the table".
    case showsAfter([Behavior], anchor: [Behavior])
    /// The call ended at one of these outcomes.
    case outcome([Outcome])
    /// A reply that fixes or promises (resolve, commit, follow_up) names a time at most this
    /// many minutes away: Solomon's "fix it or follow up within twenty minutes".
    case withinMinutes(Int)

    /// The behaviours the check asks for (not those it forbids): what a better phrasing for
    /// the step should show.
    public var behaviors: [Behavior] {
        switch self {
        case let .shows(behaviors, _), let .showsNearEnd(behaviors, _), let .showsBefore(behaviors, _, _), let .showsAfter(behaviors, _):
            behaviors
        case let .order(first, _): first
        case let .atMost(behavior, _): [behavior]
        case .firstPersonApology: [.apologize]
        case .withinMinutes: [.commit, .followUp]
        case .never, .firstReplyWithin, .outcome: []
        }
    }

    /// A one-line description for checklists.
    public var summary: String {
        switch self {
        case let .shows(behaviors, byTurn):
            let names = behaviors.map(\.id).joined(separator: " or ")
            return byTurn.map { "\(names) by reply \($0)" } ?? names
        case let .showsNearEnd(behaviors, count):
            let names = behaviors.map(\.id).joined(separator: " or ")
            return count == 1 ? "\(names) in the last reply" : "\(names) in the last \(count) replies"
        case let .never(behaviors):
            return "never \(behaviors.map(\.id).joined(separator: " or "))"
        case let .firstReplyWithin(seconds):
            return "first reply within \(Self.format(seconds)) s"
        case let .order(first, then):
            return "\(first.map(\.id).joined(separator: "/")) before \(then.map(\.id).joined(separator: "/"))"
        case let .atMost(behavior, times):
            return "\(behavior.id), at most \(times) times"
        case .firstPersonApology:
            return "an apology in the first person (\"I'm sorry\")"
        case let .showsBefore(behaviors, anchor, inReply):
            return "\(behaviors.map(\.id).joined(separator: " or ")) \(inReply ? "said before" : "before") \(anchor.map(\.id).joined(separator: "/"))"
        case let .showsAfter(behaviors, anchor):
            return "\(behaviors.map(\.id).joined(separator: " or ")) after \(anchor.map(\.id).joined(separator: "/"))"
        case let .outcome(outcomes):
            return "the call ends \(outcomes.map(\.rawValue).joined(separator: " or "))"
        case let .withinMinutes(minutes):
            return "a fix or a promise within \(minutes) minutes"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Points off for a negative behaviour, for each reply that shows it, up to a cap.
public struct RubricPenalty: Sendable {
    /// The negative behaviour.
    public var behavior: Behavior
    /// Points per reply that shows it.
    public var points: Int
    /// The most this penalty can take off in one call.
    public var maximum: Int
    /// What to do instead, citing the model.
    public var advice: String
}

extension Rubric {
    /// The tier a score falls in, if any.
    public func tier(for score: Int) -> String? {
        tiers.sorted { $0.minimum > $1.minimum }.first { score >= $0.minimum }?.name
    }
}
