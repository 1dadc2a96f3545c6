import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// The record of one call: everything needed to replay and re-grade it.
public struct Transcript: Codable, Sendable, Equatable {
    /// Version of this format.
    public var format = 1
    /// The scenario played, with the hash of its file.
    public var scenario: ScenarioRecord
    /// The rubric graded against, with the hash of its file.
    public var rubric: RubricRecord
    /// The seed of the customer's line choices.
    public var seed: UInt64
    /// Who practised.
    public var trainee: String
    /// When the call started.
    public var startedAt: Date
    /// When it ended; nil while in progress.
    public var endedAt: Date?
    /// Why it ended; nil while in progress.
    public var endReason: EndReason?
    /// The ending's outcome, when the scenario reached one.
    public var outcome: Outcome?
    /// The ending node, when the scenario reached one.
    public var endingNode: String?
    /// What the customer said before the first reply.
    public var opening: Step
    /// Every reply and the customer's response to it.
    public var turns: [TurnRecord]
    /// Every `/hint` taken.
    public var hints: [HintRecord]
    /// True when the call was played with `--debug` (jumps and mood changes were possible); nil otherwise.
    public var debug: Bool?
    /// Every debug action taken (`/goto`, `/set mood`), in order; nil when there were none.
    public var debugActions: [DebugAction]?
    /// The grade when the transcript was written.
    public var grade: Grade?
    /// The trainee's answers to the debrief questions, asked after the call; nil when none were given.
    public var reflection: [ReflectionAnswer]?
    /// The changes that mattered most, as the end-of-call screen showed them (with the
    /// scenario's own phrasings); absent in calls saved before it was shown.
    public var coaching: [CoachingChange]?
    /// The seal over everything else, written when the call is saved (`sealedEncoding`); nil in
    /// a transcript built in memory.
    public var seal: TranscriptSeal?

    /// The replies as the grader sees them.
    public var gradedReplies: [GradedReply] {
        turns.map { GradedReply(turn: $0.number, latency: $0.latency, analysis: $0.analysis) }
    }

    /// Where the call stands: ended at its outcome, stopped early (incomplete), or still going.
    public var ending: CallEnding { CallEnding(outcome: outcome, endReason: endReason) }

    /// The customer's mood at the start and after every reply.
    public var moodTrace: [Int] { [opening.moodAfter] + turns.map(\.response.moodAfter) }
    /// Every line the customer said, in order: the opening's, then each turn's.
    public var customerLines: [String] { opening.customerLines + turns.flatMap(\.response.customerLines) }

    /// Seconds from the start to the end (or the last reply).
    public var duration: Double {
        (endedAt ?? turns.last?.at ?? startedAt).timeIntervalSince(startedAt)
    }
}

/// The scenario a call used.
public struct ScenarioRecord: Codable, Sendable, Equatable {
    /// Scenario id.
    public var id: String
    /// Scenario title.
    public var title: String
    /// The customer's name.
    public var customer: String
    /// SHA-256 of the scenario file.
    public var hash: String
}

/// The rubric a call was graded against.
public struct RubricRecord: Codable, Sendable, Equatable {
    /// Rubric id.
    public var id: String
    /// Rubric title.
    public var title: String
    /// SHA-256 of the rubric file.
    public var hash: String
}

/// One reply and what followed it.
public struct TurnRecord: Codable, Sendable, Equatable {
    /// 1 for the first reply.
    public var number: Int
    /// The reply as read (control characters removed, whitespace folded).
    public var text: String
    /// When Enter was pressed.
    public var at: Date
    /// Seconds from the prompt to Enter.
    public var latency: Double
    /// What the reply did.
    public var analysis: ReplyAnalysis
    /// How the customer responded: rules and branch fired, mood, lines, node.
    public var response: Step
}

/// A hint the trainee asked for.
public struct HintRecord: Codable, Sendable, Equatable {
    /// How many replies had been given when the hint was asked.
    public var afterTurn: Int
    /// The rubric step suggested.
    public var step: String
}

/// Why a call ended.
extension CallEnding {
    /// Where a recorded call stands: ended at `outcome`, stopped early (`endReason` without
    /// an outcome: incomplete), or still going.
    public init(outcome: Outcome?, endReason: EndReason?) {
        if let outcome { self = .ended(outcome) } else { self = endReason == nil ? .inProgress : .incomplete }
    }
}

public enum EndReason: String, Codable, Sendable, Equatable {
    /// The scenario reached an ending.
    case ending
    /// The trainee typed `/quit`.
    case quit
    /// Ctrl-D, or the end of piped input.
    case endOfInput = "end-of-input"
    /// Ctrl-C twice on an empty line.
    case interrupt
    /// SIGTERM arrived.
    case terminated
    /// SIGHUP arrived (the terminal closed).
    case hangup
    /// The trainee typed `/restart` and began again.
    case restart

    /// Whether the trainee left before the scenario ended.
    public var leftEarly: Bool { self != .ending }

    /// How a debrief says it.
    public var description: String {
        switch self {
        case .ending: "the call reached an ending"
        case .quit: "the trainee typed /quit"
        case .endOfInput: "input ended (Ctrl-D or end of file)"
        case .interrupt: "the trainee pressed Ctrl-C twice"
        case .terminated: "the program was asked to stop (SIGTERM)"
        case .hangup: "the terminal closed (SIGHUP)"
        case .restart: "the trainee restarted the call"
        }
    }
}

extension Transcript {
    /// The JSON encoding used for every transcript: sorted keys, ISO 8601 dates, pretty.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a transcript written by `encoded()`.
    public static func decode(_ data: Data) throws -> Transcript {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Transcript.self, from: data)
    }
}
