import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// `recovery train`: builds the learned reader (Scoring/model.bin) from the corpus and the
/// examples of behaviors.yaml.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Build the learned reader, Scoring/model.bin, from Scoring/corpus/ and the examples in behaviors.yaml.",
        discussion: """
            Learns one model per behaviour from the train part of the corpus and every example in \
            behaviors.yaml, chooses each behaviour's threshold on readings of train replies by models \
            that never learned from them (five folds, each writer's replies held out together), and \
            writes the model. The dev part is held out: its macro-F1 is printed after training. \
            The same inputs always give the same file, byte for byte. The frozen test part is never read.
            To fix a misreading: add the reply as an example (trigger or ignore) of its behaviour in \
            behaviors.yaml, or as a labelled row of Scoring/corpus/train.jsonl, then run recovery train. \
            It lists the examples and scenario-test replies the new model reads differently from the \
            one it replaces: the model is learned as a whole, so one example can tip another reading. \
            Then it lists every example the new model still misreads (one just added that it could \
            not learn, too), with which reader decided and why.
            """
    )

    @Option(name: .shortAndLong, help: "Where to write the model (default: Scoring/model.bin).")
    var output: String?

    @Flag(help: "Retrain and compare with the existing model file; exit 1 if it is out of date.")
    var check = false

    @Option(help: ArgumentHelp("Training setting override, NAME=VALUE (epochs, learning_rate, l2, minimum_count, example_weight, threshold_folds, seed); for experiments judged on dev.", visibility: .hidden))
    var setting: [String] = []

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data, withModel: false)
        let corpus: Corpus
        do { corpus = try Corpus.load(directory: data.corpusDirectory) } catch {
            Output.error(error.located)
            throw ExitCode.failure
        }
        let path = output ?? data.modelFile
        let started = ContinuousClock.now
        let inputs = ModelBuilding.inputsHash(behaviorsFile: data.behaviorsFile, corpusDirectory: data.corpusDirectory)
        var settings = TrainingSettings.standard
        for item in setting {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, settings.set(parts[0], parts[1]) else { throw ValidationError("bad --setting \(item)") }
        }
        // The model being replaced (or, written elsewhere, the data's own), to say which of the
        // trainers' replies read differently now.
        let previous = check ? nil : (try? BehaviorModel.load(path: path)) ?? (try? BehaviorModel.load(path: data.modelFile))
        let model = ModelBuilding.train(analyzer: analyzer, corpus: corpus, inputs: inputs, settings: settings)
        let bytes = model.fileData()
        if check {
            let existing = FileManager.default.contents(atPath: path)
            guard existing == bytes else {
                Output.error("\(path) is out of date with behaviors.yaml and the corpus: run `recovery train`")
                throw ExitCode.failure
            }
            Output.line("\(path) is up to date (\(model.header.features) features, inputs \(inputs.prefix(12)))")
            return
        }
        do { try bytes.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        let elapsed = ContinuousClock.now - started
        Output.line("wrote \(path): \(model.header.features) features, \(bytes.count / 1024) KiB, trained in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))")
        let folds = settings.thresholdFolds
        let chosenOn = folds > 1 ? "held-out readings of the train part in \(folds) folds" : "\(corpus[.dev].count) dev replies"
        Output.line("from \(corpus[.train].count) corpus replies and \(model.header.training["examples"] ?? "0") examples; thresholds chosen on \(chosenOn)")
        let rules = analyzer.evaluate(corpus[.dev]), both = analyzer.with(model: model).evaluate(corpus[.dev])
        Output.line("dev macro-F1 (held out): rules \(format(rules.macroF1)), rules + model \(format(both.macroF1))")
        let thresholds = zip(Behavior.allIDs, model.header.thresholds).map { "\($0) \(format(Double($1)))" }
        Output.line("thresholds: " + thresholds.joined(separator: ", "))
        let vetoes = zip(Behavior.allIDs, model.header.vetoes).filter { $1 > 0 }.map { "\($0) \(format(Double($1)))" }
        Output.line("vetoes (a rule's finding is overruled below): " + (vetoes.isEmpty ? "none" : vetoes.joined(separator: ", ")))
        if let overrules = model.header.overrules {
            let kept = zip(Behavior.allIDs, overrules).filter { $1 > 1 }.map(\.0)
            Output.line("cancelled rules the model never reads past: " + (kept.isEmpty ? "none" : kept.joined(separator: ", ")))
        }
        let replies = ReadingChanges.trainerReplies(data, catalog: analyzer.catalog)
        let changes = previous.map { ReadingChanges.compare(replies, before: analyzer.with(model: $0), after: analyzer.with(model: model)) }
        if let changes { for line in ReadingChanges.lines(changes, of: replies.count) { Output.line(line) } }
        let misread = MisreadExamples.find(replies, reader: analyzer.with(model: model), besides: changes ?? [])
        for line in MisreadExamples.lines(misread) { Output.line(line) }
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
