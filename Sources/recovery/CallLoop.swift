import Foundation
import LineEditor
import RecoveryCore
import RecoveryTraining

/// Reads lines, hands them to the call session, prints what comes back, and saves the call
/// after every reply so nothing is lost.
struct CallLoop {
    let setup: CallSetup
    let reader: LineReading
    /// Makes the saver for one call (a fresh one after /restart).
    let makeSaver: () -> any CallSaver
    let interactive: Bool
    /// Whether the debug commands are on (`--debug`).
    var debug = false
    /// Whether the debrief questions are asked when the call ends (`--reflect`; on a terminal by default).
    var reflect = false

    /// Runs the call to its end; returns the exit status.
    func run() -> Int32 {
        let opened = Date()
        var store = makeSaver()
        printBriefing(destination: store.destination)
        if let notice = store.fallbackNotice { Output.error(notice) }
        if interactive, let stopped = waitForEnter() { return stopped }
        // The scenario may still be decoding on its own thread (`CallPreparation`): the session waits for it.
        if let failure = setup.scenarioFailure {
            Output.failure(failure)
            return 1
        }
        let session = CallSession(setup: setup, debug: debug, startedAt: opened)
        Output.show(session.openingEvents(), showMood: interactive)
        save(session.transcript, in: store)
        var lastInterruptWasEmpty = false
        while !session.isOver {
            if let signal = SignalMonitor.pendingTermination { return end(session, store, reason(for: signal), status: 128 + signal) }
            let input = reader.readLine(prompt: "you> ")
            switch input {
            case let .line(text, latency):
                lastInterruptWasEmpty = false
                if let failure = setup.analyzerFailure {
                    Output.failure(failure)
                    return 1
                }
                if !interactive { Output.line("you> " + TerminalSafe.escape(String(TerminalSafe.cleanReply(text).prefix(CallSession.maximumReplyLength)))) }
                let events = session.submit(text, latency: latency)
                Output.show(events, showMood: interactive)
                if events.contains(.quit) { return end(session, store, .quit, status: 0) }
                if events.contains(.restarted), let previous = session.previousAttempt {
                    report(save(previous, in: store), label: "Previous attempt")
                    store = makeSaver()
                }
                save(session.transcript, in: store)
            case let .interrupted(discardedText):
                if !discardedText && lastInterruptWasEmpty { return end(session, store, .interrupt, status: 128 + SIGINT) }
                lastInterruptWasEmpty = !discardedText
                if !discardedText { Output.line("(Press Ctrl-C again to end the call, or type your reply.)".dim) }
            case .endOfInput:
                return end(session, store, .endOfInput, status: 0)
            case let .terminated(signal):
                return end(session, store, reason(for: signal), status: 128 + signal)
            }
        }
        if debug { explainAfterEnding(session) }
        return end(session, store, .ending, status: 0)
    }

    /// Debug mode: once the call has ended, "why did she walk out?" can still be asked; Enter
    /// (or the end of input) goes on to the debrief.
    private func explainAfterEnding(_ session: CallSession) {
        Output.line("The call has ended. /why explains the last reply; press Enter for the debrief.".magenta)
        while case let .line(text, _) = reader.readLineWithoutHistory(prompt: "debug> ") {
            let typed = text.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { return }
            if !interactive { Output.line("debug> " + TerminalSafe.escape(typed)) }
            Output.show(session.submit(typed, latency: 0), showMood: false)
        }
    }

    private func printBriefing(destination: String) {
        let scenario = setup.briefing
        Output.line(TerminalSafe.escape(scenario.title).bold.underline)
        Output.line()
        let briefing = TerminalSafe.escape(scenario.briefing.trimmingCharacters(in: .whitespacesAndNewlines), keepingLineBreaks: true)
        for line in TextWrap.reflowed(briefing, width: Output.width) { Output.line(line) }
        Output.line()
        let cost = setup.rubric.hintCost
        Output.wrapped("Rubric: \(setup.rubric.title). Type your replies; /help lists commands, /hint suggests what matters most now (\(cost) point\(cost == 1 ? "" : "s") off; it asks first).") { $0.dim }
        Output.labelled("Transcripts go to", path: destination) { $0.dim }
        if debug { Output.wrapped("Debug mode: /goto NODE, /set mood N, /why. The transcript records that this call was played in debug mode.") { $0.magenta } }
        Output.line()
    }

    /// On a terminal, the call starts when the trainee presses Enter after the briefing: the
    /// reply clock starts at the customer's first line, not while the briefing is being read.
    /// Returns the exit status when the trainee leaves instead (nothing was said: nothing is saved).
    private func waitForEnter() -> Int32? {
        while true {
            switch reader.readLineWithoutHistory(prompt: "Press Enter to take the call. ") {
            case .line: return nil
            case .interrupted: return 128 + SIGINT
            case .endOfInput: return 0
            case let .terminated(signal): return 128 + signal
            }
        }
    }

    private func end(_ session: CallSession, _ store: any CallSaver, _ reason: EndReason, status: Int32) -> Int32 {
        let transcript = session.finish(reason)
        if reason != .ending { Output.line(); Output.line("— Call ended early: \(reason.description). —".bold) }
        EndScreen.show(transcript, setup: setup)
        Output.line()
        report(save(transcript, in: store), label: "Saved")
        guard reflect && (reason == .ending || reason == .quit) else { return status }
        return askReflection(transcript, store) ?? status
    }

    /// Asks the debrief questions one by one and saves the answers with the transcript, which
    /// was already saved without them: closing the terminal here loses nothing. Returns the exit
    /// status of a signal that stopped the questions, if one did.
    private func askReflection(_ transcript: Transcript, _ store: any CallSaver) -> Int32? {
        var reflection = Reflection()
        var signalStatus: Int32?
        Output.line()
        Output.wrapped(Reflection.introduction) { $0.dim }
        while let question = reflection.nextQuestion {
            if let signal = SignalMonitor.pendingTermination { signalStatus = 128 + signal; break }
            Output.wrapped("\(reflection.progress) \(question)", rest: "  ") { $0.bold }
            switch reader.readLineWithoutHistory(prompt: "answer> ") {
            case let .line(text, _):
                if !interactive { Output.line("answer> " + TerminalSafe.escape(TerminalSafe.cleanReply(text))) }
                reflection.answer(text)
            case let .terminated(signal): signalStatus = 128 + signal; reflection.stop()
            case .interrupted, .endOfInput: reflection.stop()
            }
        }
        if !reflection.answers.isEmpty { report(save(reflection.recorded(in: transcript), in: store), label: "Saved answers") }
        return signalStatus
    }

    @discardableResult
    private func save(_ transcript: Transcript, in store: any CallSaver) -> SavedCall? {
        let hadFallenBack = store.fallbackNotice != nil
        do {
            let saved = try store.save(transcript)
            if !hadFallenBack, let notice = store.fallbackNotice { Output.error(notice) }
            return saved
        } catch {
            Output.failure(error)
            return nil
        }
    }

    /// Where the call went: each path beside its label when they fit the terminal (and for a
    /// pipe). When they do not and both files are in one folder, the folder and then each file
    /// name on a line of its own, so the terminal never breaks a name in the middle.
    private func report(_ saved: SavedCall?, label: String) {
        guard let saved else { Output.error("the call could not be saved anywhere"); return }
        let indent = String(repeating: " ", count: label.count + 2)
        if let store = saved.storeName {
            Output.line("\(label): call \(saved.transcriptPath) in the team store \(store)")
            Output.line(indent + "debrief: " + saved.debriefPath)
            return
        }
        let transcript = URL(fileURLWithPath: saved.transcriptPath), debrief = URL(fileURLWithPath: saved.debriefPath)
        let folder = transcript.deletingLastPathComponent().path
        let fits = label.count + 13 + saved.transcriptPath.count <= (Output.terminalWidth ?? .max)
        guard !fits, debrief.deletingLastPathComponent().path == folder else {
            Output.line("\(label): transcript \(saved.transcriptPath)")
            Output.line(indent + "debrief    " + saved.debriefPath)
            return
        }
        Output.line("\(label) in \(folder)/")
        Output.line("  " + transcript.lastPathComponent + "  (transcript)")
        Output.line("  " + debrief.lastPathComponent + "  (debrief)")
    }

    private func reason(for signal: Int32) -> EndReason { signal == SIGHUP ? .hangup : .terminated }
}
