import Foundation
import RecoveryCore

/// The weights being learned: 16 per feature and a bias per behaviour, with AdaGrad's sums
/// of squared gradients. Raw buffers so a debug build (the tests retrain) stays quick.
final class Learner {
    private var weights: UnsafeMutableBufferPointer<Double>
    private var squares: UnsafeMutableBufferPointer<Double>
    private var bias = [Double](repeating: 0, count: 16)
    private var biasSquares = [Double](repeating: 1e-8, count: 16)
    let features: Int

    init(features: Int) {
        self.features = features
        weights = .allocate(capacity: max(features * 16, 1))
        weights.initialize(repeating: 0)
        squares = .allocate(capacity: max(features * 16, 1))
        squares.initialize(repeating: 1e-8)
    }

    deinit {
        weights.deallocate()
        squares.deallocate()
    }

    /// One AdaGrad step of weighted logistic loss on one reply, for the behaviours it is
    /// labelled for.
    func step(_ row: [(Int32, Double)], labels: Set<Behavior>, known: Set<Behavior>, weight: Double,
                       classWeights: [Double], rate: Double, l2: Double) {
        var z = bias
        for (k, value) in row {
            let base = Int(k) * 16
            for s in 0..<16 { z[s] += weights[base + s] * value }
        }
        var gradient = [Double](repeating: 0, count: 16)
        for behavior in known {
            let s = behavior.slot
            let expected = labels.contains(behavior)
            let p = 1 / (1 + exp(-z[s]))
            gradient[s] = (p - (expected ? 1 : 0)) * weight * (expected ? classWeights[s] : 1)
        }
        for s in 0..<16 where gradient[s] != 0 {
            biasSquares[s] += gradient[s] * gradient[s]
            bias[s] -= rate * gradient[s] / biasSquares[s].squareRoot()
        }
        for (k, value) in row {
            let base = Int(k) * 16
            for s in 0..<16 where gradient[s] != 0 {
                let g = gradient[s] * value + l2 * weights[base + s]
                squares[base + s] += g * g
                weights[base + s] -= rate * g / squares[base + s].squareRoot()
            }
        }
    }

    /// The learned model: weights below `prune` dropped, and features left with none (except
    /// those in `keep`: the known words, whose presence decides how a word is read).
    func model(keys: [UInt32], keep: Set<UInt32>, prune: Double, inputs: String, lengthPower: Float, thresholds: [Float], vetoes: [Float], overrules: [Float]? = nil, sentenceThresholds: [Float]?, combiner: ModelCombiner?, training: [String: String]) -> BehaviorModel {
        var keptKeys: [UInt32] = [], kept: [Float] = []
        for (k, key) in keys.enumerated() {
            let row = (0..<16).map { s -> Float in
                let w = weights[k * 16 + s]
                return abs(w) < prune ? 0 : Float(w)
            }
            guard row.contains(where: { $0 != 0 }) || keep.contains(key) else { continue }
            keptKeys.append(key)
            kept.append(contentsOf: row)
        }
        let header = BehaviorModel.Header(format: "recovery-model", version: 1, inputs: inputs, behaviors: Behavior.allIDs,
                                          bias: bias.map { Float($0) }, thresholds: thresholds, vetoes: vetoes,
                                          features: keptKeys.count, lengthPower: lengthPower, training: training,
                                          sentenceThresholds: sentenceThresholds, combiner: combiner?.rows, overrules: overrules)
        return BehaviorModel(header: header, keys: keptKeys, weights: kept)
    }
}
