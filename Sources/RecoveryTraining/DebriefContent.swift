import Foundation
import RecoveryCore
import RecoveryScoring

/// Everything a debrief shows about one call: the record, the grade, how each reply reads,
/// the mood trace, and a note when the stored grade is not the one shown.
public struct DebriefContent: Encodable, Sendable {
    /// The call as recorded.
    public var transcript: Transcript
    /// The grade shown (recomputed, or the stored one at the end of play).
    public var grade: Grade?
    /// How each reply reads, in turn order.
    public var analyses: [ReplyAnalysis]
    /// The customer's mood turn by turn, with the turning points.
    public var mood: MoodTrace
    /// Why the stored grade differs from the one shown; nil when they agree.
    public var note: String?
    /// The stored score, when it differs from the one shown.
    public var storedScore: Int?

    /// The debrief written at the end of play: the stored grade and readings.
    public init(_ transcript: Transcript) {
        self.transcript = transcript
        self.grade = transcript.grade
        self.analyses = transcript.turns.map(\.analysis)
        self.mood = MoodTrace(transcript)
    }

    /// The debrief recomputed from the raw replies, noting a stored grade that differs.
    public init(_ regrade: Regrade) {
        self.transcript = regrade.transcript
        self.grade = regrade.grade
        self.analyses = regrade.replies.map(\.analysis)
        self.mood = MoodTrace(regrade.transcript)
        self.note = regrade.discrepancy
        self.storedScore = regrade.discrepancy == nil ? nil : regrade.storedGrade?.score
    }

    /// The changes that matter most: as shown at the end of the call (with the scenario's own
    /// phrasings), or worked out from the grade shown when it was recomputed.
    public var changes: [CoachingChange] {
        guard let grade else { return [] }
        return (note == nil ? transcript.coaching : nil)
            ?? CallCoaching.changes(grade, transcript: transcript, scenario: nil, rubric: nil, customer: transcript.scenario.customer)
    }

    /// The turns with the reading shown for each.
    public var turns: [(record: TurnRecord, analysis: ReplyAnalysis)] {
        zip(transcript.turns, analyses).map { ($0, $1) }
    }

    /// The debrief as one JSON document: sorted keys, ISO 8601 dates.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private enum CodingKeys: String, CodingKey { case transcript, grade, analyses, mood, note, storedScore }
}
