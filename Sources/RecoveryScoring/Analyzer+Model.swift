import Foundation
import RecoveryCore

/// The analyzer's side of the learned reader: its file, its features and its vetoes.
extension Analyzer {
    /// Whether the model overrules the rules' `hit` of the behaviour in `slot`. For a credit it
    /// must find the behaviour unlikely both in the whole reply and in the hit's sentence read
    /// alone, so a long reply (whose other words dilute every score) never loses a plain "I'm
    /// so sorry." For a penalty the whole reply decides — the rest of the reply is what clears a
    /// named cause ("…not the hotel's fault, it was our booking", rule 15) or a sincere "Oh,
    /// I'm SO sorry", and the folds chose the veto on whole replies — unless the hit's sentence,
    /// read alone, is all but certain of it (`BehaviorModel.penaltySentenceCertainty`): "Sorry
    /// if it feels like I'm fobbing you off." is not cleared by the good promises after it.
    func vetoed(_ hit: Hit, slot: Int, _ probabilities: SIMD16<Float>?, reading: Reading, scratch: AnalyzerScratch) -> Bool {
        guard let model, let probabilities, model.vetoes(probabilities, slot: slot, hit: hit) else { return false }
        // A reply of one sentence is its own sentence: the whole reply has decided.
        if hit.behavior.isNegative, !reading.tokens.spansSeveralSentences { return true }
        let sentence = reading.startOfSentence(hit.start)..<min(reading.endOfSentence(hit.start) + 1, reading.tokens.count)
        var local = AnalyzerScratch.take(&scratch.sentenceFeatures)
        defer { scratch.sentenceFeatures = local }
        ModelFeatures.extract(reading.input, ruleFound: reading.foundMask, classes: classes, known: .model(model.table),
                              only: sentence, into: &local)
        let alone = model.probabilities(local)
        if hit.behavior.isNegative { return alone[slot] < BehaviorModel.penaltySentenceCertainty }
        return model.vetoes(alone, slot: slot, hit: hit)
    }

    /// Sarcasm overruled: when the model finds no mockery where the reading rule saw it ("Oh,
    /// I'm SO sorry — your cake sat at reception all afternoon…"), the apology and the empathy
    /// the sarcasm took stand again, as the rules read them. Returns their slots: the model read
    /// the reply through the sarcasm (its features said the rules found `dismiss`, not
    /// `apologize`), so it does not veto them.
    func restoreMocked(_ ruleHits: inout [Hit?], refused: inout UInt16, _ probabilities: SIMD16<Float>?,
                       reading: Reading, scratch: AnalyzerScratch) -> UInt16 {
        guard !reading.mockedHits.isEmpty, let mockery = ruleHits[Behavior.dismiss.slot],
              reading.hits(.dismiss)?.allSatisfy(\.isReadingRule) == true,
              vetoed(mockery, slot: Behavior.dismiss.slot, probabilities, reading: reading, scratch: scratch) else { return 0 }
        var restored: UInt16 = 0
        for behavior in [Behavior.apologize, .empathize] where ruleHits[behavior.slot] == nil {
            guard let hit = reading.mockedHits.filter({ $0.behavior == behavior }).min(by: Hit.readsBefore) else { continue }
            ruleHits[behavior.slot] = hit
            refused &= ~(1 << UInt16(behavior.slot))
            restored |= 1 << UInt16(behavior.slot)
        }
        return restored
    }

    /// Rule 1 overruled: where the model finds no promise in the time that rescued a vague
    /// promise (`commit`'s rule hit stands in `ruleHits` but `found` lacks `commit`), the vague
    /// promise that time overlapped stands again, as the rules read it, meeting its veto.
    func restoreRescued(_ ruleHits: inout [Hit?], refused: inout UInt16, found: [Behavior], reading: Reading) {
        let slot = Behavior.vaguePromise.slot
        guard ruleHits[slot] == nil, let commit = ruleHits[Behavior.commit.slot], !found.contains(.commit),
              let rescued = reading.rescuedHits.first(where: { $0.overlaps(commit) }) else { return }
        ruleHits[slot] = rescued
        refused &= ~(1 << UInt16(slot))
    }

    /// The features the learned reader weighs for `text` (the rules' findings among them).
    func modelFeatures(_ text: String, known: KnownWords? = nil) -> [ModelFeature] {
        let known = known ?? model.map { KnownWords.model($0.table) } ?? .all
        return ScratchPool.shared.withScratch { scratch in
            withReading(text, scratch: scratch) { reading in
                reading.applyReadingRules()
                var features: [ModelFeature] = []
                ModelFeatures.extract(reading.input, ruleFound: reading.foundMask, classes: classes, known: known, into: &features)
                return features
            }
        }
    }

    /// The behaviours whose every rule match in `text` was cancelled (by an exception, a negation
    /// or a reading rule), as slot bits: what the model reads only past its overrule.
    func refusedMask(_ text: String) -> UInt16 {
        ScratchPool.shared.withScratch { scratch in
            withReading(text, scratch: scratch) { reading in
                reading.applyReadingRules()
                return reading.matchedMask & ~reading.foundMask
            }
        }
    }

    /// The tokens of `text` as the learned reader sees them (for sentence positions).
    func tokens(_ text: String) -> [Token] {
        ScratchPool.shared.withScratch { scratch in
            withReading(text, scratch: scratch) { reading in reading.tokens }
        }
    }

    /// Where the model of the behaviours file at `path` lives: `model.bin` in its folder.
    public static func modelFile(besides path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "model.bin" : folder + "/model.bin"
    }

    /// This analyzer with `model` as its learned reader (nil: the rules alone).
    public func with(model: BehaviorModel?) -> Analyzer {
        var copy = self
        copy.model = model
        return copy
    }
}
