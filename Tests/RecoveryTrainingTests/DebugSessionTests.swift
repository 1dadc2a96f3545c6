import Foundation
import RecoveryCore
import RecoveryScenario
import Testing
@testable import RecoveryTraining

/// Debug mode at the prompt (`recovery play ID --debug`): `/goto`, `/set mood`, `/why`.
@Suite struct DebugSessionTests {
    let setup = TestData.setup(TestData.miniScenario)

    private func debugText(_ events: [CallEvent]) -> String {
        events.compactMap { if case .debug(let text) = $0 { text } else { nil } }.joined(separator: "\n")
    }

    private func noticeText(_ events: [CallEvent]) -> String {
        events.compactMap { if case .notice(let text) = $0 { text } else { nil } }.joined(separator: "\n")
    }

    @Test func withoutDebugTheCommandsSayTheyNeedIt() throws {
        let session = CallSession(setup: setup)
        for command in ["/goto fix", "/set mood 2", "/why"] {
            let events = session.submit(command, latency: 1)
            #expect(noticeText(events).contains("needs debug mode: start the call with `recovery play mini --debug`"), "\(command)")
        }
        #expect(session.engine.node == "opening" && session.engine.mood == 6)
        #expect(!noticeText(session.submit("/help", latency: 1)).contains("/goto"))
        let json = String(decoding: try session.transcript.encoded(), as: UTF8.self)
        #expect(!json.contains("\"debug"), "an ordinary call's transcript is unchanged")
    }

    @Test func gotoJumpsSuggestsAndIsRecorded() throws {
        let session = CallSession(setup: setup, debug: true)
        let typo = debugText(session.submit("/goto fx", latency: 1))
        #expect(typo.contains("No node 'fx' in mini. Did you mean 'fix'?"))
        #expect(typo.contains("Nodes: opening, fix, done, gone, timeout"))
        #expect(session.engine.node == "opening")
        let events = session.submit("/goto fix", latency: 1)
        #expect(debugText(events) == "Jumped from opening to fix.")
        #expect(events.contains(.customer(name: "Dana", line: "Fine. What are you going to do?")))
        #expect(session.engine.node == "fix")
        #expect(session.transcript.debug == true)
        #expect(session.transcript.debugActions == [DebugAction(afterTurn: 0, command: "/goto fix", effect: "node opening → fix")])
        #expect(session.transcript.turns.isEmpty, "a debug command is not a reply")
    }

    @Test func gotoAnEndingEndsTheCall() {
        let session = CallSession(setup: setup, debug: true)
        let events = session.submit("/goto done", latency: 1)
        #expect(events.contains(.ended(outcome: .recovered, ending: "done")))
        #expect(session.isOver && session.transcript.outcome == .recovered)
    }

    @Test func setMoodChecksItsNumberAndIsRecorded() {
        let session = CallSession(setup: setup, debug: true)
        #expect(debugText(session.submit("/set mood 11", latency: 1)).contains("from 0 (calm) to 10 (gone); '11' is not"))
        #expect(debugText(session.submit("/set patience 3", latency: 1)).hasPrefix("Usage: /set mood N"))
        #expect(session.submit("/set mood 2", latency: 1) == [.debug("Mood set from 6 to 2."), .mood(2)])
        #expect(session.engine.mood == 2)
        #expect(session.transcript.debugActions?.map(\.effect) == ["mood 6 → 2"])
    }

    @Test func whyExplainsTheLastReply() {
        let session = CallSession(setup: setup, debug: true)
        #expect(debugText(session.submit("/why", latency: 1)).contains("No reply yet"))
        _ = session.submit("I'm so sorry your parcel is late.", latency: 2)
        let why = debugText(session.submit("/why", latency: 1))
        #expect(why.contains("Reply 1: “I'm so sorry your parcel is late.”"))
        #expect(why.contains("line 18: branch when apologize → fix; true: apologize"), "\(why)")
        #expect(why.contains("apologize “I'm so sorry”"))
        #expect(why.contains("Intents: none"))
        _ = session.submit("Whatever, calm down.", latency: 2)
        let second = debugText(session.submit("/why", latency: 1))
        #expect(second.contains("rule when dismiss; true: dismiss"), "\(second)")
        #expect(second.contains("otherwise → fix (no branch before it matched)"), "\(second)")
    }

    @Test func helpAndCompletionListTheDebugCommandsOnlyInDebugMode() {
        let session = CallSession(setup: setup, debug: true)
        #expect(noticeText(session.submit("/help", latency: 1)).contains("/set mood N"))
        #expect(CallSession.commandNames(debug: true).contains("/goto"))
        #expect(!CallSession.commandNames(debug: false).contains("/why"))
    }

    @Test func restartKeepsDebugMode() {
        let session = CallSession(setup: setup, debug: true)
        _ = session.submit("/restart", latency: 1)
        #expect(session.previousAttempt?.debug == true)
        #expect(session.transcript.debug == true)
    }
}
