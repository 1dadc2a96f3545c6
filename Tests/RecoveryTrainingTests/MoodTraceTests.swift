import Foundation
import Testing
import RecoveryCore
@testable import RecoveryTraining

@Suite struct MoodTraceTests {
    @Test func sparklineRunsFromCalmToGone() {
        let trace = MoodTrace(opening: 0, replies: [("a", 5), ("b", 10)])
        #expect(trace.sparkline == "▁▅█")
        #expect(trace.moods == [0, 5, 10])
    }

    @Test func turningPointsAreTheLargestMovesAndTheChangesOfDirection() {
        let trace = MoodTrace(opening: 6, replies: [("calm down", 9), ("I'm so sorry", 5), ("ok", 5), ("that's policy", 6), ("here's a refund", 2)])
        let byTurn = Dictionary(uniqueKeysWithValues: trace.turningPoints.map { ($0.turn, $0) })
        #expect(trace.turningPoints.map(\.turn) == [1, 2, 4, 5])
        #expect(byTurn[1]?.kinds == [.biggestUpset])
        #expect(byTurn[2]?.kinds == [.biggestCalming, .turnedBetter])  // -4, first of the two biggest drops
        #expect(byTurn[2]?.reply == "I'm so sorry")
        #expect(byTurn[4]?.kinds == [.turnedWorse])
        #expect(byTurn[5]?.kinds == [.turnedBetter])
        #expect(byTurn[5]?.from == 6 && byTurn[5]?.to == 2)
    }

    @Test func aOneStepSlipOnAWonCallIsNotCalledSour() {
        let trace = MoodTrace(opening: 7, replies: [("I'm so sorry", 3), ("that's the system", 4), ("refund is done", 1)])
        let slip = trace.turningPoints.first { $0.turn == 2 }
        #expect(slip?.kinds == [.biggestUpset, .turnedWorse])
        #expect(slip?.summary == "upset the customer most, set the call back")
    }

    @Test func aFlatCallHasNoTurningPoints() {
        #expect(MoodTrace(opening: 4, replies: [("hi", 4), ("bye", 4)]).turningPoints.isEmpty)
    }

    @Test func theMarkdownDebriefShowsTheSparklineAndQuotesTheTurningReply() {
        let transcript = ReviewFixture.call("ada", day: 1, ReviewFixture.rude)
        let markdown = DebriefMarkdown.render(transcript)
        let trace = MoodTrace(transcript)
        #expect(markdown.contains("`\(trace.sparkline)` " + trace.moods.map(String.init).joined(separator: " → ")))
        #expect(markdown.contains("Turning points:"))
        #expect(markdown.contains("upset the customer most: “calm down"))
    }
}
