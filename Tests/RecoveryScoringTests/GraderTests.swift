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

    @Test func aTextbookCallThatWinsTheCustomerBackScoresFullMarks() {
        let grade = grader.grade([
            reply(1, [.apologize, .empathize, .own]),
            reply(2, [.explore]),
            reply(3, [.resolve, .choice, .commit, .atone]),
            reply(4, [.followUp, .verify, .thank]),
        ], ending: .ended(.recovered))
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

    @Test func anApologyAfterTheFixCameTooLate() {
        let grade = grader.grade([reply(1, [.resolve]), reply(2, [.apologize])])
        let step = grade.steps.first { $0.id == "sincere-apology" }!
        #expect(!step.met && step.points > 0)
        let late = step.checks.first { !$0.met }!
        #expect(late.turn == 2 && late.quote == "words for apologize")
        #expect(late.reason == "too late: apologize at reply 2, after resolve at reply 1; too late now")
    }

    /// A reply with its behaviours' evidence at the given places, in the order given.
    func said(_ turn: Int, _ words: [(Behavior, String)]) -> GradedReply {
        var text = "", evidence: [Evidence] = []
        for (behavior, quote) in words {
            evidence.append(Evidence(label: behavior.id, quote: quote, offset: text.unicodeScalars.count))
            text += quote + " "
        }
        return GradedReply(turn: turn, latency: 3, analysis: ReplyAnalysis(
            text: text, behaviors: words.map(\.0), evidence: evidence, notes: [], minutesAway: nil))
    }

    @Test("feelings said before the fix in the same reply count as before it; hearing the story does not")
    func saidBeforeTheFixInTheSameReply() {
        let feelingsFirst = grader.grade([said(1, [(.empathize, "That must have been frightening for both of you."),
                                                   (.apologize, "I'm sorry."), (.explore, "What happened?"),
                                                   (.resolve, "I'm making up tonight's doses myself right now.")])])
        for id in ["acknowledge-feelings", "sincere-apology"] {
            let check = feelingsFirst.steps.first { $0.id == id }!.checks.first { $0.summary.contains("said before") }!
            #expect(check.met && check.turn == 1, "\(id)")
        }
        #expect(feelingsFirst.steps.first { $0.id == "acknowledge-feelings" }!.checks
            .contains { $0.quote == "That must have been frightening for both of you." && $0.met })
        // The story needs the customer's answer before the fix: the same reply is still too late.
        #expect(feelingsFirst.steps.first { $0.id == "let-them-tell" }!.checks.contains { $0.reason?.hasPrefix("too late") == true })

        let fixFirst = grader.grade([said(1, [(.resolve, "I'm making up tonight's doses."), (.apologize, "Sorry about all this.")])])
        let late = fixFirst.steps.first { $0.id == "sincere-apology" }!.checks.first { !$0.met }!
        #expect(late.reason == "too late: apologize at reply 1, after resolve in the same reply; too late now")
    }

    @Test func slowFirstReplyMissesRespondRapidly() {
        let step = grader.grade([reply(1, [.apologize], latency: 45)]).steps.first { $0.id == "respond-rapidly" }!
        #expect(!step.met)
        #expect(step.checks[0].reason?.contains("45 s") == true)
    }

    /// One reply that strings every step together earns nothing for the steps that need the
    /// customer's answer first: checking satisfaction and following up come after the fix.
    @Test func everyStepInOneReplyIsTooEarlyForTheStepsAfterTheFix() {
        let all: [Behavior] = [.apologize, .empathize, .own, .explore, .resolve, .choice, .commit, .atone, .followUp, .verify, .thank]
        let grade = grader.grade([reply(1, all)], ending: .ended(.recovered))
        let verify = grade.steps.first { $0.id == "verify-satisfaction" }!
        #expect(verify.points == 0)
        #expect(verify.checks[0].reason == "too early: verify at reply 1, in the same reply as resolve at reply 1")
        #expect(grade.steps.first { $0.id == "let-them-tell" }!.checks.contains { $0.reason?.hasPrefix("too late") == true })
        #expect(grade.score < 90 && grade.tier != "Gold")
    }

    /// Objectives are weighed beside the steps on the same scale, and a missed one costs its share.
    @Test func objectivesAreWeighedBesideTheSteps() {
        let replies = [reply(1, [.apologize, .empathize, .own]), reply(2, [.explore]),
                       reply(3, [.resolve, .choice, .commit, .atone]), reply(4, [.followUp, .verify, .thank])]
        let stepsWeight = grader.rubric.steps.reduce(0) { $0 + $1.weight }
        let met = ObjectiveResult(id: "safety", title: "Tell her she is safe", weight: stepsWeight / 4, main: true, met: true,
                                  turn: 2, quote: "you're safe", ask: "Are we safe?")
        var missed = met
        missed.met = false
        let full = grader.grade(replies, ending: .ended(.recovered), objectives: [met])
        let short = grader.grade(replies, ending: .ended(.recovered), objectives: [missed])
        #expect(full.score == 100)
        #expect(short.score == 80)
        #expect(short.objectives[0].maximum == 20 && short.objectives[0].points == 0)
        #expect(short.nextHint(excluding: [])?.id == "objective:safety")
        #expect(short.nextHint(excluding: ["objective:safety"]) == nil)
        #expect(full.passed && full.tier == "Gold")
        #expect(!short.passed && short.tier == nil, "a call that misses its main objective cannot pass, whatever the score")
        var side = missed
        side.main = false
        #expect(grader.grade(replies, ending: .ended(.recovered), objectives: [side]).passed)
    }

    @Test func hintNamesTheFirstUnmetStepThatCanStillBeMet() {
        let hint = grader.grade([reply(1, [.apologize, .empathize], latency: 60)]).nextHint(excluding: [])
        #expect(hint?.id == "take-ownership")
    }

    @Test func tiersFollowTheRubric() {
        #expect(grader.rubric.tier(for: 95) == "Gold")
        #expect(grader.rubric.tier(for: 80) == "Silver")
        #expect(grader.rubric.tier(for: 60) == "Bronze")
        #expect(grader.rubric.tier(for: 59) == nil)
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
        #expect(grader.grade([reply(1, [.deflect]), reply(2, [.thank])]).nextHint(excluding: []) == nil)
        #expect(grader.grade([reply(1, [.apologize])]).nextHint(excluding: [])?.id == "close")
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
