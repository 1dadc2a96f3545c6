import RecoveryCore
import Testing

@testable import RecoveryScenario

/// The checks run on a decoded scenario: what they prove about conditions, and what they leave alone.
@Suite("Scenario lint")
struct ScenarioLintTests {
    /// The codes of every diagnostic of a scenario whose `opening` node has branches with `conditions`
    /// (each going to the ending) and an `otherwise:`.
    func codes(branches conditions: [String], extra: String = "") -> [String] {
        let branches = conditions.map { "      - when: \($0)\n        goto: done\n" }.joined()
        let yaml = minimal(extra: extra, nodes: """
              opening:
                lines: [Hi]
                branches:
            \(branches)      - otherwise:
                    goto: done
              done: {ending: retained, lines: [Bye]}
            """)
        do {
            return try ScenarioLoader.load(file: YAMLFile(path: "inline.yaml", text: yaml)).warnings.map(\.code)
        } catch {
            return error.diagnostics.map(\.code)
        }
    }

    @Test func branchesThatCanFireAreLeftAlone() {
        #expect(codes(branches: ["apologize and own", "apologize", "own or explore", "mood >= 8"]) == [])
        #expect(codes(branches: ["latency > 1 and latency < 1.5"]) == [], "latency is not a whole number")
        #expect(codes(branches: ["mood > 5", "mood > 4"]) == [], "mood 5 still reaches the second branch")
        #expect(codes(branches: ["count(apologize) >= 2", "apologize"]) == [], "this reply's apology and the count differ")
        #expect(codes(branches: ["when_asked"], extra: "intents:\n  when_asked: [when]") == [])
    }

    @Test func moodIsAWholeNumberFromZeroToTen() {
        #expect(codes(branches: ["mood > 9 and mood < 10"]) == ["branch-never-fires"])
        #expect(codes(branches: ["mood >= 0 and own"]) == [], "true for mood, but own may be absent")
        #expect(codes(branches: ["mood <= 10"]) == ["always-true-branch"])
        #expect(codes(branches: ["mood == 5.5"]) == ["branch-never-fires"])
    }

    @Test func theTurnStartsAtOneAndStopsAtTheTurnLimit() {
        #expect(codes(branches: ["turn < 1"]) == ["branch-never-fires"])
        #expect(codes(branches: ["turn > 12"]) == [], "without a turn limit any turn can come")
        let limit = "turn_limit: {turns: 12, goto: done}"
        #expect(codes(branches: ["turn > 12"], extra: limit) == ["branch-never-fires"])
        #expect(codes(branches: ["turn == 12"], extra: limit) == [])
    }

    @Test func aBranchAnEarlierOneCoversIsReported() {
        #expect(codes(branches: ["apologize or own", "own"]) == ["branch-never-fires"])
        #expect(codes(branches: ["mood >= 5", "mood >= 7 and own"]) == ["branch-never-fires"])
        #expect(codes(branches: ["apologize", "own", "apologize and own"]) == ["branch-never-fires"])
        #expect(codes(branches: ["not (apologize or own)", "not apologize"]) == [], "apologize without own reaches it")
    }

    @Test func anAlwaysTrueBranchIsReportedOnceNotForEachBranchBelowIt() {
        #expect(codes(branches: ["true", "apologize", "own"]) == ["always-true-branch"])
        #expect(codes(branches: ["apologize or not apologize"]) == ["always-true-branch"])
        #expect(codes(branches: ["latency <= 3", "latency > 3"]) == ["always-true-branch"])
    }

    @Test func theMessageSaysWhichBranchTakesTheReplies() throws {
        let yaml = minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - when: apologize or own
                    goto: done
                  - when: own
                    goto: done
                  - otherwise:
                    goto: done
              done: {ending: retained, lines: [Bye]}
            """)
        let warning = try #require(try scenario(yaml).warnings.first)
        #expect(warning.message == "this branch of node 'opening' can never be taken: every reply it matches is taken by the branch on line 13")
        #expect(warning.position.line == 15 && warning.position.column == 15)
    }

    @Test func aRuleThatFiresOnEveryReplyIsFine() {
        #expect(codes(branches: [], extra: "rules:\n  - when: true\n    mood: +1") == [])
        #expect(codes(branches: [], extra: "rules:\n  - when: mood > 10\n    mood: +1") == ["rule-never-fires"])
    }

    @Test func aTurnLimitAtExactlyTheShortestPathIsEnough() {
        let yaml = { (turns: Int) in
            minimal(extra: "turn_limit: {turns: \(turns), goto: timeout}", nodes: """
                  opening:
                    lines: [Hi]
                    branches:
                      - otherwise:
                        goto: middle
                  middle:
                    lines: [And?]
                    branches:
                      - otherwise:
                        goto: done
                  done: {ending: retained, lines: [Bye]}
                  timeout: {ending: lost, lines: [Gone]}
                """)
        }
        #expect(diagnostics(yaml(2)).isEmpty)
        #expect(diagnostics(yaml(1)).map(\.code) == ["turn-limit-too-low"])
        #expect(diagnostics(yaml(1)).first?.message
                == "the turn limit ends every call after 1 replies, but the nearest ending, 'done', needs 2")
    }

    @Test func aRuleGotoCountsAsAShortcutToItsEnding() {
        let yaml = minimal(extra: "turn_limit: {turns: 1, goto: timeout}\nrules:\n  - when: mood >= 10\n    after: true\n    goto: timeout", nodes: """
              opening:
                lines: [Hi]
                branches:
                  - otherwise:
                    goto: middle
              middle:
                lines: [And?]
                branches:
                  - otherwise:
                    goto: done
              done: {ending: retained, lines: [Bye]}
              timeout: {ending: lost, lines: [Gone]}
            """)
        #expect(diagnostics(yaml).isEmpty)
        #expect((try? ScenarioLoader.load(file: YAMLFile(path: "inline.yaml", text: yaml)))?.warnings.map(\.code)
                == ["ending-beyond-turn-limit"])
    }
}
