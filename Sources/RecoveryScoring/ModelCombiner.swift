import Foundation
import RecoveryCore

/// The learned reader's second layer: for each behaviour, a logistic model over what the first
/// layer and the rules said of the whole reply. Its inputs are every behaviour's probability for
/// the whole reply (as log-odds), the behaviour's own probability in the reply's likeliest
/// sentence read alone, and which behaviours the rules found. So it learns how readings go
/// together, which one threshold per behaviour cannot: a reply that reads strongly as blaming
/// the customer is less often also dismissive than its own score says; a question read as
/// `explore` is less often also `verify`; a sentence that reads as an apology on its own counts
/// even in a long reply that dilutes it.
///
/// It learns from the held-out readings the thresholds are chosen on (each reply read by a
/// model that never learned from it), and reads only where the rules found nothing: a rule's
/// finding stands or falls by the veto, as before.
package struct ModelCombiner: Sendable, Equatable {
    /// Where each input sits in a behaviour's row of weights: what `fit` lays out and
    /// `probabilities` reads, named once so the two cannot disagree.
    enum Input {
        /// Every behaviour's whole-reply log-odds, by slot.
        static let whole = 0
        /// The behaviour's own log-odds in the likeliest sentence.
        static let sentence = 16
        /// The rules' findings, by slot (1 when found).
        static let rules = 17
        /// The bias (input always 1).
        static let bias = 33
    }
    /// Weights per behaviour: 16 whole-reply log-odds, the own sentence's log-odds, 16 rule
    /// findings, the bias.
    static let width = Input.bias + 1
    /// `width` weights per behaviour, in `Behavior.slot` order.
    let weights: [Float]

    init(weights: [Float]) {
        precondition(weights.count == 16 * Self.width)
        self.weights = weights
    }

    /// The combined probability of every behaviour, from the first layer's probabilities for
    /// the whole reply and for its likeliest sentence, and the rules' findings (bits by slot).
    func probabilities(whole: SIMD16<Float>, sentence: SIMD16<Float>, rules: UInt16) -> SIMD16<Float> {
        let odds = Self.logOdds(whole), sentenceOdds = Self.logOdds(sentence)
        var p = SIMD16<Float>(repeating: 0)
        weights.withUnsafeBufferPointer { w in
            for b in 0..<16 {
                let row = b * Self.width
                var z = w[row + Input.bias] + w[row + Input.sentence] * sentenceOdds[b]
                for k in 0..<16 { z += w[row + Input.whole + k] * odds[k] }
                var found = rules
                while found != 0 {
                    z += w[row + Input.rules + found.trailingZeroBitCount]
                    found &= found - 1
                }
                p[b] = 1 / (1 + Foundation.exp(-z))
            }
        }
        return p
    }

    /// Probabilities as log-odds, clamped to 1e-4...1-1e-4 (a sentence with nothing to read has 0).
    static func logOdds(_ p: SIMD16<Float>) -> SIMD16<Float> {
        var odds = SIMD16<Float>(repeating: 0)
        for k in 0..<16 {
            let q = min(max(p[k], 1e-4), 1 - 1e-4)
            odds[k] = Foundation.log(q / (1 - q))
        }
        return odds
    }

    /// The weights as the model file's header stores them: a row per behaviour.
    var rows: [[Float]] { (0..<16).map { Array(weights[$0 * Self.width..<($0 + 1) * Self.width]) } }

    /// Fits each behaviour's weights to `readings` where the rules did not find it, by Newton's
    /// method on the logistic loss with an L2 pull of `l2` on every weight but the bias. No
    /// randomness and a fixed order: the same readings give the same weights.
    static func fit(_ readings: [HeldOutReading], l2: Double) -> ModelCombiner {
        let inputs = readings.map { (odds: logOdds($0.whole), sentence: logOdds($0.sentence), rules: $0.ruleMask) }
        let fitted = ConcurrentSlots<[Double]>(16, empty: [])
        DispatchQueue.concurrentPerform(iterations: 16) { b in
            let behavior = Behavior.allCases[b]
            var x: [Double] = [], y: [Double] = []
            for (k, reading) in readings.enumerated() where !reading.rules.contains(behavior) {
                let input = inputs[k]
                var row = [Double](repeating: 0, count: width)
                for s in 0..<16 {
                    row[Input.whole + s] = Double(input.odds[s])
                    row[Input.rules + s] = input.rules & (1 << UInt16(s)) == 0 ? 0 : 1
                }
                row[Input.sentence] = Double(input.sentence[b])
                row[Input.bias] = 1
                x.append(contentsOf: row)
                y.append(reading.labels.contains(behavior) ? 1 : 0)
            }
            fitted.set(b, LogisticFit.newton(x: x, y: y, width: width, l2: l2))
        }
        return ModelCombiner(weights: fitted.inOrder.flatMap { $0.map { Float($0) } })
    }
}

extension BehaviorModel {
    /// The likeliest sentence's probabilities for a reply with `features` (through
    /// `probabilities(_:)`), or `whole` for a reply of one sentence: what the combiner weighs,
    /// in training and in reading alike.
    func likeliestSentence(_ features: [ModelFeature], tokens: [Token], whole: SIMD16<Float>) -> SIMD16<Float> {
        tokens.spansSeveralSentences ? sentenceProbabilities(features, tokens: tokens) : whole
    }

    /// What the model alone reads by: with a combiner, its combined probabilities for a reply
    /// whose whole-reply probabilities are `whole` and whose rules found `rules`; else `whole`.
    func readingProbabilities(_ whole: SIMD16<Float>, features: [ModelFeature], tokens: [Token], rules: UInt16) -> SIMD16<Float> {
        guard let combiner else { return whole }
        return combiner.probabilities(whole: whole, sentence: likeliestSentence(features, tokens: tokens, whole: whole), rules: rules)
    }
}
