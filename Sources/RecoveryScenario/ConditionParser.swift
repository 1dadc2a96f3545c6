import RecoveryCore

/// One token of a condition, with its scalar offset.
struct ConditionToken: Sendable {
    enum Kind: Sendable, Equatable {
        case word(String)
        case number(Double)
        case comparison(ConditionComparison)
        case open, close, end
    }

    var kind: Kind
    var offset: Int
}

/// Recursive-descent parser of the condition language.
/// Binding, tightest first: comparisons, `not`, `and`, `or`.
struct ConditionParser {
    /// Words of the language itself; intents and flags may not use them.
    static let keywords: Set<String> = Set(["and", "or", "not", "true", "false"] + ConditionQuantity.names)

    private let tokens: [ConditionToken]
    private var position = 0

    /// Most words, numbers and symbols a condition may have. It bounds how deep the parser, the
    /// evaluator and the prover recurse, so a runaway condition is an error, not a stack overflow.
    static let maximumTokens = 500

    init(_ source: String) throws(ConditionError) {
        tokens = try ConditionLexer.tokens(of: source)
        if tokens.count - 1 > Self.maximumTokens {
            throw ConditionError(.malformed, "the condition has more than \(Self.maximumTokens) words, numbers and symbols",
                                 at: tokens[Self.maximumTokens].offset,
                                 hint: "split it between rules and branches, or set a flag in one and test it in another")
        }
    }

    private var current: ConditionToken { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isWord(_ word: String) -> Bool { current.kind == .word(word) }

    mutating func parseCondition() throws(ConditionError) -> ConditionExpression {
        if current.kind == .end {
            throw ConditionError(.malformed, "the condition is empty", at: 0,
                                 hint: "write a behaviour id such as `apologize`, or `true`")
        }
        let expression = try parseOr()
        if current.kind != .end {
            throw ConditionError(.malformed, "unexpected \(describe(current)) after a complete condition",
                                 at: current.offset, hint: "join conditions with `and` or `or`")
        }
        return expression
    }

    private mutating func parseOr() throws(ConditionError) -> ConditionExpression {
        var expression = try parseAnd()
        while isWord("or") {
            advance()
            expression = .or(expression, try parseAnd())
        }
        return expression
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionExpression {
        var expression = try parseNot()
        while isWord("and") {
            advance()
            expression = .and(expression, try parseNot())
        }
        return expression
    }

    private mutating func parseNot() throws(ConditionError) -> ConditionExpression {
        guard isWord("not") else { return try parseComparison() }
        advance()
        return .not(try parseNot())
    }

    private mutating func parseComparison() throws(ConditionError) -> ConditionExpression {
        let start = current
        let operand = try parsePrimary()
        guard case .comparison(let comparison) = current.kind else {
            if case .quantity(let quantity) = operand {
                throw ConditionError(.malformed, "\(name(of: quantity)) needs a comparison", at: start.offset,
                                     hint: "compare it with a number, such as `\(name(of: quantity)) >= 3`")
            }
            if case .number = current.kind {
                throw ConditionError(.malformed, "a number needs a comparison before it", at: current.offset,
                                     hint: "write a comparison such as `mood >= 8`")
            }
            return operand.expression!
        }
        guard case .quantity(let quantity) = operand else {
            throw ConditionError(.malformed, "only \(ConditionQuantity.listed("and")) can be compared",
                                 at: start.offset, hint: "to compare how often a behaviour was shown, write `count(NAME)`")
        }
        advance()
        guard case .number(let number) = current.kind else {
            throw ConditionError(.malformed, "expected a number after '\(comparison.rawValue)'", at: current.offset,
                                 hint: "write a number, such as `\(name(of: quantity)) \(comparison.rawValue) 5`")
        }
        advance()
        if case .comparison = current.kind {
            throw ConditionError(.malformed, "comparisons cannot be chained", at: current.offset,
                                 hint: "join two comparisons with `and`")
        }
        return .compare(quantity, comparison, number)
    }

    /// What a primary parsed into: a truth value, or a quantity that must be compared.
    private enum Operand {
        case truth(ConditionExpression)
        case quantity(ConditionQuantity)

        var expression: ConditionExpression? {
            if case .truth(let expression) = self { return expression }
            return nil
        }
    }

    private mutating func parsePrimary() throws(ConditionError) -> Operand {
        let token = current
        switch token.kind {
        case .open:
            advance()
            let inner = try parseOr()
            guard current.kind == .close else {
                throw ConditionError(.malformed, "missing ')' to close the '(' at column \(token.offset + 1)",
                                     at: current.offset, hint: "add ')' where the group ends")
            }
            advance()
            return .truth(inner)
        case .word(let word):
            advance()
            switch word {
            case "true": return .truth(.constant(true))
            case "false": return .truth(.constant(false))
            case _ where ConditionQuantity.kind(named: word) != nil:
                let kind = ConditionQuantity.kind(named: word)!
                guard ConditionQuantity.table[kind].takesName else { return .quantity(ConditionQuantity(kind: kind)) }
                return .quantity(try parseNameArgument(of: kind))
            case "and", "or", "not":
                throw ConditionError(.malformed, "expected a name before '\(word)'", at: token.offset,
                                     hint: "put a behaviour, intent or flag on each side of `and` and `or`")
            default:
                if let behavior = Behavior(id: word) { return .truth(.signal(ConditionVocabulary.slot(of: behavior))) }
                return .truth(.name(word, offset: token.offset))
            }
        case .number:
            throw ConditionError(.malformed, "a number cannot stand alone", at: token.offset,
                                 hint: "compare a quantity with it, such as `mood >= 8`")
        case .comparison(let comparison):
            throw ConditionError(.malformed, "'\(comparison.rawValue)' needs \(ConditionQuantity.listed()) before it",
                                 at: token.offset, hint: "write a comparison such as `mood >= 8`")
        case .close:
            throw ConditionError(.malformed, "unexpected ')'", at: token.offset, hint: "remove it, or add the matching '('")
        case .end:
            throw ConditionError(.malformed, "the condition ends too early", at: token.offset,
                                 hint: "finish it with a behaviour, intent, flag or comparison")
        }
    }

    /// The `(NAME)` after a quantity that takes a name, such as `count(apologize)`.
    private mutating func parseNameArgument(of kind: Int) throws(ConditionError) -> ConditionQuantity {
        let word = ConditionQuantity.table[kind].name
        guard current.kind == .open else {
            throw ConditionError(.malformed, "expected '(' after \(word)", at: current.offset,
                                 hint: "write `\(word)(apologize) >= 2`")
        }
        advance()
        guard case .word(let name) = current.kind, !Self.keywords.contains(name) else {
            throw ConditionError(.malformed, "expected a behaviour or intent name inside \(word)()", at: current.offset,
                                 hint: "write `\(word)(apologize) >= 2`")
        }
        let nameOffset = current.offset
        advance()
        guard current.kind == .close else {
            throw ConditionError(.malformed, "expected ')' after \(word)(\(name)", at: current.offset,
                                 hint: "\(word) takes one name: `\(word)(\(name))`")
        }
        advance()
        if let behavior = Behavior(id: name) { return ConditionQuantity(kind: kind, slot: ConditionVocabulary.slot(of: behavior)) }
        return ConditionQuantity(kind: kind, unbound: name, offset: nameOffset)
    }

    private func name(of quantity: ConditionQuantity) -> String {
        quantity.definition.takesName ? "\(quantity.definition.name)(...)" : quantity.definition.name
    }

    private func describe(_ token: ConditionToken) -> String {
        switch token.kind {
        case .word(let word): "'\(word)'"
        case .number: "number"
        case .comparison(let comparison): "'\(comparison.rawValue)'"
        case .open: "'('"
        case .close: "')'"
        case .end: "end"
        }
    }
}
