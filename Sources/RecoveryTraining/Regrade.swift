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

    /// Turns whose text no longer matches the text their recorded analysis was made from:
    /// the reply was edited in the file after the call.
    public var editedReplies: [Int] {
        transcript.turns.compactMap { $0.text == $0.analysis.text ? nil : $0.number }
    }

    /// The stored and recomputed grades side by side.
    public var comparison: GradeComparison {
        GradeComparison(storedScore: storedGrade?.score, storedRubricID: storedGrade?.rubricID,
                        storedRubricHash: storedGrade?.rubricHash, grade: grade, rubricID: rubricID,
                        editedReplies: editedReplies, changedReadings: changedReadings)
    }

    /// Why the stored and recomputed grades differ, most telling first; empty when they agree.
    public var disagreements: [Disagreement] { comparison.disagreements }

    /// One sentence on why the stored and recomputed grades differ, or nil if they agree.
    public var discrepancy: String? { comparison.discrepancy }

    /// Grades `transcript` again with `analyzer` and `rubric`; hints keep their cost.
    public init(_ transcript: Transcript, analyzer: Analyzer, rubric: Rubric) {
        let replies = transcript.turns.map {
            GradedReply(turn: $0.number, latency: $0.latency, analysis: analyzer.analyze($0.text))
        }
        self.init(transcript, replies: replies, grader: Grader(rubric: rubric))
    }

    /// Grades `transcript` again from `replies` already read by the current analyzer (one per
    /// turn, in order), so a caller can share the reading of identical replies across calls.
    public init(_ transcript: Transcript, replies: [GradedReply], grader: Grader) {
        self.transcript = transcript
        self.rubricID = grader.rubric.id
        self.replies = replies
        // Objectives are the scenario's conditions over the call as played: kept as recorded.
        self.grade = grader.grade(replies, hintsUsed: transcript.hints.count, ending: transcript.ending,
                                  objectives: transcript.grade?.objectives ?? [])
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

    /// A decoding error in a few words.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(error)"
        }
    }
}

/// Why a stored grade is not the recomputed one.
public enum Disagreement: String, Codable, Sendable, CaseIterable {
    /// The file holds no grade (the call was cut off before one was written).
    case noStoredGrade = "no-stored-grade"
    /// The stored grade was made with another rubric.
    case otherRubric = "other-rubric"
    /// The rubric file's hash changed since the call.
    case rubricChanged = "rubric-changed"
    /// Reply texts no longer match what was analysed during the call.
    case repliesEdited = "replies-edited"
    /// The scoring data reads some replies differently now.
    case readingsChanged = "readings-changed"
    /// Nothing explains the difference but an edit of the stored grade.
    case fileEdited = "file-edited"
}

/// What a stored grade is checked against: the grade computed now, and what changed in between.
public struct GradeComparison: Sendable {
    /// The score in the file; nil when the file holds no grade.
    public var storedScore: Int?
    /// The rubric id of the stored grade.
    public var storedRubricID: String?
    /// The rubric hash of the stored grade.
    public var storedRubricHash: String?
    /// The grade computed now.
    public var grade: Grade
    /// The rubric used now.
    public var rubricID: String
    /// Replies whose text no longer matches the text that was analysed during the call.
    public var editedReplies: [Int]
    /// Replies whose behaviours read differently now.
    public var changedReadings: [Int]

    /// Why the stored and recomputed grades differ, most telling first; empty when they agree.
    public var disagreements: [Disagreement] {
        guard let storedScore else { return [.noStoredGrade] }
        if storedRubricID != rubricID { return [.otherRubric] }
        guard storedScore != grade.score else { return [] }
        var kinds: [Disagreement] = []
        if storedRubricHash != grade.rubricHash { kinds.append(.rubricChanged) }
        if !editedReplies.isEmpty { kinds.append(.repliesEdited) }
        if !changedReadings.isEmpty { kinds.append(.readingsChanged) }
        if kinds.isEmpty { kinds.append(.fileEdited) }
        return kinds
    }

    /// One sentence on why the stored and recomputed grades differ, or nil if they agree.
    public var discrepancy: String? {
        guard let storedScore else { return "the file holds no grade" }
        if storedRubricID != rubricID { return "the stored grade used rubric '\(storedRubricID ?? "")'; this one uses '\(rubricID)'" }
        guard storedScore != grade.score else { return nil }
        let reasons = disagreements.map { kind -> String in
            switch kind {
            case .rubricChanged: "the rubric changed since the call"
            case .repliesEdited: "replies \(list(editedReplies)) were edited in the file after the call"
            case .readingsChanged: "the scoring data reads replies \(list(changedReadings)) differently now"
            case .fileEdited: "neither the rubric nor the reading of the replies changed, so the file was edited"
            case .noStoredGrade, .otherRubric: kind.rawValue
            }
        }
        return "stored score \(storedScore) differs from \(grade.score): " + reasons.joined(separator: "; ")
    }

    private func list(_ turns: [Int]) -> String { turns.map(String.init).joined(separator: ", ") }
}
