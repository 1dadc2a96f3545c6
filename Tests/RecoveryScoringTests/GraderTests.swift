import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScoring

/// The grader on hand-built replies: each behaviour given with its quote, no analyzer involved.
@Suite struct GraderTests {
    static let rubricPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scoring/rubrics/recovery.yaml").path

    let grader = Grader(rubric: try! RubricLoader.load(path: GraderTests.rubricPath))

    func reply(_ turn: Int, _ behaviors: [Behavior], latency: Double = 3, notes: [String] = []) -> GradedReply {
        let evidence = behaviors.map { Evidence(label: $0.id, quote: "words for \($0.id)", offset: 0) }
        return GradedReply(turn: turn, latency: latency, analysis: ReplyAnalysis(text: "turn \(turn)", behaviors: behaviors, evidence: evidence, notes: notes))
    }

    @Test func aTextbookCallScoresFullMarks() {
        let grade = grader.grade([
            reply(1, [.apologize, .empathize, .own]),
            reply(2, [.explore]),
            reply(3, [.resolve, .commit, .atone]),
            reply(4, [.followUp, .verify, .thank]),
        ])
        #expect(grade.score == 100)
        #expect(grade.tier == "Gold")
        #expect(grade.passed)
        #expect(grade.steps.filter { !$0.met }.isEmpty)
    }

    @Test func silenceScoresZeroAndFails() {
        let grade = grader.grade([])
        #expect(grade.score == 0)
        #expect(!grade.passed)
        #expect(grade.tier == nil)
    }

    @Test func factsBeforeFeelingsMissesTheOrderingStep() {
        let grade = grader.grade([reply(1, [.resolve]), reply(2, [.apologize])])
        let step = grade.steps.first { $0.id == "feelings-before-facts" }!
        #expect(!step.met)
        #expect(step.checks[0].turn == 1)
        #expect(step.checks[0].quote == "words for resolve")
    }

    @Test func slowFirstReplyMissesRespondRapidly() {
        let step = grader.grade([reply(1, [.apologize], latency: 45)]).steps.first { $0.id == "respond-rapidly" }!
        #expect(!step.met)
        #expect(step.checks[0].reason?.contains("45 s") == true)
    }

    @Test func aFourthApologyLosesPartOfTheApologyStepButNotAll() {
        let replies = (1...4).map { reply($0, [.apologize]) }
        let step = grader.grade(replies).steps.first { $0.id == "sincere-apology" }!
        #expect(!step.met)
        #expect(step.points > 0, "a half-met step never scores 0")
        #expect(step.checks.first { !$0.met }?.turn == 4)
    }

    @Test func impersonalApologyIsMarkedDown() {
        let personal = grader.grade([reply(1, [.apologize])]).steps.first { $0.id == "sincere-apology" }!
        let impersonal = grader.grade([reply(1, [.apologize], notes: ["impersonal_apology"])]).steps.first { $0.id == "sincere-apology" }!
        #expect(impersonal.points < personal.points)
    }

    @Test func penaltiesQuoteTheReplyAndStopAtTheirCap() {
        let grade = grader.grade([reply(1, [.blame]), reply(2, [.blame]), reply(3, [.blame])])
        #expect(grade.penalties.map(\.points) == [8, 8, 0])
        #expect(grade.penalties.allSatisfy { $0.quote == "words for blame" })
    }

    @Test func hintNamesTheFirstUnmetStepThatCanStillBeMet() {
        let hint = grader.nextHint([reply(1, [.apologize, .empathize], latency: 60)])
        #expect(hint?.id == "take-ownership")
    }

    @Test func tiersFollowTheRubric() {
        #expect(grader.rubric.tier(for: 95) == "Gold")
        #expect(grader.rubric.tier(for: 80) == "Silver")
        #expect(grader.rubric.tier(for: 50) == "Bronze")
        #expect(grader.rubric.tier(for: 49) == nil)
    }

    @Test func brokenRubricGetsPositionedErrors() {
        let file = YAMLFile(path: "bad.yaml", text: """
            id: bad
            steps:
              - id: a
                title: A
                checks:
                  - shows: apologise
                advice: x
            penalties:
              - behavior: blame
                pionts: 3
            """)
        do {
            _ = try RubricLoader.load(file: file)
            Issue.record("expected errors")
        } catch {
            let codes = error.diagnostics.map(\.code)
            #expect(codes.contains(RubricLoader.Code.unknownBehavior))
            #expect(codes.contains(CoreDiagnostic.unknownKey))
            let unknown = error.diagnostics.first { $0.code == RubricLoader.Code.unknownBehavior }!
            #expect(unknown.position.line == 6)
            #expect(unknown.hint?.contains("apologize") == true)
        }
    }
}
