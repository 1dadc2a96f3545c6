import Foundation
import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

@Suite struct RegradeTests {
    let transcript = CallReplay.play([
        ("I'm so sorry, Dana. That's on us.", 3),
        ("I'm sending a replacement by courier today.", 4),
    ], setup: TestData.setup(TestData.miniScenario)).finish(.ending)

    @Test func anUntouchedTranscriptAgreesWithItsStoredGrade() {
        let regrade = Regrade(transcript, analyzer: TestData.analyzer, rubric: TestData.rubric)
        #expect(regrade.grade == transcript.grade)
        #expect(regrade.discrepancy == nil)
    }

    @Test func anEditedScoreIsCaughtAndBlamedOnTheFile() {
        var edited = transcript
        edited.grade?.score = 99
        let regrade = Regrade(edited, analyzer: TestData.analyzer, rubric: TestData.rubric)
        #expect(regrade.scoreDiffers)
        #expect(!regrade.rubricChanged)
        #expect(regrade.discrepancy?.contains("the file was edited") == true)
    }

    @Test func anEditedReplyIsReadAgainNotTrusted() {
        var edited = transcript
        edited.turns[0].text = "calm down"
        let regrade = Regrade(edited, analyzer: TestData.analyzer, rubric: TestData.rubric)
        #expect(regrade.changedReadings == [1])
        #expect(regrade.grade.score < transcript.grade!.score)
        #expect(regrade.discrepancy?.contains("reads replies 1 differently") == true)
    }

    @Test func aChangedRubricIsNamedAsTheReason() {
        var rubric = TestData.rubric
        rubric.contentHash = "0000"
        rubric.penalties = []
        rubric.steps.removeLast()
        let regrade = Regrade(transcript, analyzer: TestData.analyzer, rubric: rubric)
        #expect(regrade.rubricChanged)
        #expect(regrade.discrepancy?.contains("the rubric changed since the call") == true)
    }

    @Test func anotherRubricIsSaidToBeAnotherRubric() {
        var rubric = TestData.rubric
        rubric.id = "bell"
        let regrade = Regrade(transcript, analyzer: TestData.analyzer, rubric: rubric)
        #expect(regrade.otherRubric)
        #expect(regrade.discrepancy?.contains("rubric 'recovery'") == true)
    }

    @Test func aFileThatIsNotATranscriptGetsAPlainError() throws {
        let path = NSTemporaryDirectory() + "not-a-transcript-\(UUID().uuidString).json"
        try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.self) { try Regrade.read(path: path) }
    }

    @Test func behaviorReferenceListsEveryBehaviourAndEveryExample() {
        let markdown = BehaviorReference.markdown(TestData.analyzer.catalog)
        for behavior in Behavior.allCases { #expect(markdown.contains("## `\(behavior.id)`")) }
        let examples = TestData.analyzer.catalog.entries.flatMap(\.examples)
        #expect(examples.count >= 16 * 10)
        #expect(examples.allSatisfy { markdown.contains(DebriefMarkdown.text($0.text)) })
    }
}
