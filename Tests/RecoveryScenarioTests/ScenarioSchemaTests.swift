import Foundation
import Testing
import Yams

/// `Scenarios/scenario.schema.json`, which editors use for completion and validation, accepts
/// every shipped scenario and rejects broken ones.
@Suite("Scenario schema")
struct ScenarioSchemaTests {
    static let scenarios = ScenarioValidationTests.shipped

    static func validator() throws -> JSONSchemaValidator {
        let text = try String(contentsOfFile: scenarios + "/scenario.schema.json", encoding: .utf8)
        guard case .object(let root) = JSONValue(try Yams.load(yaml: text)) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return JSONSchemaValidator(root: root)
    }

    static func errors(_ yaml: String) throws -> [String] {
        try validator().errors(of: JSONValue(try Yams.load(yaml: yaml)))
    }

    static let shippedFiles = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios)) ?? [])
        .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }.sorted()

    static let valid = """
        id: sample
        title: Sample
        briefing: A sample.
        customer: {name: Sam, mood: 5}
        start: opening
        nodes:
          opening:
            lines: ["Hello.", {text: "Grr.", mood: 8-10}]
            branches:
              - when: apologize
                mood: -1
                goto: done
              - otherwise:
                goto: done
          done:
            ending: recovered
            lines: ["Bye."]
        """

    @Test(arguments: shippedFiles)
    func everyShippedScenarioConformsAndPointsAtTheSchema(name: String) throws {
        let text = try String(contentsOfFile: Self.scenarios + "/" + name, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=scenario.schema.json\n"))
        #expect(try Self.validator().errors(of: JSONValue(try Yams.load(yaml: text))) == [])
    }

    @Test func thereAreShippedScenariosToCheck() {
        #expect(Self.shippedFiles.count >= 3)
    }

    @Test func aSmallValidScenarioConforms() throws {
        #expect(try Self.errors(Self.valid) == [])
    }

    @Test func theSchemaRejectsBrokenScenarios() throws {
        let broken: [(String, String)] = [
            (Self.valid.replacingOccurrences(of: "ending: recovered", with: "ending: won"), "$.nodes.done"),
            (Self.valid.replacingOccurrences(of: "mood: 8-10", with: "mood: 8-11"), "$.nodes.opening"),
            (Self.valid.replacingOccurrences(of: "start: opening", with: "begin: opening"), "$: unknown key 'begin'"),
            (Self.valid.replacingOccurrences(of: "customer: {name: Sam, mood: 5}", with: "customer: {name: Sam, mood: 11}"),
             "$.customer.mood: above 10"),
            (Self.valid.replacingOccurrences(of: "title: Sample\n", with: ""), "$: missing 'title'"),
            (Self.valid.replacingOccurrences(of: "      - otherwise:\n        goto: done\n", with: "      - goto: done\n"),
             "$.nodes.opening"),
            (Self.valid + "\nintents:\n  2fast: [x]\n", "$.intents key '2fast'"),
            (Self.valid.replacingOccurrences(of: "lines: [\"Bye.\"]", with: "lines: []"), "$.nodes.done"),
            // Unknown keys inside tests, replies and expectations are caught too (an editor underlines them).
            (Self.valid + "\ntests:\n  - name: t\n    replies: [\"Sorry.\"]\n    expect: {mood_at_max: 3}\n", "$.tests[0].expect: unknown key 'mood_at_max'"),
            (Self.valid + "\ntests:\n  - name: t\n    replies: [{say: \"Sorry.\", latncy: 3}]\n", "$.tests[0].replies[0]"),
            (Self.valid + "\ntests:\n  - name: t\n    replys: [\"Sorry.\"]\n", "$.tests[0]: unknown key 'replys'"),
        ]
        for (yaml, expected) in broken {
            let errors = try Self.errors(yaml)
            #expect(errors.contains { $0.hasPrefix(expected) }, "expected an error at \(expected), got \(errors)")
        }
    }

    @Test func theValidatorRefusesKeywordsItDoesNotImplement() {
        let validator = JSONSchemaValidator(root: ["type": .string("object"), "dependentRequired": .object([:])])
        #expect(validator.errors(of: .object([:])) == ["$: the validator does not know the keyword 'dependentRequired'"])
    }
}
