import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

/// `recovery train` names what a retraining moved: here the "retraining" is the learned reader
/// added to the rules, which reads "It's perfectly safe." as `dismiss` where the rules read nothing.
@Suite struct ReadingChangesTests {
    let rulesOnly = TestData.analyzer.with(model: nil)
    let withModel = TestData.analyzer

    func place(_ file: String, _ line: Int) -> SourcePosition { SourcePosition(file: file, line: line, column: 9) }

    @Test func changesAreGroupedByWhatTheyMeanToTheTrainer() throws {
        let safe = "It's perfectly safe."
        try #require(withModel.analyze(safe).shows(.dismiss) && !rulesOnly.analyze(safe).shows(.dismiss))
        let replies = [
            TrainerReply(position: place("Scoring/behaviors.yaml", 10), text: safe, example: (.dismiss, false)),
            TrainerReply(position: place("Scoring/behaviors.yaml", 20), text: safe, example: (.dismiss, true)),
            TrainerReply(position: place("Scenarios/cold.yaml", 30), text: safe, example: nil),
            TrainerReply(position: place("Scoring/behaviors.yaml", 40), text: "I'm so sorry.", example: (.apologize, true)),
        ]
        let changes = ReadingChanges.compare(replies, before: rulesOnly, after: withModel)
        #expect(changes.map(\.position.line) == [10, 20, 30], "an unchanged reading is not listed")
        #expect(changes.map(\.exampleHolds) == [false, true, nil])
        #expect(changes.allSatisfy { $0.gained.contains(.dismiss) && $0.lost.isEmpty })
        let lines = ReadingChanges.lines(changes, of: replies.count)
        #expect(lines == [
            "readings changed for 3 of the 4 examples and scenario-test replies:",
            "  examples now misread (fix with another example, or the corpus): 1",
            "    behaviors.yaml:10: +dismiss “It's perfectly safe.”",
            "  examples now read as they say: 1",
            "    behaviors.yaml:20: +dismiss “It's perfectly safe.”",
            "  scenario-test replies read differently (run `recovery test`): 1",
            "    cold.yaml:30: +dismiss “It's perfectly safe.”",
        ])
    }

    @Test func anExampleIsComparedInItsOwnBehaviourOnly() {
        // The model adds `dismiss` to this reply; as an example of `apologize` it has not moved.
        let reply = TrainerReply(position: place("Scoring/behaviors.yaml", 5), text: "It's perfectly safe.", example: (.apologize, false))
        #expect(ReadingChanges.compare([reply], before: rulesOnly, after: withModel).isEmpty)
    }

    @Test func aLongGroupIsCutAtTheLimit() {
        let change = ReadingChange(position: place("x.yaml", 1), text: "Fine.", gained: [.dismiss], lost: [], exampleHolds: nil)
        let lines = ReadingChanges.lines(Array(repeating: change, count: 12), of: 50, limit: 10)
        #expect(lines.count == 1 + 1 + 10 + 1 && lines.last == "    … and 2 more")
        #expect(ReadingChanges.lines([], of: 50) == ["readings of the 50 examples and scenario-test replies: none changed"])
    }
}
