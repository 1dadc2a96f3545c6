import Foundation
import RecoveryCore

/// The labelled corpus of `Scoring/corpus/`: replies written by independent writers (and our
/// own earlier set), each with its labels and source, in three parts:
/// - `train.jsonl`: what `recovery train` learns from;
/// - `dev.jsonl`: what thresholds (and any tuning) are chosen on;
/// - `test.jsonl`: frozen, written by writers who never saw the scoring data, and never used
///   to choose patterns, features or thresholds. It only measures.
public struct Corpus: Sendable {
    /// One part of the corpus.
    public enum Part: String, CaseIterable, Sendable {
        case train, dev, test
    }

    /// The replies of each part, in file order.
    public var parts: [Part: [LabelledReply]]
    /// The folder it was read from.
    public var directory: String

    /// The file of `part` in `directory`.
    public static func file(_ part: Part, in directory: String) -> String { directory + "/\(part.rawValue).jsonl" }

    /// Reads the three parts; a malformed line throws with its file and line.
    public static func load(directory: String) throws(EvaluationSetError) -> Corpus {
        var parts: [Part: [LabelledReply]] = [:]
        for part in Part.allCases { parts[part] = try EvaluationSet.load(path: file(part, in: directory)) }
        return Corpus(parts: parts, directory: directory)
    }

    /// The replies of `part`.
    public subscript(part: Part) -> [LabelledReply] { parts[part] ?? [] }
}

/// Builds the learned reader from the data, as `recovery train` does.
public enum ModelBuilding {
    /// The SHA-256 of everything a model is trained from: behaviors.yaml (its rules are
    /// features, its examples are training replies) and the train and dev parts.
    public static func inputsHash(behaviorsFile: String, corpusDirectory: String) -> String {
        var bytes: [UInt8] = []
        for path in [behaviorsFile, Corpus.file(.train, in: corpusDirectory), Corpus.file(.dev, in: corpusDirectory)] {
            let data = FileManager.default.contents(atPath: path) ?? Data()
            bytes.append(contentsOf: SHA256.digest(Array(data)))
        }
        return SHA256.hex(bytes)
    }

    /// Trains a model from the corpus train part and behaviors.yaml's examples, with the
    /// thresholds chosen on held-out readings (`TrainingSettings.thresholdFolds`). `analyzer` supplies the rules (its own model is ignored).
    public static func train(analyzer: Analyzer, corpus: Corpus, inputs: String,
                             settings: TrainingSettings = .standard) -> BehaviorModel {
        let replies = corpus[.train].map { TrainingReply(text: $0.text, labels: $0.labels, group: $0.source) }
            + exampleReplies(analyzer.catalog, weight: settings.exampleWeight)
        return ModelTrainer(analyzer: analyzer, settings: settings).train(replies, dev: corpus[.dev], inputs: inputs)
    }

    /// Every example of behaviors.yaml as a training reply labelled for its own behaviour only
    /// (a trigger example says nothing of the other fifteen), counting `weight` times.
    package static func exampleReplies(_ catalog: BehaviorCatalog, weight: Double) -> [TrainingReply] {
        catalog.entries.flatMap { entry in
            entry.examples.map { example in
                TrainingReply(text: example.text, labels: example.triggers ? [entry.behavior] : [], known: [entry.behavior], weight: weight)
            }
        }
    }
}
