import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Something the trainee should see; the CLI decides how (colour, mood indicator).
public enum CallEvent: Equatable, Sendable {
    /// The customer says something.
    case customer(name: String, line: String)
    /// A stage direction.
    case narration(String)
    /// The customer's mood now (0 calm .. 10 gone).
    case mood(Int)
    /// A hint: a rubric step not met yet, why it matters, and an example phrasing.
    case hint(step: String, advice: String, example: String)
    /// Information for the trainee (help text, a nudge after an empty line).
    case notice(String)
    /// What a debug command (`--debug`) did or found.
    case debug(String)
    /// The call reached an ending.
    case ended(outcome: Outcome, ending: String)
    /// The trainee asked to start again; the finished attempt is in `CallSession.previousAttempt`.
    case restarted
    /// The trainee asked to end the call.
    case quit
}

/// One call in progress: wires the analyzer, the scenario engine and the grader, and keeps
/// the transcript. Reads no terminal and prints nothing.
public final class CallSession {
    /// What a call needs that does not change during it.
    public let setup: CallSetup
    /// The record so far.
    public internal(set) var transcript: Transcript
    /// The attempt abandoned by the latest `/restart`, graded, for the caller to save.
    public private(set) var previousAttempt: Transcript?
    /// The scenario engine's state: node, mood, flags, the nodes visited.
    public internal(set) var engine: Engine
    /// Whether debug commands (`/goto`, `/set mood`, `/why`) are on; the transcript says so.
    public let debug: Bool
    private let clock: @Sendable () -> Date
    /// Whether `/hint` has just said what a hint costs: the next `/hint` (before any reply) takes it.
    private var hintOffered = false

    /// A call of `setup`; `debug` turns on the debug commands; `clock` gives the time of each reply (fixed in tests);
    /// `startedAt`, when the call opened before the session was made (default: now, by `clock`).
    public init(setup: CallSetup, debug: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }, startedAt: Date? = nil) {
        self.setup = setup
        self.debug = debug
        self.clock = clock
        self.engine = Engine(scenario: setup.scenario, seed: setup.seed)
        let opening = engine.start()
        self.transcript = setup.newTranscript(opening: opening, at: startedAt ?? clock())
        if debug { transcript.debug = true }
    }

    /// Whether the scenario has reached an ending.
    public var isOver: Bool { engine.isOver }

    /// The events of the opening: the customer's first words.
    public func openingEvents() -> [CallEvent] { events(for: transcript.opening) }

    /// The longest reply kept, in characters; a longer paste is cut here (and says so).
    public static let maximumReplyLength = 2_000

    /// Handles one typed line: a slash command, or a reply to the customer.
    public func submit(_ rawLine: String, latency: Double) -> [CallEvent] {
        var line = TerminalSafe.cleanReply(rawLine)
        var cut: [CallEvent] = []
        if line.count > Self.maximumReplyLength {
            line = String(line.prefix(Self.maximumReplyLength))
            cut = [.notice("(Your reply was cut to its first \(Self.maximumReplyLength) characters.)")]
        }
        if line.isEmpty {
            return [.notice("(Nothing was sent. Type your reply to \(setup.scenario.customer.name), or /help.)")]
        }
        if let command = DebugCommand.parse(line) { return runDebug(command) }
        switch SlashCommand.parse(line) {
        case .success(let command): return run(command)
        case .failure(let unknown):
            return [.notice("Unknown command \(unknown.typed). Commands: \(Self.commandNames(debug: debug).joined(separator: " "))")]
        case nil: return cut + reply(line, latency: latency)
        }
    }

    /// Ends the call for `reason`, grades it and returns the final transcript.
    @discardableResult
    public func finish(_ reason: EndReason) -> Transcript {
        if transcript.endReason == nil {
            transcript.endReason = reason
            transcript.endedAt = clock()
        }
        regrade()
        if let grade = transcript.grade {
            transcript.coaching = CallCoaching.changes(grade, transcript: transcript, scenario: setup.scenario, rubric: setup.rubric,
                                                       customer: setup.scenario.customer.name)
        }
        return transcript
    }

    /// Grades the call as it stands: its replies, hints, ending and the scenario's objectives.
    private func regrade() {
        transcript.grade = setup.grader.grade(transcript.gradedReplies, hintsUsed: transcript.hints.count,
                                              ending: transcript.ending, objectives: objectiveResults())
    }

    /// The scenario's objectives as met so far, each quoting the reply that met it.
    func objectiveResults() -> [ObjectiveResult] {
        let customerLines = transcript.customerLines
        return setup.scenario.objectives.map { objective in
            let turn = engine.objectivesMet[objective.id]
            let reply = turn.flatMap { number in transcript.turns.first { $0.number == number } }
            // The sentence holding the words that met it (through the flags it needs, too).
            let quote = reply.map { reply in
                let fired = Set(reply.response.fired.map(\.line))
                let signals = setup.scenario.evidenceSignals(for: objective.condition, fired: fired,
                                                             shown: { reply.analysis.evidence(for: $0) != nil })
                return Self.sentence(meeting: signals, in: reply.analysis) ?? reply.text
            }
            // The customer's words are quoted only when the customer said them in this call.
            let asked = customerLines.contains { $0.contains(objective.ask) } ? objective.ask : ""
            return ObjectiveResult(id: objective.id, title: objective.title, weight: objective.weight, main: objective.main,
                                   met: turn != nil, turn: turn, quote: quote, ask: asked, example: objective.example)
        }
    }

    /// The sentence of a reply that best shows an objective met by `signals` (behaviours and
    /// intents its condition names, through its flags): the one holding most of them; on a
    /// tie, one holding a behaviour (what the trainee did) before one holding only a topic's
    /// words, so `sensor and own` quotes "that part is on us", not "the flame sensor is a
    /// safety part"; then the earliest. Nil when the reply holds none of them.
    package static func sentence(meeting signals: [String], in analysis: ReplyAnalysis) -> String? {
        var sentences: [String: (count: Int, behavior: Int, start: Int)] = [:]
        for signal in signals {
            guard let evidence = analysis.evidence(for: signal) else { continue }
            let sentence = analysis.sentence(around: evidence)
            var entry = sentences[sentence] ?? (0, 0, evidence.offset)
            entry.count += 1
            if Behavior(id: signal) != nil { entry.behavior = 1 }
            entry.start = min(entry.start, evidence.offset)
            sentences[sentence] = entry
        }
        return sentences.max { ($0.value.count, $0.value.behavior, -$0.value.start) < ($1.value.count, $1.value.behavior, -$1.value.start) }?.key
    }

    private func reply(_ text: String, latency: Double) -> [CallEvent] {
        guard !engine.isOver else { return [.notice("The call has ended.")] }
        let analysis = setup.analyzer.analyze(text, intents: setup.intents)
        let measured = (max(0, latency) * 1000).rounded() / 1000
        let step = engine.reply(analysis, latency: measured)
        transcript.turns.append(TurnRecord(
            number: transcript.turns.count + 1, text: text, at: clock(), latency: measured,
            analysis: analysis, response: step))
        hintOffered = false
        regrade()
        var result = events(for: step)
        result += endIfOver(step)
        return result
    }

    /// When `step` reached an ending: records it, finishes the call and returns the `.ended` event.
    func endIfOver(_ step: Step) -> [CallEvent] {
        guard let ending = step.ending, let outcome = step.outcome else { return [] }
        transcript.outcome = outcome
        transcript.endingNode = ending
        finish(.ending)
        return [.ended(outcome: outcome, ending: ending)]
    }

    /// The slash commands Tab completes and `/help` names: the debug ones too in debug mode.
    public static func commandNames(debug: Bool) -> [String] {
        SlashCommand.typedNames + (debug ? DebugCommand.typedNames : [])
    }

    private func run(_ command: SlashCommand) -> [CallEvent] {
        switch command {
        case .help:
            let debugHelp = debug ? "\nDebug commands (--debug):\n" + DebugCommand.helpText : ""
            return [.notice("Reply to the customer in your own words. Commands:\n" + SlashCommand.helpText + debugHelp)]
        case .hint:
            return hint()
        case .restart:
            previousAttempt = finish(.restart)
            hintOffered = false
            engine = Engine(scenario: setup.scenario, seed: setup.seed)
            let opening = engine.start()
            transcript = setup.newTranscript(opening: opening, at: clock())
            if debug { transcript.debug = true }
            return [.restarted] + events(for: opening)
        case .quit:
            return [.quit]
        }
    }

    /// `/hint`: says the cost first; a second `/hint` spends it on the objective or step that
    /// matters most now, never one already hinted in this call.
    private func hint() -> [CallEvent] {
        regrade()
        let given = Set(transcript.hints.map(\.step))
        guard let target = transcript.grade?.nextHint(excluding: given) else {
            return [.notice("No hint left to give: what is still open was hinted already or cannot be met now. Close the call well.")]
        }
        let cost = setup.rubric.hintCost
        guard hintOffered || cost == 0 else {
            hintOffered = true
            return [.notice("A hint costs \(cost) point\(cost == 1 ? "" : "s") off your score. Type /hint again to take it, or reply to \(setup.scenario.customer.name).")]
        }
        hintOffered = false
        transcript.hints.append(HintRecord(afterTurn: transcript.turns.count, step: target.id))
        regrade()
        switch target {
        case let .objective(objective):
            let name = setup.scenario.customer.name
            return [.hint(step: objective.title, advice: "\(name) needs this, and asked: \u{201C}\(objective.ask)\u{201D}", example: objective.example)]
        case let .step(step):
            return [.hint(step: step.title, advice: step.advice, example: CallCoaching.phrasing(forStep: step.id, rubric: setup.rubric, scenario: setup.scenario) ?? step.example)]
        }
    }

    func events(for step: Step) -> [CallEvent] {
        let name = setup.scenario.customer.name
        return step.narration.map(CallEvent.narration)
            + step.customerLines.map { .customer(name: name, line: $0) }
            + [.mood(step.moodAfter)]
    }
}
