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
            With --eval FILE, reads a labelled set (JSON lines {"text", "labels", "hard"}) and prints per-behaviour \
            precision, recall, F1 and support, macro-F1 and the exact-match rate; --errors lists misreadings.
            """
    )

    @Argument(help: "A file of replies, one per line (default: standard input).")
    var file: String?

    @Flag(help: "Print one JSON object per input line: {\"behaviors\", \"evidence\", \"notes\", \"text\"}; each evidence item says which reader found it (\"rules\" or \"model\") and the model's confidence.")
    var json = false

    @Option(name: .customLong("eval"), help: "Score the analyzer on a labelled set (JSON lines).")
    var evalFile: String?

    @Option(help: "Explain how one reply is read: each rule that matched (and what cancelled it), the model's probability and the features it weighed most.")
    var why: String?

    @Flag(help: ArgumentHelp("Print each reply's rule findings and every model probability as JSON (for tuning on dev).", visibility: .hidden))
    var scores = false

    @Flag(help: "With --eval: also list the first misreadings (false positives and negatives).")
    var errors = false

    @Option(help: "With --errors: how many misreadings of each kind to list.")
    var limit = 10

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        if let why {
            print(analyzer.explain(why).text)
            return
        }
        if let evalFile {
            try EvalReport(analyzer: analyzer, json: json, errors: errors, limit: limit).run(path: evalFile)
            return
        }
        let input: FileHandle
        if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw CommandFailure("cannot read \(file)") }
            input = handle
        } else {
            input = FileHandle.standardInput
        }
        let contents = input.readDataToEndOfFile()
        var lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        if scores {
            for line in lines {
                let (rules, p) = analyzer.readers(String(decoding: line, as: UTF8.self))
                print("{\"rules\":[\(rules.map { "\"\($0.id)\"" }.joined(separator: ","))],\"p\":[\((p ?? []).map { String(format: "%.4f", $0) }.joined(separator: ","))]}")
            }
            return
        }
        // One buffer, written out every 64 KiB: a reply's JSON is built byte by byte
        // (`ReplyAnalysis.appendJSON`), so the output costs less than the reading.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        for var line in lines {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let analysis = analyzer.analyze(String(decoding: line, as: UTF8.self))
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
    }

    func run(path: String) throws {
        let set: [LabelledReply]
        do { set = try EvaluationSet.load(path: path) } catch {
            Output.error("\(error.file):\(error.line): \(error.message)")
            throw ExitCode.failure
        }
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
        if json {
            let rows = evaluation.scores.map {
                Row(behavior: $0.behavior.id, precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support,
                    truePositives: $0.truePositives, falsePositives: $0.falsePositives, falseNegatives: $0.falseNegatives)
            }
            let report = Report(replies: evaluation.count, macroF1: evaluation.macroF1, exactMatch: evaluation.exactMatchRate,
                                exactMatches: evaluation.exactMatches, behaviors: rows, misreadings: errors ? misses : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print(evaluation.table())
        guard errors else { return }
        for miss in misses {
            print("\(miss.kind) \(miss.behavior)  line \(miss.line): \(TerminalSafe.escape(miss.text))")
            print("    expected [\(miss.expected.joined(separator: ", "))]  got [\(miss.predicted.joined(separator: ", "))]")
        }
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
