import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
@testable import RecoveryTraining

@Suite struct CallSessionTests {
    let setup = TestData.setup(TestData.miniScenario)

    @Test func apologyThenFixReachesTheRecoveredEnding() {
        let session = CallReplay.play([("I'm so sorry your parcel is late.", 2), ("I'm sending a replacement by courier today.", 3)], setup: setup)
        #expect(session.isOver)
        #expect(session.transcript.outcome == .recovered)
        #expect(session.transcript.endReason == .ending)
        #expect(session.transcript.turns.count == 2)
        #expect(session.transcript.turns[0].analysis.shows(.apologize))
    }

    @Test func slashCommandsAreNotReplies() {
        let session = CallSession(setup: setup)
        let help = session.submit("/help", latency: 1)
        #expect(help.contains { if case .notice(let text) = $0 { text.contains("/hint") } else { false } })
        let offer = session.submit("/hint", latency: 1)
        #expect(offer.contains { if case .notice(let text) = $0 { text.contains("costs \(TestData.rubric.hintCost) points") } else { false } })
        #expect(session.transcript.hints.isEmpty, "the first /hint only says what it costs")
        let hint = session.submit("/hint", latency: 1)
        #expect(hint.contains { if case .hint = $0 { true } else { false } })
        #expect(session.submit("/frobnicate", latency: 1).contains { if case .notice(let text) = $0 { text.contains("Unknown command") } else { false } })
        #expect(session.submit("/q", latency: 1) == [.quit])
        #expect(session.transcript.turns.isEmpty)
        #expect(session.transcript.hints.count == 1)
    }

    @Test func hintsCostPoints() {
        let replies: [(text: String, latency: Double)] = [("I'm so sorry your parcel is late.", 2)]
        let without = CallReplay.play(replies, setup: setup).finish(.quit)
        let session = CallSession(setup: setup)
        _ = session.submit("/hint", latency: 0)
        _ = session.submit("/hint", latency: 0)
        _ = session.submit(replies[0].text, latency: 2)
        let with = session.finish(.quit)
        #expect(with.grade!.hintsUsed == 1)
        #expect(with.grade!.score == max(0, without.grade!.score - TestData.rubric.hintCost))
    }

    /// `/hint` never gives the same hint twice: each one taken points somewhere new, and a reply
    /// in between makes the next `/hint` ask about its cost again.
    @Test func hintsNeverRepeat() {
        let session = CallSession(setup: setup)
        var titles: [String] = []
        for _ in 0..<3 {
            _ = session.submit("/hint", latency: 0)
            for event in session.submit("/hint", latency: 0) { if case let .hint(step, _, _) = event { titles.append(step) } }
        }
        #expect(titles.count == 3 && Set(titles).count == 3, "\(titles)")
        #expect(session.transcript.hints.count == 3)
        _ = session.submit("I'm so sorry your parcel is late.", latency: 2)
        #expect(!session.submit("/hint", latency: 0).contains { if case .hint = $0 { true } else { false } })
    }

    @Test func emptyAndControlOnlyLinesAreNotSent() {
        let session = CallSession(setup: setup)
        #expect(session.submit("   \u{1B}[2J  ", latency: 1).count == 1)
        #expect(session.transcript.turns.isEmpty)
    }

    @Test func escapeSequencesNeverReachTheTranscript() {
        let session = CallSession(setup: setup)
        _ = session.submit("I'm \u{1B}[31msorry\u{1B}[0m\u{7} about this", latency: 1)
        #expect(session.transcript.turns[0].text == "I'm sorry about this")
    }

    @Test func aHugePasteIsCutAndSaysSo() {
        let session = CallSession(setup: setup)
        let events = session.submit("I'm so sorry. " + String(repeating: "blah ", count: 200_000), latency: 1)
        #expect(events.first == .notice("(Your reply was cut to its first \(CallSession.maximumReplyLength) characters.)"))
        #expect(session.transcript.turns[0].text.count == CallSession.maximumReplyLength)
        #expect(session.transcript.turns[0].analysis.shows(.apologize))
    }

    @Test func restartKeepsThePreviousAttempt() {
        let session = CallSession(setup: setup)
        _ = session.submit("calm down", latency: 1)
        let events = session.submit("/restart", latency: 1)
        #expect(events.first == .restarted)
        #expect(session.previousAttempt?.endReason == .restart)
        #expect(session.previousAttempt?.turns.count == 1)
        #expect(session.transcript.turns.isEmpty)
    }

    @Test func dismissingTwiceDrivesTheCustomerAway() {
        let session = CallReplay.play([("calm down", 2), ("you're overreacting", 2), ("I'm sorry", 2)], setup: setup)
        #expect(session.transcript.endingNode == "gone")
        #expect(session.transcript.outcome == .lost)
        #expect(session.transcript.turns.count == 2, "the call ends at the hang-up; later lines are not replies")
    }

    @Test func turnLimitEndsTheCall() {
        let session = CallReplay.play(Array(repeating: ("hmm", 2), count: 6), setup: setup)
        #expect(session.transcript.endingNode == "timeout")
        #expect(session.transcript.turns.count == 4)
    }

    @Test func sameSeedAndRepliesGiveTheSameTranscriptByteForByte() throws {
        let replies: [(text: String, latency: Double)] = [("calm down", 9), ("I'm sorry, that's on us.", 2), ("I'll send it by 5 today.", 4)]
        let first = try CallReplay.play(replies, setup: setup).finish(.quit).encoded()
        let second = try CallReplay.play(replies, setup: setup).finish(.quit).encoded()
        #expect(first == second)
    }

    @Test func savedTranscriptReplaysToTheSameGrade() throws {
        let session = CallSession(setup: setup, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_800_000_000)).next)
        _ = session.submit("that's not my department", latency: 12)
        _ = session.submit("/hint", latency: 0)
        _ = session.submit("I'm so sorry. I can hear how frustrating this is.", latency: 3)
        _ = session.submit("I'll have a courier there by 4 pm today.", latency: 5)
        let original = session.finish(.ending)
        let decoded = try Transcript.decode(original.encoded())
        #expect(decoded == original)
        let replayed = CallReplay.replay(decoded, setup: setup)
        #expect(replayed.grade == original.grade)
        #expect(try replayed.encoded() == original.encoded())
    }
}
