import Foundation
import RecoveryCore

/// The learned reader: one logistic model per behaviour over `ModelFeatures`, trained by
/// `recovery train` (`ModelTrainer`) from the labelled corpus and the examples of
/// behaviors.yaml, and stored as `Scoring/model.bin`.
///
/// A reply's features are weighed together: each feature has a row of 16 weights (one per
/// behaviour, in `Behavior.slot` order); a reply's score for a behaviour is the bias plus the
/// sum of its features' weights, divided by the feature count to the power `lengthPower`; the
/// probability is the logistic of that score. The model alone reads a behaviour when its
/// probability reaches the behaviour's threshold; a rule's finding stands unless the
/// probability is below the behaviour's veto. Both are chosen on the dev part of the corpus.
public struct BehaviorModel: Sendable {
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
    }

    /// The header as read or written.
    public let header: Header
    /// Open-addressing table of feature keys (0: empty), `mask + 1` slots.
    private let slots: [UInt32]
    /// For each slot, the feature's row in `weights`.
    private let rows: [Int32]
    private let mask: Int
    /// 16 weights per feature row.
    let weights: [Float]
    /// The feature keys in row order, ascending.
    let keys: [UInt32]
    /// Biases and thresholds by slot.
    let bias: SIMD16<Float>
    let thresholds: SIMD16<Float>
    let vetoes: SIMD16<Float>

    /// A model of `keys` (ascending) and their weight rows (16 per key).
    init(header: Header, keys: [UInt32], weights: [Float]) {
        precondition(weights.count == keys.count * 16 && header.bias.count == 16 && header.thresholds.count == 16
                     && header.vetoes.count == 16)
        self.header = header
        self.keys = keys
        self.weights = weights
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt32](repeating: 0, count: size), rows = [Int32](repeating: -1, count: size)
        for (row, key) in keys.enumerated() {
            var slot = Int(key) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
            rows[slot] = Int32(row)
        }
        self.slots = slots
        self.rows = rows
        mask = size - 1
        bias = SIMD16(header.bias)
        thresholds = SIMD16(header.thresholds)
        vetoes = SIMD16(header.vetoes)
    }

    /// The weight row of `key`, if the model knows the feature.
    @inline(__always)
    func row(_ key: UInt32) -> Int? {
        var slot = Int(key) & mask
        while true {
            let found = slots[slot]
            if found == key { return Int(rows[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The probability of every behaviour (by slot) for a reply with `features`.
    func probabilities(_ features: [ModelFeature]) -> SIMD16<Float> {
        var sum = SIMD16<Float>(repeating: 0)
        weights.withUnsafeBufferPointer { w in
            for feature in features {
                guard let row = row(feature.key) else { continue }
                sum += SIMD16(w[row * 16..<row * 16 + 16])
            }
        }
        let scale = features.isEmpty ? 0 : 1 / Foundation.pow(Float(features.count), header.lengthPower)
        let z = bias + sum * scale
        var p = SIMD16<Float>(repeating: 0)
        for k in 0..<16 { p[k] = 1 / (1 + Float.exp(-z[k])) }
        return p
    }

    /// The weight of `key` for the behaviour in `slot` (0 for an unknown feature).
    func weight(_ key: UInt32, slot: Int) -> Float {
        guard let row = row(key) else { return 0 }
        return weights[row * 16 + slot]
    }
}

extension Float {
    /// e to the power `x`, through Foundation's `exp`.
    @inline(__always)
    static func exp(_ x: Float) -> Float { Foundation.exp(x) }
}
