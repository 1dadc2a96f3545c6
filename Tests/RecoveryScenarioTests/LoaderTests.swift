import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

@Suite("Scenario loader")
struct LoaderTests {
    static let furnace = """
        id: cold-house
        title: The cold house
        difficulty: 2
        tags: [home-services, callback]
        rubric: recovery
        briefing: |
          You are the service manager.
        customer:
          name: Sydney
          mood: 7
          patience: 45
        start: opening
        turn_limit:
          turns: 16
          goto: out-of-time
        intents:
          warranty: ["warranty", "covered"]
          sensor: flame sensor
        rules:
          - when: latency > 45
            say: "Hello? Are you still there?"
            mood: +1
          - when: mood >= 10
            after: true
            goto: hung-up
        nodes:
          opening:
            lines:
              - "Finally, a human."
              - text: "I am about ready to cancel everything."
                mood: 8-10
            branches:
              - when: apologize and (empathize or own)
                mood: -2
                set: heard
                narrate: Sydney lets out a long breath.
                say: "Okay. Thank you."
                goto: happy-end
              - when: heard or warranty or sensor
                goto: opening
              - otherwise:
                mood: +1
                goto: opening
          happy-end:
            ending: recovered
            lines: ["All right. Thank you."]
          out-of-time:
            ending: lost
            lines: ["I have to go."]
          hung-up:
            ending: lost
            lines: ["*click*"]
        tests:
          - name: a textbook recovery
            replies:
              - "I'm so sorry, Sydney."
              - text: "..."
                latency: 50
            expect:
              outcome: recovered
              ending: happy-end
              reaches: [opening]
              mood_at_most: 6
              mood_at_least: 0
        """

    @Test func aValidScenarioIsDecodedCompletely() throws {
        let loaded = try scenario(Self.furnace, path: "Scenarios/cold-house.yaml")
        #expect(loaded.id == "cold-house" && loaded.title == "The cold house")
        #expect(loaded.briefing == "You are the service manager.\n")
        #expect(loaded.difficulty == 2 && loaded.tags == ["home-services", "callback"] && loaded.rubric == "recovery")
        #expect(loaded.customer == Customer(name: "Sydney", mood: 7, patience: 45))
        #expect(loaded.start == "opening")
        #expect(loaded.turnLimit?.turns == 16 && loaded.turnLimit?.goto == "out-of-time")
        #expect(loaded.intents.map(\.name) == ["warranty", "sensor"])
        #expect(loaded.intents.map(\.phrases) == [["warranty", "covered"], ["flame sensor"]])
        #expect(loaded.rules.map(\.after) == [false, true])
        #expect(loaded.rules[0].effects == Effects(mood: 1, say: ["Hello? Are you still there?"]))
        #expect(loaded.nodeOrder == ["opening", "happy-end", "out-of-time", "hung-up"])
        #expect(loaded.endings == ["happy-end", "out-of-time", "hung-up"])
        #expect(loaded.path == "Scenarios/cold-house.yaml")
        #expect(loaded.contentHash == SHA256.hex(Self.furnace))
        #expect(loaded.warnings.isEmpty)
    }

    @Test func nodesKeepLinesBandsBranchesAndEndings() throws {
        let loaded = try scenario(Self.furnace, path: "cold-house.yaml")
        let opening = try #require(loaded.nodes["opening"])
        #expect(opening.lines == [LineVariant(text: "Finally, a human.", moodBand: nil),
                                  LineVariant(text: "I am about ready to cancel everything.", moodBand: 8...10)])
        #expect(opening.branches.map(\.condition?.source) == ["apologize and (empathize or own)", "heard or warranty or sensor", nil])
        #expect(opening.branches[0].effects == Effects(mood: -2, set: ["heard"], say: ["Okay. Thank you."],
                                                       narrate: "Sydney lets out a long breath.", goto: "happy-end"))
        #expect(opening.branches[2].effects == Effects(mood: 1, goto: "opening"), "otherwise with sibling keys")
        #expect(opening.branches.map(\.line) == [33, 39, 41])
        #expect(loaded.nodes["happy-end"]?.ending == .recovered)
    }

    @Test func testConversationsAreDecoded() throws {
        let test = try #require(try scenario(Self.furnace, path: "cold-house.yaml").tests.first)
        #expect(test.name == "a textbook recovery")
        #expect(test.replies.map(\.text) == ["I'm so sorry, Sydney.", "..."])
        #expect(test.replies.map(\.latency) == [ScenarioTest.defaultLatency, 50])
        #expect(test.expect == TestExpectation(outcome: .recovered, ending: "happy-end", reaches: ["opening"],
                                               moodAtMost: 6, moodAtLeast: 0))
        #expect(test.position.line == 54)
    }

    @Test func otherwiseMayAlsoNestItsEffects() throws {
        let loaded = try scenario(minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - otherwise:
                      mood: -1
                      goto: done
              done: {ending: retained, lines: [Bye]}
            """))
        #expect(loaded.nodes["opening"]?.branches.first?.effects == Effects(mood: -1, goto: "done"))
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = diagnostics(minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - when: apologise
                    goto: nowhere
                  - otherwise:
                    goto: done
              done: {ending: won, lines: [Bye]}
            """))
        #expect(found.map(\.code) == ["unknown-name", "unknown-node", "bad-outcome"])
        #expect(found.first?.hint == "did you mean 'apologize'?")
        #expect(found.first?.rendered.contains("inline.yaml:13:15: error: [unknown-name]") == true)
    }

    @Test(arguments: [
        ("when: own and bogus", 23),
        ("when: 'own and bogus'", 24),
        ("when: \"own and bogus\"", 24),
    ])
    func conditionErrorsPointInsideTheCondition(when: String, column: Int) {
        let found = diagnostics(minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - \(when)
                    goto: done
                  - otherwise:
                    goto: done
              done: {ending: retained, lines: [Bye]}
            """))
        #expect(found.map(\.code) == ["unknown-name"])
        #expect(found.first.map { "\($0.position.line):\($0.position.column)" } == "13:\(column)")
    }

    @Test func conditionErrorsInBlockScalarsPointIntoTheirLine() {
        let found = diagnostics(minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - when: |
                      own and
                      thank or bogus
                    goto: done
                  - otherwise:
                    goto: done
              done: {ending: retained, lines: [Bye]}
            """))
        #expect(found.first.map { "\($0.code) \($0.position.line):\($0.position.column)" } == "unknown-name 15:20")
    }

    @Test func theIdMustMatchTheFileName() {
        let found = diagnostics(Self.furnace, path: "Scenarios/cold-house-furnace.yaml")
        #expect(found.map(\.code) == ["id-mismatch"])
        #expect(found.first?.hint == "write `id: cold-house-furnace`, or rename the file to cold-house.yaml")
    }

    @Test func unreachableNodesAreWarningsNotErrors() throws {
        let loaded = try scenario(minimal(nodes: """
              opening:
                lines: [Hi]
                branches:
                  - otherwise:
                    goto: done
              lonely:
                lines: [Nobody comes here]
                branches:
                  - otherwise:
                    goto: lonely
              done: {ending: retained, lines: [Bye]}
            """))
        #expect(loaded.warnings.map(\.code) == ["unreachable-node"])
        #expect(loaded.warnings.first?.severity == .warning)
        #expect(loaded.warnings.first?.position.line == 15)
    }

    @Test func resolveAndListFindScenariosInADirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-list-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["b-call.yaml", "a-call.yaml", "notes.txt", ".hidden.yaml"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data()))
        }
        #expect(ScenarioLoader.list(in: directory) == ["a-call", "b-call"])
        #expect(ScenarioLoader.resolve("a-call", in: directory) == directory + "/a-call.yaml")
        #expect(ScenarioLoader.resolve(directory + "/b-call.yaml", in: "/nowhere") == directory + "/b-call.yaml")
        #expect(ScenarioLoader.resolve("missing", in: directory) == nil)
        #expect(ScenarioLoader.list(in: directory + "/absent").isEmpty)
    }

    @Test func everyScenarioDiagnosticHasADistinctCode() {
        let codes = ScenarioDiagnostic.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(ScenarioDiagnostic.unknownNode.message("x", "goto") == "no node named 'x' (in goto)")
    }
}
