import Foundation
import RecoveryCore
import Testing
@testable import RecoveryScoring

/// The learned reader's second layer: it learns how the first layer's readings go together,
/// which one threshold per behaviour cannot.
@Suite("model combiner")
struct ModelCombinerTests {
    /// The standard settings, but fitting a combiner to however few readings a test makes.
    static let combining: TrainingSettings = {
        var settings = TrainingSettings.standard
        _ = settings.set("combiner_minimum", "1")
        return settings
    }()

    /// Held-out readings where the model is 80% sure of `dismiss` in every reply, but the reply
    /// is dismissive only where it does not also read as strong blame (a customer-blaming reply
    /// that the first layer also finds dismissive), and 10% sure where nothing is dismissive.
    private func readings() -> [HeldOutReading] {
        (0..<400).map { k in
            var whole = SIMD16<Float>(repeating: 0.05)
            let blames = k % 4 == 0, sure = k % 2 == 0
            whole[Behavior.dismiss.slot] = sure ? 0.8 : 0.1
            whole[Behavior.blame.slot] = blames ? 0.95 : 0.05
            var labels: Set<Behavior> = blames ? [.blame] : []
            if sure && !blames { labels.insert(.dismiss) }
            return HeldOutReading(rules: [], whole: whole, sentence: whole, labels: labels)
        }
    }

    @Test("fitted on held-out readings, it reads dismiss where blame is weak and not where it is strong")
    func learnsHowReadingsGoTogether() {
        let combiner = ModelCombiner.fit(readings(), l2: 1)
        var dismissive = SIMD16<Float>(repeating: 0.05)
        dismissive[Behavior.dismiss.slot] = 0.8
        var blaming = dismissive
        blaming[Behavior.blame.slot] = 0.95
        #expect(combiner.probabilities(whole: dismissive, sentence: dismissive, rules: 0)[Behavior.dismiss.slot] > 0.9)
        #expect(combiner.probabilities(whole: blaming, sentence: blaming, rules: 0)[Behavior.dismiss.slot] < 0.1)
    }

    @Test("thresholds chosen on the combined probability read those replies right; one threshold alone cannot")
    func thresholdsOnTheCombinedProbability() {
        let readings = readings()
        func falseDismissals(_ settings: TrainingSettings) -> Int {
            let choice = ThresholdChoice.choose(from: readings, settings: settings)
            let slot = Behavior.dismiss.slot
            return readings.filter { reading in
                let p = choice.combiner.map { $0.probabilities(whole: reading.whole, sentence: reading.sentence, rules: 0) } ?? reading.whole
                return p[slot] >= choice.thresholds[slot] && !reading.labels.contains(.dismiss)
            }.count
        }
        var alone = Self.combining
        let accepted = alone.set("combine", "false")
        #expect(accepted)
        #expect(falseDismissals(Self.combining) == 0)
        #expect(falseDismissals(alone) == 100, "with one threshold, every blaming reply reads as dismissive too")
    }

    @Test("the fit is the exact minimum of the regularised loss: its gradient is zero")
    func newtonReachesTheMinimum() {
        // Three inputs and the bias, over rows that do not separate (so the minimum is finite).
        var x: [Double] = [], y: [Double] = []
        var state: UInt64 = 7
        for _ in 0..<300 {
            var row: [Double] = []
            for _ in 0..<3 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                row.append(Double(state >> 11) / Double(1 << 53) * 4 - 2)
            }
            x += row + [1]
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let chance = 1 / (1 + exp(-(1.5 * row[0] - row[1])))
            y.append(Double(state >> 11) / Double(1 << 53) < chance ? 1 : 0)
        }
        let w = LogisticFit.newton(x: x, y: y, width: 4, l2: 1)
        var gradient = [w[0], w[1], w[2], 0]
        for r in y.indices {
            let z = (0..<4).reduce(0.0) { $0 + w[$1] * x[r * 4 + $1] }
            for i in 0..<4 { gradient[i] += (1 / (1 + exp(-z)) - y[r]) * x[r * 4 + i] }
        }
        #expect(gradient.allSatisfy { abs($0) < 1e-6 }, "gradient \(gradient)")
        #expect(w[0] > 1 && w[1] < -0.5 && abs(w[2]) < 0.4, "weights \(w)")
    }
}

extension ModelCombinerTests {
    @Test("a behaviour said in one sentence of a long reply is read from that sentence, though the whole reply dilutes it")
    func readsTheLikeliestSentence() throws {
        // Long replies: the whole reply reads 30% wherever one sentence says it (95% alone),
        // and 20% where none does (its likeliest sentence 10%).
        let readings = (0..<300).map { k in
            let says = k % 3 == 0
            var whole = SIMD16<Float>(repeating: 0.02), sentence = whole
            whole[Behavior.thank.slot] = says ? 0.3 : 0.2
            sentence[Behavior.thank.slot] = says ? 0.95 : 0.1
            return HeldOutReading(rules: [], whole: whole, sentence: sentence, labels: says ? [.thank] : [])
        }
        let choice = ThresholdChoice.choose(from: readings, settings: Self.combining)
        let combiner = try #require(choice.combiner)
        #expect(ThresholdChoice.choose(from: readings, settings: .standard).combiner == nil, "300 readings are too few to fit one")
        let slot = Behavior.thank.slot
        for reading in readings {
            let read = combiner.probabilities(whole: reading.whole, sentence: reading.sentence, rules: 0)[slot] >= choice.thresholds[slot]
            #expect(read == reading.labels.contains(.thank))
        }
    }
}
