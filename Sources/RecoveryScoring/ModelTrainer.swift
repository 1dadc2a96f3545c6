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
    /// Who wrote it (a corpus row's source): replies of one writer are held out together
    /// when thresholds are chosen by folds, so they are chosen for writers the model never read.
    package var group: String?

    package init(text: String, labels: Set<Behavior>, known: Set<Behavior> = Set(Behavior.allCases), weight: Double = 1,
                 group: String? = nil) {
        self.text = text
        self.labels = labels
        self.known = known
        self.weight = weight
        self.group = group
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

    /// A model learned from `train`, its thresholds chosen on readings of replies it did not
    /// learn from: by folds of `train` (`settings.thresholdFolds`, each fold's writers held
    /// out together), or on `dev` when folds are off; `inputs` is the hash the header records.
    /// Examples of behaviors.yaml are honoured: first by the overrules (an ignore example read
    /// past its cancelled rule raises one, `honouringExamples`), then an example the rules and
    /// the model together still misread counts four times as much in the next round, for up to
    /// `settings.exampleRounds` rounds, so adding a misread reply as an example fixes it.
    package func train(_ train: [TrainingReply], dev: [LabelledReply], inputs: String) -> BehaviorModel {
        // The replies' texts never change between folds and rounds, only their weights: their
        // features are extracted once.
        let extracted = extractFeatures(train)
        let folded = settings.thresholdFolds > 1 ? chooseByFolds(train, extracted) : nil
        var replies = train
        let cancelled = cancelledIgnoreExamples(train)
        var model = honouringExamples(trainOnce(replies, extracted, dev: dev, folded: folded, inputs: inputs), cancelled)
        for _ in 0..<settings.exampleRounds {
            let reader = analyzer.with(model: model)
            let misread = replies.indices.filter { k in
                let reply = replies[k]
                guard reply.known.count < 16, let behavior = reply.known.first else { return false }
                return reader.analyze(reply.text).shows(behavior) != reply.labels.contains(behavior)
            }
            guard !misread.isEmpty else { break }
            for k in misread { replies[k].weight *= 4 }
            model = honouringExamples(trainOnce(replies, extracted, dev: dev, folded: folded, inputs: inputs), cancelled)
        }
        return model
    }

    /// One round of learning, with the thresholds `folded` chose, or chosen on `dev`.
    private func trainOnce(_ train: [TrainingReply], _ extracted: ExtractedFeatures, dev: [LabelledReply],
                           folded: ThresholdChoice?, inputs: String) -> BehaviorModel {
        let learned = learn(train, extracted, inputs: inputs)
        let notes = trainingNotes(train, dev)
        let choice = folded ?? ThresholdChoice.choose(
            from: heldOutReadings(learned.model(nil, notes: notes), dev.map { ($0.text, $0.labels) }), settings: settings)
        return learned.model(choice, notes: notes)
    }

    /// The training replies' features, extracted once for every fold and round.
    struct ExtractedFeatures {
        /// The words in enough replies (or in an example): weighed as words; rarer words are
        /// weighed by their letters (`KnownWords`).
        let knownWords: Set<UInt32>
        /// Each reply's features, in the order of the replies.
        let features: [[ModelFeature]]
    }

    /// Extracts the features of `train`'s replies, with the known words counted over all of them.
    func extractFeatures(_ train: [TrainingReply]) -> ExtractedFeatures {
        var wordCounts: [UInt32: Int] = [:]
        for reply in train {
            let boost = reply.known.count < 16 ? settings.minimumCount : 1
            let words = Set(analyzer.modelFeatures(reply.text, known: .all).filter { $0.kind == ModelFeatures.Kind.word.rawValue }.map(\.key))
            for key in words { wordCounts[key, default: 0] += boost }
        }
        let knownWords = Set(wordCounts.filter { $0.value >= settings.knownWordCount }.keys)
        return ExtractedFeatures(knownWords: knownWords, features: train.map { analyzer.modelFeatures($0.text, known: .set(knownWords)) })
    }

    /// Weights learned from `train`, and how to write them as a model.
    struct Learned {
        let learner: Learner
        let vocabulary: [UInt32]
        let knownWords: Set<UInt32>
        let settings: TrainingSettings
        let inputs: String

        /// The model with `choice`'s thresholds (nil: 0.5 for all, no vetoes, no sentence reading).
        func model(_ choice: ThresholdChoice?, notes: [String: String]) -> BehaviorModel {
            learner.model(keys: vocabulary, keep: knownWords, prune: settings.pruneBelow, inputs: inputs,
                          lengthPower: Float(settings.lengthPower),
                          thresholds: choice?.thresholds ?? [Float](repeating: 0.5, count: 16),
                          vetoes: choice?.vetoes ?? [Float](repeating: 0, count: 16), overrules: choice?.overrules,
                          sentenceThresholds: settings.sentenceReading && choice?.combiner == nil ? choice?.sentenceThresholds : nil,
                          combiner: choice?.combiner, training: notes)
        }
    }

    /// Learns weights from `train` (whose features `extracted` holds, or those of `subset` of
    /// them), by AdaGrad over the replies in a seeded order.
    func learn(_ train: [TrainingReply], _ extracted: ExtractedFeatures, subset: [Int]? = nil, inputs: String = "") -> Learned {
        let knownWords = extracted.knownWords
        let rows = (subset ?? Array(train.indices)).map { (reply: train[$0], features: extracted.features[$0]) }
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
        let classWeights = Self.classWeights(rows.map(\.reply))
        let keys = rows.map { Self.orderKey($0.reply) }
        var generator = SeededGenerator(seed: settings.seed)
        for epoch in 0..<settings.epochs {
            let order = Self.epochOrder(keys, salt: generator.next())
            let rate = settings.learningRate / (1 + 0.1 * Double(epoch))
            for r in order {
                let reply = rows[r].reply
                learner.step(encoded[r], labels: reply.labels, known: reply.known, weight: reply.weight,
                             classWeights: classWeights, rate: rate, l2: settings.l2)
            }
        }
        return Learned(learner: learner, vocabulary: vocabulary, knownWords: knownWords, settings: settings, inputs: inputs)
    }

    /// A reply's own place in the order of every epoch, from its words and labels alone (the
    /// features' FNV-1a hash of its text, carried on over the behaviours it is labelled for and
    /// shows).
    static func orderKey(_ reply: TrainingReply) -> UInt64 {
        var hash = ModelFeatures.hash(reply.text)
        for behavior in Behavior.allCases {
            let bit: UInt64 = reply.known.contains(behavior) ? (reply.labels.contains(behavior) ? 2 : 1) : 0
            hash = (hash ^ bit) &* 0x100_0000_01B3
        }
        return hash
    }

    /// One epoch's order: the replies sorted by their keys mixed with the epoch's salt (ties,
    /// the same reply written twice, by position). A shuffle of positions would move every
    /// reply when one is added; here an added example takes its own place and the others keep
    /// their order, so training again after adding it changes the model by that example, not
    /// by a new shuffle of 35,000 replies (which re-rolled thresholds and readings elsewhere).
    static func epochOrder(_ keys: [UInt64], salt: UInt64) -> [Int] {
        let mixed = keys.map { SeededGenerator.mix($0 ^ salt) }
        return keys.indices.sorted { (mixed[$0], $0) < (mixed[$1], $1) }
    }

    /// Feature rows as (vocabulary index, value): each word feature's count over the squared
    /// length of the reply's word count vector to `lengthPower`, each finding of the rules 1, as
    /// `BehaviorModel.probabilities` weighs them.
    private func encode(_ features: [ModelFeature], index: [UInt32: Int32]) -> [(Int32, Double)] {
        guard !features.isEmpty else { return [] }
        let squares = ModelFeatures.squaredWordLength(features)
        let scale = squares == 0 ? 0 : 1 / Foundation.pow(Double(squares), settings.lengthPower)
        var multiplicity: [Int32: Double] = [:]
        for feature in features {
            if let k = index[feature.key] { multiplicity[k, default: 0] += feature.coversWords ? scale : 1 }
        }
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

    /// How the model `model` reads `replies`, for choosing its thresholds.
    func heldOutReadings(_ model: BehaviorModel, _ replies: [(text: String, labels: Set<Behavior>)]) -> [HeldOutReading] {
        let known = KnownWords.model(model.table)
        return replies.map { reply in
            var features = analyzer.modelFeatures(reply.text, known: known)
            let whole = model.probabilities(&features)
            let tokens = analyzer.tokens(reply.text)
            let sentence = model.likeliestSentence(features, tokens: tokens, whole: whole)
            return HeldOutReading(rules: Set(analyzer.analyze(reply.text).behaviors), whole: whole, sentence: sentence,
                                  labels: reply.labels, refused: analyzer.refusedMask(reply.text))
        }
    }

    private func trainingNotes(_ train: [TrainingReply], _ dev: [LabelledReply]) -> [String: String] {
        var notes = settings.described
        notes["replies"] = "\(train.filter { $0.known.count == 16 }.count)"
        notes["examples"] = "\(train.filter { $0.known.count < 16 }.count)"
        if settings.thresholdFolds <= 1 { notes["dev_replies"] = "\(dev.count)" }
        return notes
    }
}
