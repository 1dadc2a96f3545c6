import RecoveryCore

/// Words that stress an apology ("so sorry"); stressed for effect, they read as sarcasm.
let intensifierWords: Set<String> = ["so", "very", "really", "truly", "terribly", "awfully", "deeply", "extremely", "sincerely"]

/// Words that head an apology; typed in capitals or stretched ("SORRY", "sorryyy") they mock.
let apologyHeadWords: Set<String> = ["sorry", "apologize", "apology", "apologies"]

/// Words that open a sarcastic sentence ("Oh, I'm so sorry..."), unless followed by a
/// sympathetic word ("oh no", "oh dear").
let sarcasticOpeners: Set<String> = ["oh", "well", "wow", "gee"]
let sympatheticAfterOpener: Set<String> = ["no", "dear", "gosh", "god", "man", "wow"]

/// Words that separate promises within a sentence ("soon and by 5").
let promiseSeparators: Set<String> = ["and", "but", "then", "also", "plus", "or"]

extension Reading {
    /// "Oh, I'm *so* sorry", "I'm SO sorry", "sooo sorry": the apology becomes `dismiss`.
    mutating func readSarcasm() {
        guard let apologies = hits(.apologize) else { return }
        var kept: [Hit] = []
        for hit in apologies {
            let sentenceStart = startOfSentence(hit.start)
            let from = max(sentenceStart, hit.start - 2)
            let stressed = (from..<hit.end).first { i in
                tokens[i].stressed && (intensifierWords.contains(tokens[i].key) || apologyHeadWords.contains(tokens[i].key))
            }
            var cue = stressed
            if cue == nil, sarcasticOpeners.contains(tokens[sentenceStart].key),
               !sympatheticAfterOpener.contains(sentenceStart + 1 < tokens.count ? tokens[sentenceStart + 1].key : "") {
                if (from..<hit.end).contains(where: { intensifierWords.contains(tokens[$0].key) }) { cue = sentenceStart }
            }
            guard let cue else { kept.append(hit); continue }
            addHit(Hit(behavior: .dismiss, start: min(cue, hit.start), end: hit.end, rule: -1))
        }
        setHits(.apologize, kept)
    }

    /// "Sorry, but that's policy" / "sorry, system glitch": the excuse takes the apology back
    /// (`non_apology`), unless what follows "but" is the customer's own fault ("I'm sorry, but
    /// you should have called sooner" stays an apology beside the `blame`).
    mutating func readTakenBackApologies() {
        guard let apologies = hits(.apologize) else { return }
        var takenBack: [Hit] = []
        for hit in apologies {
            let sentenceStart = startOfSentence(hit.start)
            let sentenceEnd = endOfSentence(hit.start)
            var tailStart = hit.end, quoteEnd = hit.end
            if hit.end < sentenceEnd, tokens[hit.end].key == "but" {
                tailStart = hit.end + 1
                quoteEnd = hit.end + 1
            } else if !(hit.start == sentenceStart && hit.end - hit.start == 1 && hit.end < sentenceEnd && tokens[hit.end].breakBefore) {
                continue
            }
            let excuses = [Behavior.deflect, .dismiss, .blame].flatMap { hits($0) ?? [] }
                .filter { $0.start >= tailStart && $0.start < sentenceEnd }
            guard !excuses.isEmpty else { continue }
            let customerFault = excuses.contains { $0.behavior == .blame && ["you", "your"].contains(tokens[$0.start].key) }
            if customerFault && tailStart > hit.end { continue }
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
        setHits(.vaguePromise, kept)
    }
}
