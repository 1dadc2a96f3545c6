import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

/// `recovery train` lists every example the new model misreads, changed or not: an example a
/// trainer just added that the model could not learn reads the same before and after, so the
/// list of changes alone would say nothing of it, and only a failing test would.
@Suite struct MisreadExamplesTests {
    let reader = TestData.analyzer

    func place(_ line: Int) -> SourcePosition { SourcePosition(file: "Scoring/behaviors.yaml", line: line, column: 11) }

    @Test func eachMisreadExampleSaysWhichReaderDecidedAndWhy() throws {
        let held = "I'm so sorry we left you without heat."
        let unmatched = "Quibble zorp flange."
        let matchedRule = "Thank you for your patience."
        try #require(reader.analyze(held).shows(.apologize) && reader.analyze(matchedRule).shows(.thank))
        try #require(!reader.analyze(unmatched).shows(.deflect))
        let replies = [
            TrainerReply(position: place(10), text: held, example: (.apologize, true)),
            TrainerReply(position: place(20), text: unmatched, example: (.deflect, true)),
            TrainerReply(position: place(30), text: matchedRule, example: (.thank, false)),
            TrainerReply(position: SourcePosition(file: "Scenarios/cold.yaml", line: 40, column: 9), text: unmatched, example: nil),
        ]
        let misread = MisreadExamples.find(replies, reader: reader)
        #expect(misread.map(\.position.line) == [20, 30], "held examples and scenario replies are not listed")
        #expect(misread[0].why.hasPrefix("no rule matches it, and the model reads it at "), "\(misread[0].why)")
        #expect(misread[1].why.hasPrefix("the rule on line ") && misread[1].why.contains("finds it in “Thank”"), "\(misread[1].why)")
        let lines = MisreadExamples.lines(misread)
        #expect(lines.count == 4)
        #expect(lines[0] == "examples the new model misreads: 2 (the tests fail on these)")
        #expect(lines[3].hasPrefix("  to fix one: a pattern that matches its words"))
        #expect(lines[1].hasPrefix("    behaviors.yaml:20: must show deflect “Quibble zorp flange.”: no rule matches it"))
        #expect(lines[2].hasPrefix("    behaviors.yaml:30: must not show thank “Thank you for your patience.”: the rule on line "))
        #expect(MisreadExamples.lines([]).isEmpty, "nothing is printed when every example holds")
        // One this training made misread is already in the list of changes: not said twice.
        let changed = ReadingChange(position: place(20), text: unmatched, gained: [], lost: [.deflect], exampleHolds: false)
        #expect(MisreadExamples.find(replies, reader: reader, besides: [changed]).map(\.position.line) == [30])
    }

    @Test func aFindingOfAReadingRuleIsNamedAsOne() throws {
        // Sarcasm is a convention coded in the reader, not a pattern with a line.
        let text = "Oh, I'm *so* sorry you had to wait."
        try #require(reader.analyze(text).behaviors == [.dismiss])
        let misread = MisreadExamples.find([TrainerReply(position: place(3), text: text, example: (.dismiss, false))], reader: reader)
        let why = try #require(misread.first?.why)
        #expect(why.hasPrefix("a reading rule (a convention the reader codes) finds it in “"), "\(why)")
        #expect(!why.contains("line 0"))
    }

    @Test func aTriggerExampleARuleFindsButTheModelOverrulesSaysSo() throws {
        // The rules find `blame` in "not the hotel's fault"; the model, reading a reply that owns
        // the failure, overrules them (as ModelTests' whole-reply veto shows).
        let text = "The coach never came for you at the hotel and you missed the first day of your tour. I'm really sorry. "
            + "That was our transfer booking, not the hotel's fault. Tomorrow's pickup is confirmed for 7:15 with our "
            + "own driver, and I'm refunding the day you missed."
        let misread = MisreadExamples.find([TrainerReply(position: place(7), text: text, example: (.blame, true))], reader: reader)
        let why = try #require(misread.first?.why)
        #expect(why.hasPrefix("the rule on line ") && why.contains("but the model overrules it ("), "\(why)")
        #expect(why.contains("below its veto of"), "\(why)")
    }
}
