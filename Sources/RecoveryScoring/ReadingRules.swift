import RecoveryCore

/// Words that stress an apology ("so sorry"); stressed for effect, they read as sarcasm.
let intensifierWords: Set<String> = ["so", "very", "really", "truly", "terribly", "awfully", "deeply", "extremely", "sincerely"]

/// Words that head an apology; typed in capitals or stretched ("SORRY", "sorryyy") they mock.
let apologyHeadWords: Set<String> = ["sorry", "apologize", "apology", "apologies"]

/// Words that separate promises within a sentence ("soon and by 5").
let promiseSeparators: Set<String> = ["and", "but", "then", "also", "plus", "or"]

extension Reading {
    /// "Oh, I'm *so* sorry", "I'm SO sorry", "sooo sorry": the apology becomes `dismiss`.
    mutating func readSarcasm() {
        guard let apologies = hits(.apologize) else { return }
        var kept: [Hit] = []
        var mocked: Set<Int> = []
        for hit in apologies {
            let sentenceStart = startOfSentence(hit.start)
            let from = max(sentenceStart, hit.start - 2)
            let stressed = (from..<hit.end).first { i in
                tokens[i].stressed && (intensifierWords.contains(tokens[i].key) || apologyHeadWords.contains(tokens[i].key))
            }
            // Stress typed for effect, or an intensified apology whose sentence goes on to mock
            // ("Oh, I'm so sorry our staff aren't mind readers"): "Oh, I'm so sorry the engineer
            // didn't turn up" has the same words around the apology and is sincere.
            guard let cue = stressed ?? mockingAfter(hit, from: from) else { kept.append(hit); continue }
            addHit(Hit(behavior: .dismiss, start: min(cue, hit.start), end: hit.end, rule: -1))
            mockedHits.append(hit)
            mocked.insert(tokens[hit.start].sentence)
        }
        setHits(.apologize, kept)
        // Sarcasm flips the whole sentence: "Oh, I'm SO sorry your wait ruined your day" shows no empathy.
        if !mocked.isEmpty, let empathy = hits(.empathize) {
            mockedHits.append(contentsOf: empathy.filter { mocked.contains(tokens[$0.start].sentence) })
            setHits(.empathize, empathy.filter { !mocked.contains(tokens[$0.start].sentence) })
        }
    }

    /// Where an intensified apology ("so sorry", "really sorry") is taken back by a brush-off the
    /// patterns found later in its sentence, with no "but" between ("…so sorry the free upgrade
    /// wasn't posh enough for you"): the apology's first word. Nil for a plain apology or none.
    /// `from`: where the words that may intensify it begin (as for stress).
    private func mockingAfter(_ hit: Hit, from: Int) -> Int? {
        guard (from..<hit.end).contains(where: { intensifierWords.contains(tokens[$0].key) }),
              let mocks = hits(.dismiss) else { return nil }
        let sentence = tokens[hit.start].sentence
        let mocked = mocks.contains { mock in
            !mock.isReadingRule && mock.start >= hit.start && mock.end > hit.end && tokens[mock.start].sentence == sentence
                && !(hit.end..<max(hit.end, mock.start)).contains { tokens[$0].flags.contains(.but) }
        }
        return mocked ? hit.start : nil
    }

    /// "Sorry, but that's policy" / "sorry, system glitch" / "that's not my department, sorry":
    /// the excuse takes the apology back
    /// (`non_apology`), unless what follows "but" is the customer's own fault ("I'm sorry, but
    /// you should have called sooner" stays an apology beside the `blame`).
    mutating func readTakenBackApologies() {
        guard let apologies = hits(.apologize) else { return }
        var takenBack: [Hit] = []
        for hit in apologies {
            let sentenceStart = startOfSentence(hit.start)
            let sentenceEnd = endOfSentence(hit.start)
            var tailStart = hit.end, tailEnd = sentenceEnd, quoteEnd = hit.end
            if let but = (hit.end..<min(sentenceEnd, hit.end + 6)).first(where: { tokens[$0].key == "but" }),
               but == hit.end || speaker(hit) == nil {
                // "sorry, but ..." and "sorry for the trouble, but ...".
                tailStart = but + 1
                quoteEnd = but == hit.end ? but + 1 : hit.end
            } else if hit.end == sentenceEnd, hit.end - hit.start == 1, hit.start > sentenceStart, tokens[hit.start].breakBefore {
                // "I don't deal with complaints, sorry.": the excuse comes first.
                tailStart = sentenceStart
                tailEnd = hit.start
            } else if !(hit.start == sentenceStart && hit.end - hit.start == 1 && hit.end < sentenceEnd && tokens[hit.end].breakBefore) {
                continue
            }
            let excuses = [Behavior.deflect, .dismiss, .blame].flatMap { hits($0) ?? [] }
                .filter { $0.start >= tailStart && $0.start < tailEnd }
            guard !excuses.isEmpty else { continue }
            // "I'm sorry, but <whose fault it was>" keeps the apology beside the blame; a policy
            // wall or a brush-off takes it back ("I'm sorry, but that's policy"), and so does
            // any excuse after a bare "sorry" (docs/labelling.md, rule 9).
            if speaker(hit) != nil, excuses.allSatisfy({ $0.behavior == .blame }) { continue }
            takenBack.append(Hit(behavior: .nonApology, start: hit.start, end: quoteEnd, rule: -1))
        }
        guard !takenBack.isEmpty else { return }
        for hit in takenBack { addHit(hit) }
        let remaining = apologies.filter { apology in
            !takenBack.contains { tokens[$0.start].sentence == tokens[apology.start].sentence && apology.start <= $0.start }
        }
        setHits(.apologize, remaining)
    }

    /// A timeframe in the same part of the sentence makes a promise `commit`, not vague
    /// ("Someone will be in touch within 24 hours"); "soon ... and ... by 5" keeps both.
    mutating func readRescuedPromises() {
        guard let promises = hits(.vaguePromise) else { return }
        let kept = promises.filter { hit in
            let sentence = tokens[hit.start].sentence
            var i = hit.end
            while i < tokens.count, tokens[i].sentence == sentence, tokens[i].isWord {
                if promiseSeparators.contains(tokens[i].key) { break }
                if input.timeEnds[i] > i { return false }
                i += 1
            }
            i = hit.start
            while i > 0, tokens[i - 1].sentence == sentence, tokens[i - 1].isWord {
                i -= 1
                if promiseSeparators.contains(tokens[i].key) { break }
                if input.timeEnds[i] > i { return false }
            }
            return !(hit.start..<hit.end).contains { input.timeEnds[$0] > $0 }
        }
        if kept.count != promises.count { rescuedHits.append(contentsOf: promises.filter { !kept.contains($0) }) }
        setHits(.vaguePromise, kept)
    }
}

/// Words that make a "which" or "what" question ask which option the customer prefers
/// ("Which suits you?", "What would you prefer?", "What do you reckon?"): comparison keys.
let preferenceWords: Set<String> = [
    "prefer", "rather", "like", "want", "suit", "work", "best", "better", "easier", "easiest", "simpler",
    "sound", "reckon", "think", "choose", "pick", "leaning", "good", "help", "convenient", "option",
]

/// Words that put a "which" question in the past: it asks for details ("Which branch was it?").
let pastWords: Set<String> = ["was", "were", "did", "had"]

extension Reading {
    /// Whether `hit` is a question asking which option the customer prefers: it opens with
    /// "which" or "what" and its sentence ends with "?"; a "which" question not about the past
    /// ("Which one?", "Which is less hassle?"), a "what" question that names a preference
    /// ("What would you like?"). Once options are read, such a question is part of them
    /// (docs/labelling.md, rule 10): "What happened?" and "Which branch was it?" still ask
    /// for the story.
    func isPreferenceQuestion(_ hit: Hit) -> Bool {
        let opener = tokens[hit.start].key
        guard opener == "which" || opener == "what" else { return false }
        let end = endOfSentence(hit.start)
        guard end < tokens.count, tokens[end].kind == .sentenceEnd, tokens[end].text == "?" else { return false }
        let rest = hit.start + 1..<end
        if opener == "which" { return !rest.contains { pastWords.contains(tokens[$0].key) } }
        return rest.contains { preferenceWords.contains(tokens[$0].key) }
    }
}

extension Reading {
    /// Whether the sentence holding `hit` offers times as options: two time expressions with
    /// "or" between them ("tomorrow, 7 to 9, or Saturday 8 to 10"). Such times are an offer,
    /// not yet a promise (docs/labelling.md, rule 2).
    func offersTimesAsOptions(_ hit: Hit) -> Bool {
        let sentence = startOfSentence(hit.start)..<endOfSentence(hit.start)
        var sawTime = false, orAfterTime = false
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            if input.timeEnds[i] > i {
                if orAfterTime { return true }
                sawTime = true
                i = input.timeEnds[i]
                continue
            }
            if sawTime, tokens[i].key == "or" { orAfterTime = true }
            i += 1
        }
        return false
    }
}

/// Words that open the object of an apology ("sorry about the outage", "sorry that...").
let apologyObjectBreaks: Set<String> = ["but", "if", "because", "although", "though", "however"]

extension Reading {
    /// The failure an apology names is not blame: "We're sorry the technician didn't show up",
    /// "sorry about the outage". What follows a comma, "but", "and" or "because" is read on its own.
    mutating func readApologyObjects() {
        guard let apologies = hits(.apologize) else { return }
        let blames = hits(.blame) ?? []
        var objects: [Range<Int>] = []
        for hit in apologies {
            let end = endOfSentence(hit.start)
            guard hit.end < end, !tokens[hit.end].breakBefore, !apologyObjectBreaks.contains(tokens[hit.end].key) else { continue }
            var j = hit.end + 1
            while j < end, !tokens[j].breakBefore, !clauseBreakWords.contains(tokens[j].key), !apologyObjectBreaks.contains(tokens[j].key) { j += 1 }
            objects.append(hit.end..<j)
        }
        setHits(.blame, blames.filter { blame in !objects.contains { $0.contains(blame.start) } })
        // "I'm sorry we dropped the ball": an apology naming the failure is `apologize` alone
        // (docs/labelling.md, rule 6); a named responsibility ("sorry, that's our mistake") still counts.
        if let owns = hits(.own) {
            setHits(.own, owns.filter { own in
                !(["i", "we"].contains(tokens[own.start].key) && objects.contains { $0.contains(own.start) })
            })
        }
    }

    /// An apology that overlaps a `non_apology` match is dropped, and so is empathy that
    /// overlaps a `dismiss` match. Personal handling and
    /// check-backs are specific: "I'm going to take care of this myself"
    /// is `own`, "I'll follow up to check the speeds" is `follow_up`, neither a vague promise.
    mutating func readSpecificPromises() {
        // A clichéd or conditional apology is not also a real one ("I'm sorry if there was any confusion").
        if let apologies = hits(.apologize), let brushOffs = hits(.nonApology) {
            setHits(.apologize, apologies.filter { apology in !brushOffs.contains(where: apology.overlaps) })
        }
        // Minimising the impact is not recognising it: "it's only one night without heat".
        if let empathy = hits(.empathize), let dismissals = hits(.dismiss) {
            setHits(.empathize, empathy.filter { feeling in !dismissals.contains(where: feeling.overlaps) })
        }
        guard let promises = hits(.vaguePromise) else { return }
        let specific = (hits(.own) ?? []) + (hits(.followUp) ?? [])
        setHits(.vaguePromise, promises.filter { promise in !specific.contains(where: promise.overlaps) })
    }

    /// Options: `explore` is dropped in a sentence that shows `choice` (and in the question
    /// right after it, "What works better?") or `verify`; times offered as options are not yet
    /// a promise, so `commit` there — or in a sentence offering two times with "or" between
    /// them, when the options were named in another ("Two options. Tomorrow 7 to 9, or
    /// Saturday 8 to 10.") — reads as `resolve` (docs/labelling.md, rule 2).
    mutating func readOptions() {
        let choices = sentences(with: .choice)
        if let explores = hits(.explore) {
            let verifies = sentences(with: .verify)
            setHits(.explore, explores.filter { hit in
                let sentence = tokens[hit.start].sentence
                return !choices.contains(sentence) && !choices.contains(sentence - 1) && !verifies.contains(sentence)
                    && (choices.isEmpty || !isPreferenceQuestion(hit))
            })
        }
        guard !choices.isEmpty, let commits = hits(.commit) else { return }
        var kept: [Hit] = []
        for hit in commits {
            if choices.contains(tokens[hit.start].sentence) || offersTimesAsOptions(hit) {
                addHit(Hit(behavior: .resolve, start: hit.start, end: hit.end, rule: -1))
            } else {
                kept.append(hit)
            }
        }
        setHits(.commit, kept)
    }
}
