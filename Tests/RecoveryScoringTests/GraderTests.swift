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
        RubricTests.reply(turn, behaviors, latency: latency, notes: notes)
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

    // MARK: - in_last and never

    static let extendedRubric = """
        id: extended
        steps:
          - id: close
            title: Close well
            weight: 1
            checks:
              - shows: thank
                in_last: 2
              - never: [blame, deflect]
            advice: x
            example: y
        """

    func extendedGrader() throws -> Grader {
        Grader(rubric: try RubricLoader.load(file: YAMLFile(path: "extended.yaml", text: Self.extendedRubric)))
    }

    @Test func inLastLoadsAndNeedsTheBehaviourNearTheEnd() throws {
        let grader = try extendedGrader()
        #expect(grader.rubric.steps[0].checks[0] == .showsNearEnd([.thank], replies: 2))
        #expect(grader.rubric.steps[0].checks[0].summary == "thank in the last 2 replies")
        let atTheEnd = grader.grade([reply(1, [.apologize]), reply(2, [.thank]), reply(3, [])]).steps[0].checks[0]
        #expect(atTheEnd.met && atTheEnd.turn == 2 && atTheEnd.quote == "words for thank")
        let early = grader.grade([reply(1, [.thank]), reply(2, []), reply(3, [])]).steps[0].checks[0]
        #expect(!early.met && early.turn == 1)
        #expect(early.reason == "shown at reply 1, not in the last 2 replies")
        #expect(grader.grade([]).steps[0].checks[0].reason == "never shown")
    }

    @Test func neverIsMetOnlyByAReplyWithoutTheBehaviours() throws {
        let grader = try extendedGrader()
        #expect(grader.rubric.steps[0].checks[1] == .never([.blame, .deflect]))
        #expect(grader.rubric.steps[0].checks[1].summary == "never blame or deflect")
        let silent = grader.grade([]).steps[0].checks[1]
        #expect(!silent.met && silent.reason == "no reply was given")
        #expect(grader.grade([reply(1, [.apologize])]).steps[0].checks[1].met)
        let broken = grader.grade([reply(1, [.apologize]), reply(2, [.deflect])]).steps[0].checks[1]
        #expect(!broken.met && broken.turn == 2 && broken.quote == "words for deflect")
    }

    @Test func aBrokenNeverCannotBeHintedButAMissingThankCan() throws {
        let grader = try extendedGrader()
        #expect(grader.nextHint([reply(1, [.deflect]), reply(2, [.thank])]) == nil)
        #expect(grader.nextHint([reply(1, [.apologize])])?.id == "close")
    }

    @Test func modifiersAreCheckedWhenLoading() {
        let file = YAMLFile(path: "bad.yaml", text: """
            id: bad
            steps:
              - id: a
                title: A
                checks:
                  - never: blame
                    in_last: 2
                  - shows: thank
                    in_last: 0
                  - shows: thank
                    in_last: 1
                    by_turn: 3
                  - never: blam
                advice: x
            """)
        do {
            _ = try RubricLoader.load(file: file)
            Issue.record("expected errors")
        } catch {
            let lines = error.diagnostics.map { "\($0.position.line) \($0.code)" }
            #expect(lines.contains("7 \(RubricLoader.Code.unknownCheck)"), "\(lines)")
            #expect(lines.contains("9 \(RubricLoader.Code.outOfRange)"), "\(lines)")
            #expect(lines.contains("11 \(RubricLoader.Code.unknownCheck)"), "\(lines)")
            #expect(lines.contains("13 \(RubricLoader.Code.unknownBehavior)"), "\(lines)")
        }
    }
}
