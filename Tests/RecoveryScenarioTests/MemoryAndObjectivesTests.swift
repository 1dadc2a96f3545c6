import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScenario

/// The customer remembers (issue 11): line conditions, no line said twice while another is left,
/// `say:` variants, and objectives met at the reply after which their condition holds.
@Suite struct MemoryAndObjectivesTests {
    static let yaml = """
        id: memory
        title: Memory
        briefing: A small scenario.
        customer:
          name: Sam
          mood: 5
        start: opening
        intents:
          refund: ["refund"]
        rules:
          - when: apologize
            say: ["Fine.", "Okay.", "Right."]
        objectives:
          - id: money-back
            title: Give Sam his money back
            when: refund
            asked: "Where is my refund?"
            weight: 20
            main: true
            example: "I've refunded the £40 now."
        phrasings:
          apologize: "I'm sorry, Sam."
        nodes:
          opening:
            lines: ["Where is my refund?"]
            branches:
              - when: refund
                goto: when
              - otherwise:
                goto: opening
          when:
            lines:
              - text: "And when will I see it?"
                when: count(commit) == 0
              - text: "Three days, you said. Fine."
                when: count(commit) >= 1
            branches:
              - when: thank
                goto: done
              - otherwise:
                goto: when
          done:
            ending: recovered
            lines: ["Bye."]
        """

    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(file: YAMLFile(path: "memory.yaml", text: yaml))
    }

    static func reply(_ behaviors: [Behavior], intents: [String] = []) -> ReplyAnalysis {
        ReplyAnalysis(text: "reply", behaviors: behaviors, intents: intents)
    }

    @Test func objectivesAndPhrasingsAreRead() throws {
        let scenario = try Self.scenario()
        #expect(scenario.objectives.map(\.id) == ["money-back"])
        #expect(scenario.objectives[0].main && scenario.objectives[0].weight == 20 && scenario.objectives[0].ask == "Where is my refund?")
        #expect(scenario.phrasings[.apologize] == "I'm sorry, Sam.")
        #expect(scenario.rules[0].effects.say.count == 3)
    }

    @Test func anObjectiveIsMetAtTheReplyThatMeetsIt() throws {
        var engine = Engine(scenario: try Self.scenario(), seed: 1)
        _ = engine.start()
        let first = engine.reply(Self.reply([.apologize]), latency: 1)
        #expect(first.objectivesMet == nil && engine.objectivesMet.isEmpty)
        let second = engine.reply(Self.reply([.resolve], intents: ["refund"]), latency: 1)
        #expect(second.objectivesMet == ["money-back"] && engine.objectivesMet == ["money-back": 2])
        let third = engine.reply(Self.reply([], intents: ["refund"]), latency: 1)
        #expect(third.objectivesMet == nil && engine.objectivesMet == ["money-back": 2], "met once, at the first reply")
    }

    @Test func theCustomerDoesNotAskForWhatWasGiven() throws {
        var engine = Engine(scenario: try Self.scenario(), seed: 1)
        _ = engine.start()
        let withoutTime = engine.reply(Self.reply([.resolve], intents: ["refund"]), latency: 1)
        #expect(withoutTime.customerLines == ["And when will I see it?"])
        var given = Engine(scenario: try Self.scenario(), seed: 1)
        _ = given.start()
        let withTime = given.reply(Self.reply([.resolve, .commit], intents: ["refund"]), latency: 1)
        #expect(withTime.customerLines == ["Three days, you said. Fine."])
    }

    @Test func noLineIsSaidTwiceWhileAnotherIsLeft() throws {
        for seed in UInt64(1)...20 {
            var engine = Engine(scenario: try Self.scenario(), seed: seed)
            _ = engine.start()
            let reactions = (0..<3).flatMap { _ in engine.reply(Self.reply([.apologize]), latency: 1).customerLines.filter { $0 != "Where is my refund?" } }
            #expect(Set(reactions) == ["Fine.", "Okay.", "Right."], "seed \(seed): \(reactions)")
            let fourth = engine.reply(Self.reply([.apologize]), latency: 1).customerLines
            #expect(fourth.count == 2, "with every variant said, one is said again")
        }
    }
}
