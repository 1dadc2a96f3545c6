import Foundation
import RecoveryCore
import RecoveryScoring

/// A transcript graded again from its raw replies with the current scoring data.
public struct Regrade: Sendable {
    /// The transcript as read from the file.
    public var transcript: Transcript
    /// The grade computed now.
    public var grade: Grade
    /// The rubric used now.
    public var rubricID: String
    /// The replies as the analyzer reads them now.
    public var replies: [GradedReply]

    /// The grade stored in the file, if any.
    public var storedGrade: Grade? { transcript.grade }

    /// Whether the stored score differs from the recomputed one.
    public var scoreDiffers: Bool { storedGrade.map { $0.score != grade.score } ?? false }

    /// Whether the stored grade was made with another rubric than the one used now.
    public var otherRubric: Bool { storedGrade.map { $0.rubricID != rubricID } ?? false }

    /// Whether the rubric file changed since the call was graded (same rubric id, other hash).
    public var rubricChanged: Bool {
        guard let stored = storedGrade, stored.rubricID == rubricID else { return false }
        return stored.rubricHash != grade.rubricHash
    }

    /// Turns whose behaviours read differently now than when the call was played.
    public var changedReadings: [Int] {
        zip(transcript.turns, replies).compactMap { recorded, now in
            recorded.analysis.behaviors == now.analysis.behaviors ? nil : recorded.number
        }
    }

    /// One sentence on why the stored and recomputed grades differ, or nil if they agree.
    public var discrepancy: String? {
        guard let stored = storedGrade else { return "the file holds no grade" }
        if otherRubric { return "the stored grade used rubric '\(stored.rubricID)'; this one uses '\(rubricID)'" }
        guard stored.score != grade.score else { return nil }
        var reasons: [String] = []
        if rubricChanged { reasons.append("the rubric changed since the call") }
        if !changedReadings.isEmpty {
            reasons.append("the scoring data reads replies \(changedReadings.map(String.init).joined(separator: ", ")) differently now")
        }
        if reasons.isEmpty { reasons.append("neither the rubric nor the reading of the replies changed, so the file was edited") }
        return "stored score \(stored.score) differs from \(grade.score): " + reasons.joined(separator: "; ")
    }

    /// Grades `transcript` again with `analyzer` and `rubric`; hints keep their cost.
    public init(_ transcript: Transcript, analyzer: Analyzer, rubric: Rubric) {
        self.transcript = transcript
        self.rubricID = rubric.id
        self.replies = transcript.turns.map {
            GradedReply(turn: $0.number, latency: $0.latency, analysis: analyzer.analyze($0.text))
        }
        self.grade = Grader(rubric: rubric).grade(replies, hintsUsed: transcript.hints.count)
    }

    /// Reads a transcript file; a file that is not a transcript gets a plain error.
    public static func read(path: String) throws(StorageError) -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StorageError(description: "\(path): cannot read this file")
        }
        do { return try Transcript.decode(data) } catch {
            throw StorageError(description: "\(path): not a ServiceRecovery transcript (\(describe(error)))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(error)"
        }
    }
}
