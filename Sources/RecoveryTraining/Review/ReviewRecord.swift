import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// The parts of a transcript a review needs, decoded without the rest (customer lines, fired
/// rules, evidence, the stored checklist): reading 10,000 files is mostly JSON decoding.
struct ReviewRecord: Decodable, Sendable {
    struct Mood: Decodable, Sendable { var moodAfter: Int }
    struct Reading: Decodable, Sendable { var text: String; var behaviors: [Behavior] }
    struct Turn: Decodable, Sendable {
        var number: Int
        var text: String
        /// When Enter was pressed, as written (ISO 8601): parsed only when the call has no end time.
        var at: String
        var latency: Double
        var analysis: Reading
        var response: Mood
    }
    struct StoredGrade: Decodable, Sendable { var rubricID: String; var rubricHash: String; var score: Int; var objectives: [ObjectiveResult]? }
    struct Hint: Decodable, Sendable { var afterTurn: Int }

    var scenario: ScenarioRecord
    var rubric: RubricRecord
    var trainee: String
    var startedAt: Date
    var endedAt: Date?
    var endReason: EndReason?
    var outcome: Outcome?
    var opening: Mood
    var turns: [Turn]
    var hints: [Hint]
    var grade: StoredGrade?

    /// Seconds from the start to the end (or the last reply), as `Transcript.duration`.
    var duration: Double {
        let lastReply = turns.last.flatMap { try? Date.ISO8601FormatStyle().parse($0.at) }
        return (endedAt ?? lastReply ?? startedAt).timeIntervalSince(startedAt)
    }

    /// The mood trace, as `MoodTrace(transcript)`.
    var mood: MoodTrace {
        MoodTrace(opening: opening.moodAfter, replies: turns.map { ($0.text, $0.response.moodAfter) })
    }

    /// Reads a transcript file's review fields; a file that is not a transcript gets a plain error.
    /// The record in the bytes of a saved call.
    static func decode(_ data: Data) throws(StorageError) -> ReviewRecord {
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(ReviewRecord.self, from: data)
        } catch {
            throw StorageError(description: "not a ServiceRecovery transcript (\(Regrade.describe(error)))")
        }
    }
}
