import Foundation
import RecoveryCore

/// One reply of a labelled set (the parts of `Scoring/corpus/`).
public struct LabelledReply: Sendable, Equatable {
    /// The reply as typed.
    public var text: String
    /// The behaviours a coach reads in it (empty: none).
    public var labels: Set<Behavior>
    /// Whether the reply was written to be hard to read (typos, sarcasm, negation...).
    public var hard: Bool
    /// Its 1-based line in the file.
    public var line: Int
    /// Who wrote it (a writer id such as `w3-indian-english`, or where a real reply came from).
    public var source: String?

    /// A labelled reply.
    public init(text: String, labels: Set<Behavior>, hard: Bool = false, line: Int = 0, source: String? = nil) {
        self.text = text
        self.labels = labels
        self.hard = hard
        self.line = line
        self.source = source
    }
}

/// A malformed line of a labelled set: `file:line: message`.
public struct EvaluationSetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file named in the message.
    public var file: String
    /// The 1-based line at fault.
    public var line: Int
    /// What is wrong with it.
    public var message: String

    /// `file:line: error: message` (`file: error: message` when no line is at fault).
    public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }

    /// `file:line: message`, for `Output.error`, which says "error:" itself.
    public var located: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads labelled sets: one JSON object per line, `{"text": "...", "labels": [...], "source": "...",
/// "hard": bool}`. Blank lines are skipped; `source` and `hard` are optional (other keys, such as
/// `note`, are ignored).
public enum EvaluationSet {
    private struct Record: Decodable {
        let text: String
        let labels: [String]
        let hard: Bool?
        let source: String?
    }

    /// Parses `contents`; the first malformed line throws, naming `file` and its line number.
    public static func parse(_ contents: String, file: String = "replies.jsonl") throws(EvaluationSetError) -> [LabelledReply] {
        var replies: [LabelledReply] = []
        let decoder = JSONDecoder()
        for (offset, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(text.utf8))
            } catch let DecodingError.keyNotFound(key, _) {
                throw EvaluationSetError(file: file, line: line, message: "missing key \"\(key.stringValue)\"")
            } catch let DecodingError.typeMismatch(_, context) {
                let key = context.codingPath.first?.stringValue ?? "value"
                throw EvaluationSetError(file: file, line: line, message: "\"\(key)\" has the wrong type")
            } catch {
                throw EvaluationSetError(file: file, line: line, message: "not a JSON object: \(text.prefix(60))")
            }
            var labels: Set<Behavior> = []
            for id in record.labels {
                guard let behavior = Behavior(id: id) else {
                    throw EvaluationSetError(file: file, line: line, message: "unknown behaviour \"\(id)\"")
                }
                labels.insert(behavior)
            }
            replies.append(LabelledReply(text: record.text, labels: labels, hard: record.hard ?? false, line: line,
                                         source: record.source))
        }
        return replies
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(EvaluationSetError) -> [LabelledReply] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationSetError(file: path, line: 0, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }
}

extension Analyzer {
    /// Reads every reply of `set` and scores the behaviours found against its labels.
    public func evaluate(_ set: [LabelledReply]) -> Evaluation {
        Evaluation(expected: set.map(\.labels), predicted: set.map { Set(analyze($0.text).behaviors) })
    }
}
