import Foundation
import RecoveryCore
import RecoveryScenario
import Testing
@testable import RecoveryTraining

/// `recovery explore`: seeded random calls over the shipped scenarios and over broken ones.
@Suite struct ScenarioExplorerTests {
    static func load(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.load(file: YAMLFile(path: "broken.yaml", text: yaml))
    }

    /// `limbo` can only lead back to itself, and nothing jumps out of it: a dead end.
    static let deadEnd = """
        id: broken
        title: Broken
        briefing: A test.
        customer: { name: Sam, mood: 5 }
        start: opening
        nodes:
          opening:
            lines: ["Hello?"]
            branches:
              - when: apologize
                goto: done
              - otherwise:
                goto: limbo
          limbo:
            lines: ["..."]
            branches:
              - otherwise:
                goto: limbo
          done:
            ending: recovered
            lines: ["Thanks."]
        """

    /// `ping` and `pong` lead to the ending only after a thousand thanks: a loop that never ends.
    static let endlessLoop = """
        id: broken
        title: Broken
        briefing: A test.
        customer: { name: Sam, mood: 5 }
        start: ping
        nodes:
          ping:
            lines: ["Ping."]
            branches:
              - when: count(thank) >= 1000
                goto: done
              - otherwise:
                goto: pong
          pong:
            lines: ["Pong."]
            branches:
              - otherwise:
                goto: ping
          done:
            ending: recovered
            lines: ["Thanks."]
        """

    @Test(arguments: TestData.scenarioIDs)
    func shippedScenariosHaveNoDeadEndsOrEndlessLoops(id: String) throws {
        let report = ScenarioExplorer(scenario: try TestData.scenario(id), analyzer: TestData.analyzer).explore(runs: 200, seed: 1)
        #expect(report.deadEnds.isEmpty, "\(report.text)")
        #expect(report.endlessLoops.isEmpty, "\(report.text)")
        #expect(report.endings.contains { $0.runs > 0 })
        #expect(report.endings.map(\.runs).reduce(0, +) == 200, "every run reached an ending")
        #expect(report.nodes.visited > report.nodes.total / 2, "random replies reach most of the scenario")
    }

    @Test func theSameSeedGivesTheSameReportByteForByte() throws {
        let explorer = ScenarioExplorer(scenario: try TestData.scenario("escalation"), analyzer: TestData.analyzer)
        let first = explorer.explore(runs: 60, seed: 9), second = explorer.explore(runs: 60, seed: 9)
        #expect(first.text == second.text)
        #expect(ExplorationReport.json([first]) == ExplorationReport.json([second]))
        #expect(explorer.explore(runs: 60, seed: 10).text != first.text, "another seed plays other calls")
    }

    @Test func findsADeadEnd() throws {
        let report = ScenarioExplorer(scenario: try Self.load(Self.deadEnd), analyzer: TestData.analyzer).explore(runs: 40, seed: 1)
        #expect(report.hasProblems)
        let deadEnd = try #require(report.deadEnds.first)
        #expect(deadEnd.node.id == "limbo")
        #expect(deadEnd.node.line == 14)
        #expect(deadEnd.runs == 40 - report.endings[0].runs)
        #expect(report.text.contains("stuck at limbo (line 14), which leads to no ending"))
        #expect(report.turns.max == 60, "a run without a turn limit stops after 60 replies")
    }

    @Test func findsALoopThatNeverEndsAndNamesItsCycle() throws {
        let report = ScenarioExplorer(scenario: try Self.load(Self.endlessLoop), analyzer: TestData.analyzer).explore(runs: 10, seed: 1)
        #expect(report.deadEnds.isEmpty)
        #expect(report.endlessLoops == [EndlessLoop(cycle: ["ping", "pong"], runs: 10)])
        #expect(report.text.contains("went round ping → pong → ping for 60 replies"))
        let never = report.branches.neverFired.map(\.condition)
        #expect(never == ["count(thank) >= 1000"])
        #expect(report.nodes.neverVisited == [NodeReference(id: "done", line: 19)])
    }

    @Test func namesTheLinesACustomerSaidTwiceWordForWord() throws {
        let report = ScenarioExplorer(scenario: try Self.load(Self.endlessLoop), analyzer: TestData.analyzer).explore(runs: 10, seed: 1)
        #expect(report.repeatedLines == [
            RepeatedLine(text: "Ping.", source: LineSource(line: 7, node: "ping", kind: .line), runs: 10),
            RepeatedLine(text: "Pong.", source: LineSource(line: 14, node: "pong", kind: .line), runs: 10),
        ])
        #expect(report.text.contains("said twice: 10 runs, line 7, a line of ping:\n      \u{201C}Ping.\u{201D}"))
    }

    @Test func aReactionSaidTwiceIsTracedToItsBranch() throws {
        // Every reply that is no apology gets the same reaction, every thanks the rule's; the
        // node's own lines run out too.
        let report = ScenarioExplorer(scenario: try Self.load("""
            id: broken
            title: Broken
            briefing: A test.
            customer: { name: Sam, mood: 5 }
            start: waiting
            rules:
              - when: thank
                say: "Don't thank me. Fix it."
            nodes:
              waiting:
                lines: ["Well?", "I'm waiting.", "Still waiting."]
                branches:
                  - when: apologize
                    goto: done
                  - otherwise:
                    say: "That's not an apology."
                    goto: waiting
              done:
                ending: recovered
                lines: ["Thanks."]
            """), analyzer: TestData.analyzer).explore(runs: 50, seed: 2)
        let reaction = try #require(report.repeatedLines.first { $0.text == "That's not an apology." })
        #expect(reaction.source == LineSource(line: 15, node: "waiting", kind: .branch))
        #expect(report.text.contains("line 15, said by a branch of waiting:\n      \u{201C}That's not an apology.\u{201D}"))
        let ruled = try #require(report.repeatedLines.first { $0.text == "Don't thank me. Fix it." })
        #expect(ruled.source == LineSource(line: 7, node: nil, kind: .rule))
        #expect(report.text.contains("line 7, said by a rule:\n      \u{201C}Don't thank me. Fix it.\u{201D}"))
        #expect(ExplorationReport.json([report]).contains("\"kind\" : \"rule\""), "the JSON names the kind")
        #expect(report.repeatedLines.allSatisfy { $0.runs <= 50 && $0.runs > 0 })
        #expect(report.repeatedLines.map(\.runs) == report.repeatedLines.map(\.runs).sorted(by: >), "the most repeated first")
        #expect(!report.hasProblems, "a repeat is for the author to see; only dead ends and endless loops fail explore")
    }

    @Test func reportsCoverageEndingsAndNeverFiredBranchesByLine() throws {
        let report = ScenarioExplorer(scenario: TestData.miniScenario, analyzer: TestData.analyzer).explore(runs: 100, seed: 4)
        #expect(report.branches.total == 7, "2 rules, 4 branches, the turn limit")
        #expect(report.endings.map(\.node) == ["done", "gone", "timeout"])
        #expect(abs(report.endings.map(\.percent).reduce(0, +) - 100) < 0.2)
        #expect(report.endings.first { $0.node == "done" }!.runs > 0, "some runs apologise and then fix it")
        #expect(!report.hasProblems)
        #expect(report.turns.max <= 4)
    }
}
