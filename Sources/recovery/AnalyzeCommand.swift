import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// `recovery analyze`: which behaviours each reply shows.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Read replies (one per line) and show the recovery behaviours each one shows.",
        discussion: "Reads FILE, or standard input when no file is given. Example: echo \"I'm so sorry\" | recovery analyze --json"
    )

    @Argument(help: "A file of replies, one per line (default: standard input).")
    var file: String?

    @Flag(help: "Print one JSON object per input line: {\"text\", \"behaviors\", \"evidence\"}.")
    var json = false

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer: Analyzer
        do { analyzer = try Analyzer.load(path: data.behaviorsFile) } catch {
            Output.error(error.description)
            throw ExitCode.failure
        }
        let input: FileHandle
        if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw CommandFailure("cannot read \(file)") }
            input = handle
        } else {
            input = FileHandle.standardInput
        }
        let text = String(decoding: input.readDataToEndOfFile(), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let analysis = analyzer.analyze(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            print(json ? AnalysisJSON.line(analysis) : AnalysisJSON.plain(analysis))
        }
    }
}

/// How `analyze` prints one analysis.
enum AnalysisJSON {
    private struct Record: Encodable {
        let text: String
        let behaviors: [String]
        let evidence: [Evidence]
        let notes: [String]
    }

    /// One compact JSON object.
    static func line(_ analysis: ReplyAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let record = Record(text: analysis.text, behaviors: analysis.behaviors.map(\.id), evidence: analysis.evidence, notes: analysis.notes)
        return (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `text  →  behaviour "quote", ...` for people.
    static func plain(_ analysis: ReplyAnalysis) -> String {
        let found = analysis.behaviors.map { behavior in
            "\(behavior.id)" + (analysis.quote(for: behavior.id).map { " “\(TerminalSafe.escape($0))”" } ?? "")
        }
        return TerminalSafe.escape(analysis.text) + "\n    → " + (found.isEmpty ? "(no behaviour)" : found.joined(separator: ", "))
    }
}
