import RecoveryCore

/// The matches found in one reply, and the reading rules of `behaviors.md` applied to them:
/// exceptions and negation cancel matches; sarcasm turns an apology into `dismiss`; "sorry,
/// but <excuse>" turns it into `non_apology`; a timeframe rescues a vague promise; options
/// asked as a question are `choice`, not also `explore`.
struct Reading {
    let input: MatchInput
    private var hits: [Behavior: [Hit]] = [:]
    private var exceptions: [Behavior: [Hit]] = [:]

    /// For each token, the first token of its sentence and the end of its sentence's words.
    private let sentenceBounds: [(start: Int, end: Int)]

    init(input: MatchInput) {
        self.input = input
        var bounds = [(start: Int, end: Int)](repeating: (0, 0), count: input.tokens.count)
        var start = 0
        for i in input.tokens.indices where i + 1 == input.tokens.count || input.tokens[i + 1].sentence != input.tokens[i].sentence {
            let wordsEnd = input.tokens[i].isWord ? i + 1 : i
            for j in start...i { bounds[j] = (start, wordsEnd) }
            start = i + 1
        }
        sentenceBounds = bounds
    }

    var tokens: [Token] { input.tokens }

    /// The surviving hits of `behavior`, if any.
    func hits(_ behavior: Behavior) -> [Hit]? { hits[behavior] }

    /// Replaces the hits of `behavior`.
    mutating func setHits(_ behavior: Behavior, _ list: [Hit]) { hits[behavior] = list.isEmpty ? nil : list }

    /// Adds a hit made by a reading rule.
    mutating func addHit(_ hit: Hit) { hits[hit.behavior, default: []].append(hit) }

    /// Records a pattern match or an exception match.
    mutating func add(_ hit: Hit, exception: Bool) {
        if exception { exceptions[hit.behavior, default: []].append(hit) } else { hits[hit.behavior, default: []].append(hit) }
    }

    /// The earliest surviving hit of `behavior` (longest first on ties).
    func firstHit(_ behavior: Behavior) -> Hit? {
        hits[behavior]?.min { ($0.start, -$0.end, $0.rule) < ($1.start, -$1.end, $1.rule) }
    }

    /// Applies exceptions, negation and the reading rules, in that order.
    mutating func applyReadingRules() {
        for (behavior, list) in hits {
            let cancels = exceptions[behavior] ?? []
            let kept = list.filter { hit in !cancels.contains(where: hit.overlaps) && !isNegated(hit) }
            hits[behavior] = kept.isEmpty ? nil : kept
        }
        readApologyObjects()
        readSarcasm()
        readTakenBackApologies()
        readRescuedPromises()
        readSpecificPromises()
        readOptions()
    }

    /// The sentences (by number) where `behavior` has a surviving hit.
    func sentences(with behavior: Behavior) -> Set<Int> {
        Set((hits[behavior] ?? []).map { tokens[$0.start].sentence })
    }

    /// `impersonal_apology` when every apology is "we're sorry" / "we apologize" / "our apologies".
    func notes() -> [String] {
        guard let apologies = hits[.apologize] else { return [] }
        let speakers = apologies.compactMap(speaker)
        if speakers.contains("we"), !speakers.contains("i") { return ["impersonal_apology"] }
        return []
    }

    /// "i" or "we": who says the apology, from the words in it or just before it.
    func speaker(_ hit: Hit) -> String? {
        func person(_ key: String) -> String? {
            switch key {
            case "i", "my", "me": "i"
            case "we", "our", "us": "we"
            default: nil
            }
        }
        for i in hit.start..<hit.end { if let found = person(tokens[i].key) { return found } }
        var i = hit.start
        while i > max(startOfSentence(hit.start), hit.start - 4) {
            i -= 1
            if let found = person(tokens[i].key) { return found }
        }
        return nil
    }

    /// The first token of the sentence holding token `i`.
    func startOfSentence(_ i: Int) -> Int { sentenceBounds[i].start }

    /// One past the last word of the sentence holding token `i`.
    func endOfSentence(_ i: Int) -> Int { sentenceBounds[i].end }

    /// A negation ("not", "never", "no") up to three words before the match, in the same
    /// clause and with no new subject between, cancels it, unless the match opens with its own
    /// verb ("is", "would"...) after other words ("that never arrived would make anyone angry").
    private func isNegated(_ hit: Hit) -> Bool {
        let sentenceStart = startOfSentence(hit.start)
        var j = hit.start - 1
        while j >= max(sentenceStart, hit.start - 3) {
            let key = tokens[j + 1].breakBefore ? "," : tokens[j].key
            if key == "," || clauseBreakWords.contains(key) || (j < hit.start - 1 && subjectWords.contains(tokens[j + 1].key)) {
                return false
            }
            if negatorWords.contains(key) {
                // "something that didn't arrive is maddening": the negation belongs to its own verb.
                return j + 2 > hit.start || !(j + 2...hit.start).contains { auxiliaryWords.contains(tokens[$0].key) }
            }
            j -= 1
        }
        return false
    }
}

/// Verbs that open a new predicate: a negation before the words ahead of them is not theirs.
let auxiliaryWords: Set<String> = ["is", "was", "are", "were", "would", "will", "must", "has", "have", "had", "should", "sounds", "seems"]
