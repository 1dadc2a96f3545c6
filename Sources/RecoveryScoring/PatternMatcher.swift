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
    /// The last token a time expression starts at (-1: the reply has none).
    let lastTimeStart: Int

    /// Tokenises `text` once (looking its words up in `words`), reads its time expressions and
    /// compares its words with the pattern `prefixes`. The arrays are `scratch`'s, taken over
    /// and refilled; `recycle(into:)` hands them back for the next reply.
    init(_ text: String, words: WordTable, vocabularySize: Int, prefixes: PrefixTable, scratch: AnalyzerScratch) {
        var tokens = AnalyzerScratch.take(&scratch.tokens)
        Tokenizer.tokenize(text, words: words, into: &tokens, scalars: &scratch.scalars, raw: &scratch.raw,
                           expansions: &scratch.expansions)
        self.tokens = tokens
        var timeEnds = AnalyzerScratch.take(&scratch.timeEnds)
        TimeReader(tokens).ends(into: &timeEnds)
        self.timeEnds = timeEnds
        lastTimeStart = timeEnds.indices.last { timeEnds[$0] > $0 } ?? -1
        var present = AnalyzerScratch.take(&scratch.present)
        present.removeAll(keepingCapacity: true)
        present.append(contentsOf: repeatElement(0, count: vocabularySize / 64 + 1))
        var facts = AnalyzerScratch.take(&scratch.facts)
        facts.removeAll(keepingCapacity: true)
        facts.reserveCapacity(tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            for k in tokens.indices {
                let id = tokens[k].id
                if id >= 0 { present[Int(id) >> 6] |= 1 << UInt64(id & 63) }
                facts.append(TokenFacts(id: id, flags: tokens[k].flags,
                                        prefixBits: tokens[k].isWord ? prefixes.bits(of: tokens[k].text) : 0))
            }
        }
        self.facts = facts
        self.present = present
    }

    /// Gives the arrays back to `scratch` (the caller drops its other copies of this input).
    func recycle(into scratch: AnalyzerScratch) {
        scratch.tokens = tokens
        scratch.timeEnds = timeEnds
        scratch.facts = facts
        scratch.present = present
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
