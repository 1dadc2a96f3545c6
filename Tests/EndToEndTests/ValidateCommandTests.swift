import Foundation
import Testing

/// `recovery validate`, run as a trainer would.
@Suite struct ValidateCommandTests {
    static let invalid = RecoveryBinary.repositoryRoot + "/Tests/RecoveryScenarioTests/Invalid"

    @Test func theShippedScenariosPassWithNoWarningsEvenWhenStrict() throws {
        let result = try RecoveryBinary.run(["validate", "--strict"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.hasSuffix(" files, 0 errors, 0 warnings\n"))
    }

    @Test func anErrorPointsAtTheLineWithACaretAndAHintAndFails() throws {
        let path = Self.invalid + "/unknown-name.yaml"
        let result = try RecoveryBinary.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.output == [
            "\(path):13:29: error: [unknown-name] unknown name 'empathise' in condition",
            "          - when: apologize and empathise",
            String(repeating: " ", count: 4 + 28) + "^",
            "    hint: did you mean 'empathize'?",
            "1 file, 1 error, 0 warnings",
            "",
        ].joined(separator: "\n"))
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let path = Self.invalid + "/unused-intent.yaml"
        let relaxed = try RecoveryBinary.run(["validate", path])
        #expect(relaxed.status == 0)
        #expect(relaxed.output.contains("warning: [unused-intent] intent 'voucher' is never used in a condition"))
        #expect(try RecoveryBinary.run(["validate", "--strict", path]).status == 1)
    }

    @Test func jsonIsAnArrayOfDiagnostics() throws {
        let path = Self.invalid + "/turn-limit-too-low.yaml"
        let result = try RecoveryBinary.run(["validate", "--format", "json", path])
        #expect(result.status == 1)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(records.map { $0["code"] as? String } == ["turn-limit-too-low"])
        #expect(records.first?["line"] as? Int == 10 && records.first?["column"] as? Int == 10)
    }

    @Test func listCodesPrintsTheMarkdownTable() throws {
        let result = try RecoveryBinary.run(["validate", "--list-codes"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("| code | severity | files | message | how to fix it |\n|---|---|---|---|---|\n"))
        #expect(result.output.contains("| `tier-below-pass` | error | rubric |") && result.output.contains("| `bad-pattern` | error | behaviors.yaml |"))
        #expect(result.output.contains("| `flag-never-set` | error |"))
    }

    @Test func aFolderWithoutScenariosIsAFailure() throws {
        let empty = RecoveryBinary.temporaryDirectory()
        let result = try RecoveryBinary.run(["validate", empty])
        #expect(result.status == 1)
        #expect(result.errors.contains("no scenario, rubric or behaviours files"))
    }
}
