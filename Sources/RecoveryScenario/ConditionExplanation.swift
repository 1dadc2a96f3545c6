import RecoveryCore

/// Why one rule, branch or turn limit fired: the entry, and the parts of its condition that held.
public struct FiredExplanation: Sendable, Equatable {
    /// The entry that fired (kind, condition as written, file line, goto).
    public var entry: FiredRule
    /// The parts of the condition that were true, such as `apologize` or `mood >= 7 (mood was 8)`;
    /// empty for `otherwise`.
    public var matched: [String]

    /// An explanation of `entry`; see the properties.
    public init(entry: FiredRule, matched: [String]) {
        self.entry = entry
        self.matched = matched
    }
}

extension Condition {
    /// The parts of the condition that make it true in `context`, one per name or comparison that
    /// counted (for `a or b`, only the side that held); empty when the condition does not hold.
    public func trueParts(in context: ConditionContext) -> [String] {
        guard evaluate(in: context) else { return [] }
        return expression.trueParts(in: context)
    }
}

extension Engine {
    /// For the last reply (debug `/why`): each entry that fired, in order, with the parts of its
    /// condition that were true when it was checked. Empty before the first reply.
    public func explainLastReply() -> [FiredExplanation] {
        lastFired.map { entry, context in
            switch entry.kind {
            case .otherwise:
                return FiredExplanation(entry: entry, matched: [])
            case .turnLimit:
                return FiredExplanation(entry: entry, matched: ["turn >= \(scenario.turnLimit?.turns ?? 0) (turn was \(context.turn))"])
            case .rule:
                let condition = scenario.rules.first { $0.line == entry.line }?.condition
                return FiredExplanation(entry: entry, matched: condition?.trueParts(in: context) ?? [])
            case .branch:
                let branches = scenario.orderedNodes.flatMap(\.branches)
                let condition = branches.first { $0.line == entry.line }?.condition
                return FiredExplanation(entry: entry, matched: condition?.trueParts(in: context) ?? [])
            }
        }
    }
}

extension ConditionExpression {
    /// The sub-terms that make this (true) expression true.
    func trueParts(in context: ConditionContext) -> [String] {
        switch self {
        case .and(let lhs, let rhs):
            return lhs.trueParts(in: context) + rhs.trueParts(in: context)
        case .or(let lhs, let rhs):
            let held = [lhs, rhs].filter { $0.evaluate(in: context) }
            return held.flatMap { $0.trueParts(in: context) }
        case .compare(let quantity, _, _):
            return ["\(rendered(in: context.vocabulary)) (\(quantity.name(in: context.vocabulary)) was \(Self.number(context.value(of: quantity))))"]
        case .flag:
            return ["\(rendered(in: context.vocabulary)) (flag set)"]
        case .constant, .signal, .name, .not:
            return [rendered(in: context.vocabulary)]
        }
    }

    /// The expression as text, with the scenario's names and only the parentheses it needs.
    func rendered(in vocabulary: ConditionVocabulary) -> String {
        rendered(in: vocabulary, parent: 0)
    }

    private func rendered(in vocabulary: ConditionVocabulary, parent: Int) -> String {
        func wrap(_ text: String, _ precedence: Int) -> String { precedence < parent ? "(\(text))" : text }
        switch self {
        case .constant(let value): return value ? "true" : "false"
        case .signal(let slot): return vocabulary.signalName(slot)
        case .flag(let slot): return slot < vocabulary.flags.count ? vocabulary.flags[slot] : "?"
        case .name(let name, _): return name
        case .not(let inner): return "not " + inner.rendered(in: vocabulary, parent: 3)
        case .and(let lhs, let rhs):
            return wrap(lhs.rendered(in: vocabulary, parent: 2) + " and " + rhs.rendered(in: vocabulary, parent: 2), 2)
        case .or(let lhs, let rhs):
            return wrap(lhs.rendered(in: vocabulary, parent: 1) + " or " + rhs.rendered(in: vocabulary, parent: 1), 1)
        case .compare(let quantity, let comparison, let number):
            return "\(quantity.name(in: vocabulary)) \(comparison.rawValue) \(Self.number(number))"
        }
    }

    /// `7` for 7.0, `2.5` for 2.5.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}


extension ConditionVocabulary {
    /// The behaviour id or intent name bound to signal `slot`.
    func signalName(_ slot: Int) -> String {
        if slot < Self.behaviorCount { return Behavior.allCases[slot].id }
        let index = slot - Self.behaviorCount
        return index < intents.count ? intents[index] : "?"
    }
}
