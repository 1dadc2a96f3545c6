import RecoveryCore

/// A scenario file, decoded and checked: everything the engine and the tools need.
public struct Scenario: Sendable {
    /// The scenario id, equal to the file name without `.yaml`.
    public var id: String
    /// The title shown in lists.
    public var title: String
    /// Shown to the trainee before the call: who they are, what happened.
    public var briefing: String
    /// 1 (gentle) .. 5 (hard).
    public var difficulty: Int
    /// Free-form labels for filtering.
    public var tags: [String]
    /// The default rubric id, if the scenario names one.
    public var rubric: String?
    /// The customer the program plays.
    public var customer: Customer
    /// The id of the first node.
    public var start: String
    /// When the call ends on its own, if it does.
    public var turnLimit: TurnLimit?
    /// Scenario phrases usable in conditions, in file order.
    public var intents: [(name: String, phrases: [String])]
    /// Rules checked on every reply, in file order.
    public var rules: [Rule]
    /// Every node by id.
    public var nodes: [String: ScenarioNode]
    /// Node ids in file order.
    public var nodeOrder: [String]
    /// The test conversations of the file.
    public var tests: [ScenarioTest]
    /// The file as the user named it.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var contentHash: String
    /// Ids of the ending nodes, in file order.
    public var endings: [String]
    /// Problems that do not stop the scenario from running (such as unreachable nodes).
    public var warnings: [Diagnostic]
    /// The intents and flags the conditions were bound to.
    public var vocabulary: ConditionVocabulary
    /// What this customer needs beyond the generic steps, each a condition over the call.
    public var objectives: [Objective] = []
    /// Better phrasings written for this scenario, by behaviour: what the debrief offers in
    /// place of the trainee's words (a rubric's generic example is the fallback).
    public var phrasings: [Behavior: String] = [:]

    /// The nodes in file order.
    public var orderedNodes: [ScenarioNode] { nodeOrder.compactMap { nodes[$0] } }

    /// Everything the customer can say, in file order: each node's lines, then every `say:` of
    /// a branch and of a rule.
    public var spokenLines: [String] { Self.spokenLines(of: orderedNodes, rules: rules) }

    /// `spokenLines` of the parts, for checks run before the scenario is assembled.
    static func spokenLines(of nodes: [ScenarioNode], rules: [Rule]) -> [String] {
        nodes.flatMap { $0.lines.map(\.text) + $0.branches.flatMap(\.effects.say) } + rules.flatMap(\.effects.say)
    }
}

/// Something this customer needs beyond the generic steps (Sydney: an answer on whether her
/// family is safe). Met at the first reply after which its condition holds; graded beside the
/// rubric's steps by the training module, which hands the grader plain results.
public struct Objective: Sendable {
    /// A stable id, used in transcripts, tests and reviews.
    public var id: String
    /// What the customer needs, as a coach names it.
    public var title: String
    /// When it is met: checked after every reply, in the state that reply left.
    public var condition: Condition
    /// The customer's own words asking for it, quoted in the debrief when it is missed.
    public var ask: String
    /// Its weight, on the same scale as the rubric's step weights.
    public var weight: Double
    /// Whether the call turns on it (one objective at most): `/hint` points at it first.
    public var main: Bool
    /// A phrasing that would meet it, for the debrief.
    public var example: String
    /// The line of its entry in the file.
    public var line: Int
    /// The column of its `id:` value in the file.
    public var column: Int = 1
}

/// The customer the program plays.
public struct Customer: Sendable, Equatable {
    /// The customer's name.
    public var name: String
    /// Starting mood, 0 calm .. 10 gone.
    public var mood: Int
    /// Seconds the customer waits patiently, if given (informational; rules use `latency`).
    public var patience: Double?
}

/// The call ends at `goto` after `turns` replies.
public struct TurnLimit: Sendable, Equatable {
    /// How many replies the call may take.
    public var turns: Int
    /// The ending node reached when the limit is hit.
    public var goto: String
    /// The line of `turn_limit:` in the file.
    public var line: Int
}

/// What a rule or branch does when it fires.
public struct Effects: Sendable, Equatable {
    /// The mood change, such as +2 or -1.
    public var mood: Int = 0
    /// Flags to set.
    public var set: [String] = []
    /// Flags to clear.
    public var clear: [String] = []
    /// A customer line said at once, as a reaction: one of these variants, chosen so that
    /// no line is said twice in a call while another is left.
    public var say: [String] = []
    /// A stage direction.
    public var narrate: String?
    /// The next node, if the entry moves the call.
    public var goto: String?
}

/// A rule checked on every reply.
public struct Rule: Sendable {
    /// When the rule fires.
    public var condition: Condition
    /// Whether the rule is checked after the node's branch.
    public var after: Bool
    /// What it does.
    public var effects: Effects
    /// The line of the rule's entry in the file.
    public var line: Int
}

/// One branch of a node; `condition` is nil for `otherwise:`.
public struct Branch: Sendable {
    /// When the branch is taken; nil for `otherwise:`.
    public var condition: Condition?
    /// What it does; `goto` is always present.
    public var effects: Effects
    /// The line of the branch's entry in the file.
    public var line: Int

    /// Whether this is the `otherwise:` branch.
    public var isOtherwise: Bool { condition == nil }
}

/// One variant of what the customer says at a node.
public struct LineVariant: Sendable, Equatable {
    /// The words.
    public var text: String
    /// The moods in which this variant may be said; nil for any mood.
    public var moodBand: ClosedRange<Int>?
    /// When this variant may be said (checked after the reply that led here), such as
    /// `count(commit) == 0` for "What time will someone be here?"; nil for always.
    public var condition: Condition?

    /// A variant of `text`, said in `moodBand` when `condition` holds.
    public init(text: String, moodBand: ClosedRange<Int>? = nil, condition: Condition? = nil) {
        self.text = text
        self.moodBand = moodBand
        self.condition = condition
    }

    public static func == (a: LineVariant, b: LineVariant) -> Bool {
        a.text == b.text && a.moodBand == b.moodBand && a.condition?.source == b.condition?.source
    }
}

/// A point in the conversation: what the customer says, and where each kind of reply leads.
public struct ScenarioNode: Sendable {
    /// The node id.
    public var id: String
    /// Line variants, one said each time the node is entered.
    public var lines: [LineVariant]
    /// Ordered branches ending with `otherwise:`; empty for endings.
    public var branches: [Branch]
    /// The outcome, if this node ends the call.
    public var ending: Outcome?
    /// The line of the node's id in the file.
    public var line: Int
    /// The column of the node's id in the file.
    public var column: Int = 1

    /// Whether the call ends here.
    public var isEnding: Bool { ending != nil }

    /// Every node this node's branches lead to, in order, each once.
    public var successors: [String] {
        var result: [String] = []
        for case let target? in branches.map(\.effects.goto) where !result.contains(target) { result.append(target) }
        return result
    }
}
