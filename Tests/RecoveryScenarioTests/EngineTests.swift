import RecoveryCore
import Testing

@testable import RecoveryScenario

@Suite("Engine")
struct EngineTests {
    static func call(mood: Int = 5) -> String {
        minimal(mood: mood, extra: """
            turn_limit: {turns: 4, goto: timeout}
            rules:
              - when: latency > 30
                say: "Hello? Are you there?"
              - when: dismiss
                mood: +3
                say: "Excuse me?"
              - when: blame
                say: "I want your manager."
                goto: escalate
              - when: count(apologize) >= 3
                say: "You keep saying sorry."
              - when: mood >= 10
                after: true
                goto: hung-up
            """, nodes: """
              opening:
                lines: ["What now?"]
                branches:
                  - when: apologize and own
                    mood: -2
                    set: heard
                    narrate: Sam exhales.
                    say: "Okay."
                    goto: listening
                  - when: heard
                    goto: listening
                  - otherwise:
                    mood: +1
                    goto: opening
              listening:
                lines:
                  - text: "Calm line"
                    mood: 0-4
                  - text: "Angry line"
                    mood: 5-10
                branches:
                  - when: resolve
                    goto: fixed
                  - when: thank
                    clear: heard
                    goto: opening
                  - when: explore
                    goto: opening
                  - otherwise:
                    goto: listening
              fixed: {ending: recovered, lines: ["Thanks."]}
              escalate: {ending: escalated, lines: ["Put them on."]}
              hung-up: {ending: lost, lines: ["*click*"]}
              timeout: {ending: lost, lines: ["I have to go."]}
            """)
    }

    func engine(mood: Int = 5, seed: UInt64 = 1) throws -> Engine {
        Engine(scenario: try scenario(Self.call(mood: mood)), seed: seed)
    }

    @Test func theOpeningSaysAStartLine() throws {
        var engine = try engine()
        let opening = engine.start()
        #expect(opening == Step(turn: 0, moodBefore: 5, moodAfter: 5, customerLines: ["What now?"], node: "opening"))
        #expect(engine.visited == ["opening"] && engine.turn == 0 && !engine.isOver)
    }

    @Test func rulesApplyBeforeTheBranch() throws {
        var engine = try engine()
        _ = engine.start()
        let step = engine.reply(reply(.dismiss, .apologize, .own), latency: 2)
        #expect(step.fired.map(\.kind) == [.rule, .branch])
        #expect(step.fired.map(\.condition) == ["dismiss", "apologize and own"])
        #expect(step.fired.map(\.line) == [12, 27])
        #expect(step.moodBefore == 5 && step.moodAfter == 6, "+3 from the rule, then -2 from the branch")
        #expect(step.customerLines == ["Excuse me?", "Okay.", "Angry line"])
        #expect(step.narration == ["Sam exhales."])
        #expect(step.node == "listening" && step.turn == 1)
    }

    @Test func aRuleWithGotoSkipsTheBranches() throws {
        var engine = try engine()
        _ = engine.start()
        let step = engine.reply(reply(.blame, .apologize, .own), latency: 2)
        #expect(step.fired.map(\.kind) == [.rule])
        #expect(step.customerLines == ["I want your manager.", "Put them on."])
        #expect(step.ending == "escalate" && step.outcome == .escalated)
        #expect(engine.flags.isEmpty, "the apology branch never ran")
        #expect(engine.isOver && engine.ending?.node == "escalate" && engine.ending?.outcome == .escalated)
    }

    @Test func afterRulesSeeTheMoodTheBranchLeft() throws {
        var engine = try engine(mood: 9)
        _ = engine.start()
        let step = engine.reply(reply(), latency: 2)
        #expect(step.fired.map(\.kind) == [.otherwise, .rule])
        #expect(step.moodAfter == 10)
        #expect(step.customerLines == ["*click*"])
        #expect(step.outcome == .lost && engine.node == "hung-up")
    }

    @Test func moodStaysWithinZeroToTen() throws {
        var angry = try engine(mood: 8)
        _ = angry.start()
        #expect(angry.reply(reply(.dismiss), latency: 2).moodAfter == 10, "8 + 3 + 1 is kept at 10")
        var calm = try engine(mood: 1)
        _ = calm.start()
        #expect(calm.reply(reply(.apologize, .own), latency: 2).moodAfter == 0, "1 - 2 is kept at 0")
    }

    @Test func otherwiseTakesAnyOtherReplyAndTheNodeSpeaksAgain() throws {
        var engine = try engine()
        _ = engine.start()
        let step = engine.reply(reply(.thank), latency: 2)
        #expect(step.fired == [FiredRule(kind: .otherwise, condition: nil, line: 35, goto: "opening")])
        #expect(step.customerLines == ["What now?"] && step.moodAfter == 6)
        #expect(engine.visited == ["opening", "opening"])
    }

    @Test func aLineSaidAgainIsNotedOnlyOnceEveryVariantIsUsed() throws {
        var engine = try engine(mood: 2)
        _ = engine.start()
        _ = engine.reply(reply(.apologize, .own), latency: 2)  // "Okay.", then "Calm line"
        #expect(engine.repeated.isEmpty)
        _ = engine.reply(reply(.thank), latency: 2)  // back to the opening: "What now?" again
        #expect(engine.repeated == ["What now?"])
    }

    @Test func flagsAreSetAndSteerLaterBranches() throws {
        var engine = try engine()
        _ = engine.start()
        _ = engine.reply(reply(.apologize, .own), latency: 2)
        #expect(engine.flags == ["heard"])
        _ = engine.reply(reply(.explore), latency: 2)
        #expect(engine.reply(reply(), latency: 2).fired.map(\.condition) == ["heard"], "the flag still holds at opening")
    }

    @Test func clearedFlagsNoLongerHold() throws {
        var engine = try engine()
        _ = engine.start()
        _ = engine.reply(reply(.apologize, .own), latency: 2)
        _ = engine.reply(reply(.thank), latency: 2)
        #expect(engine.flags.isEmpty && engine.node == "opening")
        #expect(engine.reply(reply(), latency: 2).fired.map(\.kind) == [.otherwise])
    }

    @Test func moodBandsPickTheLine() throws {
        for seed in UInt64(0)..<20 {
            var calm = try engine(mood: 3, seed: seed)
            _ = calm.start()
            #expect(calm.reply(reply(.apologize, .own), latency: 2).customerLines.last == "Calm line")
        }
    }

    @Test func latencyAndCountRulesReact() throws {
        var engine = try engine()
        _ = engine.start()
        #expect(engine.reply(reply(.apologize), latency: 31).customerLines.first == "Hello? Are you there?")
        #expect(engine.reply(reply(.apologize), latency: 2).customerLines == ["What now?"])
        #expect(engine.reply(reply(.apologize), latency: 2).customerLines == ["You keep saying sorry.", "What now?"])
    }

    @Test func theTurnLimitEndsTheCall() throws {
        var engine = try engine()
        _ = engine.start()
        for _ in 1...3 { #expect(engine.reply(reply(), latency: 2).ending == nil) }
        let last = engine.reply(reply(), latency: 2)
        #expect(last.fired.map(\.kind) == [.otherwise, .turnLimit])
        #expect(last.fired.last?.condition == "turn >= 4")
        #expect(last.ending == "timeout" && last.outcome == .lost && last.customerLines == ["I have to go."])
    }

    @Test func anEndedCallIgnoresFurtherReplies() throws {
        var engine = try engine()
        _ = engine.start()
        _ = engine.reply(reply(.blame), latency: 2)
        let after = engine.reply(reply(.apologize, .own), latency: 2)
        #expect(after == Step(turn: 1, moodBefore: 5, moodAfter: 5, node: "escalate", ending: "escalate", outcome: .escalated))
        #expect(engine.turn == 1 && engine.visited == ["opening", "escalate"])
    }

    @Test func theSameSeedGivesTheSameCall() throws {
        let talk = try scenario(minimal(nodes: """
              opening:
                lines: [one, two, three, four, five]
                branches:
                  - otherwise:
                    goto: opening
            """))
        func play(_ seed: UInt64) -> [Step] {
            var engine = Engine(scenario: talk, seed: seed)
            return [engine.start()] + (1...20).map { _ in engine.reply(reply(.thank), latency: 1) }
        }
        #expect(play(42) == play(42))
        #expect(play(42) != play(43))
        var engine = Engine(scenario: talk, seed: 42)
        _ = engine.reply(reply(), latency: 1)
        #expect(engine.start() == play(42)[0], "start() restarts the call")
    }

    @Test func testExpectationsReportWhatWentWrong() throws {
        var engine = try engine()
        _ = engine.start()
        _ = engine.reply(reply(.blame), latency: 2)
        let expect = TestExpectation(outcome: .recovered, ending: "fixed", reaches: ["listening"], moodAtMost: 4)
        #expect(expect.failures(of: engine) == [
            "expected outcome 'recovered', but the call ended at 'escalate' (escalated)",
            "expected ending 'fixed', but the call ended at 'escalate' (escalated)",
            "expected to reach 'listening', but the call went opening -> escalate",
            "expected a final mood of at most 4, but it is 5",
        ])
        #expect(TestExpectation(outcome: .escalated, reaches: ["opening"]).failures(of: engine).isEmpty)
    }
}
