/// Splits a condition into tokens, counting offsets in Unicode scalars.
enum ConditionLexer {
    static func tokens(of source: String) throws(ConditionError) -> [ConditionToken] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [ConditionToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "(" || scalar == ")" {
                tokens.append(ConditionToken(kind: scalar == "(" ? .open : .close, offset: index))
                index += 1
            } else if let (comparison, length) = comparison(scalar, next) {
                tokens.append(ConditionToken(kind: .comparison(comparison), offset: index))
                index += length
            } else if isDigit(scalar) || ((scalar == "-" || scalar == "+") && next.map(isDigit) == true) {
                let start = index
                index += 1
                while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let number = Double(text), text.filter({ $0 == "." }).count <= 1, text.last != "." else {
                    throw ConditionError(.malformed, "'\(text)' is not a number", at: start,
                                         hint: "write a whole or decimal number, such as 3 or 2.5")
                }
                tokens.append(ConditionToken(kind: .number(number), offset: start))
            } else if isNameStart(scalar) {
                let start = index
                while index < scalars.count, isNamePart(scalars[index]) { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                tokens.append(ConditionToken(kind: .word(word), offset: start))
            } else {
                throw misplaced(scalar, next, at: index)
            }
        }
        tokens.append(ConditionToken(kind: .end, offset: scalars.count))
        return tokens
    }

    /// Whether `name` can be used as an intent or flag name in conditions.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isNameStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(isNamePart)
    }

    private static func comparison(_ scalar: Unicode.Scalar, _ next: Unicode.Scalar?) -> (ConditionComparison, Int)? {
        switch (scalar, next) {
        case ("<", "="): (.lessOrEqual, 2)
        case (">", "="): (.greaterOrEqual, 2)
        case ("=", "="): (.equal, 2)
        case ("!", "="): (.notEqual, 2)
        case ("<", _): (.less, 1)
        case (">", _): (.greater, 1)
        default: nil
        }
    }

    private static func misplaced(_ scalar: Unicode.Scalar, _ next: Unicode.Scalar?, at offset: Int) -> ConditionError {
        switch (scalar, next) {
        case ("&", _): ConditionError(.malformed, "'&' is not part of the condition language", at: offset, hint: "write `and`")
        case ("|", _): ConditionError(.malformed, "'|' is not part of the condition language", at: offset, hint: "write `or`")
        case ("!", _): ConditionError(.malformed, "'!' is not part of the condition language", at: offset, hint: "write `not`")
        case ("=", _): ConditionError(.malformed, "a single '=' is not a comparison", at: offset, hint: "write `==`")
        default:
            ConditionError(.malformed, "unexpected character '\(scalar.escaped(asASCII: true))'", at: offset,
                           hint: "names use letters, digits, '_' and '-'; comparisons are < <= > >= == !=")
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar) || scalar == "-"
    }
}
