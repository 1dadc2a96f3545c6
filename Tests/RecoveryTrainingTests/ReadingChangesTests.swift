import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

/// `recovery train` names what a retraining moved: here the "retraining" is the learned reader
/// added to the rules, which reads "Three hours on hold would try the patience of a saint." as
/// `empathize` (the impact restated, no feeling word) where the rules read nothing.
@Suite struct ReadingChangesTests {
    let rulesOnly = TestData.analyzer.with(model: nil)
    let withModel = TestData.analyzer

    func place(_ file: String, _ line: Int) -> SourcePosition { SourcePosition(file: file, line: line, column: 9) }

    @Test func changesAreGroupedByWhatTheyMeanToTheTrainer() throws {
        let safe = "Three hours on hold would try the patience of a saint."
        try #require(withModel.analyze(safe).shows(.empathize) && !rulesOnly.analyze(safe).shows(.empathize))
        let replies = [
            TrainerReply(position: place("Scoring/behaviors.yaml", 10), text: safe, example: (.empathize, false)),
            TrainerReply(position: place("Scoring/behaviors.yaml", 20), text: safe, example: (.empathize, true)),
            TrainerReply(position: place("Scenarios/cold.yaml", 30), text: safe, example: nil),
            TrainerReply(position: place("Scoring/behaviors.yaml", 40), text: "I'm so sorry.", example: (.apologize, true)),
        ]
        let changes = ReadingChanges.compare(replies, before: rulesOnly, after: withModel)
        #expect(changes.map(\.position.line) == [10, 20, 30], "an unchanged reading is not listed")
        #expect(changes.map(\.exampleHolds) == [false, true, nil])
        #expect(changes.allSatisfy { $0.gained.contains(.empathize) && $0.lost.isEmpty })
        let lines = ReadingChanges.lines(changes, of: replies.count)
        #expect(lines == [
            "readings changed for 3 of the 4 examples and scenario-test replies:",
            "  examples now misread (fix with another example, or the corpus): 1",
            "    behaviors.yaml:10: +empathize “Three hours on hold would try the patience of a saint.”",
            "  examples now read as they say: 1",
            "    behaviors.yaml:20: +empathize “Three hours on hold would try the patience of a saint.”",
            "  scenario-test replies read differently (run `recovery test`): 1",
            "    cold.yaml:30: +empathize “Three hours on hold would try the patience of a saint.”",
        ])
    }

    @Test func anExampleIsComparedInItsOwnBehaviourOnly() throws {
        // The model adds `empathize` to this reply; as an example of `apologize` it has not moved.
        let text = "Three hours on hold would try the patience of a saint."
        try #require(withModel.analyze(text).shows(.empathize) && !rulesOnly.analyze(text).shows(.empathize))
        let reply = TrainerReply(position: place("Scoring/behaviors.yaml", 5), text: text, example: (.apologize, false))
        #expect(ReadingChanges.compare([reply], before: rulesOnly, after: withModel).isEmpty)
    }

    @Test func aLongGroupIsCutAtTheLimit() {
        let change = ReadingChange(position: place("x.yaml", 1), text: "Fine.", gained: [.dismiss], lost: [], exampleHolds: nil)
        let lines = ReadingChanges.lines(Array(repeating: change, count: 12), of: 50, limit: 10)
        #expect(lines.count == 1 + 1 + 10 + 1 && lines.last == "    … and 2 more")
        #expect(ReadingChanges.lines([], of: 50) == ["readings of the 50 examples and scenario-test replies: none changed"])
    }
}
