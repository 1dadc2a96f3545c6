import Foundation
import RecoveryCore

/// One debrief question and the trainee's answer to it, kept in the transcript.
public struct ReflectionAnswer: Codable, Sendable, Equatable {
    /// The question as asked.
    public var question: String
    /// The answer as typed (control characters removed, whitespace folded).
    public var answer: String

    /// An answer to `question`.
    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}

/// The debrief questions asked at the end of `play`, one at a time: an empty answer skips one,
/// `/skip` skips the rest, and stopping (Ctrl-C, Ctrl-D) keeps what was answered.
public struct Reflection: Sendable, Equatable {
    /// The debrief questions every call ends with: Ellen Rohr's team debrief after each customer
    /// recovery (what went wrong, how you fixed it, what you can do differently), in our words.
    public static let questions = [
        "What went wrong for the customer, in their words?",
        "How was it fixed, and what did you promise?",
        "What would you do differently next time?",
    ]

    /// What the trainee types to skip every remaining question (`/quit` works too).
    public static let skipAll = "/skip"

    /// The longest answer kept; the rest is cut off.
    public static let maximumAnswerLength = 2_000

    /// What is said before the first question.
    public static let introduction = "Ellen Rohr's debrief questions, which she asks the team after every customer recovery: answer in a line each (Enter skips one, /skip skips the rest). Your answers are saved with the transcript."

    /// The answers given so far, in question order.
    public private(set) var answers: [ReflectionAnswer] = []
    private var asked = 0
    private var stopped = false

    /// Questions not asked yet.
    public init() {}

    /// The next question to ask, or nil when every question was asked or the trainee stopped.
    public var nextQuestion: String? {
        stopped || asked >= Self.questions.count ? nil : Self.questions[asked]
    }

    /// `1/3`, for the question being asked.
    public var progress: String { "\(min(asked + 1, Self.questions.count))/\(Self.questions.count)" }

    /// Takes the typed answer to the current question: blank skips it, `/skip` stops.
    public mutating func answer(_ typed: String) {
        guard let question = nextQuestion else { return }
        let cleaned = String(TerminalSafe.cleanReply(typed).prefix(Self.maximumAnswerLength))
        if [Self.skipAll, "/quit"].contains(cleaned.lowercased()) { stopped = true; return }
        asked += 1
        if !cleaned.isEmpty { answers.append(ReflectionAnswer(question: question, answer: cleaned)) }
    }

    /// Asks nothing more (Ctrl-C, Ctrl-D, a signal); the answers so far are kept.
    public mutating func stop() { stopped = true }

    /// `transcript` with the answers stored; unchanged when nothing was answered.
    public func recorded(in transcript: Transcript) -> Transcript {
        guard !answers.isEmpty else { return transcript }
        var updated = transcript
        updated.reflection = answers
        return updated
    }

    /// What a debrief shows: each current question with its answer (nil when not answered),
    /// then any answered question no longer asked.
    public static func questionsAndAnswers(_ transcript: Transcript) -> [(question: String, answer: String?)] {
        let stored = transcript.reflection ?? []
        let current = questions.map { question in (question, stored.first { $0.question == question }?.answer) }
        return current + stored.filter { !questions.contains($0.question) }.map { ($0.question, $0.answer) }
    }
}
