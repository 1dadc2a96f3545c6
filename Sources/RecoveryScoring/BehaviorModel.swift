import Foundation
import RecoveryCore

/// The learned reader: one logistic model per behaviour over `ModelFeatures`, trained by
/// `recovery train` (`ModelTrainer`) from the labelled corpus and the examples of
/// behaviors.yaml, and stored as `Scoring/model.bin`.
///
/// A reply's features are weighed together: each feature has a row of 16 weights (one per
/// behaviour, in `Behavior.slot` order); a reply's score for a behaviour is the bias plus the
/// sum of its word features' weights, divided by the squared length of their count vector to
/// the power `lengthPower`, plus the weights of the rules' findings (so repeating a reply word
/// for word does not change its reading); the
/// probability is the logistic of that score. The model alone reads a behaviour when its
/// probability reaches the behaviour's threshold; a rule's finding stands unless the
/// probability is below the behaviour's veto. Both are chosen on held-out readings of the corpus (`ModelTrainer`).
///
/// A class: the analyzer consults its model several times a reply (`if let model`), and a
/// struct of four 16-lane vectors and two references was copied, and retained, each time.
public final class BehaviorModel: Sendable {
    /// What the model was trained from and how (the file's first line).
    public struct Header: Codable, Sendable, Equatable {
        /// Always "recovery-model".
        public var format: String
        /// The file layout version.
        public var version: Int
        /// SHA-256 of the inputs (corpus files and behaviors.yaml), so a stale model is seen.
        public var inputs: String
        /// Behaviour ids, in weight-column order.
        public var behaviors: [String]
        /// The bias of each behaviour's model.
        public var bias: [Float]
        /// The probability each behaviour needs to be read by the model alone.
        public var thresholds: [Float]
        /// Below this probability the model overrules a rule's finding of the behaviour (0:
        /// never): where a pattern matched but everything else in the reply says otherwise.
        public var vetoes: [Float]
        /// How many feature rows follow.
        public var features: Int
        /// A reply's summed weights are divided by its feature count to this power.
        public var lengthPower: Float
        /// Training settings and figures, for people.
        public var training: [String: String]
        /// The probability one sentence read alone needs for the model to read the behaviour
        /// (above 1: never); absent in models that read only whole replies.
        public var sentenceThresholds: [Float]?
        /// The second layer's weights (`ModelCombiner`), a row per behaviour; absent in models
        /// that read each behaviour by its own probability alone. With it, `thresholds` are
        /// for the combined probability.
        public var combiner: [[Float]]?
        /// How sure the model must be (the probability it reads by) to read a behaviour whose
        /// every rule match was cancelled — by an exception, a negation or a reading rule —
        /// (above 1: never). Absent in older models, which read past exceptions alone, at
        /// `exceptionOverruleCertainty`.
        public var overrules: [Float]?
    }

    /// The header as read or written.
    public let header: Header
    /// `header.lengthPower`, kept beside the table for the per-reply sums.
    let lengthPower: Float
    /// Whether any behaviour can be read from a sentence alone (`header.sentenceThresholds`).
    let readsSentences: Bool
    /// The feature table.
    let table: FeatureTable
    /// The weight rows, 16 per feature, in key order.
    var weights: [Float] { table.weights }
    /// The feature keys in row order, ascending.
    var keys: [UInt32] { table.keys }
    /// Biases, thresholds and vetoes by slot.
    let bias: SIMD16<Float>
    let thresholds: SIMD16<Float>
    let vetoes: SIMD16<Float>
    /// The sentence thresholds by slot (all above 1 when the model has none).
    let sentenceThresholds: SIMD16<Float>
    /// The second layer, when the model has one.
    let combiner: ModelCombiner?
    /// `header.overrules` by slot, when the model has them.
    let overrules: SIMD16<Float>?

    /// A model of `keys` (ascending) and their weight rows (16 per key).
    init(header: Header, keys: [UInt32], weights: [Float]) {
        precondition(weights.count == keys.count * 16 && header.bias.count == 16 && header.thresholds.count == 16
                     && header.vetoes.count == 16 && (header.overrules?.count ?? 16) == 16)
        self.header = header
        lengthPower = header.lengthPower
        readsSentences = header.sentenceThresholds != nil
        table = FeatureTable(keys: keys, weights: weights)
        bias = SIMD16(header.bias)
        thresholds = SIMD16(header.thresholds)
        vetoes = SIMD16(header.vetoes)
        sentenceThresholds = header.sentenceThresholds.map { SIMD16($0) } ?? SIMD16(repeating: 2)
        combiner = header.combiner.map { ModelCombiner(weights: $0.flatMap { $0 }) }
        overrules = header.overrules.map { SIMD16($0) }
    }

    /// The weight row of `key`, if the model knows the feature.
    @inline(__always)
    func row(_ key: UInt32) -> Int? { table.row(key) }

    /// The probability of every behaviour (by slot) for a reply with `features`.
    func probabilities(_ features: [ModelFeature]) -> SIMD16<Float> {
        var features = features
        return probabilities(&features)
    }

    /// `probabilities(_:)`, noting in each feature its weight row (for the evidence that follows).
    func probabilities(_ features: inout [ModelFeature]) -> SIMD16<Float> {
        let sum = table.sum(&features)
        // The rules' findings (whole-reply features) weigh in full; the words are scaled.
        var found = SIMD16<Float>(repeating: 0)
        for feature in features where !feature.coversWords && feature.row >= 0 { found += table.rowWeights(Int(feature.row)) }
        let squares = ModelFeatures.squaredWordLength(features)
        let scale = squares == 0 ? 0 : 1 / Foundation.pow(Float(squares), lengthPower)
        let z = bias + (sum - found) * scale + found
        var p = SIMD16<Float>(repeating: 0)
        for k in 0..<16 { p[k] = 1 / (1 + Foundation.exp(-z[k])) }
        return p
    }

    /// The highest probability of every behaviour (by slot) over the reply's sentences, each
    /// read alone: a penalty said in one sentence of a long, otherwise good reply is not
    /// diluted by the rest. `features` must have been through `probabilities(_:)` (their rows
    /// are noted); features of the whole reply (the rules' findings) count in every sentence.
    func sentenceProbabilities(_ features: [ModelFeature], tokens: [Token]) -> SIMD16<Float> {
        var highest = SIMD16<Float>(repeating: 0)
        forEachSentence(features, tokens: tokens) { _, p in highest = pointwiseMax(highest, p) }
        return highest
    }

    /// The probability of every behaviour for each sentence of the reply read alone (nil for a
    /// sentence with no features of its own), as `sentenceProbabilities` weighs them.
    func probabilitiesBySentence(_ features: [ModelFeature], tokens: [Token]) -> [SIMD16<Float>?] {
        var all = [SIMD16<Float>?](repeating: nil, count: (tokens.last?.sentence ?? 0) + 1)
        forEachSentence(features, tokens: tokens) { s, p in all[s] = p }
        return all
    }

    /// Calls `body` with each sentence (in order) of at least two words that has features of
    /// its own, and its probabilities, read alone; the sums are kept in scratch memory on the
    /// stack. A one-word sentence is not read alone: one word is too little to read a
    /// behaviour from without the reply around it (an agent's initials signed at the end,
    /// "^AS", read alone as "as", looked dismissive), and the whole reply still reads it.
    private func forEachSentence(_ features: [ModelFeature], tokens: [Token], _ body: (Int, SIMD16<Float>) -> Void) {
        let sentences = (tokens.last?.sentence ?? 0) + 1
        withUnsafeTemporaryAllocation(of: SIMD16<Float>.self, capacity: sentences) { sums in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: sentences) { counts in
            sums.initialize(repeating: SIMD16(repeating: 0))
            counts.initialize(repeating: 0)
            var lastWord = -1, words = 0
            // Fields read in place: a copy of each token would retain and release its strings.
            for i in tokens.indices where tokens[i].isWord {
                let sentence = tokens[i].sentence
                if sentence != lastWord {
                    if words == 1 { counts[lastWord] = -1 }
                    lastWord = sentence
                    words = 0
                }
                words += 1
            }
            if words == 1 { counts[lastWord] = -1 }
            var shared = SIMD16<Float>(repeating: 0)
            for feature in features {
                if !feature.coversWords {
                    if feature.row >= 0 { shared += table.rowWeights(Int(feature.row)) }
                    continue
                }
                let s = tokens[Int(feature.start)].sentence
                guard counts[s] >= 0 else { continue }
                counts[s] += feature.squareInSentence
                if feature.row >= 0 { sums[s] += table.rowWeights(Int(feature.row)) }
            }
            for s in 0..<sentences where counts[s] > 0 {
                let scale = 1 / Foundation.pow(Float(counts[s]), lengthPower)
                let z = bias + sums[s] * scale + shared
                var p = SIMD16<Float>(repeating: 0)
                for k in 0..<16 { p[k] = 1 / (1 + Foundation.exp(-z[k])) }
                body(s, p)
            }
        } }
    }

    /// The weight of `key` for the behaviour in `slot` (0 for an unknown feature).
    func weight(_ key: UInt32, slot: Int) -> Float {
        guard let row = row(key) else { return 0 }
        return table.weight(row: row, slot: slot)
    }
}
