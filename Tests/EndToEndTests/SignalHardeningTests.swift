import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Signals sent to the real binary in the middle of a call: the call ends (or goes on) as a
/// user expects, the exit status is 128 + the signal, and the transcript keeps every turn.
@Suite struct SignalHardeningTests {
    /// A piped call that has answered `replies` and saved them.
    func callAfter(_ replies: [String]) throws -> PlayProcess {
        let call = try PlayProcess()
        call.send(replies.map { $0 + "\n" }.joined())
        try #require(call.waitForTurns(replies.count), "the replies were not saved: \(call.errors)")
        try #require(call.waitForOutput("you> \(replies.last!)"))
        return call
    }

    @Test(arguments: [(SIGTERM, "terminated"), (SIGHUP, "hangup")])
    func aTerminatingSignalSavesEveryTurnAndExitsWith128PlusIt(signal: Int32, reason: String) throws {
        let replies = ["I'm so sorry, that's on us.", "Can you walk me through what happened?"]
        let call = try callAfter(replies)
        call.send("half a li")
        call.signal(signal)
        #expect(call.waitForExit() == 128 + signal)
        #expect(call.output.contains("Call ended early: "))
        #expect(call.output.contains("Saved: transcript \(call.transcripts)/"))
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(json["endReason"] as? String == reason)
        #expect(PlayProcess.replies(json) == replies)
        #expect(json["endedAt"] != nil)
    }

    @Test func oneInterruptOnAnEmptyLineOnlyWarnsAndASecondEndsTheCall() throws {
        let call = try callAfter(["I'm so sorry."])
        call.signal(SIGINT)
        #expect(call.waitForOutput("(Press Ctrl-C again to end the call, or type your reply.)"))
        usleep(300_000)
        #expect(kill(call.processID, 0) == 0, "one Ctrl-C on an empty line does not end the call")
        call.send("Tell me what happened.\n")
        #expect(call.waitForTurns(2), "the call went on after one Ctrl-C")
        call.signal(SIGINT)
        #expect(call.waitUntil { call.output.components(separatedBy: "Ctrl-C again").count == 3 })
        call.signal(SIGINT)
        #expect(call.waitForExit() == 128 + SIGINT)
        #expect(call.output.contains("Call ended early: "))
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(json["endReason"] as? String == "interrupt")
        #expect(PlayProcess.replies(json) == ["I'm so sorry.", "Tell me what happened."])
    }

    @Test func anInterruptDiscardsThePartlyTypedLineOnly() throws {
        let call = try callAfter(["I'm so sorry."])
        call.send("this half line must go")
        usleep(300_000)  // the reader has taken the partial line in
        call.signal(SIGINT)
        usleep(300_000)
        call.send(" and so must its end\nWhat happened?\n")
        #expect(call.waitForTurns(2))
        call.closeInput()
        #expect(call.waitForExit() == 0)
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(PlayProcess.replies(json) == ["I'm so sorry.", "What happened?"])
        #expect(!call.output.contains("Ctrl-C again"), "a Ctrl-C that discarded text does not ask for a second one")
    }

    @Test func aClosedTerminalSavesTheCallWithoutCrashing() throws {
        let session = try TerminalInputHardeningTests.start()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let reply = "I hear you, and I am going to fix this"
        try session.say(reply)
        try session.terminal.send("half typed")
        try session.terminal.expect("half typed")
        session.terminal.hangUp()
        let status = try session.terminal.waitForExit(timeout: 15)
        #expect(status == .exited(128 + SIGHUP), "saved, then exited with 128 + SIGHUP; not a crash")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(session.transcriptJSON().utf8)) as? [String: Any])
        #expect(json["endReason"] as? String == "hangup")
        #expect(PlayProcess.replies(json) == [reply])
    }

    @Test func aClosedOutputPipeDoesNotKillTheCall() throws {
        // Standard output is a pipe whose reader leaves after one byte, as with `| head -c 1`.
        let call = try PlayProcess(wrapper: #"f="$TMPDIR/out.fifo"; mkfifo "$f"; head -c 1 < "$f" > /dev/null & exec > "$f""#)
        call.send("I'm so sorry.\nWhat happened?\n")
        call.closeInput()
        #expect(call.waitForExit() == 0, "\(call.errors)")
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(json["endReason"] as? String == "end-of-input")
        #expect(PlayProcess.replies(json) == ["I'm so sorry.", "What happened?"])
    }
}
