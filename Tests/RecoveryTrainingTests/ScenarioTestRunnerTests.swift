import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryTraining
import Testing

/// Playing test conversations: per-turn failures at their turn, expected failures, `only`, and the
/// annotated conversation shown for a failure.
@Suite struct ScenarioTestRunnerTests {
    static let parcel = """
        id: parcel
        title: Late parcel
        briefing: A customer whose parcel is late.
        customer: { name: Dana, mood: 6 }
        start: opening
        turn_limit: { turns: 4, goto: timeout }
        rules:
          - when: dismiss
            mood: +3
          - when: mood >= 10
            after: true
            goto: gone
        nodes:
          opening:
            lines: ["My parcel is three days late."]
            branches:
              - when: apologize
                mood: -2
                goto: fix
              - otherwise:
                goto: opening
          fix:
            lines: ["Fine. What are you going to do?"]
            branches:
              - when: resolve or commit
                goto: done
              - otherwise:
                goto: fix
          done: { ending: recovered, lines: ["Thank you."] }
          gone: { ending: lost, lines: ["Forget it."] }
          timeout: { ending: retained, lines: ["I have to go."] }
        """

    /// The parcel scenario with `tests` as its `tests:` section.
    static func scenario(tests: String) throws -> Scenario {
        try ScenarioLoader.load(file: YAMLFile(path: "parcel.yaml", text: parcel + "\ntests:\n" + tests))
    }

    static func results(_ tests: String) throws -> [ScenarioTestResult] {
        ScenarioTestSuite.results(of: try scenario(tests: tests), analyzer: TestData.analyzer, rubric: TestData.rubric)
    }

    @Test func aPassingTestRecordsEveryTurn() throws {
        let result = try #require(try Self.results("""
              - name: apology then fix
                replies:
                  - {say: "I'm so sorry your parcel is late.", detects: [apologize], not_detects: [dismiss], node: fix, mood_at_most: 4}
                  - "I'll send a replacement by courier today."
                expect: {ending: done, never_reaches: [gone]}
            """).first)
        #expect(result.status == .passed && result.failures.isEmpty)
        #expect(result.turns.map(\.node) == ["fix", "done"])
        #expect(result.turns.map(\.mood) == [4, 4])
        #expect(result.turns[0].detected.first { $0.label == "apologize" }?.quote == "I'm so sorry")
        #expect(result.turns[1].customerLines == ["Thank you."] && result.turns[1].ending == "done")
    }

    @Test func eachFailureIsShownAtTheTurnWhereItBecameVisible() throws {
        let result = try #require(try Self.results("""
              - name: three kinds of failure
                replies:
                  - "I'm so sorry."
                  - {say: "Calm down.", detects: [commit], mood_at_most: 5}
                  - "Right."
                expect: {ending: done}
            """).first)
        #expect(result.status == .failed)
        #expect(result.failures.map(\.turn) == [2, 2, 3])
        #expect(result.failures[0].message == "expected the reply to show 'commit', but it was read as: dismiss")
        #expect(result.failures[1].message == "expected a mood of at most 5 after the reply, but it is 7")
        #expect(result.failures[2].message == "expected ending 'done', but the call did not end (at 'fix')")
        let text = ScenarioTestReport.annotated(result)
        let marked = text.split(separator: "\n").filter { $0.hasPrefix("   >> ") }
        #expect(marked == ["   >> 2. you: “Calm down.”", "   >> 3. you: “Right.”"], "\(text)")
        #expect(text.contains("✗ expected a mood of at most 5 after the reply, but it is 7"))
    }

    @Test func aForbiddenNodeFailsAtTheTurnThatEnteredIt() throws {
        let result = try #require(try Self.results("""
              - name: two brush-offs
                replies: ["Calm down.", "Calm down, seriously."]
                expect: {never_reaches: [gone]}
            """).first)
        #expect(result.failures.map(\.turn) == [2])
        #expect(result.ending == "gone" && result.outcome == .lost)
    }

    @Test func repliesLeftOverAfterTheEndingFailTheTest() throws {
        let result = try #require(try Self.results("""
              - name: too many replies
                replies: ["I'm so sorry.", "I'll send a new one today.", "Anything else?"]
                expect: {ending: done}
            """).first)
        #expect(result.failures == [TestFailure(turn: 2, message: "the call ended at 'done' after reply 2, so reply 3 was never played")])
    }

    @Test func expectedFailuresPassWhenTheyFailAndFailWhenTheyPass() throws {
        let results = try Self.results("""
              - name: still broken
                expect_failure: "the fix node is unfinished"
                replies: ["I'm so sorry."]
                expect: {ending: done}
              - name: fixed meanwhile
                expect_failure: "was broken"
                replies: ["I'm so sorry.", "I'll send a new one today."]
                expect: {ending: done}
            """)
        #expect(results.map(\.status) == [.expectedFailure, .unexpectedPass])
        #expect(results.map(\.status.isFailure) == [false, true])
        #expect(ScenarioTestReport.line(results[0]) == "XFAIL parcel  still broken (expected to fail: the fix node is unfinished)")
    }

    @Test func onlyRunsTheFocusedTestsAndSkipsTheRest() throws {
        let results = try Self.results("""
              - name: focused
                only: true
                replies: ["I'm so sorry."]
                expect: {reaches: [fix]}
              - name: broken but not focused
                replies: ["Calm down."]
                expect: {ending: done}
              - name: skipped anyway
                skip: "waiting for the new node"
                replies: ["Calm down."]
                expect: {ending: done}
            """)
        #expect(results.map(\.status) == [.passed, .skipped, .skipped])
        #expect(results[1].turns.isEmpty, "a skipped test is not played")
        #expect(results[2].reason == "waiting for the new node")
        var run = ScenarioTestRun()
        run.results = results
        #expect(!run.failed)
        #expect(ScenarioTestReport.summary(run) == "3 tests: 1 passed, 0 failed, 2 skipped")
    }

    @Test func theFilterPicksTestsByName() throws {
        let scenario = try Self.scenario(tests: """
              - {name: Apology first, replies: ["I'm so sorry."], expect: {reaches: [fix]}}
              - {name: brush-off, replies: ["Calm down."], expect: {reaches: [opening]}}
            """)
        let chosen = ScenarioTestSuite.results(of: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric, filter: "apology")
        #expect(chosen.map(\.test.name) == ["Apology first"])
    }

    @Test func trainerTextIsMadeTerminalSafe() throws {
        let result = try #require(try Self.results("""
              - name: "evil \\e[2J name"
                replies: ["Calm down."]
                expect: {ending: done}
            """).first)
        let shown = ScenarioTestReport.line(result) + ScenarioTestReport.annotated(result)
        #expect(!shown.contains("\u{1B}"))
        #expect(shown.contains("evil \\u{1b}[2J name"))
    }
}
