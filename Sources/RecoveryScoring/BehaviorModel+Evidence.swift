extension BehaviorModel {
    /// Whether the model alone reads the behaviour in `slot` from `probabilities`.
    @inline(__always)
    func reads(_ probabilities: SIMD16<Float>, slot: Int) -> Bool {
        probabilities[slot] >= thresholds[slot]
    }

    /// Whether the model reads the behaviour in `slot` from one sentence read alone.
    @inline(__always)
    func readsSentence(_ sentenceProbabilities: SIMD16<Float>, slot: Int) -> Bool {
        sentenceProbabilities[slot] >= sentenceThresholds[slot]
    }

    /// Whether the model overrules the rules' finding `hit` of the behaviour in `slot`.
    @inline(__always)
    func vetoes(_ probabilities: SIMD16<Float>, slot: Int, hit: Hit) -> Bool {
        probabilities[slot] < veto(slot, hit: hit)
    }

    /// The veto `hit` meets: the behaviour's chosen one, capped at `conventionVetoCap` for a
    /// reading rule's finding (a labelling convention such as sarcasm or a hedged time).
    @inline(__always)
    func veto(_ slot: Int, hit: Hit?) -> Float {
        hit?.isReadingRule == true ? min(vetoes[slot], Self.conventionVetoCap) : vetoes[slot]
    }

    /// The highest veto a reading rule's finding meets. The folds choose each behaviour's veto
    /// (up to 0.9) for the patterns' misfires; a convention stands unless the model finds the
    /// behaviour more unlikely than likely.
    static let conventionVetoCap: Float = 0.5

    /// How sure the model must be of a penalty in the rule's own sentence, read alone, for the
    /// rule's finding to stand where the whole reply would veto it. All but certain: on dev and
    /// the fresh sets this keeps the penalty precision and finds a few more (dev `non_apology`
    /// recall 0.858 → 0.865, `vague_promise` 0.768 → 0.779), and no clean reply draws one; at
    /// 0.9 four clean replies did (docs/corpus.md, "A penalty said in one sentence").
    static let penaltySentenceCertainty: Float = 0.99

    /// How sure an older model (one without `header.overrules`) must be of a behaviour whose
    /// every match an exception cancelled, to read it itself (`overruled`): all but certain,
    /// as for a penalty said in one sentence. On dev and the fresh checks this read 9 replies
    /// more than no overrule at all, every one as labelled.
    static let exceptionOverruleCertainty: Float = 0.99

    /// The behaviours of `refused` (every rule match cancelled) that the model may read itself,
    /// as slot bits: those whose probability in `readBy` and in `whole` (the first layer's, for
    /// the whole reply) reach the behaviour's overrule (`header.overrules`). Both: the second
    /// layer weighs the rules' findings, and put "Thanks for nothing." at 100 % `thank` where
    /// the first said 81 %. An older model, without overrules, reads past exceptions alone
    /// (`excepted`), at `exceptionOverruleCertainty`.
    func overruled(_ readBy: SIMD16<Float>, whole: SIMD16<Float>, refused: UInt16, excepted: UInt16) -> UInt16 {
        let overrules = self.overrules ?? SIMD16(repeating: Self.exceptionOverruleCertainty)
        var overruled: UInt16 = 0, rest = self.overrules == nil ? refused & excepted : refused
        while rest != 0 {
            let slot = rest.trailingZeroBitCount
            if min(readBy[slot], whole[slot]) >= overrules[slot] { overruled |= 1 << UInt16(slot) }
            rest &= rest - 1
        }
        return overruled
    }

    /// The words the model weighed most for the behaviour in `slot`: each feature's weight is
    /// shared out over the tokens it covers, and the quote is the run of at most eight words
    /// within one sentence whose shares add up highest, less a piece at either edge that a
    /// comma, colon or dash cuts off and that weighs little (`clauseEdges`). Nil when no word
    /// pulls towards it.
    func evidenceSpan(_ features: [ModelFeature], slot: Int, tokens: [Token]) -> (start: Int, end: Int)? {
        guard !tokens.isEmpty else { return nil }
        let count = tokens.count
        var best: (start: Int, end: Int, sum: Float)? = nil
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { share in
        // Each token's sentence, or -1 for a token that is not a word: read once, in place.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { wordSentence in
            tokens.withUnsafeBufferPointer { tokens in
                for t in 0..<count { wordSentence[t] = tokens[t].isWord ? Int32(tokens[t].sentence) : -1 }
            }
            share.initialize(repeating: 0)
            for feature in features where feature.coversWords {
                let weight = feature.row >= 0 ? table.weight(row: Int(feature.row), slot: slot)
                    : feature.row == ModelFeature.notLookedUp ? self.weight(feature.key, slot: slot) : 0
                guard weight != 0 else { continue }
                let width = Float(feature.end - feature.start)
                for t in Int(feature.start)..<Int(feature.end) { share[t] += weight / width }
            }
            for start in 0..<count where wordSentence[start] >= 0 && share[start] > 0 {
                var sum: Float = 0
                var end = start
                while end < count, end - start < 8, wordSentence[end] == wordSentence[start] {
                    sum += share[end]
                    end += 1
                    if share[end - 1] > 0, best == nil || sum > best!.sum { best = (start, end, sum) }
                }
            }
            if let found = best { best = Self.clauseEdges(found, share: UnsafeBufferPointer(share), tokens: tokens) }
        } }
        return best.map { Self.trimmed(start: $0.start, end: $0.end, tokens: tokens) }
    }

    /// `span` without the piece before its first clause break (a comma, colon or dash) or after
    /// its last, where that piece weighs under `edgePieceShare` of the whole span: the model
    /// weighs word pairs across a comma, so the best run can start on the last word of the
    /// clause before ("it, I'll cancel the fee now") or end on the first of the next. A piece
    /// that weighs ("I know, and I'm sorry") stays: it is what the model read.
    static func clauseEdges(_ span: (start: Int, end: Int, sum: Float), share: UnsafeBufferPointer<Float>,
                            tokens: [Token]) -> (start: Int, end: Int, sum: Float) {
        // A break typed with a space after it ("1,100" is one number); not before a number (an
        // amount or a time: "tomorrow, 8-9am" quotes the time), nor before "or" (the two sides
        // are options the customer picks from).
        func cuts(_ k: Int) -> Bool {
            tokens[k].breakBefore && tokens[k].start > tokens[k - 1].end + 1 && tokens[k].kind != .number && tokens[k].key != "or"
        }
        // What stays must say something: not joining words alone ("it arrived smashed, so it's").
        func says(_ range: Range<Int>) -> Bool { range.contains { tokens[$0].isWord && !spanClosers.contains(tokens[$0].key) } }
        var (start, end, sum) = span
        if let cut = (start + 1..<end).first(where: cuts) {
            let piece = share[start..<cut].reduce(0, +)
            if piece < edgePieceShare * sum, says(cut..<end) { (start, sum) = (cut, sum - piece) }
        }
        if let cut = (start + 1..<end).last(where: cuts) {
            let piece = share[cut..<end].reduce(0, +)
            if piece < edgePieceShare * sum, says(start..<cut) { (end, sum) = (cut, sum - piece) }
        }
        return (start, end, sum)
    }

    /// The most a piece cut off at a quote's edge may weigh, as a share of the quote, and be
    /// left out.
    static let edgePieceShare: Float = 0.1

    /// A span without the joining words at its edges, which the model weighs in pairs with
    /// the words beside them but which quote as a sentence cut off: "I know, and I'm" quotes
    /// "I know"; "and our driver will have them" quotes "our driver will have them". Never
    /// empty: of a span of joining words only, one word stays.
    static func trimmed(start: Int, end: Int, tokens: [Token]) -> (start: Int, end: Int) {
        var first = start, last = end
        while first < last - 1, !tokens[first].isWord || spanOpeners.contains(tokens[first].key) { first += 1 }
        // "am" typed onto a number ("10am") is the time's, not a verb to trim.
        // (A dash between numbers reads "to", and is trimmed: "1-868-625-7200" is no range.)
        func timeSuffix(_ k: Int) -> Bool {
            k > first && tokens[k].key == "am" && tokens[k - 1].kind == .number && tokens[k].start == tokens[k - 1].end
        }
        while last - 1 > first, !tokens[last - 1].isWord || spanClosers.contains(tokens[last - 1].key), !timeSuffix(last - 1) { last -= 1 }
        return (first, last)
    }

    /// The features of a reply that pushed hardest for or against the behaviour in `slot`,
    /// strongest first: each with its weight and the tokens it stands on.
    func strongestFeatures(_ features: [ModelFeature], slot: Int, limit: Int) -> [(feature: ModelFeature, weight: Float)] {
        var seen = Set<UInt32>()
        var weighed: [(feature: ModelFeature, weight: Float)] = []
        for feature in features where seen.insert(feature.key).inserted {
            let weight = self.weight(feature.key, slot: slot)
            if weight != 0 { weighed.append((feature, weight)) }
        }
        weighed.sort { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.feature.key < $1.feature.key }
        return Array(weighed.prefix(limit))
    }
}

/// Words a quoted span does not open with: they join it to what came before (the words that
/// separate promises, and "so").
let spanOpeners: Set<String> = promiseSeparators.union(["so"])

/// Words a quoted span does not end on: they lead into words it leaves out.
let spanClosers: Set<String> = spanOpeners.union([
    "the", "a", "an", "to", "of", "for", "with", "if", "that",
    "i", "you", "we", "he", "she", "they", "it", "my", "your", "our", "their", "his", "her", "its",
    "am", "is", "are", "was", "were", "be", "have", "has", "had", "will", "would", "can", "could", "do", "did",
])
