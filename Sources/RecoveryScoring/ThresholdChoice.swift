import RecoveryCore

/// How the model read one labelled reply when its thresholds were chosen: the behaviours the
/// rules found, the model's probabilities for the whole reply and for its likeliest sentence.
struct HeldOutReading: Sendable {
    var rules: Set<Behavior>
    var whole: SIMD16<Float>
    var sentence: SIMD16<Float>
    var labels: Set<Behavior>
    /// The behaviours whose every rule match was cancelled (`Analyzer.refusedMask`), as bits by
    /// `Behavior.slot`.
    var refused: UInt16 = 0

    /// `rules` as bits by `Behavior.slot`.
    var ruleMask: UInt16 { rules.reduce(0) { $0 | 1 << UInt16($1.slot) } }
}

/// The thresholds, sentence thresholds and vetoes a model reads with, chosen from readings of
/// replies it did not learn from.
struct ThresholdChoice: Sendable, Equatable {
    var thresholds: [Float]
    var sentenceThresholds: [Float]
    var vetoes: [Float]
    /// For each behaviour, how sure the model must be to read it where every rule match was
    /// cancelled (above 1: never).
    var overrules: [Float] = []
    /// The second layer the thresholds are for (`settings.combine`); nil: each behaviour is
    /// read by its own probability, for the whole reply or one sentence.
    var combiner: ModelCombiner? = nil

    /// For each behaviour, the threshold (0.50...0.95, by 0.05: the model alone must think a
    /// behaviour more likely than not), the sentence threshold (the same values, or never: one
    /// sentence read alone) and the veto (`settings.vetoCandidates`, for credits up to
    /// `settings.creditVetoCap`: below it the model overrules a rule) that read `readings`
    /// best: by F1, and for penalties by F0.5 (precision counts twice), with thresholds from
    /// `penaltyFloor` up, each judged with its neighbours (`settings.thresholdSmoothing`). Vetoes
    /// act only on replies the rules read, thresholds only on the others, so their counts are
    /// tallied apart and added.
    ///
    /// With `settings.combine` and at least `settings.combinerMinimum` readings, a
    /// `ModelCombiner` is first fitted to `readings`, and the thresholds (0.50...0.99, by 0.01:
    /// still more likely than not) are for its combined probability, which weighs the likeliest
    /// sentence itself: there are no sentence thresholds. Vetoes stay on the whole reply's
    /// probability.
    ///
    /// With each threshold the overrule is chosen (`overruleCandidates`): on a reply whose every
    /// rule match of the behaviour was cancelled, the model reads it only when both its
    /// probability and the whole reply's own reach that overrule. An exception is written for
    /// some words and matches others ("refunded the fee" is amends, and it cancelled the fix in
    /// "I've refunded the fee, and the new pair will be made at no charge"); a negation or a
    /// convention is surer. The held-out readings say which, behaviour by behaviour; on a tie
    /// the stricter overrule is kept.
    static func choose(from readings: [HeldOutReading], settings: TrainingSettings) -> ThresholdChoice {
        guard settings.combine, readings.count >= settings.combinerMinimum else {
            return choose(from: readings, scores: readings.map(\.whole), combined: false, settings: settings)
        }
        let combiner = ModelCombiner.fit(readings, l2: settings.combinerL2)
        let scores = readings.map { combiner.probabilities(whole: $0.whole, sentence: $0.sentence, rules: $0.ruleMask) }
        var choice = choose(from: readings, scores: scores, combined: true, settings: settings)
        choice.combiner = combiner
        return choice
    }

    /// The overrules tried for each behaviour, strictest first: never, all but certain, sure,
    /// and none beyond the threshold itself (for a penalty only the first two).
    static let overruleCandidates: [Float] = [2, 0.99, 0.95, 0.9, 0]

    /// `choose(from:settings:)` with `scores`, by reading, for the replies the rules did not
    /// read: the combiner's (`combined`), or each behaviour's own probability.
    private static func choose(from readings: [HeldOutReading], scores: [SIMD16<Float>], combined: Bool,
                               settings: TrainingSettings) -> ThresholdChoice {
        typealias Counts = (tp: Int, fp: Int, fn: Int)
        func add(_ a: Counts, _ b: Counts) -> Counts { (a.tp + b.tp, a.fp + b.fp, a.fn + b.fn) }
        func tally(_ read: Bool, _ labelled: Bool, into counts: inout Counts) {
            switch (read, labelled) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fp += 1
            case (false, true): counts.fn += 1
            case (false, false): break
            }
        }
        var choice = ThresholdChoice(thresholds: [], sentenceThresholds: [], vetoes: [])
        for behavior in Behavior.allCases {
            let slot = behavior.slot
            let grid = combined ? stride(from: 50, through: 99, by: 1) : stride(from: 50, through: 95, by: 5)
            let step: Float = combined ? 0.01 : 0.05
            let candidates = grid.map { Float($0) / 100 }
                .filter { !behavior.isNegative || $0 >= settings.penaltyFloor }
            let sentenceCandidates = settings.sentenceReading && !combined ? candidates + [2] : [2]
            let ruled = readings.indices.filter { readings[$0].rules.contains(behavior) }
            let unruled = readings.indices.filter { !readings[$0].rules.contains(behavior) }
            // What the loops below ask of each reading, looked up once (the tests retrain in a
            // debug build, where a reading's set of labels is slow to ask 250 times over).
            let labelled = readings.map { $0.labels.contains(behavior) }
            let bit = UInt16(1) << UInt16(slot)
            let slotScore = scores.map { $0[slot] }, sentenceScore = readings.map { $0.sentence[slot] }
            let refused = readings.map { $0.refused & bit != 0 }
            let overrulable = readings.indices.map { k in min(slotScore[k], readings[k].whole[slot]) }
            let vetoCounts = settings.vetoCandidates.filter { behavior.isNegative || $0 <= settings.creditVetoCap }.map { veto -> (veto: Float, counts: Counts) in
                var counts: Counts = (0, 0, 0)
                for k in ruled { tally(readings[k].whole[slot] >= veto, labelled[k], into: &counts) }
                return (veto, counts)
            }
            // A penalty the rules refused is read only by a model all but certain of it, as a
            // penalty's own sentence is: a false penalty costs a trainee more.
            let overrules = Self.overruleCandidates.filter { !behavior.isNegative || $0 >= BehaviorModel.penaltySentenceCertainty }
            var thresholdCounts: [(threshold: Float, sentence: Float, overrule: Float, counts: Counts)] = []
            for threshold in candidates {
                for sentence in sentenceCandidates where sentence >= threshold {
                    for overrule in overrules {
                        var counts: Counts = (0, 0, 0)
                        for k in unruled {
                            let read = (slotScore[k] >= threshold || sentenceScore[k] >= sentence)
                                && (!refused[k] || overrulable[k] >= overrule)
                            tally(read, labelled[k], into: &counts)
                        }
                        thresholdCounts.append((threshold, sentence, overrule, counts))
                    }
                }
            }
            // Penalties weigh precision twice as much as recall (F0.5): a false penalty
            // costs a trainee more than a missed one.
            let beta2 = behavior.isNegative ? 0.25 : 1.0
            func score(_ counts: Counts) -> Double {
                let (tp, fp, fn) = counts
                return tp == 0 ? 0 : (1 + beta2) * Double(tp) / ((1 + beta2) * Double(tp) + beta2 * Double(fn) + Double(fp))
            }
            // Each threshold is judged with its neighbours (`settings.thresholdSmoothing` grid
            // steps either side, the same sentence threshold): the choice sits in a broad
            // plateau, not on a one-reply peak that the next data change moves.
            let neighbours = thresholdCounts.indices.map { k in
                thresholdCounts.indices.filter { n in
                    thresholdCounts[n].sentence == thresholdCounts[k].sentence && thresholdCounts[n].overrule == thresholdCounts[k].overrule
                        && abs(thresholdCounts[n].threshold - thresholdCounts[k].threshold) <= step * Float(settings.thresholdSmoothing) + 1e-4
                }
            }
            var best: (threshold: Float, sentence: Float, overrule: Float, veto: Float, score: Double) = (behavior.isNegative ? 0.99 : 0.5, 2, 2, 0, -1)
            for rule in vetoCounts {
                let scores = thresholdCounts.map { score(add(rule.counts, $0.counts)) }
                for (k, other) in thresholdCounts.enumerated() {
                    let smoothed = neighbours[k].reduce(0) { $0 + scores[$1] } / Double(neighbours[k].count)
                    if smoothed > best.score + 1e-9 { best = (other.threshold, other.sentence, other.overrule, rule.veto, smoothed) }
                }
            }
            choice.thresholds.append(best.threshold)
            choice.sentenceThresholds.append(best.sentence)
            choice.vetoes.append(best.veto)
            choice.overrules.append(best.overrule)
        }
        return choice
    }
}
