import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScoring

/// Every shipped rubric, on hand-built replies: loading, ordering, timing, repetition, partial
/// credit, tiers, penalties, and the two ends of the scale (a textbook call and silence).
@Suite struct RubricTests {
    static let directory = repositoryRoot.appendingPathComponent("Scoring/rubrics").path
    static let ids = RubricLoader.list(in: directory)
    static let models = ["friedman", "bell", "solomon", "rohr", "manager"]

    static func rubric(_ id: String) throws -> Rubric {
        try RubricLoader.load(path: try #require(RubricLoader.resolve(id, in: directory)))
    }

    static func reply(_ turn: Int, _ behaviors: [Behavior], latency: Double = 3, notes: [String] = []) -> GradedReply {
        let evidence = behaviors.map { Evidence(label: $0.id, quote: "words for \($0.id)", offset: 0) }
        return GradedReply(turn: turn, latency: latency, analysis: ReplyAnalysis(
            text: "turn \(turn)", behaviors: behaviors, evidence: evidence, notes: notes))
    }

    /// Replies numbered from 1, each showing the given behaviours.
    static func call(_ turns: [[Behavior]], firstLatency: Double = 3, notes: [Int: [String]] = [:]) -> [GradedReply] {
        turns.enumerated().map { index, behaviors in
            reply(index + 1, behaviors, latency: index == 0 ? firstLatency : 3, notes: notes[index + 1] ?? [])
        }
    }

    /// Every model's steps met: feelings and ownership first, the story, options and a time,
    /// amends, then the check, the follow-up and thanks.
    static let textbook: [[Behavior]] = [
        [.apologize, .empathize, .own],
        [.explore],
        [.resolve, .choice, .commit],
        [.atone, .followUp],
        [.verify, .thank],
    ]

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
        let grade = Grader(rubric: rubric).grade(Self.call(Self.textbook))
        let gold = try #require(rubric.tiers.first { $0.name == "Gold" })
        #expect(grade.score >= gold.minimum, "\(grade.steps.filter { !$0.met }.map(\.id))")
        #expect(grade.tier == "Gold")
        #expect(grade.passed)
        #expect(grade.penalties.isEmpty)
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
    func tiersAndPassMarkAreSetInTheRubric(id: String) throws {
        let rubric = try Self.rubric(id)
        #expect(rubric.tiers.map(\.name).sorted() == ["Bronze", "Gold", "Silver"])
        let minimum = { (name: String) in rubric.tiers.first { $0.name == name }!.minimum }
        #expect(minimum("Gold") > minimum("Silver") && minimum("Silver") > minimum("Bronze"))
        #expect(rubric.tier(for: minimum("Gold")) == "Gold")
        #expect(rubric.tier(for: minimum("Gold") - 1) == "Silver")
        #expect(rubric.tier(for: minimum("Silver") - 1) == "Bronze")
        #expect(rubric.tier(for: minimum("Bronze") - 1) == nil)
        #expect((minimum("Bronze")...minimum("Silver")).contains(rubric.passMark))
        #expect(rubric.hintCost > 0)
    }

    @Test(arguments: ids)
    func everyNegativeBehaviourCostsPoints(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let clean = grader.grade(Self.call(Self.textbook)).score
        for negative in Behavior.allCases where negative.isNegative {
            var turns = Self.textbook
            turns[2].append(negative)
            let grade = grader.grade(Self.call(turns))
            #expect(grade.score < clean, "\(negative.id)")
            #expect(grade.penalties.contains { $0.behavior == negative && $0.points > 0 && $0.turn == 3 })
        }
    }

    /// Every ordering check is broken by putting its `then` behaviours first, and costs points.
    @Test(arguments: ids)
    func orderingIsChecked(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        var found = 0
        for step in rubric.steps {
            for case let .order(first, then) in step.checks {
                found += 1
                let kept = Self.step(grader.grade(Self.call([first, then])), step.id)!
                let broken = Self.step(grader.grade(Self.call([then, first])), step.id)!
                #expect(broken.points < kept.points, "\(id).\(step.id)")
                let check = try #require(broken.checks.first { !$0.met })
                #expect(check.turn == 1 && check.quote == "words for \(then[0].id)")
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
        var found = 0
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
                default:
                    continue
                }
                found += 1
                let summary = check.summary
                let met = Self.step(grader.grade(onTime), step.id)!.checks.first { $0.summary == summary }!
                let missed = Self.step(grader.grade(late), step.id)!.checks.first { $0.summary == summary }!
                #expect(met.met, "\(id).\(step.id): \(summary) on time")
                #expect(!missed.met, "\(id).\(step.id): \(summary) late")
            }
        }
        #expect(found > 0, "\(id) has no timing check")
    }

    @Test(arguments: ["friedman", "manager", "recovery"])
    func modelsThatSayRespondRapidlyTimeTheFirstReply(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        let seconds = try #require(rubric.steps.flatMap(\.checks).compactMap { check -> Double? in
            if case let .firstReplyWithin(seconds) = check { return seconds } else { return nil }
        }.first)
        let quick = grader.grade(Self.call(Self.textbook, firstLatency: 2)).score
        let slow = grader.grade(Self.call(Self.textbook, firstLatency: seconds + 30))
        #expect(slow.score < quick)
        let reason = try #require(slow.steps.flatMap(\.checks).first { !$0.met }?.reason)
        #expect(reason.contains("\(Int(seconds) + 30) s"))
    }

    /// Every repetition rule (`at_most`) holds at N and breaks at N + 1, without zeroing its step.
    @Test(arguments: ids)
    func repetitionIsChecked(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        var found = 0
        for step in rubric.steps {
            for case let .atMost(behavior, times) in step.checks {
                found += 1
                let enough = Self.step(grader.grade(Self.call(Array(repeating: [behavior], count: times))), step.id)!
                let tooMany = Self.step(grader.grade(Self.call(Array(repeating: [behavior], count: times + 1))), step.id)!
                #expect(tooMany.points < enough.points, "\(id).\(step.id)")
                #expect(tooMany.points > 0, "\(id).\(step.id): a half-met step never scores 0")
                let summary = RubricCheck.atMost(behavior, times: times).summary
                #expect(tooMany.checks.first { $0.summary == summary }?.turn == times + 1)
                #expect(tooMany.checks.first { $0.summary == summary }?.met == false)
            }
        }
        #expect(found > 0, "\(id) has no repetition rule")
    }

    /// In every step with several checks, meeting some but not all earns part of the step: some
    /// slip from a textbook call (a behaviour left out, a negative added, a slow start, a late or
    /// early move, too much repetition) leaves the step half met, and it still scores.
    @Test(arguments: ids)
    func halfMetStepsEarnPartialCredit(id: String) throws {
        let rubric = try Self.rubric(id)
        let grader = Grader(rubric: rubric)
        let textbook = Self.call(Self.textbook)
        var slips: [[GradedReply]] = Behavior.allCases.map { dropped in
            Self.call(Self.textbook.map { $0.filter { $0 != dropped } })
        }
        slips += Behavior.allCases.filter(\.isNegative).map { Self.call(Self.textbook + [[$0]]) }
        slips.append(Self.call(Self.textbook, firstLatency: 120))
        slips.append(Self.call([[], [], []] + Self.textbook))
        slips.append(Self.call(Self.textbook + [[], [], []]))
        slips.append(Self.call(Self.textbook + Array(repeating: [.apologize, .empathize], count: 5)))
        slips.append(Self.call([Self.textbook[2], Self.textbook[1], Self.textbook[0]] + Self.textbook.dropFirst(3)))
        for step in rubric.steps where step.checks.count > 1 {
            #expect(Self.step(grader.grade(textbook), step.id)!.met, "\(id).\(step.id) met by a textbook call")
            let partial = slips.compactMap { Self.step(grader.grade($0), step.id) }.first { !$0.met && $0.points > 0 }
            #expect(partial != nil, "\(id).\(step.id): no slip leaves it half met")
            if let partial { #expect(partial.points < partial.maximum) }
        }
        for step in rubric.steps where step.checks.count == 1 {
            let missed = slips.compactMap { Self.step(grader.grade($0), step.id) }.first { !$0.met }
            #expect(missed?.points == 0, "\(id).\(step.id): a single-check step is all or nothing")
        }
    }

    @Test(arguments: ids)
    func hintsCostPoints(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let replies = Self.call(Self.textbook)
        #expect(grader.grade(replies, hintsUsed: 2).score == grader.grade(replies).score - 2 * grader.rubric.hintCost)
        #expect(grader.nextHint(replies) == nil)
        #expect(grader.nextHint([]) != nil)
    }

    // MARK: - Model by model

    @Test(arguments: ["bell", "recovery"])
    func bellMarksDownTheImpersonalApology(id: String) throws {
        let grader = Grader(rubric: try Self.rubric(id))
        let personal = grader.grade(Self.call(Self.textbook))
        let impersonal = grader.grade(Self.call(Self.textbook, notes: [1: ["impersonal_apology"]]))
        #expect(impersonal.score < personal.score)
        let check = try #require(impersonal.steps.flatMap(\.checks).first { !$0.met })
        #expect(check.reason?.contains("I'm sorry") == true)
    }

    @Test func friedmanWantsSpeedOwnershipAndSomethingExtra() throws {
        let grader = Grader(rubric: try Self.rubric("friedman"))
        let blamed = grader.grade(Self.call([[.apologize, .blame]] + Self.textbook.dropFirst()))
        #expect(Self.step(blamed, "take-ownership")!.points == 0)
        #expect(blamed.penalties.first?.points == 10)
        let plain = grader.grade(Self.call(Self.textbook.map { $0.filter { $0 != .atone } }))
        #expect(Self.step(plain, "something-extra")!.points == 0)
        #expect(plain.tier == "Silver")
        let sloppy = grader.grade(Self.call([[.nonApology, .empathize, .own], [.apologize]] + Self.textbook.dropFirst()))
        #expect(Self.step(sloppy, "apologize-sincerely")!.fraction > 0 && Self.step(sloppy, "apologize-sincerely")!.fraction < 1)
    }

    @Test func bellWantsFeelingsBeforeFactsAndNoPassingTheBuck() throws {
        let grader = Grader(rubric: try Self.rubric("bell"))
        let factsFirst = grader.grade(Self.call([[.resolve, .choice, .commit], [.apologize, .empathize, .own], [.explore], [.atone, .followUp], [.verify, .thank]]))
        #expect(Self.step(factsFirst, "feelings-before-facts")!.points == 0)
        let passedOn = grader.grade(Self.call(Self.textbook + [[.deflect]]))
        #expect(!Self.step(passedOn, "never-pass-the-buck")!.met)
        #expect(Self.step(passedOn, "never-pass-the-buck")!.checks.first { !$0.met }?.turn == 6)
        let vague = grader.grade(Self.call(Self.textbook + [[.vaguePromise]]))
        #expect(!Self.step(vague, "keep-the-recovery-promise")!.met)
    }

    @Test func solomonWantsARealApologyFirstAndAConcreteTime() throws {
        let grader = Grader(rubric: try Self.rubric("solomon"))
        let late = grader.grade(Self.call([[.empathize, .own], [.explore], [.apologize], [.resolve, .choice, .commit], [.atone, .followUp, .verify]]))
        #expect(!Self.step(late, "real-apology")!.met && Self.step(late, "real-apology")!.points > 0)
        let noTime = grader.grade(Self.call(Self.textbook.map { $0.filter { $0 != .commit } }))
        #expect(!Self.step(noTime, "fix-within-twenty-minutes")!.met)
        let underTheBus = grader.grade(Self.call([[.apologize, .own, .blame]] + Self.textbook.dropFirst()))
        #expect(!Self.step(underTheBus, "no-one-under-the-bus")!.met)
    }

    @Test func rohrWantsAStatedTimeAndThanksAtTheEnd() throws {
        let grader = Grader(rubric: try Self.rubric("rohr"))
        let thanksFirst = grader.grade(Self.call([[.apologize, .empathize, .own, .thank], [.explore], [.resolve, .choice, .commit], [.atone, .followUp], [.verify]]))
        let step = Self.step(thanksFirst, "follow-up-thanks-gift")!
        #expect(!step.met && step.points > 0)
        #expect(step.checks.first { !$0.met }?.reason?.contains("not in the last 2 replies") == true)
        let soon = grader.grade(Self.call(Self.textbook.map { $0.map { $0 == .commit ? .vaguePromise : $0 } }))
        #expect(Self.step(soon, "buy-time")!.points == 0)
        let endless = grader.grade(Self.call(Self.textbook + Array(repeating: [.empathize], count: 4)))
        #expect(!Self.step(endless, "acknowledge-the-upset")!.met)
    }

    @Test func theManagerWantsOptionsAndNoSorryForHowYouFelt() throws {
        let grader = Grader(rubric: try Self.rubric("manager"))
        let oneOption = grader.grade(Self.call(Self.textbook.map { $0.filter { $0 != .choice } }))
        let options = Self.step(oneOption, "more-than-one-option")!
        #expect(options.points > 0 && options.points < options.maximum)
        let legal = grader.grade(Self.call([[.nonApology, .own]] + Self.textbook.dropFirst()))
        #expect(Self.step(legal, "apologise-and-accept-responsibility")!.fraction < 1)
        #expect(legal.penalties.first?.points == 10)
        let fixFirst = grader.grade(Self.call([[.apologize, .own], [.resolve, .choice], [.explore], [.atone, .followUp], [.verify]]))
        #expect(!Self.step(fixFirst, "let-them-tell")!.met)
    }

    @Test func theModelsDisagreeWhereTheArticlesDo() throws {
        // A call with no options: the manager (more than one option) and Rohr (offer options)
        // mark it down more than Friedman, who asks for a fix with a time or a choice.
        let noChoice = Self.call(Self.textbook.map { $0.filter { $0 != .choice } })
        let manager = Grader(rubric: try Self.rubric("manager")).grade(noChoice).score
        let friedman = Grader(rubric: try Self.rubric("friedman")).grade(noChoice).score
        #expect(manager < friedman)
        #expect(friedman == 100)
    }
}
