/// What the matcher reads of one token, packed together: one array instead of one per field.
struct TokenFacts: Sendable {
    /// The token's id in the pattern vocabulary (-1 when no pattern names it).
    var id: Int32
    /// The token's `Token.Flags` (word classes), read once by the tokenizer.
    var flags: Token.Flags
    /// The bits of the pattern prefixes (`PrefixTable`) the token's word starts with.
    var prefixBits: UInt64

    /// Whether a gap may skip the token: a word, tested exactly as before this type existed:
    /// `contains(.negatorOrBut)` asks for both bits, which no word has, so a gap does skip
    /// "not" and "but" (unlike what `PatternNode.gap` says). Kept so results stay the same.
    @inline(__always)
    var isSkippable: Bool { flags.contains(.word) && !flags.contains(.negatorOrBut) }
}

/// One reply prepared for matching: tokenised, normalised and looked up once.
struct MatchInput {
    /// The reply's tokens.
    let tokens: [Token]
    /// For each token, the end of the longest time expression starting there (or its own index).
    let timeEnds: [Int]
    /// For each token, its id, word classes and prefixes.
    let facts: [TokenFacts]
    /// A bitmap over vocabulary ids: the pattern words the reply holds.
    let present: [UInt64]

    /// Tokenises `text` once (looking its words up in `words`), reads its time expressions and
    /// compares its words with the pattern `prefixes`.
    init(_ text: String, words: WordTable, vocabularySize: Int, prefixes: PrefixTable) {
        let tokens = Tokenizer.tokenize(text, words: words)
        self.tokens = tokens
        timeEnds = TimeReader(tokens).ends()
        var present = [UInt64](repeating: 0, count: vocabularySize / 64 + 1)
        facts = tokens.map { token in
            let id = token.id
            if id >= 0 { present[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            return TokenFacts(id: id, flags: token.flags, prefixBits: token.isWord ? prefixes.bits(of: token.text) : 0)
        }
        self.present = present
    }

    /// Where a token class that starts at token `i` ends, if it matches there.
    @inline(__always)
    func classEnd(_ kind: BuiltInClass, at i: Int) -> Int? {
        guard i < tokens.count, facts[i].flags.contains(.word) else { return nil }
        switch kind {
        case .time: return timeEnds[i] > i ? timeEnds[i] : nil
        case .number: return facts[i].flags.contains(.number) ? i + 1 : nil
        case .day: return facts[i].flags.contains(.day) ? i + 1 : nil
        case .any: return i + 1
        }
    }
}
