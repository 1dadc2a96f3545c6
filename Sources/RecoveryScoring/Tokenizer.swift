/// Splits a reply into normalised tokens in one pass over its Unicode scalars.
///
/// Words are runs of letters and digits with inner apostrophes; "5pm" splits into "5" "pm",
/// "5:30" stays one number, "3-5" reads "3 to 5", "a.m." reads "am". Sentence marks
/// (. ! ? ;) become tokens that only a pattern's own `.`, `!` or `?` can match. Commas,
/// colons and dashes mark the next token with `breakBefore`.
enum Tokenizer {
    /// The tokens of `text`.
    static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4 + 4)
        let allCaps = isShouting(scalars)
        var sentence = 0
        var pendingBreak = false
        var pendingEmphasis = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isWordScalar(c) || (isApostrophe(c) && i + 1 < scalars.count && isLetter(scalars[i + 1])
                                   && (i == 0 || !isWordScalar(scalars[i - 1]))) {
                let start = i
                var raw = String.UnicodeScalarView()
                var letters = 0, upper = 0
                let numeric = isDigit(c)
                while i < scalars.count {
                    let s = scalars[i]
                    if numeric && isOrdinalSuffix(scalars, i) {
                        raw.append(contentsOf: String(String.UnicodeScalarView(scalars[i...i + 1])).lowercased().unicodeScalars)
                        i += 2
                        break
                    }
                    if isLetter(s) {
                        if numeric { break }
                        letters += 1
                        if s.isASCII {
                            if s.value <= 90 { upper += 1; raw.append(Unicode.Scalar(UInt8(s.value + 32))) } else { raw.append(s) }
                        } else {
                            if s.properties.isUppercase { upper += 1 }
                            raw.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                        }
                    } else if isDigit(s) {
                        if !numeric && letters > 0 { break }
                        raw.append(s)
                    } else if isApostrophe(s), i + 1 < scalars.count, isLetter(scalars[i + 1]) || !raw.isEmpty {
                        if numeric { break }
                        raw.append("'")
                    } else if numeric, s == ":" || s == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                        raw.append(":")
                    } else {
                        break
                    }
                    i += 1
                }
                var word = String(raw)
                // "a.m." / "p.m."
                if word == "a" || word == "p", i + 2 < scalars.count, scalars[i] == ".",
                   scalars[i + 1] == "m" || scalars[i + 1] == "M" {
                    word += "m"
                    i += 2
                    if i < scalars.count, scalars[i] == "." { i += 1 }
                }
                let (words, stretched) = numeric ? ([word], false) : Normalizer.expand(word)
                let shouted = !allCaps && letters >= 2 && upper == letters
                let emphasised = pendingEmphasis || (i < scalars.count && (scalars[i] == "*" || scalars[i] == "_")
                                                     && start > 0 && (scalars[start - 1] == "*" || scalars[start - 1] == "_"))
                for w in words {
                    var token = Token(text: w, key: comparisonKey(w), kind: numeric ? .number : .word,
                                      start: start, end: i, sentence: sentence)
                    token.breakBefore = pendingBreak
                    token.stressed = shouted || stretched || emphasised
                    tokens.append(token)
                    pendingBreak = false
                }
                pendingEmphasis = false
                continue
            }
            switch c {
            case ".", "!", "?", ";", "\n", "…":
                var mark: Unicode.Scalar = c
                let start = i
                while i + 1 < scalars.count, [".", "!", "?", ";", "…"].contains(scalars[i + 1]) {
                    i += 1
                    if scalars[i] == "?" { mark = "?" }
                }
                if c == "\n" || c == "…" { mark = "." }
                if tokens.last.map({ $0.kind != .sentenceEnd }) ?? false {
                    tokens.append(Token(text: String(mark), key: String(mark), kind: .sentenceEnd,
                                        start: start, end: i + 1, sentence: sentence))
                    sentence += 1
                }
                pendingBreak = false
            case ",", ":", "—", "–", "(", ")", "\"", "“", "”":
                pendingBreak = true
            case "-":
                if i > 0, i + 1 < scalars.count, isDigit(scalars[i - 1]), isDigit(scalars[i + 1]) {
                    tokens.append(Token(text: "to", key: "to", kind: .word, start: i, end: i + 1, sentence: sentence))
                } else if i + 1 < scalars.count, scalars[i + 1] == " " {
                    pendingBreak = true
                }
            case "*", "_":
                pendingEmphasis = i + 1 < scalars.count && isWordScalar(scalars[i + 1])
            default:
                break
            }
            i += 1
        }
        return tokens
    }

    private static func isShouting(_ scalars: [Unicode.Scalar]) -> Bool {
        var letters = 0, upper = 0
        for s in scalars where isLetter(s) {
            letters += 1
            if s.isASCII ? s.value <= 90 : s.properties.isUppercase { upper += 1 }
        }
        return letters > 0 && upper * 10 >= letters * 7
    }

    private static func isOrdinalSuffix(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 1 < scalars.count else { return false }
        let pair = String(String.UnicodeScalarView([scalars[i], scalars[i + 1]])).lowercased()
        let after = i + 2 < scalars.count ? scalars[i + 2] : " "
        return ["st", "nd", "rd", "th"].contains(pair) && !isLetter(after)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        return s.properties.isAlphabetic
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "‘" || s == "`" }
}
