/// One reply prepared for matching: tokenised, normalised and looked up once.
struct MatchInput {
    /// The reply's tokens.
    let tokens: [Token]
    /// For each token, the end of the longest time expression starting there (or its own index).
    let timeEnds: [Int]
    /// For each token, its id in the pattern vocabulary (-1 when no pattern names it).
    let ids: [Int32]
    /// For each token, whether a gap may skip it: a word that is not a negation or "but".
    let skippable: [Bool]

    /// Tokenises `text` once, reads its time expressions and looks its words up in `vocabulary`.
    init(_ text: String, vocabulary: [String: Int32]) {
        tokens = Tokenizer.tokenize(text)
        timeEnds = TimeReader(tokens).ends()
        ids = tokens.map { vocabulary[$0.key] ?? -1 }
        skippable = tokens.map { $0.isWord && !negatorWords.contains($0.key) && $0.key != "but" }
    }

    /// Where a token class that starts at token `i` ends, if it matches there.
    func classEnd(_ kind: BuiltInClass, at i: Int) -> Int? {
        guard i < tokens.count, tokens[i].isWord else { return nil }
        switch kind {
        case .time: return timeEnds[i] > i ? timeEnds[i] : nil
        case .number: return TimeReader.isNumber(tokens[i]) ? i + 1 : nil
        case .day:
            let key = tokens[i].key
            return TimeReader.dayNames.contains(key) || TimeReader.dayWords.contains(key) ? i + 1 : nil
        case .any: return i + 1
        }
    }
}
