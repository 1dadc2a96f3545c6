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
    /// For each token, its `Token.Flags` (word classes), read once by the tokenizer.
    let flags: [Token.Flags]
    /// A bitmap over vocabulary ids: the pattern words the reply holds.
    let present: [UInt64]

    /// Tokenises `text` once, reads its time expressions and looks its words up in `vocabulary`.
    init(_ text: String, vocabulary: [String: Int32]) {
        let tokens = Tokenizer.tokenize(text)
        self.tokens = tokens
        timeEnds = TimeReader(tokens).ends()
        let count = tokens.count
        var ids = [Int32](repeating: -1, count: count)
        var skippable = [Bool](repeating: false, count: count)
        var flags = [Token.Flags](repeating: [], count: count)
        for i in 0..<count {
            let token = tokens[i]
            flags[i] = token.flags
            guard token.isWord else {
                ids[i] = vocabulary[token.key] ?? -1
                continue
            }
            // Keys in no pattern are frequent; a word's id is looked up once.
            ids[i] = vocabulary[token.key] ?? -1
            skippable[i] = !token.flags.contains(.negatorOrBut)
        }
        var present = [UInt64](repeating: 0, count: vocabulary.count / 64 + 1)
        for id in ids where id >= 0 { present[Int(id) >> 6] |= 1 << UInt64(id & 63) }
        self.present = present
        self.ids = ids
        self.skippable = skippable
        self.flags = flags
    }

    /// Where a token class that starts at token `i` ends, if it matches there.
    @inline(__always)
    func classEnd(_ kind: BuiltInClass, at i: Int) -> Int? {
        guard i < tokens.count, flags[i].contains(.word) else { return nil }
        switch kind {
        case .time: return timeEnds[i] > i ? timeEnds[i] : nil
        case .number: return flags[i].contains(.number) ? i + 1 : nil
        case .day: return flags[i].contains(.day) ? i + 1 : nil
        case .any: return i + 1
        }
    }
}
