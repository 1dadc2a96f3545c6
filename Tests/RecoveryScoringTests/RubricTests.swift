import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScoring

/// Every shipped rubric, on hand-built replies: loading, ordering, timing, partial credit,
/// tiers, penalties, the outcome, and the two ends of the scale (a textbook call and silence).
@Suite struct RubricTests {
    static let directory = repositoryRoot.appendingPathComponent("Scoring/rubrics").path
    static let ids = RubricLoader.list(in: directory)
    static let models = ["friedman", "bell", "solomon", "rohr", "manager"]

    static func rubric(_ id: String) throws -> Rubric {
        try RubricLoader.load(path: try #require(RubricLoader.resolve(id, in: directory)))
    }

    static func reply(_ turn: Int, _ behaviors: [Behavior], latency: Double = 3, notes: [String] = [], minutes: Int? = nil) -> GradedReply {
        let evidence = behaviors.map { Evidence(label: $0.id, quote: "words for \($0.id)", offset: 0) }
        return GradedReply(turn: turn, latency: latency, analysis: ReplyAnalysis(
            text: "turn \(turn)", behaviors: behaviors, evidence: evidence, notes: notes, minutesAway: minutes))
    }

    /// Replies numbered from 1, each showing the given behaviours; a reply with `commit` names
    /// a time `commitMinutes` away.
    static func call(_ turns: [[Behavior]], firstLatency: Double = 3, notes: [Int: [String]] = [:], commitMinutes: Int? = 15) -> [GradedReply] {
        turns.enumerated().map { index, behaviors in
            reply(index + 1, behaviors, latency: index == 0 ? firstLatency : 3, notes: notes[index + 1] ?? [],
                  minutes: behaviors.contains(.commit) ? commitMinutes : nil)
        }
    }

    /// Every model's steps met: feelings and ownership first, the story, options and a time
    /// (a call back within 15 minutes), then amends with the feelings again, the check, the
    /// follow-up and thanks, after the fix.
    static let textbook: [[Behavior]] = [
        [.apologize, .empathize, .own],
        [.explore],
        [.resolve, .choice, .commit],
        [.atone, .followUp, .empathize],
        [.verify, .thank],
    ]

    /// `replies` graded by `grader` as a call that won the customer back (or ended at `outcome`).
    static func graded(_ grader: Grader, _ replies: [GradedReply], _ outcome: Outcome = .recovered) -> Grade {
        grader.grade(replies, ending: .ended(outcome))
    }

    static func step(_ grade: Grade, _ id: String) -> StepResult? { grade.steps.first { $0.id == id } }

    // MARK: - Every rubric

    @Test func theFiveModelsAndTheDefaultShip() {
        #expect(Set(Self.ids) == Set(Self.models + ["recovery"]))
    }

    @Test(arguments: ids)
    func loadsWithoutDiagnostics(id: String) throws {
        let path = try #require(RubricLoader.resolve(id, in: Self.directory))
        do {
            let rubric = try RubricLoader.load(path: path)
            #expect(rubric.id == id)
            #expect(!rubric.title.isEmpty && !rubric.source.isEmpty)
            #expect(rubric.steps.count >= 4)
            #expect(Set(rubric.penalties.map(\.behavior)) == Set(Behavior.allCases.filter(\.isNegative)),
                    "every negative behaviour is penalised")
            for step in rubric.steps {
                #expect(!step.advice.isEmpty && !step.example.isEmpty, "\(id).\(step.id) needs advice and an example")
            }
            for penalty in rubric.penalties { #expect(!penalty.advice.isEmpty) }
        } catch {
            Issue.record("\(id): \(error.diagnostics.map(\.message))")
        }
    }

    @Test(arguments: models)
    func adviceCitesTheModel(id: String) throws {
        let rubric = try Self.rubric(id)
        let name = ["friedman": "Friedman", "bell": "Bell", "solomon": "Solomon", "rohr": "Rohr", "manager": "manager"][id]!
        for step in rubric.steps {
            #expect(step.advice.contains(name), "\(id).\(step.id) advice should cite \(name)")
        }
        for penalty in rubric.penalties {
            #expect(penalty.advice.contains(name) || id == "manager", "\(id) penalty \(penalty.behavior.id) should cite \(name)")
        }
    }

    @Test(arguments: ids)
    func aTextbookCallReachesGold(id: String) throws {
        let rubric = try Self.rubric(id)
        let grade = Self.graded(Grader(rubric: rubric), Self.call(Self.textbook))
        let gold = try #require(rubric.tiers.first { $0.name == "Gold" })
        #expect(grade.score >= gold.minimum, "\(grade.steps.filter { !$0.met }.map(\.id))")
        #expect(grade.tier == "Gold")
        #expect(grade.passed)
        #expect(grade.penalties.isEmpty)
    }

    /// The same textbook replies cannot pass when the customer was lost or escalated, or when
    /// the call stopped before an ending: no pass, no tier, whatever the score.
    @Test(arguments: ids)
    func onlyAnEndingThatKeepsTheCustomerPasses(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let replies = Self.call(Self.textbook)
        for ending in [CallEnding.ended(.lost), .ended(.escalated), .incomplete, .inProgress] {
            let grade = grader.grade(replies, ending: ending)
            #expect(!grade.passed && grade.tier == nil, "\(id) \(ending.description): \(grade.score)")
            #expect(grade.ending == ending)
        }
        #expect(Self.graded(grader, replies, .retained).passed)
    }

    @Test(arguments: ids)
    func silenceScoresZero(id: String) throws {
        let grade = Grader(rubric: try Self.rubric(id)).grade([])
        #expect(grade.score == 0)
        #expect(!grade.passed)
        #expect(grade.tier == nil)
        #expect(grade.steps.allSatisfy { $0.points == 0 })
    }

    @Test(arguments: ids)
    func everyTierIsAtOrAboveThePassMark(id: String) throws {
        let rubric = try Self.rubric(id)
        #expect(rubric.tiers.map(\.name).sorted() == ["Bronze", "Gold", "Silver"])
        let minimum = { (name: String) in rubric.tiers.first { $0.name == name }!.minimum }
        #expect(minimum("Gold") > minimum("Silver") && minimum("Silver") > minimum("Bronze"))
        #expect(rubric.tier(for: minimum("Gold")) == "Gold")
        #expect(rubric.tier(for: minimum("Gold") - 1) == "Silver")
        #expect(rubric.tier(for: minimum("Silver") - 1) == "Bronze")
        #expect(rubric.tiers.allSatisfy { $0.minimum >= rubric.passMark })
        #expect(rubric.hintCost > 0)
    }

    @Test func aTierBelowThePassMarkIsAnError() {
        let file = YAMLFile(path: "low.yaml", text: """
            id: low
            title: Low
            source: test
            pass_mark: 60
            tiers:
              Gold: 90
              Bronze: 50
            steps:
              - id: a
                title: A
                checks: [{shows: apologize}]
                advice: Say sorry.
            """)
        #expect(throws: DiagnosticError.self) { try RubricLoader.load(file: file) }
        do { _ = try RubricLoader.load(file: file) } catch {
            #expect(error.diagnostics.map(\.code) == [RubricLoader.Code.tierBelowPass])
            #expect(error.diagnostics.first?.position.line == 7)
        }
    }

    @Test(arguments: ids)
    func everyNegativeBehaviourCostsPoints(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let clean = Self.graded(grader, Self.call(Self.textbook)).score
        for negative in Behavior.allCases where negative.isNegative {
            var turns = Self.textbook
            turns[2].append(negative)
            let grade = Self.graded(grader, Self.call(turns))
            #expect(grade.score < clean, "\(negative.id)")
            #expect(grade.penalties.contains { $0.behavior == negative && $0.points > 0 && $0.turn == 3 })
        }
    }

    /// Every ordering check (`order`, `shows` with `before:` or `after:`) is met in order and
    /// missed out of order, with the words that came too early or too late quoted.
    @Test(arguments: ids)
    func orderingIsChecked(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        var found = 0
        for step in rubric.steps {
            for check in step.checks {
                let inOrder: [[Behavior]], outOfOrder: [[Behavior]]
                switch check {
                case let .order(first, then): (inOrder, outOfOrder) = ([first, then], [then, first])
                case let .showsBefore(shown, anchor, _): (inOrder, outOfOrder) = ([shown, [anchor[0]]], [[anchor[0]], shown])
                case let .showsAfter(shown, anchor): (inOrder, outOfOrder) = ([[anchor[0]], shown], [[anchor[0]] + shown])
                default: continue
                }
                found += 1
                let summary = check.summary
                let kept = Self.step(grader.grade(Self.call(inOrder)), step.id)!.checks.first { $0.summary == summary }!
                let broken = Self.step(grader.grade(Self.call(outOfOrder)), step.id)!.checks.first { $0.summary == summary }!
                #expect(kept.met, "\(id).\(step.id): \(summary) in order")
                #expect(!broken.met && broken.quote != nil, "\(id).\(step.id): \(summary) out of order")
                if case .showsAfter = check { #expect(broken.reason?.hasPrefix("too early") == true, "\(broken.reason ?? "")") }
                if case .showsBefore = check { #expect(broken.reason?.hasPrefix("too late") == true, "\(broken.reason ?? "")") }
            }
        }
        #expect(found > 0, "\(id) has no ordering check")
    }

    /// Every timing check (a first reply within S seconds, a behaviour by reply N, or one in the
    /// last N replies) is met on time and missed when late.
    @Test(arguments: ids)
    func timingIsChecked(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        for step in rubric.steps {
            for check in step.checks {
                let onTime: [GradedReply], late: [GradedReply]
                switch check {
                case let .firstReplyWithin(seconds):
                    onTime = Self.call(Self.textbook, firstLatency: seconds)
                    late = Self.call(Self.textbook, firstLatency: seconds + 25)
                case let .shows(behaviors, byTurn?):
                    onTime = Self.call(Array(repeating: [], count: byTurn - 1) + [behaviors])
                    late = Self.call(Array(repeating: [], count: byTurn) + [behaviors])
                case let .showsNearEnd(behaviors, count):
                    onTime = Self.call([[]] + [behaviors] + Array(repeating: [], count: count - 1))
                    late = Self.call([[]] + [behaviors] + Array(repeating: [], count: count))
                case let .withinMinutes(minutes):
                    onTime = Self.call(Self.textbook, commitMinutes: minutes)
                    late = Self.call(Self.textbook, commitMinutes: minutes + 25)
                default:
                    continue
                }
                let summary = check.summary
                let met = Self.step(grader.grade(onTime), step.id)!.checks.first { $0.summary == summary }!
                let missed = Self.step(grader.grade(late), step.id)!.checks.first { $0.summary == summary }!
                #expect(met.met, "\(id).\(step.id): \(summary) on time")
                #expect(!missed.met, "\(id).\(step.id): \(summary) late")
            }
        }
    }

    @Test(arguments: ["friedman", "recovery"])
    func modelsThatSayRespondRapidlyTimeTheFirstReply(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        let seconds = try #require(rubric.steps.flatMap(\.checks).compactMap { check -> Double? in
            if case let .firstReplyWithin(seconds) = check { return seconds } else { return nil }
        }.first)
        let quick = Self.graded(grader, Self.call(Self.textbook, firstLatency: 2)).score
        let slow = Self.graded(grader, Self.call(Self.textbook, firstLatency: seconds + 30))
        #expect(slow.score < quick)
        let reason = try #require(slow.steps.flatMap(\.checks).first { !$0.met }?.reason)
        #expect(reason.contains("\(Int(seconds) + 30) s"))
    }

    /// In every step with several checks, meeting some but not all earns part of the step: some
    /// slip from a textbook call (a behaviour left out, a negative added, a slow start, a late or
    /// early move, a customer kept but not won) leaves the step half met, and it still scores.
    @Test(arguments: ids)
    func halfMetStepsEarnPartialCredit(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        let textbook = Self.call(Self.textbook)
        var slips: [Grade] = Behavior.allCases.map { dropped in
            Self.graded(grader, Self.call(Self.textbook.map { $0.filter { $0 != dropped } }))
        }
        slips += Behavior.allCases.filter(\.isNegative).map { Self.graded(grader, Self.call(Self.textbook + [[$0]])) }
        slips.append(Self.graded(grader, Self.call(Self.textbook, firstLatency: 120)))
        slips.append(Self.graded(grader, Self.call([[], [], []] + Self.textbook)))
        slips.append(Self.graded(grader, Self.call([Self.textbook[2], Self.textbook[1], Self.textbook[0]] + Self.textbook.dropFirst(3))))
        slips.append(Self.graded(grader, Self.call(Self.textbook.map { $0.filter { $0 != .empathize } } + [[.empathize]])))
        slips.append(Self.graded(grader, Self.call(Self.textbook.enumerated().map { $0.offset == 3 ? [.atone, .followUp] : $0.element })))
        slips.append(Self.graded(grader, Self.call(Self.textbook, commitMinutes: 90)))
        slips.append(Self.graded(grader, textbook, .retained))
        for step in rubric.steps where step.checks.count > 1 {
            #expect(Self.step(Self.graded(grader, textbook), step.id)!.met, "\(id).\(step.id) met by a textbook call")
            let partial = slips.compactMap { Self.step($0, step.id) }.first { !$0.met && $0.points > 0 }
            #expect(partial != nil, "\(id).\(step.id): no slip leaves it half met")
            if let partial { #expect(partial.points < partial.maximum) }
        }
        for step in rubric.steps where step.checks.count == 1 {
            let missed = slips.compactMap { Self.step($0, step.id) }.first { !$0.met }
            #expect(missed?.points == 0, "\(id).\(step.id): a single-check step is all or nothing")
        }
    }

    @Test(arguments: ids)
    func hintsCostPoints(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let replies = Self.call(Self.textbook)
        #expect(grader.grade(replies, hintsUsed: 2).score == grader.grade(replies).score - 2 * grader.rubric.hintCost)
        #expect(Self.graded(grader, replies).nextHint(excluding: []) == nil)
        #expect(grader.grade([]).nextHint(excluding: []) != nil)
    }

    // MARK: - Model by model

    @Test(arguments: ["bell", "recovery"])
    func bellMarksDownTheImpersonalApology(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let personal = Self.graded(grader, Self.call(Self.textbook))
        let impersonal = Self.graded(grader, Self.call(Self.textbook, notes: [1: ["impersonal_apology"]]))
        #expect(impersonal.score < personal.score)
        let check = try #require(impersonal.steps.flatMap(\.checks).first { !$0.met })
        #expect(check.reason?.contains("I'm sorry") == true)
    }

    @Test func friedmanWeighsTheFeelingsAboveTheFix() throws {
        let rubric = try Self.rubric("friedman")
        let weight = { (id: String) in rubric.steps.first { $0.id == id }!.weight }
        #expect(weight("manage-feelings") == rubric.steps.map(\.weight).max())
        #expect(weight("manage-feelings") > weight("solve-the-problem"))
        let grader = Grader(rubric: rubric)
        let blamed = Self.graded(grader, Self.call([[.apologize, .empathize, .blame]] + Self.textbook.dropFirst()))
        #expect(!Self.step(blamed, "take-ownership")!.met)
        #expect(blamed.penalties.first?.points == 10)
        let plain = Self.graded(grader, Self.call(Self.textbook.map { $0.filter { $0 != .atone } }))
        #expect(Self.step(plain, "something-extra")!.points == 0)
        let coldAfterTheFix = Self.graded(grader, Self.call(Self.textbook.enumerated().map { $0.offset == 3 ? [.atone, .followUp] : $0.element }))
        #expect(Self.step(coldAfterTheFix, "manage-feelings")!.fraction == 0.5)
    }

    @Test func bellWantsFeelingsBeforeFactsAndNoPassingTheBuck() throws {
        let grader = Grader(rubric: try Self.rubric("bell"))
        let factsFirst = Self.graded(grader, Self.call([[.resolve, .choice, .commit], [.apologize, .empathize, .own], [.explore], [.atone, .followUp], [.verify, .thank]]))
        #expect(!Self.step(factsFirst, "humble-apology")!.met && !Self.step(factsFirst, "empathy")!.met)
        let passedOn = Self.graded(grader, Self.call(Self.textbook + [[.deflect]]))
        #expect(!Self.step(passedOn, "never-pass-the-buck")!.met)
        #expect(Self.step(passedOn, "never-pass-the-buck")!.checks.first { !$0.met }?.turn == 6)
        let vague = Self.graded(grader, Self.call(Self.textbook + [[.vaguePromise]]))
        #expect(!Self.step(vague, "keep-the-recovery-promise")!.met)
    }

    @Test func solomonPutsTheApologyFirstAndTheFixWithinTwentyMinutes() throws {
        let rubric = try Self.rubric("solomon")
        #expect(rubric.steps.first { $0.id == "real-apology" }!.weight == rubric.steps.map(\.weight).max())
        #expect(rubric.steps.first { $0.id == "real-apology" }!.advice.contains("forgiveness"))
        let grader = Grader(rubric: rubric)
        let late = Self.graded(grader, Self.call([[.empathize, .own], [.explore], [.resolve, .choice, .commit], [.apologize, .atone, .followUp, .verify]]))
        #expect(!Self.step(late, "real-apology")!.met && Self.step(late, "real-apology")!.points > 0)
        let slow = Self.graded(grader, Self.call(Self.textbook, commitMinutes: 45))
        let twenty = try #require(Self.step(slow, "fix-within-twenty-minutes")?.checks.first { !$0.met })
        #expect(twenty.reason == "the soonest time given was 45 minutes away")
        let underTheBus = Self.graded(grader, Self.call([[.apologize, .empathize, .blame]] + Self.textbook.dropFirst()))
        #expect(!Self.step(underTheBus, "take-their-side")!.met)
    }

    @Test func rohrWantsAStatedTimeAndThanksAfterTheFix() throws {
        let grader = Grader(rubric: try Self.rubric("rohr"))
        let thanksFirst = Self.graded(grader, Self.call([[.apologize, .empathize, .own, .thank], [.explore], [.resolve, .choice, .commit], [.atone, .followUp], [.verify]]))
        let step = Self.step(thanksFirst, "follow-up-thanks-gift")!
        #expect(!step.met && step.points > 0)
        #expect(step.checks.first { !$0.met }?.reason?.hasPrefix("too early") == true)
        let soon = Self.graded(grader, Self.call(Self.textbook.map { $0.map { $0 == .commit ? .vaguePromise : $0 } }))
        #expect(Self.step(soon, "buy-time")!.points == 0)
    }

    @Test func theManagerWantsTheStoryFirstAndMoreThanOneOption() throws {
        let grader = Grader(rubric: try Self.rubric("manager"))
        let oneOption = Self.graded(grader, Self.call(Self.textbook.map { $0.filter { $0 != .choice } }))
        let options = Self.step(oneOption, "more-than-one-option")!
        #expect(options.points > 0 && options.points < options.maximum)
        let legal = Self.graded(grader, Self.call([[.nonApology, .own]] + Self.textbook.dropFirst()))
        #expect(Self.step(legal, "apologise-and-accept-responsibility")!.fraction < 1)
        #expect(legal.penalties.first?.points == 10)
        let fixFirst = Self.graded(grader, Self.call([[.apologize, .own], [.resolve, .choice], [.explore], [.atone, .followUp], [.verify]]))
        #expect(!Self.step(fixFirst, "let-them-tell")!.met)
    }

    @Test func theModelsDisagreeWhereTheArticlesDo() throws {
        // A call with no options: the manager (more than one option) and Rohr (offer options)
        // mark it down; Friedman, who asks only that the problem be solved, does not.
        let noChoice = Self.call(Self.textbook.map { $0.filter { $0 != .choice } })
        let manager = Self.graded(Grader(rubric: try Self.rubric("manager")), noChoice).score
        let rohr = Self.graded(Grader(rubric: try Self.rubric("rohr")), noChoice).score
        let friedman = Self.graded(Grader(rubric: try Self.rubric("friedman")), noChoice).score
        #expect(manager < friedman && rohr < friedman)
        #expect(friedman == 100)
    }
}
