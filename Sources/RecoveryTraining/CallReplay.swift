import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Plays recorded or scripted replies through a call without a terminal.
public enum CallReplay {
    /// Replays `transcript`'s replies (and hints, at the same points) with `setup`, keeping the
    /// recorded times, and returns the recomputed transcript: the same data gives the same
    /// transcript, byte for byte.
    public static func replay(_ transcript: Transcript, setup: CallSetup) -> Transcript {
        let times = [transcript.startedAt] + transcript.turns.map(\.at) + [transcript.endedAt ?? transcript.turns.last?.at ?? transcript.startedAt]
        let session = CallSession(setup: setup, clock: ScriptedClock(times).next)
        var hints = transcript.hints[...]
        for turn in transcript.turns {
            while let hint = hints.first, hint.afterTurn < turn.number {
                _ = session.submit("/hint", latency: 0)
                hints = hints.dropFirst()
            }
            if session.isOver { break }
            _ = session.submit(turn.text, latency: turn.latency)
        }
        for _ in hints where !session.isOver { _ = session.submit("/hint", latency: 0) }
        return session.finish(transcript.endReason ?? .endOfInput)
    }

    /// Plays scripted `(text, latency)` replies from the start; stops at an ending.
    public static func play(_ replies: [(text: String, latency: Double)], setup: CallSetup, start: Date = Date(timeIntervalSince1970: 0)) -> CallSession {
        let session = CallSession(setup: setup, clock: SteppingClock(start: start).next)
        for reply in replies where !session.isOver {
            _ = session.submit(reply.text, latency: reply.latency)
        }
        return session
    }
}

/// A clock that returns recorded times in order (and the last one after that).
final class ScriptedClock: @unchecked Sendable {
    private var times: [Date]
    private let lock = NSLock()

    init(_ times: [Date]) { self.times = times }

    @Sendable func next() -> Date {
        lock.lock(); defer { lock.unlock() }
        return times.count > 1 ? times.removeFirst() : times.first ?? Date(timeIntervalSince1970: 0)
    }
}

/// A clock that advances one second per reading from a fixed start: scripted calls are reproducible.
final class SteppingClock: @unchecked Sendable {
    private var now: Date
    private let lock = NSLock()

    init(start: Date) { now = start }

    @Sendable func next() -> Date {
        lock.lock(); defer { lock.unlock() }
        defer { now = now.addingTimeInterval(1) }
        return now
    }
}
