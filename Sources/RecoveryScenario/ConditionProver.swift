/// Proves what a condition can never do, for the checks a trainer runs before playing: whether
/// any reply, mood, turn, latency, count and set of flags could make it hold.
///
/// Sound, not complete: it answers `false` only when no call could satisfy the condition. Every
/// behaviour, intent and flag is treated as free to be on or off whatever the others are, and
/// every quantity as free within its range (mood 0...10, turn from 1 up to the turn limit,
/// latency and counts from 0), which only adds cases a real call may not reach. Within that, the
/// search is exact: each quantity is tried at one value of every region its thresholds cut out.
struct ConditionProver {
    /// A quantity a condition compares with a number (bound: its name, if any, is known).
    typealias Quantity = ConditionQuantity

    /// One partial choice of every atom the search has fixed so far.
    private struct Assignment {
        var signals: [Int: Bool] = [:]
        var flags: [Int: Bool] = [:]
        var quantities: [Quantity: Double] = [:]
    }

    private enum Atom {
        case signal(Int), flag(Int), quantity(Quantity)
    }

    /// The highest turn a condition can see: the turn limit, if the scenario has one.
    let maximumTurn: Int?
    /// How many case splits one question may take before the answer is "unknown".
    let limit: Int
    private var budget = 0

    /// A prover for a scenario whose calls end after `maximumTurn` replies (nil: no limit).
    init(maximumTurn: Int?, limit: Int = 50_000) {
        self.maximumTurn = maximumTurn
        self.limit = limit
    }

    /// Whether some call could make `expression` hold; nil when the search grew too large to say.
    mutating func satisfiable(_ expression: ConditionExpression) -> Bool? {
        budget = limit
        let thresholds = Self.thresholds(in: expression)
        var candidates: [Quantity: [Double]] = [:]
        for (quantity, numbers) in thresholds { candidates[quantity] = values(of: quantity, thresholds: numbers) }
        return search(expression, Assignment(), candidates: candidates)
    }

    /// Whether `expression` holds in every call; nil when the search grew too large to say.
    mutating func alwaysHolds(_ expression: ConditionExpression) -> Bool? {
        satisfiable(.not(expression)).map { !$0 }
    }

    private mutating func search(
        _ expression: ConditionExpression, _ assignment: Assignment, candidates: [Quantity: [Double]]
    ) -> Bool? {
        let simplified = simplify(expression, assignment)
        if case .constant(let value) = simplified { return value }
        budget -= 1
        guard budget > 0, let atom = Self.firstAtom(in: simplified) else { return nil }
        var unknown = false
        var choices: [Assignment] = []
        switch atom {
        case .signal(let slot):
            for value in [true, false] { var next = assignment; next.signals[slot] = value; choices.append(next) }
        case .flag(let slot):
            for value in [true, false] { var next = assignment; next.flags[slot] = value; choices.append(next) }
        case .quantity(let quantity):
            for value in candidates[quantity] ?? values(of: quantity, thresholds: []) {
                var next = assignment
                next.quantities[quantity] = value
                choices.append(next)
            }
        }
        for choice in choices {
            switch search(simplified, choice, candidates: candidates) {
            case true?: return true
            case nil: unknown = true
            case false?: continue
            }
        }
        return unknown ? nil : false
    }

    /// `expression` with the fixed atoms replaced by their values, and every comparison whose
    /// answer is the same across its quantity's whole range replaced by that answer.
    private func simplify(_ expression: ConditionExpression, _ assignment: Assignment) -> ConditionExpression {
        switch expression {
        case .constant: return expression
        case .signal(let slot): return assignment.signals[slot].map { .constant($0) } ?? expression
        case .flag(let slot): return assignment.flags[slot].map { .constant($0) } ?? expression
        case .name: return .constant(false)
        case .not(let inner):
            let inner = simplify(inner, assignment)
            if case .constant(let value) = inner { return .constant(!value) }
            return .not(inner)
        case .and(let lhs, let rhs):
            let left = simplify(lhs, assignment)
            if case .constant(false) = left { return left }
            let right = simplify(rhs, assignment)
            if case .constant(false) = right { return right }
            if case .constant(true) = left { return right }
            if case .constant(true) = right { return left }
            return .and(left, right)
        case .or(let lhs, let rhs):
            let left = simplify(lhs, assignment)
            if case .constant(true) = left { return left }
            let right = simplify(rhs, assignment)
            if case .constant(true) = right { return right }
            if case .constant(false) = left { return right }
            if case .constant(false) = right { return left }
            return .or(left, right)
        case .compare(let quantity, let comparison, let number):
            guard let key = Self.key(quantity) else { return .constant(comparison.holds(0, number)) }
            if let value = assignment.quantities[key] { return .constant(comparison.holds(value, number)) }
            let answers = Set(values(of: key, thresholds: [number]).map { comparison.holds($0, number) })
            return answers.count == 1 ? .constant(answers.first!) : expression
        }
    }

    /// One value of `quantity` in each region of its range that `thresholds` cut out.
    private func values(of quantity: Quantity, thresholds: [Double]) -> [Double] {
        let (lowest, highest, whole) = range(of: quantity)
        var values: Set<Double> = [lowest]
        if whole {
            for threshold in thresholds {
                let down = threshold.rounded(.down), up = threshold.rounded(.up)
                values.formUnion([down - 1, down, up, up + 1])
            }
        } else {
            let sorted = Array(Set(thresholds)).sorted()
            for (index, threshold) in sorted.enumerated() {
                let next = index + 1 < sorted.count ? sorted[index + 1] : threshold + 2
                values.formUnion([threshold, (threshold + next) / 2])
            }
        }
        return values.filter { $0 >= lowest && $0 <= (highest ?? .infinity) }.sorted()
    }

    /// The lowest and highest value `quantity` can have while a reply is handled, and whether it is whole.
    private func range(of quantity: Quantity) -> (lowest: Double, highest: Double?, whole: Bool) {
        let definition = quantity.definition
        return (definition.lowest, definition.highest(maximumTurn), definition.whole)
    }

    /// The quantity as the search tracks it, or nil while its name is unbound.
    private static func key(_ quantity: ConditionQuantity) -> Quantity? {
        quantity.isBound ? quantity : nil
    }

    private static func thresholds(in expression: ConditionExpression) -> [Quantity: [Double]] {
        switch expression {
        case .compare(let quantity, _, let number): key(quantity).map { [$0: [number]] } ?? [:]
        case .not(let inner): thresholds(in: inner)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            thresholds(in: lhs).merging(thresholds(in: rhs)) { $0 + $1 }
        case .constant, .signal, .flag, .name: [:]
        }
    }

    private static func firstAtom(in expression: ConditionExpression) -> Atom? {
        switch expression {
        case .signal(let slot): .signal(slot)
        case .flag(let slot): .flag(slot)
        case .compare(let quantity, _, _): key(quantity).map { .quantity($0) }
        case .not(let inner): firstAtom(in: inner)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): firstAtom(in: lhs) ?? firstAtom(in: rhs)
        case .constant, .name: nil
        }
    }
}
