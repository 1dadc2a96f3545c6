import Foundation

/// How `ModelTrainer` learns; the defaults are what `recovery train` uses.
public struct TrainingSettings: Sendable, Equatable {
    /// What `recovery train` uses.
    public static let standard = TrainingSettings()

    /// A reply's feature values are 1 over its feature count to this power (0.5: unit length).
    package var lengthPower = 0.5
    /// Passes over the training replies.
    package var epochs = 30
    /// AdaGrad's base step.
    package var learningRate = 0.2
    /// L2 pull towards zero, per update of a weight.
    package var l2 = 1e-5
    /// A word in this many training replies (or in an example) is known: it is weighed as a
    /// word; rarer words are weighed by their letters.
    package var knownWordCount = 2
    /// A feature must occur in this many training replies (or in an example) to get weights.
    package var minimumCount = 2
    /// Weights smaller than this are dropped from the file.
    package var pruneBelow = 0.004
    /// Rounds of re-weighting misread examples.
    package var exampleRounds = 3
    /// The seed of the replies' order in each pass (salting each reply's hash).
    package var seed: UInt64 = 1
    /// How much an example of behaviors.yaml counts against a corpus reply.
    package var exampleWeight = 4.0
    /// The lowest threshold a penalty behaviour may get: a false penalty costs a trainee more
    /// than a missed credit, so the model alone needs to be this sure of one.
    package var penaltyFloor: Float = 0.7
    /// Whether the model may also read a behaviour from one sentence of a reply read alone,
    /// each behaviour with its own sentence threshold chosen on held-out readings (or never).
    package var sentenceReading = true
    /// Whether a second layer (`ModelCombiner`) reads each behaviour from every behaviour's
    /// probability, the likeliest sentence's and the rules' findings, fitted on the held-out
    /// readings; off: each behaviour by its own probability and sentence threshold.
    package var combine = true
    /// The combiner's L2 pull on its weights.
    package var combinerL2 = 1.0
    /// The fewest held-out readings a combiner is fitted to; with fewer, each behaviour is read
    /// by its own probability. On a data folder of 60 corpus replies, a combiner fitted to
    /// their readings moved 92 of 744 scenario-test and example readings when one example was
    /// added, and did not read the added example.
    package var combinerMinimum = 2_000
    /// Grid steps either side of a threshold whose scores are averaged with its own when
    /// thresholds are chosen (0: each threshold by its own score).
    package var thresholdSmoothing = 2
    /// Folds of the training corpus the thresholds are chosen on (each read by a model learned
    /// from the others); 0 or 1: chosen on the dev part instead.
    package var thresholdFolds = 5
    /// The highest veto a credit may get. Below 0.5 the model thinks a behaviour more
    /// unlikely than likely; a rule's exact words should not have to yield to a model that
    /// thinks the credit likelier than not. (Penalties may go to 0.9: a false penalty costs
    /// more.) Uncapped, the folds' choice for `commit` moved 0.6 → 0.7 when 588 replies were
    /// added, and "I'm refunding the fee right now" lost its `commit`.
    package var creditVetoCap: Float = 0.5
    /// The vetoes tried for each behaviour: below the chosen one, the model overrules a rule.
    /// They reach 0.9 so that the folds can hold a rule whose findings are often wrong to a
    /// sure model (on dev, `deflect` and `vague_promise` gain precision at the same recall).
    package var vetoCandidates: [Float] = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]

    package init() {}

    /// Sets one setting by its header name; false for an unknown name or a bad value.
    public mutating func set(_ name: String, _ value: String) -> Bool {
        guard let field = Self.fields.first(where: { $0.name == name }) else { return false }
        return field.write(&self, value)
    }

    /// The settings as the model file's header records them.
    var described: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.fields.map { ($0.name, $0.read(self)) })
    }

    /// One setting as `recovery train --setting NAME=VALUE` sets it and the model file's header
    /// records it.
    struct Field {
        let name: String
        let read: (TrainingSettings) -> String
        let write: (inout TrainingSettings, String) -> Bool

        /// A setting written as its value's own text ("0.5", "30", "true").
        static func value<Value: LosslessStringConvertible>(_ name: String, _ path: WritableKeyPath<TrainingSettings, Value>) -> Field {
            Field(name: name, read: { "\($0[keyPath: path])" }, write: { settings, text in
                guard let value = Value(text) else { return false }
                settings[keyPath: path] = value
                return true
            })
        }
    }

    /// Every setting, by its header name; a new one is a row here.
    static var fields: [Field] {
        [
            .value("length_power", \.lengthPower), .value("epochs", \.epochs), .value("learning_rate", \.learningRate),
            .value("l2", \.l2), .value("minimum_count", \.minimumCount), .value("known_word_count", \.knownWordCount),
            .value("prune_below", \.pruneBelow), .value("seed", \.seed), .value("example_weight", \.exampleWeight),
            .value("penalty_floor", \.penaltyFloor), .value("sentence_reading", \.sentenceReading), .value("combine", \.combine),
            .value("combiner_l2", \.combinerL2), .value("combiner_minimum", \.combinerMinimum),
            .value("threshold_folds", \.thresholdFolds), .value("threshold_smoothing", \.thresholdSmoothing), .value("credit_veto_cap", \.creditVetoCap),
            // Written "0.0/0.02/…/0.9".
            Field(name: "vetoes", read: { $0.vetoCandidates.map { "\($0)" }.joined(separator: "/") }, write: { settings, text in
                let vetoes = text.split(separator: "/").compactMap { Float($0) }
                guard !vetoes.isEmpty else { return false }
                settings.vetoCandidates = vetoes
                return true
            }),
        ]
    }
}
