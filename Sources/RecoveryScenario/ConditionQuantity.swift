/// One quantity a condition can compare with a number: a row of `ConditionQuantity.table`.
struct QuantityDefinition: Sendable {
    /// How a condition writes it: `mood`, or `count` for `count(NAME)`.
    let name: String
    /// Whether it takes a behaviour or intent name in parentheses, as `count(apologize)`.
    let takesName: Bool
    /// What it measures, for error hints and the guide.
    let meaning: String
    /// Its lowest value while a reply is handled.
    let lowest: Double
    /// Its highest value, given the scenario's turn limit (nil: no bound).
    let highest: @Sendable (_ maximumTurn: Int?) -> Double?
    /// Whether it only takes whole numbers.
    let whole: Bool
    /// Its value in a call; `slot` is the signal named in parentheses (-1 when none).
    let value: @Sendable (_ context: ConditionContext, _ slot: Int) -> Double
}

/// A quantity in a condition: a row of the table, and for `count(NAME)` the signal it counts.
///
/// Every quantity lives in `ConditionQuantity.table`, which the parser (its words), the
/// evaluator (its value), the prover (its range) and the explanation (its name) all read:
/// to add one, add a row there.
struct ConditionQuantity: Sendable, Hashable {
    /// Every quantity conditions know.
    static let table: [QuantityDefinition] = [
        QuantityDefinition(name: "mood", takesName: false, meaning: "the customer's mood now, 0 (calm) to 10 (gone)",
                           lowest: 0, highest: { _ in 10 }, whole: true, value: { context, _ in Double(context.mood) }),
        QuantityDefinition(name: "turn", takesName: false, meaning: "the reply's number, 1 for the first",
                           lowest: 1, highest: { maximumTurn in maximumTurn.map(Double.init) }, whole: true,
                           value: { context, _ in Double(context.turn) }),
        QuantityDefinition(name: "latency", takesName: false, meaning: "seconds from the prompt to Enter",
                           lowest: 0, highest: { _ in nil }, whole: false, value: { context, _ in context.latency }),
        QuantityDefinition(name: "count", takesName: true,
                           meaning: "how many replies so far, this one included, showed a behaviour or intent",
                           lowest: 0, highest: { _ in nil }, whole: true,
                           value: { context, slot in context.count(slot: slot) }),
    ]

    /// The row of `table`.
    let kind: Int
    /// The signal slot named in parentheses, once bound (-1: none, or not bound yet).
    var slot: Int = -1
    /// The name in parentheses while it is not bound yet, and its offset in the condition.
    var unbound: String? = nil
    var offset: Int = 0

    /// Its row of the table.
    var definition: QuantityDefinition { Self.table[kind] }

    /// Whether it can be evaluated: it takes no name, or its name is bound.
    var isBound: Bool { !definition.takesName || slot >= 0 }

    /// The row named `word`, if a quantity is called so.
    static func kind(named word: String) -> Int? { table.firstIndex { $0.name == word } }

    /// The words of every quantity, as written before a comparison.
    static var names: [String] { table.map(\.name) }

    /// How the quantities read in messages: "mood, turn, latency or count(NAME)".
    static func listed(_ last: String = "or") -> String {
        let names = table.map { $0.takesName ? "\($0.name)(NAME)" : $0.name }
        return names.dropLast().joined(separator: ", ") + " \(last) " + names.last!
    }

    /// How a condition writes this quantity: `mood`, `count(apologize)`.
    func name(in vocabulary: ConditionVocabulary) -> String {
        guard definition.takesName else { return definition.name }
        return "\(definition.name)(\(unbound ?? (slot >= 0 ? vocabulary.signalName(slot) : "...")))"
    }
}
