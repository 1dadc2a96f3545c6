import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// `recovery analyze`: which behaviours each reply shows, or (`--eval`) how well a labelled set is read.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Read replies (one per line) and show the recovery behaviours each one shows.",
        discussion: """
            Reads FILE, or standard input when no file is given. Example: echo "I'm so sorry" | recovery analyze --json
            With --eval FILE, reads a labelled set (JSON lines {"text", "labels", "source"}) and prints per-behaviour \
            precision, recall, F1 and support, macro-F1 and the exact-match rate; --errors lists misreadings; \
            --rules lists the patterns of behaviors.yaml the labels disagree with most. \
            --eval Scoring/corpus reports the train, dev and frozen test parts, each beside the rules alone. \
            --why "reply" explains one reading: the rules that matched and the model's strongest features.
            """
    )

    @Argument(help: "A file of replies, one per line (default: standard input).")
    var file: String?

    @Flag(help: "Print one JSON object per input line: {\"behaviors\", \"evidence\", \"notes\", \"text\"}; each evidence item says which reader found it (\"rules\" or \"model\") and the model's confidence.")
    var json = false

    @Option(name: .customLong("eval"), help: "Score the analyzer on a labelled set (JSON lines), or on each part of a corpus folder (Scoring/corpus).")
    var evalFile: String?

    @Option(help: "Explain how one reply is read: each rule that matched (and what cancelled it), the model's probability and the features it weighed most.")
    var why: String?

    @Flag(help: "With --eval: also list the first misreadings (false positives and negatives).")
    var errors = false

    @Flag(help: "With --eval: also list the patterns of behaviors.yaml the labels disagree with most, each with the first reply it misread (for a corpus folder: on its train part).")
    var rules = false

    @Option(help: "With --errors: how many misreadings of each kind to list; with --rules, how many patterns.")
    var limit = 10

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        if let why {
            let explanation = analyzer.explain(why)
            // Wrapped for a terminal; one line per finding for a pipe (to search with grep).
            print(Output.terminalWidth.map(explanation.text(width:)) ?? explanation.text)
            return
        }
        if let evalFile {
            try EvalReport(analyzer: analyzer, json: json, errors: errors, rules: rules, limit: limit).run(path: evalFile)
            return
        }
        let input: FileHandle
        if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw CommandFailure(Self.unreadable(file)) }
            input = handle
        } else {
            input = FileHandle.standardInput
        }
        let contents = input.readDataToEndOfFile()
        // One buffer, written out every 64 KiB: a reply's JSON is built byte by byte
        // (`ReplyAnalysis.appendJSON`), so the output costs less than the reading.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        InputLines.forEach(in: contents) { line in
            let analysis = analyzer.analyze(line)
            if json {
                analysis.appendJSON(to: &out)
                out.append(UInt8(ascii: "\n"))
            } else {
                out.append(contentsOf: (AnalysisText.plain(analysis) + "\n").utf8)
            }
            if out.count >= 1 << 16 {
                Output.bytes(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        Output.bytes(out)
    }
}

/// `analyze --eval`: the metrics of a labelled set, as a table or one JSON object.
struct EvalReport {
    let analyzer: Analyzer
    let json: Bool
    let errors: Bool
    let rules: Bool
    let limit: Int

    private struct Row: Encodable {
        let behavior: String, precision: Double, recall: Double, f1: Double, support: Int
        let truePositives: Int, falsePositives: Int, falseNegatives: Int
    }
    private struct Miss: Encodable {
        let kind: String, behavior: String, line: Int, text: String, expected: [String], predicted: [String]
    }
    private struct Report: Encodable {
        let replies: Int, macroF1: Double, exactMatch: Double, exactMatches: Int
        let behaviors: [Row]
        let misreadings: [Miss]?
        let rules: [RuleAuditText.Row]?
    }

    /// Scores the labelled set at `path`, or, for a corpus folder (train.jsonl, dev.jsonl,
    /// test.jsonl), each of its three parts with the rules alone beside rules and model.
    func run(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let (text, report) = evaluate(try load(path), audit: rules)
            if json { print(try encode(report)) } else { print(text) }
            return
        }
        let corpus: Corpus
        do { corpus = try Corpus.load(directory: path) } catch {
            Output.error(error.located)
            throw ExitCode.failure
        }
        var reports: [String: Report] = [:]
        for part in Corpus.Part.allCases {
            let (text, report) = evaluate(corpus[part], audit: rules && part == .train)
            reports[part.rawValue] = report
            guard !json else { continue }
            let rulesAlone = analyzer.with(model: nil).evaluate(corpus[part]).macroF1
            let what = part == .test ? "frozen: written by writers who never saw the scoring data; never tuned on" :
                part == .dev ? "held out: judges tuning; thresholds are chosen on folds of train" : "the model learns from this"
            print("== \(part.rawValue): \(corpus[part].count) replies (\(what))")
            print(text)
            print(String(format: "rules alone: macro-F1 %.3f\n", rulesAlone))
        }
        if json { print(try encode(reports)) }
    }

    private func load(_ path: String) throws -> [LabelledReply] {
        do { return try EvaluationSet.load(path: path) } catch {
            Output.error(error.located)
            throw ExitCode.failure
        }
    }

    private func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The table (with misreadings when asked) and the JSON report of one labelled set.
    private func evaluate(_ set: [LabelledReply], audit: Bool) -> (text: String, report: Report) {
        let predicted = set.map { Set(analyzer.analyze($0.text).behaviors) }
        let evaluation = Evaluation(expected: set.map(\.labels), predicted: predicted)
        func ids(_ labels: Set<Behavior>) -> [String] { labels.sorted().map(\.id) }
        var misses: [Miss] = []
        for kind in [Misreading.Kind.falsePositive, .falseNegative] {
            for miss in evaluation.misreadings.filter({ $0.kind == kind }).prefix(limit) {
                let reply = set[miss.index]
                misses.append(Miss(kind: kind.rawValue, behavior: miss.behavior.id, line: reply.line, text: reply.text,
                                   expected: ids(reply.labels), predicted: ids(predicted[miss.index])))
            }
        }
        let rows = evaluation.scores.map {
            Row(behavior: $0.behavior.id, precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support,
                truePositives: $0.truePositives, falsePositives: $0.falsePositives, falseNegatives: $0.falseNegatives)
        }
        let report = Report(replies: evaluation.count, macroF1: evaluation.macroF1, exactMatch: evaluation.exactMatchRate,
                            exactMatches: evaluation.exactMatches, behaviors: rows, misreadings: errors ? misses : nil,
                            rules: audit ? RuleAuditText.rows(RuleAudit(analyzer: analyzer, set: set), limit: limit) : nil)
        var lines = [evaluation.table()]
        if errors {
            for miss in misses {
                lines.append("\(miss.kind) \(miss.behavior)  line \(miss.line): \(TerminalSafe.escape(miss.text))")
                lines.append("    expected [\(miss.expected.joined(separator: ", "))]  got [\(miss.predicted.joined(separator: ", "))]")
            }
        }
        if let rows = report.rules { lines.append(RuleAuditText.table(rows)) }
        return (lines.joined(separator: "\n"), report)
    }
}

/// How `analyze` prints one analysis for people (JSON: `ReplyAnalysis.appendJSON`).
enum AnalysisText {
    /// `text  →  behaviour "quote", ...` for people.
    static func plain(_ analysis: ReplyAnalysis) -> String {
        let found = analysis.behaviors.map { behavior in
            "\(behavior.id)" + (analysis.quote(for: behavior.id).map { " “\(TerminalSafe.escape($0))”" } ?? "")
        }
        return TerminalSafe.escape(analysis.text) + "\n    → " + (found.isEmpty ? "(no behaviour)" : found.joined(separator: ", "))
    }
}

extension AnalyzeCommand {
    /// Why `file` cannot be read, with the fix a user most likely wants: a reply typed as the
    /// argument is not a file name, so the message says how to read one reply.
    static func unreadable(_ file: String) -> String {
        guard !FileManager.default.fileExists(atPath: file) else { return "cannot read \(file): permission denied or not a regular file" }
        return """
            no file named '\(file)'. To read one reply, give it on standard input \
            (echo "I'm so sorry" | recovery analyze) or explain it with --why "I'm so sorry"
            """
    }
}
