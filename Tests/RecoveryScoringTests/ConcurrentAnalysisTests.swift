import Foundation
import RecoveryCore
@testable import RecoveryScoring
import Testing

@Suite("Analysis with reused scratch space")
struct ConcurrentAnalysisTests {
    /// Replies of different lengths and shapes, so that arrays kept from one reply are both
    /// too long and too short for the next.
    static let replies = [
        "I'm so sorry about the outage. I'll send a technician by 5pm today, does that work?",
        "Sorry, but that's our policy.",
        "ok",
        "We’re SO sorry!!! Someone will be in touch within 24 hours, or would you prefer a text? "
            + "I can hear how frustrating this has been, and I don't want you to wait any longer.",
        "Oh, I'm *so* sorry you had to wait.",
        "You should have called sooner. Not my department.",
        "Thank you for your patience; I'll call you back tomorrow morning to check the speeds.",
        "Café owner? I can hear how frustrated you are 😞 and I'm sorry.",
    ]

    @Test("a reply reads the same whatever was read before it")
    func orderDoesNotMatter() throws {
        let analyzer = try analyzer
        let alone = Self.replies.map { analyzer.analyze($0) }
        for (k, reply) in Self.replies.enumerated().reversed() {
            for other in Self.replies { _ = analyzer.analyze(other) }
            #expect(analyzer.analyze(reply) == alone[k])
        }
    }

    @Test("replies read on many threads at once read as they do one at a time")
    func concurrentCallsAgree() throws {
        let analyzer = try analyzer
        let alone = Self.replies.map { analyzer.analyze($0) }
        let rounds = 200
        let results = Results(count: rounds * Self.replies.count)
        DispatchQueue.concurrentPerform(iterations: rounds * Self.replies.count) { n in
            results.set(n, analyzer.analyze(Self.replies[n % Self.replies.count]))
        }
        for (n, analysis) in results.all.enumerated() {
            #expect(analysis == alone[n % Self.replies.count])
        }
    }
}

/// Analyses written from several threads, each slot by one.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ReplyAnalysis?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ n: Int, _ value: ReplyAnalysis) { lock.withLock { values[n] = value } }

    var all: [ReplyAnalysis?] { lock.withLock { values } }
}
