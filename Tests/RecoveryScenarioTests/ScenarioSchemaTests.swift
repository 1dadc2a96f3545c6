import Foundation
import Testing
import RecoveryCore
import Yams

@testable import RecoveryScenario

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

/// The schema checked by an independent validator (Python's jsonschema, through
/// `scripts/schema-check`) against every shipped scenario and every broken sample of
/// `Invalid/`, agreeing with `recovery validate` on which are invalid wherever a schema can tell.
@Suite("Scenario schema, independent validator")
struct IndependentSchemaTests {
    static let root = URL(fileURLWithPath: ScenarioValidationTests.shipped).deletingLastPathComponent().path
    static let invalid = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Invalid").path

    /// Codes about a file's shape, which a schema can see: a file with one of these must be
    /// refused by the schema too.
    static let shapeCodes: Set<String> = [
        "yaml-syntax", "unclosed-quote", "colon-in-text", "colon-in-line", "not-text", "empty-file", "alias-expansion",
        "unknown-key", "missing-key", "wrong-type", "out-of-range", "bad-outcome", "bad-mood-band", "empty-text",
        "conflicting-keys", "missing-otherwise", "list-in-quotes", "list-in-one-string",
    ]
    /// Codes a schema cannot see: names that must exist elsewhere in the file, the condition
    /// language, the shape of the graph, duplicates (YAML keeps one copy), order, and advice.
    static let beyondASchema: Set<String> = [
        "unknown-node", "not-an-ending", "unknown-name", "malformed-condition", "intent-is-behavior", "bad-name",
        "otherwise-not-last", "id-mismatch", "unknown-flag", "flag-never-set", "turn-limit-too-low", "unreachable-node",
        "no-way-out", "branch-never-fires", "always-true-branch", "rule-never-fires", "unused-intent", "unused-flag",
        "ending-beyond-turn-limit", "duplicate-objective", "two-main-objectives", "ask-never-said", "text-cut-by-comment",
        "phrases-in-one-string", "duplicate-key", "unknown-behavior", "duplicate-test", "nothing-expected", "unknown-line",
        "unreadable-file", "file-too-large", "untested-ending", "untested-objective", "untested-node",
    ]

    /// What the independent validator says of each file, or nil (with the reason) when it cannot run here.
    static func check(_ files: [String]) throws -> [String: [String]]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root + "/scripts/schema-check", root + "/Scenarios/scenario.schema.json"] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 2 { return nil }
        var result: [String: [String]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            result[try #require(record["file"] as? String)] = try #require(record["errors"] as? [String])
        }
        return result
    }

    static func codes(of path: String) -> [(severity: Severity, code: String)] {
        ScenarioValidation.diagnostics(of: path).map { ($0.severity, $0.code) }
    }

    @Test func everyScenarioCodeIsClassedAsShapeOrBeyondASchema() {
        let unclassed = ScenarioDiagnostic.all.map(\.code).filter { !Self.shapeCodes.contains($0) && !Self.beyondASchema.contains($0) }
        #expect(unclassed.isEmpty, "say whether the schema can see these: \(unclassed)")
    }

    @Test func theIndependentValidatorAgreesWithValidate() throws {
        let shipped = ScenarioSchemaTests.shippedFiles.map { ScenarioSchemaTests.scenarios + "/" + $0 }
        let broken = InvalidScenarioTests.files.map { Self.invalid + "/" + $0 }
        guard let verdicts = try Self.check(shipped + broken) else {
            // CI installs nothing for this: the machine's Python has jsonschema and PyYAML.
            print("skipped: python3 with jsonschema and PyYAML is not available (pip install jsonschema pyyaml)")
            return
        }
        for path in shipped {
            #expect(verdicts[path] == [], "the schema refuses shipped \(path): \(verdicts[path] ?? ["no verdict"])")
        }
        var refusedByBoth = 0
        for path in broken {
            let errors = Self.codes(of: path).filter { $0.severity == .error }.map(\.code)
            let schemaErrors = try #require(verdicts[path], "no verdict for \(path)")
            if errors.isEmpty {
                #expect(schemaErrors.isEmpty, "validate accepts \(path) (warnings only) but the schema refuses it: \(schemaErrors)")
            } else if errors.contains(where: Self.shapeCodes.contains) {
                #expect(!schemaErrors.isEmpty, "validate refuses \(path) with \(errors) but the schema accepts it")
                refusedByBoth += 1
            }
        }
        #expect(refusedByBoth >= 15)
    }
}
