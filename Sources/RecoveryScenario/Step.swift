import RecoveryCore

/// What the engine did with one reply (or with the opening, turn 0): what fired, how the mood
/// moved, what the customer says, and where the call is now.
public struct Step: Codable, Sendable, Equatable {
    /// The reply's number; 0 for the opening.
    public var turn: Int
    /// The mood before the reply.
    public var moodBefore: Int
    /// The mood after the reply.
    public var moodAfter: Int
    /// Rules and the branch that fired, in the order they fired.
    public var fired: [FiredRule]
    /// Stage directions, in order.
    public var narration: [String]
    /// What the customer says: reactions (`say`) first, then a line of the node now current.
    public var customerLines: [String]
    /// The node now current.
    public var node: String
    /// The ending node, if the call ended with this step.
    public var ending: String?
    /// The outcome, if the call ended with this step.
    public var outcome: Outcome?
    /// The scenario objectives this reply met (first met here), in file order; nil when none.
    public var objectivesMet: [String]?

    /// A step; see the properties for the meaning of each part.
    public init(
        turn: Int, moodBefore: Int, moodAfter: Int, fired: [FiredRule] = [], narration: [String] = [],
        customerLines: [String] = [], node: String, ending: String? = nil, outcome: Outcome? = nil
    ) {
        self.turn = turn
        self.moodBefore = moodBefore
        self.moodAfter = moodAfter
        self.fired = fired
        self.narration = narration
        self.customerLines = customerLines
        self.node = node
        self.ending = ending
        self.outcome = outcome
    }
}

/// A rule, branch or turn limit that fired during a step.
public struct FiredRule: Codable, Sendable, Equatable {
    /// What fired.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A rule of `rules:` (before or after the branch).
        case rule
        /// A node's branch with a `when:`.
        case branch
        /// A node's `otherwise:` branch.
        case otherwise
        /// The turn limit ended the call.
        case turnLimit = "turn-limit"
    }

    /// What fired.
    public var kind: Kind
    /// The condition as written; nil for `otherwise`; `turn >= N` for the turn limit.
    public var condition: String?
    /// The line of the entry in the scenario file.
    public var line: Int
    /// Where the entry asked to go, if it has a `goto` (a later entry may override it).
    public var goto: String?

    /// A fired entry; see the properties for the meaning of each part.
    public init(kind: Kind, condition: String?, line: Int, goto: String?) {
        self.kind = kind
        self.condition = condition
        self.line = line
        self.goto = goto
    }
}
