import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// Test conversations: per-reply expectations, only/skip/expect_failure, and sibling test files.
@Suite("Test conversations")
struct TestConversationTests {
    static let nodes = """
          opening:
            lines: ["Where is my parcel?"]
            branches:
              - when: apologize
                goto: fix
              - otherwise:
                goto: opening
          fix:
            lines: ["So what now?"]
            branches:
              - when: resolve
                goto: done
              - otherwise:
                goto: fix
          done:
            ending: recovered
            lines: ["Thanks."]
        """

    /// A scenario with intent `refund` and the given `tests:` body.
    static func yaml(tests: String) -> String {
        minimal(extra: "intents:\n  refund: [refund, money back]", nodes: nodes) + "\ntests:\n" + tests
    }

    @Test func repliesMayBeMappingsWithTheirOwnExpectations() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: per turn
                replies:
                  - say: "I'm so sorry."
                    latency: 12
                    detects: [apologize]
                    not_detects: [blame, refund]
                    node: fix
                    mood_at_most: 5
                    mood_at_least: 2
                  - text: "Here is a refund."
                  - "Plain text."
                expect:
                  never_reaches: [opening]
            """))
        let test = try #require(loaded.tests.first)
        #expect(test.replies.map(\.text) == ["I'm so sorry.", "Here is a refund.", "Plain text."])
        #expect(test.replies.map(\.latency) == [12, ScenarioTest.defaultLatency, ScenarioTest.defaultLatency])
        #expect(test.replies[0].expect == TurnExpectation(detects: ["apologize"], notDetects: ["blame", "refund"], node: "fix",
                                                          moodAtMost: 5, moodAtLeast: 2))
        #expect(test.replies[1].expect.isEmpty && test.replies[1].position.line == 38)
        #expect(test.expect.neverReaches == ["opening"])
        #expect(!test.only && test.skipReason == nil && test.expectedFailure == nil)
    }

    @Test func perTurnExpectationsAloneMakeATest() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: only a turn check
                replies: [{say: "Sorry.", detects: apologize}]
            """))
        #expect(loaded.tests.first?.expect.isEmpty == true)
        #expect(loaded.tests.first?.replies.first?.expect.detects == ["apologize"])
    }

    @Test func customerWordsAreCheckedInTheAnswerAndMustBeInTheScenario() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: what she says
                replies:
                  - {say: "I'm so sorry.", customer_says: "what NOW", customer_never_says: [parcel, thanks]}
            """))
        let expect = try #require(loaded.tests.first?.replies.first?.expect)
        #expect(expect.customerSays == ["what NOW"] && expect.customerNeverSays == ["parcel", "thanks"])
        let step = Step(turn: 1, moodBefore: 5, moodAfter: 4, customerLines: ["So what now?"], node: "fix")
        let analysis = reply(.apologize)
        #expect(expect.failures(analysis: analysis, step: step).isEmpty)
        let stuck = Step(turn: 1, moodBefore: 5, moodAfter: 5, customerLines: ["Where is my parcel?"], node: "opening")
        #expect(expect.failures(analysis: analysis, step: stuck) == [
            "expected the customer to say “what NOW”, but they said “Where is my parcel?”",
            "expected the customer not to say “parcel”, but they said “Where is my parcel?”",
        ])
        let typo = diagnostics(Self.yaml(tests: "  - {name: typo, replies: [{say: Sorry., customer_says: whats now}]}"))
        #expect(typo.map(\.code) == ["unknown-line"])
        #expect(typo.first?.message == "no line of the customer says “whats now” (in customer_says)")
    }

    @Test func onlySkipAndExpectedFailureAreRead() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: focused
                only: true
                replies: ["Sorry."]
                expect: {reaches: [fix]}
              - name: skipped silently
                skip: true
                replies: ["Sorry."]
                expect: {reaches: [fix]}
              - name: skipped with a reason
                skip: "the fix node is being rewritten"
                replies: ["Sorry."]
                expect: {reaches: [fix]}
              - name: known gap
                expect_failure: "the analyzer misses terse apologies"
                replies: ["Soz."]
                expect: {reaches: [fix]}
            """))
        #expect(loaded.tests.map(\.only) == [true, false, false, false])
        #expect(loaded.tests.map(\.skipReason) == [nil, "", "the fix node is being rewritten", nil])
        #expect(loaded.tests.map(\.expectedFailure) == [nil, nil, nil, "the analyzer misses terse apologies"])
    }

    @Test func anUnknownBehaviourIsPositionedWithASuggestion() throws {
        let found = diagnostics(Self.yaml(tests: """
              - name: typo
                replies:
                  - say: "Sorry."
                    detects: [apologise, refund]
                expect: {reaches: [fix]}
            """))
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.code == "unknown-behavior")
        #expect(diagnostic.position.line == 32 && diagnostic.position.column == 19)
        #expect(diagnostic.hint == "did you mean 'apologize'?")
        #expect(diagnostic.sourceLine?.contains("apologise") == true)
    }

    @Test func conflictingAndEmptyTestsAreRefused() {
        let both = diagnostics(Self.yaml(tests: """
              - name: both
                only: true
                skip: true
                replies: ["Sorry."]
                expect: {reaches: [fix]}
              - name: nothing
                replies: ["Sorry."]
                expect: {}
              - name: both texts
                replies: [{say: "a", text: "b"}]
                expect: {reaches: [fix]}
            """))
        #expect(both.map(\.code) == ["conflicting-keys", "nothing-expected", "conflicting-keys"])
    }

    @Test func aSiblingFileAddsTestsPositionedInItself() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: in the scenario
                replies: ["Sorry."]
                expect: {reaches: [fix]}
            """))
        let sibling = YAMLFile(path: "dir/inline.tests.yaml", text: """
            scenario: inline
            tests:
              - name: beside it
                replies: [{say: "I'm sorry, here is a refund.", detects: [apologize, refund], node: fix}]
                expect: {never_reaches: [done]}
            """)
        let combined = try ScenarioTestFile.adding(sibling, to: loaded)
        #expect(combined.tests.map(\.name) == ["in the scenario", "beside it"])
        #expect(combined.tests[1].position == SourcePosition(file: "dir/inline.tests.yaml", line: 3, column: 5))
        #expect(combined.tests[1].replies[0].expect.detects == ["apologize", "refund"])
    }

    @Test func siblingFileProblemsPointIntoTheSiblingFile() throws {
        let loaded = try scenario(Self.yaml(tests: """
              - name: taken
                replies: ["Sorry."]
                expect: {reaches: [fix]}
            """))
        let sibling = YAMLFile(path: "inline.tests.yaml", text: """
            scenario: other
            tests:
              - name: taken
                replies: [{say: "Sorry.", node: fx}]
                expect: {reaches: [fix]}
            """)
        #expect(throws: DiagnosticError.self) { try ScenarioTestFile.adding(sibling, to: loaded) }
        do {
            _ = try ScenarioTestFile.adding(sibling, to: loaded)
        } catch {
            let found = error.diagnostics.map { "\($0.code) \($0.position.file):\($0.position.line):\($0.position.column)" }
            #expect(found == ["id-mismatch inline.tests.yaml:1:11", "duplicate-test inline.tests.yaml:3:11",
                              "unknown-node inline.tests.yaml:4:37"])
            #expect(error.diagnostics.last?.hint == "did you mean 'fix'?")
        }
    }

    @Test func loadingFromDiskPicksUpTheSiblingAndListingSkipsIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sibling-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = Self.yaml(tests: "  - {name: own, replies: [Sorry.], expect: {reaches: [fix]}}").replacingOccurrences(of: "id: inline", with: "id: parcel")
        try text.write(toFile: directory + "/parcel.yaml", atomically: true, encoding: .utf8)
        try "scenario: parcel\ntests:\n  - {name: sibling, replies: [Sorry.], expect: {ending: done}}\n"
            .write(toFile: directory + "/parcel.tests.yaml", atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.list(in: directory) == ["parcel"])
        #expect(DataDirectory.ids(in: directory) == ["parcel"])
        let loaded = try ScenarioLoader.load(path: directory + "/parcel.yaml")
        #expect(loaded.tests.map(\.name) == ["own", "sibling"])
        #expect(loaded.tests[1].position.file == directory + "/parcel.tests.yaml")
        #expect(ScenarioTestFile.scenarioPath(besideTests: directory + "/parcel.tests.yaml") == directory + "/parcel.yaml")
    }

    @Test(arguments: ScenarioDiagnostic.testConversationDiagnostics.map(\.code))
    func everyTestConversationDiagnosticHasAnInvalidCase(code: String) {
        let path = InvalidScenarioTests.directory + "/\(code).yaml"
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let header = text.prefix { $0 != "\n" }
        #expect(header.hasPrefix("# expect:") && header.contains(" \(code) "), "Invalid/\(code).yaml should show the diagnostic \(code)")
    }
}
