import RecoveryCore

// The reading rules for labelling rules 13-15 (docs/labelling.md): mentions, owned facts and hedged times.

/// Verbs that report someone else's words: what follows is a mention, not the trainee's own.
let reportingWords: Set<String> = ["told", "said", "says", "saying", "claimed", "claims", "wrote", "mentioned", "replied", "insisted"]

/// Words that may stand between a reporting verb and its subject ("you were told").
let reportingAuxiliaries: Set<String> = ["was", "were", "had", "has", "have", "been", "just", "apparently", "supposedly", "then"]

extension Reading {
    /// Whether a hit names the customer ("you", "your"): blame that points at them.
    func pointsAtCustomer(_ hit: Hit) -> Bool {
        (hit.start..<hit.end).contains { ["you", "your", "yourself"].contains(tokens[$0].key) }
    }

    /// Mention is not use (docs/labelling.md, rule 13): words inside quotation marks, and words reported
    /// after someone else's "told"/"said" in the same sentence ("you were told it's not our
    /// problem"), are not the trainee's behaviour. "I said" and "we told" are the trainee's own.
    mutating func readMentions() {
        var reported: [Int] = []  // the first reported token of each sentence, if any
        var sentenceStart = 0
        for i in tokens.indices {
            if i > 0, tokens[i].sentence != tokens[i - 1].sentence { sentenceStart = i }
            guard tokens[i].flags.contains(.reporting) else { continue }
            var j = i - 1
            while j >= sentenceStart, reportingAuxiliaries.contains(tokens[j].key) { j -= 1 }
            let subject = j >= sentenceStart ? tokens[j].key : ""
            if subject != "i", subject != "we", subject != "" { reported.append(i + 1) }
        }
        func isMention(_ hit: Hit) -> Bool {
            if (hit.start..<hit.end).allSatisfy({ tokens[$0].quoted || !tokens[$0].isWord }) { return true }
            // Reported before the match, or inside it: "the pharmacist said you should've read the label".
            return reported.contains { $0 < hit.end && tokens[$0 - 1].sentence == tokens[hit.start].sentence }
        }
        for behavior in Behavior.allCases {
            guard let list = hits(behavior), list.contains(where: isMention) else { continue }
            setHits(behavior, list.filter { !isMention($0) })
        }
    }

    /// Keeping responsibility clears the rest (docs/labelling.md, rules 15, 16): once the reply owns the
    /// failure ("that's on us"), naming who or what caused it is a fact, not blame (blame that
    /// points at the customer stays); a handover in a sentence that owns it ("I'll get billing
    /// on the line and stay with you") is no deflection. A promise is cleared only where its
    /// words are the owning ones ("I'm going to take care of this myself"): beside them it
    /// stays vague ("Leave it with me and I'll get back to you" is both, as the corpus's
    /// writers label it; clearing the whole sentence misread 12 train and dev replies).
    mutating func readOwnedFacts() {
        guard let owns = hits(.own) else { return }
        let owning = Set(owns.map { tokens[$0.start].sentence })
        if let blames = hits(.blame) { setHits(.blame, blames.filter(pointsAtCustomer)) }
        if let list = hits(.deflect) { setHits(.deflect, list.filter { !owning.contains(tokens[$0.start].sentence) }) }
        if let list = hits(.vaguePromise) {
            setHits(.vaguePromise, list.filter { promise in !owns.contains { $0.start < promise.end && promise.start < $0.end } })
        }
        if let promises = hits(.vaguePromise), let checks = hits(.followUp) {
            let checking = Set(checks.map { tokens[$0.start].sentence })
            setHits(.vaguePromise, promises.filter { !checking.contains(tokens[$0.start].sentence) })
        }
    }
}

/// Words that make a time uncertain (docs/labelling.md, rule 14): "probably Thursday" is a vague promise.
let hedgeWords: Set<String> = ["probably", "hopefully", "maybe", "perhaps", "possibly", "sometime", "ish", "likely"]

/// Words that may soften a promise ("it should be there by 5", "I hope to..."): weighed by the
/// learned reader beside a time, never a rule on their own.
let softHedgeWords: Set<String> = ["should", "might", "may", "hope", "hoping", "think", "guess", "reckon",
                                   "roughly", "approximately", "around", "expect", "try", "trying", "aim", "supposed"]

/// Whether a two-word hedge starts at token `i` of `tokens` (before `end`): "I think", "I
/// guess", "I reckon", "I hope", "I believe", "I imagine", "would think", "fingers crossed",
/// "no promises", "touch wood".
func startsHedgePair(_ tokens: [Token], _ i: Int, end: Int) -> Bool {
    guard i + 1 < end else { return false }
    let first = tokens[i].key, second = tokens[i + 1].key
    switch first {
    case "i": return ["think", "guess", "reckon", "hope", "believe", "imagine"].contains(second)
    case "would": return second == "think"
    case "fingers": return second == "crossed"
    case "no": return second == "promises" || second == "promise"
    case "touch": return second == "wood"
    default: return false
    }
}

extension Reading {
    /// A hedge turns a time into a vague promise (docs/labelling.md, rule 14): "It'll probably be
    /// Thursday", "should be sometime tomorrow, I think". A firm time with a fallback ("by 5;
    /// if anything slips I'll ring you") has no hedge word and stays `commit`.
    ///
    /// A hedged account of when something happened is no promise at all: "I think it was sent
    /// on the 2nd", "it probably got delivered Monday" report the past, so the hedge leaves them
    /// to be read as the same words without it. Nor does a hedge on bettering the time hedge the
    /// time: "within 24 hours, probably sooner" promises 24 hours.
    mutating func readHedgedTimes() {
        guard let commits = hits(.commit) else { return }
        var kept: [Hit] = []
        for hit in commits {
            let start = startOfSentence(hit.start), end = endOfSentence(hit.start)
            let hedged = (start..<end).contains { i in
                (tokens[i].flags.contains(.hedge) && !betters(at: i + 1, end: end)) || startsHedgePair(tokens, i, end: end)
            }
            if hedged, !reportsThePast(hit) { addHit(Hit(behavior: .vaguePromise, start: hit.start, end: hit.end, rule: -1)) } else { kept.append(hit) }
        }
        if kept.count != commits.count { setHits(.commit, kept) }
    }

    /// Whether the time `hit` found belongs to a past passive or perfect ("was sent on the 2nd",
    /// "were probably shipped Monday", "got delivered on the 4th", "had been booked for
    /// Friday"): a past auxiliary opens the hit or stands just before it, with only adverbs and
    /// hedges between.
    func reportsThePast(_ hit: Hit) -> Bool {
        if (hit.start..<min(hit.start + 2, hit.end)).contains(where: { pastAuxiliaries.contains(tokens[$0].key) }) { return true }
        let sentenceStart = startOfSentence(hit.start)
        var i = hit.start - 1
        while i >= sentenceStart, tokens[i].isWord {
            let key = tokens[i].key
            if pastAuxiliaries.contains(key) { return true }
            guard tokens[i].flags.contains(.hedge) || reportAdverbs.contains(key) else { return false }
            i -= 1
        }
        return false
    }

    /// Whether the words from `i` (before `end`) say the time may come sooner than promised
    /// ("sooner", "even earlier", "a bit quicker"): what a hedge before them hedges is the
    /// bettering, not the time.
    func betters(at i: Int, end: Int) -> Bool {
        var i = i
        while i < end, betteringIntensifiers.contains(tokens[i].key) { i += 1 }
        return i < end && betteringWords.contains(tokens[i].key)
    }
}

/// Comparatives that better a promised time: "probably sooner", "hopefully earlier".
let betteringWords: Set<String> = ["sooner", "earlier", "quicker", "faster"]

/// Words that may stand between a hedge and its comparative ("probably even sooner", "a bit quicker").
let betteringIntensifiers: Set<String> = ["even", "a", "bit", "little", "much", "lot"]

/// Auxiliaries that put a participle in the past: "was sent", "got delivered", "had been booked".
let pastAuxiliaries: Set<String> = ["was", "were", "got", "been", "had"]

/// Adverbs that may stand between a past auxiliary and its participle ("was probably already sent").
let reportAdverbs: Set<String> = ["already", "just", "actually", "apparently", "originally", "definitely", "only", "all", "also",
                                  "then", "first", "initially", "supposedly"]
