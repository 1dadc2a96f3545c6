import Yams

/// Where the parts of a scenario are in its file, recorded while decoding, so that the checks run
/// on the decoded model (`ScenarioLint`) can point at the offending key or value.
struct ScenarioSources {
    /// The branch or rule an effect or condition belongs to.
    enum Owner: Hashable {
        /// Branch `index` (0-based, in file order) of node `node`.
        case branch(node: String, index: Int)
        /// Rule `index` (0-based, in file order).
        case rule(index: Int)
        /// Line variant `index` (0-based) of node `node`.
        case line(node: String, index: Int)
        /// Objective `index` (0-based, in file order).
        case objective(index: Int)
    }

    /// A `when:` value and the intent and flag names written in it, with their positions.
    struct ConditionSite {
        /// The `when:` value.
        var node: Node
        /// Names that are not behaviour ids, with the file position of each.
        var names: [(name: String, line: Int, column: Int)]
    }

    /// Each intent's key, in file order.
    var intentKeys: [(name: String, node: Node)] = []
    /// Each `set:` item, with the branch or rule it belongs to.
    var flagSets: [(name: String, node: Node, owner: Owner)] = []
    /// The `when:` of each branch and rule.
    var conditions: [Owner: ConditionSite] = [:]
    /// The `asked:` value of each objective, by objective id.
    var objectiveAsks: [String: Node] = [:]
    /// The `otherwise` key of each node that has one.
    var otherwiseKeys: [String: Node] = [:]
    /// The key of each node under `nodes:`.
    var nodeKeys: [String: Node] = [:]
    /// The value of `turn_limit.turns`.
    var turns: Node?
}

extension ConditionExpression {
    /// The names not yet bound (intents and flags), with their offsets, in the order written.
    var unboundNames: [(name: String, offset: Int)] {
        switch self {
        case .name(let name, let offset): [(name, offset)]
        case .compare(let quantity, _, _) where quantity.unbound != nil: [(quantity.unbound!, quantity.offset)]
        case .not(let inner): inner.unboundNames
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.unboundNames + rhs.unboundNames
        case .constant, .signal, .flag, .compare: []
        }
    }

    /// The signal slots this expression reads, alone or in `count()`.
    var signalSlots: [Int] {
        switch self {
        case .signal(let slot): [slot]
        case .compare(let quantity, _, _) where quantity.slot >= 0: [quantity.slot]
        case .not(let inner): inner.signalSlots
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.signalSlots + rhs.signalSlots
        case .constant, .flag, .name, .compare: []
        }
    }

    /// The flag slots this expression reads.
    var flagSlots: [Int] {
        switch self {
        case .flag(let slot): [slot]
        case .not(let inner): inner.flagSlots
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.flagSlots + rhs.flagSlots
        case .constant, .signal, .name, .compare: []
        }
    }
}
