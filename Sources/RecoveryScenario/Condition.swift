import RecoveryCore

/// A parsed `when:` condition: behaviour ids, intents and flags combined with `and`, `or`,
/// `not` and parentheses, and comparisons on `mood`, `turn`, `latency` and `count(NAME)`.
///
/// Parse once with `parse(_:)`, bind the scenario's names once with `resolve(in:)`, then
/// `evaluate(in:)` as often as needed: evaluation does no string work.
public struct Condition: Sendable, CustomStringConvertible {
    /// The condition as written in the scenario.
    public var source: String
    var expression: ConditionExpression

    /// Parses `source`; behaviour ids are bound at once, other names wait for `resolve(in:)`.
    public static func parse(_ source: String) throws(ConditionError) -> Condition {
        var parser = try ConditionParser(source)
        return Condition(source: source, expression: try parser.parseCondition())
    }

    /// Binds intent and flag names to `vocabulary`; returns one error per name it does not know
    /// (names that stay unknown evaluate as false).
    public mutating func resolve(in vocabulary: ConditionVocabulary) -> [ConditionError] {
        var errors: [ConditionError] = []
        expression = expression.resolved(in: vocabulary, errors: &errors)
        return errors
    }

    /// Whether the condition holds for the reply, mood, turn, flags and counts in `context`
    /// (built from the vocabulary the condition was resolved in; other names read as false).
    public func evaluate(in context: ConditionContext) -> Bool {
        expression.evaluate(in: context)
    }

    /// The condition as written.
    public var description: String { source }
}

/// Why a condition could not be parsed or resolved, and where inside its text.
public struct ConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem a condition can have.
    public enum Kind: Sendable, Equatable {
        /// The text does not follow the grammar.
        case malformed
        /// A name is no behaviour, intent or flag.
        case unknownName(String)
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// What is wrong, in one sentence.
    public var message: String
    /// Where the problem starts, in Unicode scalars from the start of the condition (0-based).
    public var offset: Int
    /// What to write instead.
    public var hint: String?

    /// An error of `kind` at scalar `offset` of the condition.
    public init(_ kind: Kind, _ message: String, at offset: Int, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.hint = hint
    }

    /// The message, with the 1-based column inside the condition.
    public var description: String { "column \(offset + 1): \(message)" }
}

/// A comparison operator.
enum ConditionComparison: String, Sendable, CaseIterable {
    case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case less = "<", greater = ">"

    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        }
    }
}

/// The syntax tree of a condition, with names bound to slots once resolved.
indirect enum ConditionExpression: Sendable {
    case constant(Bool)
    /// This reply showed the behaviour or intent in this signal slot.
    case signal(Int)
    /// The flag in this slot is set.
    case flag(Int)
    /// A name not bound yet.
    case name(String, offset: Int)
    case not(ConditionExpression)
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case compare(ConditionQuantity, ConditionComparison, Double)

    func evaluate(in context: ConditionContext) -> Bool {
        switch self {
        case .constant(let value): value
        case .signal(let slot): slot < context.shown.count && context.shown[slot]
        case .flag(let slot): slot < context.flags.count && context.flags[slot]
        case .name: false
        case .not(let inner): !inner.evaluate(in: context)
        case .and(let lhs, let rhs): lhs.evaluate(in: context) && rhs.evaluate(in: context)
        case .or(let lhs, let rhs): lhs.evaluate(in: context) || rhs.evaluate(in: context)
        case .compare(let quantity, let comparison, let number):
            comparison.holds(context.value(of: quantity), number)
        }
    }

    func resolved(in vocabulary: ConditionVocabulary, errors: inout [ConditionError]) -> ConditionExpression {
        switch self {
        case .constant, .signal, .flag: return self
        case .name(let name, let offset):
            if let slot = vocabulary.signalSlot(of: name) { return .signal(slot) }
            if let slot = vocabulary.flagSlot(of: name) { return .flag(slot) }
            errors.append(vocabulary.unknownNameError(name, at: offset))
            return self
        case .not(let inner): return .not(inner.resolved(in: vocabulary, errors: &errors))
        case .and(let lhs, let rhs):
            return .and(lhs.resolved(in: vocabulary, errors: &errors), rhs.resolved(in: vocabulary, errors: &errors))
        case .or(let lhs, let rhs):
            return .or(lhs.resolved(in: vocabulary, errors: &errors), rhs.resolved(in: vocabulary, errors: &errors))
        case .compare(var quantity, let comparison, let number) where quantity.unbound != nil:
            let name = quantity.unbound!, offset = quantity.offset
            if let slot = vocabulary.signalSlot(of: name) {
                quantity.slot = slot
                quantity.unbound = nil
                return .compare(quantity, comparison, number)
            }
            if vocabulary.flagSlot(of: name) != nil {
                errors.append(ConditionError(
                    .malformed, "\(quantity.definition.name)() counts behaviours and intents, and '\(name)' is a flag", at: offset,
                    hint: "test the flag by its name alone: `\(name)`"))
            } else {
                errors.append(vocabulary.unknownNameError(name, at: offset))
            }
            return self
        case .compare: return self
        }
    }
}

extension Condition {
    /// The behaviour ids and intent names the condition needs shown (as signals or in
    /// `count()`), in the order written: the words a debrief quotes when the condition was met.
    /// None read under a `not`: what the reply did not show is no evidence. With `shown` (which
    /// signals the reply showed), an `or` is read only down the sides that could have held:
    /// `bring_part or (sensor and own)` met by "the sensor's on us" names `bring_part`, not the
    /// "flame sensor" of another sentence.
    public func signals(in vocabulary: ConditionVocabulary, shown: ((String) -> Bool)? = nil) -> [String] {
        reads(in: vocabulary, shown: shown).signals
    }

    /// The flags the condition needs set (none read under a `not`), in the order written; with
    /// `shown`, as `signals(in:shown:)` reads an `or`.
    public func flagsNeeded(in vocabulary: ConditionVocabulary, shown: ((String) -> Bool)? = nil) -> [String] {
        reads(in: vocabulary, shown: shown).flags
    }

    /// The signals and flags the condition reads outside any `not`, in the order written.
    private func reads(in vocabulary: ConditionVocabulary, shown: ((String) -> Bool)?) -> (signals: [String], flags: [String]) {
        var signals: [String] = [], flags: [String] = []
        func name(_ slot: Int) -> String? {
            slot < ConditionVocabulary.behaviorCount ? Behavior.allCases[slot].id
                : vocabulary.intents.indices.contains(slot - ConditionVocabulary.behaviorCount)
                    ? vocabulary.intents[slot - ConditionVocabulary.behaviorCount] : nil
        }
        // Whether a side could have held, judged by its signals alone (flags, counts and
        // negations are taken to hold: only the reply's own signals are known here).
        func couldHold(_ expression: ConditionExpression) -> Bool {
            switch expression {
            case .signal(let slot): return name(slot).map { shown?($0) ?? true } ?? true
            case .constant(let value): return value
            case .and(let lhs, let rhs): return couldHold(lhs) && couldHold(rhs)
            case .or(let lhs, let rhs): return couldHold(lhs) || couldHold(rhs)
            default: return true
            }
        }
        func walk(_ expression: ConditionExpression) {
            switch expression {
            case .signal(let slot): if let name = name(slot) { signals.append(name) }
            case .compare(let quantity, _, _) where quantity.slot >= 0: if let name = name(quantity.slot) { signals.append(name) }
            case .flag(let slot): if vocabulary.flags.indices.contains(slot) { flags.append(vocabulary.flags[slot]) }
            case .and(let lhs, let rhs): walk(lhs); walk(rhs)
            case .or(let lhs, let rhs):
                let held = [lhs, rhs].filter(couldHold)
                for side in held.isEmpty ? [lhs, rhs] : held { walk(side) }
            default: break  // constants, unbound names, and whatever is under a `not`
            }
        }
        walk(expression)
        return (signals, flags)
    }
}
