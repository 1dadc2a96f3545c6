import RecoveryCore

/// The matches found in one reply, and the reading rules of docs/labelling.md applied to them:
/// exceptions and negation cancel matches; sarcasm turns an apology into `dismiss`; "sorry,
/// but <excuse>" turns it into `non_apology`; a timeframe rescues a vague promise; options
/// asked as a question are `choice`, not also `explore`.
struct Reading {
    let input: MatchInput
    /// Hits by `Behavior.slot`; an empty list means none.
    private var hits: [[Hit]]
    /// Exception hits by `Behavior.slot`.
    private var exceptions: [[Hit]]

    /// For each token, the first token of its sentence and the end of its sentence's words.
    private let sentenceBounds: [(start: Int, end: Int)]

    /// A reading of `input` with no hits yet, in `scratch`'s arrays (`recycle(into:)` gives
    /// them back).
    init(input: MatchInput, scratch: AnalyzerScratch) {
        self.input = input
        hits = AnalyzerScratch.take(&scratch.hits)
        exceptions = AnalyzerScratch.take(&scratch.exceptions)
        if hits.count != Behavior.slotCount { hits = [[Hit]](repeating: [], count: Behavior.slotCount) }
        if exceptions.count != Behavior.slotCount { exceptions = [[Hit]](repeating: [], count: Behavior.slotCount) }
        for slot in 0..<Behavior.slotCount {
            if !hits[slot].isEmpty { hits[slot].removeAll(keepingCapacity: true) }
            if !exceptions[slot].isEmpty { exceptions[slot].removeAll(keepingCapacity: true) }
        }
        var bounds = AnalyzerScratch.take(&scratch.sentenceBounds)
        bounds.removeAll(keepingCapacity: true)
        bounds.append(contentsOf: repeatElement((start: 0, end: 0), count: input.tokens.count))
        var start = 0
        for i in input.tokens.indices where i + 1 == input.tokens.count || input.tokens[i + 1].sentence != input.tokens[i].sentence {
            let wordsEnd = input.tokens[i].isWord ? i + 1 : i
            for j in start...i { bounds[j] = (start, wordsEnd) }
            start = i + 1
        }
        sentenceBounds = bounds
    }

    /// Gives the arrays back to `scratch`, with the input's.
    func recycle(into scratch: AnalyzerScratch) {
        scratch.hits = hits
        scratch.exceptions = exceptions
        scratch.sentenceBounds = sentenceBounds
        input.recycle(into: scratch)
    }

    var tokens: [Token] { input.tokens }

    /// The surviving hits of `behavior`, if any.
    func hits(_ behavior: Behavior) -> [Hit]? {
        let list = hits[behavior.slot]
        return list.isEmpty ? nil : list
    }

    /// Replaces the hits of `behavior`.
    mutating func setHits(_ behavior: Behavior, _ list: [Hit]) { hits[behavior.slot] = list }

    /// Every hit of `behavior`, surviving or not yet read (for `analyze --why`).
    func allHits(_ behavior: Behavior) -> [Hit] { hits[behavior.slot] }

    /// The exception hits of `behavior`.
    func exceptionHits(_ behavior: Behavior) -> [Hit] { exceptions[behavior.slot] }

    /// Adds a hit made by a reading rule.
    mutating func addHit(_ hit: Hit) { hits[hit.behavior.slot].append(hit) }

    /// Records a pattern match or an exception match.
    mutating func add(_ hit: Hit, exception: Bool) {
        if exception { exceptions[hit.behavior.slot].append(hit) } else { hits[hit.behavior.slot].append(hit) }
    }

    /// The earliest surviving hit of `behavior` (longest first on ties).
    func firstHit(_ behavior: Behavior) -> Hit? {
        hits[behavior.slot].min(by: Hit.readsBefore)
    }

    /// The earliest surviving hit of `behavior` that `keep` accepts (as `firstHit(_:)`).
    func firstHit(_ behavior: Behavior, where keep: (Hit) -> Bool) -> Hit? {
        hits[behavior.slot].lazy.filter(keep).min(by: Hit.readsBefore)
    }

    /// The behaviours with a surviving hit, by slot bit.
    var foundMask: UInt16 {
        var mask: UInt16 = 0
        for slot in hits.indices where !hits[slot].isEmpty { mask |= 1 << UInt16(slot) }
        return mask
    }

    /// The behaviours some pattern matched before the reading rules ran, by slot bit.
    private(set) var matchedMask: UInt16 = 0

    /// The apologies and the empathy sarcasm took (`readSarcasm`): they stand again if the
    /// model overrules the sarcasm.
    var mockedHits: [Hit] = []

    /// The vague promises a time rescued (`readRescuedPromises`): they stand again if the model
    /// overrules the `commit` the time would make ("We'll sort something out at some point
    /// this week").
    var rescuedHits: [Hit] = []

    /// The behaviours (bits by slot) whose every match was cancelled by an exception, at least
    /// one of them by an exception rather than a negation: a model all but certain of one may
    /// still read it (`BehaviorModel.overruled`).
    private(set) var exceptedMask: UInt16 = 0

    /// Applies exceptions, negation and the reading rules (`Reading.rules`), in that order.
    /// `naming`, when given, is told each pattern match a negation or a reading rule removed,
    /// with the name `analyze --why` gives the cause (an exception's removals are not told:
    /// `--why` names the exception itself).
    mutating func applyReadingRules(naming: ((Hit, String) -> Void)? = nil) {
        matchedMask = foundMask
        for slot in hits.indices where !hits[slot].isEmpty {
            // Kept hits moved down in place. A plain loop: a closure calling `isNegated` would
            // capture (copy, and retain) the whole reading.
            var list = AnalyzerScratch.take(&hits[slot])
            var kept = 0
            var excepted = false
            for k in list.indices {
                if isNegated(list[k]) { naming?(list[k], Self.negationName); continue }
                if exceptions[slot].contains(where: list[k].overlaps) { excepted = true; continue }
                list[kept] = list[k]
                kept += 1
            }
            if kept == 0 && excepted { exceptedMask |= 1 << UInt16(slot) }
            list.removeLast(list.count - kept)
            hits[slot] = list
        }
        for rule in Self.rules {
            guard let naming else { rule.read(&self); continue }
            let before = hits
            rule.read(&self)
            for slot in before.indices {
                for hit in before[slot] where !hit.isReadingRule && !hits[slot].contains(hit) { naming(hit, rule.name) }
            }
        }
    }

    /// The sentences (by number) where `behavior` has a surviving hit.
    func sentences(with behavior: Behavior) -> Set<Int> {
        Set(hits[behavior.slot].map { tokens[$0.start].sentence })
    }

    /// `impersonal_apology` when every apology is "we're sorry" / "we apologize" / "our apologies".
    func notes() -> [String] {
        guard let apologies = hits(.apologize) else { return [] }
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
            let flags = tokens[j].flags
            if tokens[j + 1].breakBefore || flags.contains(.clauseBreak) || (j < hit.start - 1 && tokens[j + 1].flags.contains(.subject)) {
                return false
            }
            if flags.contains(.negator) {
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

extension Behavior {
    /// The number of behaviours: the slots of `Reading`'s hit lists.
    static let slotCount = 16

    /// This behaviour's place in `allCases`, for array-indexed tables.
    @inline(__always)
    var slot: Int {
        switch self {
        case .empathize: 0
        case .apologize: 1
        case .own: 2
        case .explore: 3
        case .resolve: 4
        case .choice: 5
        case .commit: 6
        case .atone: 7
        case .followUp: 8
        case .verify: 9
        case .thank: 10
        case .nonApology: 11
        case .blame: 12
        case .deflect: 13
        case .dismiss: 14
        case .vaguePromise: 15
        }
    }
}
