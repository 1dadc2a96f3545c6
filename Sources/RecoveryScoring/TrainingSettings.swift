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
    /// The shuffling seed.
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
        switch name {
        case "length_power": if let v = Double(value) { lengthPower = v; return true }
        case "epochs": if let v = Int(value) { epochs = v; return true }
        case "learning_rate": if let v = Double(value) { learningRate = v; return true }
        case "l2": if let v = Double(value) { l2 = v; return true }
        case "minimum_count": if let v = Int(value) { minimumCount = v; return true }
        case "known_word_count": if let v = Int(value) { knownWordCount = v; return true }
        case "example_weight": if let v = Double(value) { exampleWeight = v; return true }
        case "penalty_floor": if let v = Float(value) { penaltyFloor = v; return true }
        case "sentence_reading": if let v = Bool(value) { sentenceReading = v; return true }
        case "combine": if let v = Bool(value) { combine = v; return true }
        case "combiner_l2": if let v = Double(value) { combinerL2 = v; return true }
        case "combiner_minimum": if let v = Int(value) { combinerMinimum = v; return true }
        case "threshold_folds": if let v = Int(value) { thresholdFolds = v; return true }
        case "credit_veto_cap": if let v = Float(value) { creditVetoCap = v; return true }
        case "seed": if let v = UInt64(value) { seed = v; return true }
        case "vetoes": vetoCandidates = value.split(separator: "/").compactMap { Float($0) }; return !vetoCandidates.isEmpty
        default: break
        }
        return false
    }

    /// The settings as the model file's header records them.
    var described: [String: String] {
        ["length_power": "\(lengthPower)", "epochs": "\(epochs)", "learning_rate": "\(learningRate)", "l2": "\(l2)", "minimum_count": "\(minimumCount)", "known_word_count": "\(knownWordCount)",
         "prune_below": "\(pruneBelow)", "seed": "\(seed)", "example_weight": "\(exampleWeight)",
         "penalty_floor": "\(penaltyFloor)", "sentence_reading": "\(sentenceReading)", "combine": "\(combine)", "combiner_l2": "\(combinerL2)", "combiner_minimum": "\(combinerMinimum)", "threshold_folds": "\(thresholdFolds)", "credit_veto_cap": "\(creditVetoCap)",
         "vetoes": vetoCandidates.map { "\($0)" }.joined(separator: "/")]
    }
}
