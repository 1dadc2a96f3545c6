import Foundation
import RecoveryCore

/// One reply to learn from: its text, and the behaviours known to be shown or not.
package struct TrainingReply: Sendable {
    /// The reply.
    package var text: String
    /// The behaviours it shows, among `known`.
    package var labels: Set<Behavior>
    /// The behaviours it is labelled for: all 16 for a corpus row, one for an example of
    /// behaviors.yaml (a trigger example says nothing of the other fifteen).
    package var known: Set<Behavior>
    /// How much the reply counts (examples count more, so the model honours them).
    package var weight: Double

    package init(text: String, labels: Set<Behavior>, known: Set<Behavior> = Set(Behavior.allCases), weight: Double = 1) {
        self.text = text
        self.labels = labels
        self.known = known
        self.weight = weight
    }
}

/// Trains `BehaviorModel`s: logistic regression per behaviour, by AdaGrad over the replies in
/// a seeded order, with the thresholds chosen on a separate dev set. Deterministic: the same
/// replies, settings and rules give the same model, byte for byte.
package struct ModelTrainer {
    /// The rules, whose findings are features too (the model's own layer is not used).
    package let analyzer: Analyzer
    package var settings: TrainingSettings

    package init(analyzer: Analyzer, settings: TrainingSettings = TrainingSettings()) {
        self.analyzer = analyzer.with(model: nil)
        self.settings = settings
    }

    /// A model learned from `train`, its thresholds chosen on `dev`; `inputs` is the hash
    /// the header records. Examples of behaviors.yaml are honoured: an example the rules and
    /// the model together still misread counts four times as much in the next round, for up
    /// to `settings.exampleRounds` rounds, so adding a misread reply as an example fixes it.
    package func train(_ train: [TrainingReply], dev: [LabelledReply], inputs: String) -> BehaviorModel {
        var replies = train
        var model = trainOnce(replies, dev: dev, inputs: inputs)
        for _ in 0..<settings.exampleRounds {
            let reader = analyzer.with(model: model)
            let misread = replies.indices.filter { k in
                let reply = replies[k]
                guard reply.known.count < 16, let behavior = reply.known.first else { return false }
                return reader.analyze(reply.text).shows(behavior) != reply.labels.contains(behavior)
            }
            guard !misread.isEmpty else { break }
            for k in misread { replies[k].weight *= 4 }
            model = trainOnce(replies, dev: dev, inputs: inputs)
        }
        return model
    }

    /// One round of learning and threshold choice.
    private func trainOnce(_ train: [TrainingReply], dev: [LabelledReply], inputs: String) -> BehaviorModel {
        // Known words: those in enough replies (or in an example); other words are read by
        // their letters (`KnownWords`).
        var wordCounts: [UInt32: Int] = [:]
        for reply in train {
            let boost = reply.known.count < 16 ? settings.minimumCount : 1
            let words = Set(analyzer.modelFeatures(reply.text, known: .all).filter { $0.kind == ModelFeatures.Kind.word.rawValue }.map(\.key))
            for key in words { wordCounts[key, default: 0] += boost }
        }
        let knownWords = Set(wordCounts.filter { $0.value >= settings.knownWordCount }.keys)
        let rows = train.map { (reply: $0, features: analyzer.modelFeatures($0.text, known: .set(knownWords))) }
        // The vocabulary: features seen in enough replies, or in any example.
        var counts: [UInt32: Int] = [:]
        for row in rows {
            let boost = row.reply.known.count < 16 ? settings.minimumCount : 1
            for key in Set(row.features.map(\.key)) { counts[key, default: 0] += boost }
        }
        let vocabulary = counts.filter { $0.value >= settings.minimumCount || knownWords.contains($0.key) }.keys.sorted()
        var index: [UInt32: Int32] = [:]
        for (k, key) in vocabulary.enumerated() { index[key] = Int32(k) }
        let encoded = rows.map { encode($0.features, index: index) }
        let learner = Learner(features: vocabulary.count)
        let classWeights = Self.classWeights(train)
        var generator = SeededGenerator(seed: settings.seed)
        var order = Array(rows.indices)
        for epoch in 0..<settings.epochs {
            // Fisher-Yates with the portable generator.
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, generator.index(below: i + 1)) }
            let rate = settings.learningRate / (1 + 0.1 * Double(epoch))
            for r in order {
                let reply = rows[r].reply
                learner.step(encoded[r], labels: reply.labels, known: reply.known, weight: reply.weight,
                             classWeights: classWeights, rate: rate, l2: settings.l2)
            }
        }
        let untuned = learner.model(keys: vocabulary, keep: knownWords, prune: settings.pruneBelow, inputs: inputs,
                                    lengthPower: Float(settings.lengthPower), thresholds: [Float](repeating: 0.5, count: 16),
                                    vetoes: [Float](repeating: 0, count: 16), sentenceThresholds: nil, training: trainingNotes(train, dev))
        let (thresholds, sentenceThresholds, vetoes) = chooseThresholds(untuned, dev: dev)
        return learner.model(keys: vocabulary, keep: knownWords, prune: settings.pruneBelow, inputs: inputs,
                             lengthPower: Float(settings.lengthPower), thresholds: thresholds, vetoes: vetoes,
                             sentenceThresholds: settings.sentenceReading ? sentenceThresholds : nil,
                             training: trainingNotes(train, dev))
    }

    /// Feature rows as (vocabulary index, value): multiplicity over the square root of the
    /// reply's feature count, as `BehaviorModel.probabilities` weighs them.
    private func encode(_ features: [ModelFeature], index: [UInt32: Int32]) -> [(Int32, Double)] {
        guard !features.isEmpty else { return [] }
        let scale = 1 / Foundation.pow(Double(features.count), settings.lengthPower)
        var multiplicity: [Int32: Double] = [:]
        for feature in features { if let k = index[feature.key] { multiplicity[k, default: 0] += scale } }
        return multiplicity.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Positives weigh more for rare behaviours: the square root of negatives over positives, 1 to 4.
    private static func classWeights(_ replies: [TrainingReply]) -> [Double] {
        Behavior.allCases.map { behavior in
            let labelled = replies.filter { $0.known.contains(behavior) }
            let positive = labelled.filter { $0.labels.contains(behavior) }.count
            guard positive > 0 else { return 1 }
            return min(4, max(1, (Double(labelled.count - positive) / Double(positive)).squareRoot()))
        }
    }

    /// For each behaviour, the threshold (0.50...0.95, by 0.05: the model alone must think a
    /// behaviour more likely than not), the sentence threshold (the same values, or never: one
    /// sentence read alone) and the veto (`settings.vetoCandidates`: below it the model
    /// overrules a rule) that read `dev` best: by F1, and for penalties by F0.5 (precision
    /// counts twice), with thresholds from `penaltyFloor` up. Vetoes act only on replies the
    /// rules read, thresholds only on the others, so their counts are tallied apart and added.
    private func chooseThresholds(_ model: BehaviorModel, dev: [LabelledReply])
        -> (thresholds: [Float], sentenceThresholds: [Float], vetoes: [Float]) {
        let known = KnownWords.model(model.table)
        let readings = dev.map { reply -> (rules: Set<Behavior>, p: SIMD16<Float>, sentence: SIMD16<Float>) in
            var features = analyzer.modelFeatures(reply.text, known: known)
            let p = model.probabilities(&features)
            let tokens = analyzer.tokens(reply.text)
            let sentence = tokens.last.map { $0.sentence > 0 } == true
                ? model.sentenceProbabilities(features, tokens: tokens) : SIMD16(repeating: 0)
            return (Set(analyzer.analyze(reply.text).behaviors), p, sentence)
        }
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
        var thresholds: [Float] = [], sentenceThresholds: [Float] = [], vetoes: [Float] = []
        for behavior in Behavior.allCases {
            let slot = behavior.slot
            let candidates = stride(from: 50, through: 95, by: 5).map { Float($0) / 100 }
                .filter { !behavior.isNegative || $0 >= settings.penaltyFloor }
            let sentenceCandidates = settings.sentenceReading ? candidates + [2] : [2]
            var ruled: [(veto: Float, counts: Counts)] = []
            for veto: Float in settings.vetoCandidates {
                var counts: Counts = (0, 0, 0)
                for (reply, reading) in zip(dev, readings) where reading.rules.contains(behavior) {
                    tally(reading.p[slot] >= veto, reply.labels.contains(behavior), into: &counts)
                }
                ruled.append((veto, counts))
            }
            var unruled: [(threshold: Float, sentence: Float, counts: Counts)] = []
            for threshold in candidates {
                for sentence in sentenceCandidates where sentence >= threshold {
                    var counts: Counts = (0, 0, 0)
                    for (reply, reading) in zip(dev, readings) where !reading.rules.contains(behavior) {
                        let read = reading.p[slot] >= threshold || reading.sentence[slot] >= sentence
                        tally(read, reply.labels.contains(behavior), into: &counts)
                    }
                    unruled.append((threshold, sentence, counts))
                }
            }
            // Penalties weigh precision twice as much as recall (F0.5): a false penalty
            // costs a trainee more than a missed one.
            let beta2 = behavior.isNegative ? 0.25 : 1.0
            var best: (threshold: Float, sentence: Float, veto: Float, score: Double) = (behavior.isNegative ? 0.99 : 0.5, 2, 0, -1)
            for rule in ruled {
                for other in unruled {
                    let (tp, fp, fn) = add(rule.counts, other.counts)
                    let score = tp == 0 ? 0 : (1 + beta2) * Double(tp) / ((1 + beta2) * Double(tp) + beta2 * Double(fn) + Double(fp))
                    if score > best.score + 1e-9 { best = (other.threshold, other.sentence, rule.veto, score) }
                }
            }
            thresholds.append(best.threshold)
            sentenceThresholds.append(best.sentence)
            vetoes.append(best.veto)
        }
        return (thresholds, sentenceThresholds, vetoes)
    }

    private func trainingNotes(_ train: [TrainingReply], _ dev: [LabelledReply]) -> [String: String] {
        var notes = settings.described
        notes["replies"] = "\(train.filter { $0.known.count == 16 }.count)"
        notes["examples"] = "\(train.filter { $0.known.count < 16 }.count)"
        notes["dev_replies"] = "\(dev.count)"
        return notes
    }
}
