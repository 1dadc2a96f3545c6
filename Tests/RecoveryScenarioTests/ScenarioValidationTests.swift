import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// What `recovery validate` checks and reports, below the command line.
@Suite("Scenario validation")
struct ScenarioValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let shipped = root + "/Scenarios"
    static let invalid = InvalidScenarioTests.directory

    @Test func theShippedScenariosHaveNoErrorsAndNoWarnings() {
        let report = ScenarioValidation.check([Self.shipped])
        #expect(report.files.count >= 3)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.rendered).joined(separator: "\n"))")
        #expect(!report.failed(strict: true))
    }

    @Test func aFolderMeansItsScenariosButNotTestFilesOrTheSchema() throws {
        let directory = NSTemporaryDirectory() + "validate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["b.yaml", "a.yaml", "a.tests.yaml", "scenario.schema.json", ".hidden.yaml", "notes.txt"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data()))
        }
        #expect(ScenarioValidation.files(in: [directory + "/"]) == [directory + "/a.yaml", directory + "/b.yaml"])
        #expect(ScenarioValidation.files(in: [directory + "/a.tests.yaml", directory + "/a.yaml"]) == [directory + "/a.yaml"],
                "a sibling test file is checked through its scenario, once")
    }

    @Test func theSummaryCountsFilesErrorsAndWarnings() {
        let report = ScenarioValidation.check([
            Self.invalid + "/unknown-name.yaml", Self.invalid + "/unused-intent.yaml", Self.invalid + "/flag-never-set-unreachable.yaml",
        ])
        #expect(report.summary == "3 files, 2 errors, 2 warnings")
        #expect(report.failed(strict: false))
        let warningsOnly = ScenarioValidation.check([Self.invalid + "/unused-intent.yaml"])
        #expect(warningsOnly.summary == "1 file, 0 errors, 1 warning")
        #expect(!warningsOnly.failed(strict: false))
        #expect(warningsOnly.failed(strict: true))
    }

    @Test func jsonCarriesEveryFieldOfEachDiagnostic() throws {
        let path = Self.invalid + "/unused-intent.yaml"
        let json = ScenarioValidation.check([path]).json
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(Set(record.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
        #expect(record["file"] as? String == path)
        #expect(record["line"] as? Int == 11 && record["column"] as? Int == 3)
        #expect(record["severity"] as? String == "warning" && record["code"] as? String == "unused-intent")
        #expect(record["message"] as? String == "intent 'voucher' is never used in a condition")
        #expect(ScenarioValidation.check([Self.shipped]).json == "[\n\n]" || ScenarioValidation.check([Self.shipped]).json == "[]")
    }
}
