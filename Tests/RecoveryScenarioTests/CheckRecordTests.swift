import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScenario

/// `play` skips the whole-file checks for bytes this build already checked clean, and never
/// trusts a changed file.
@Suite struct CheckRecordTests {
    final class Memory: ScenarioCheckRecord, @unchecked Sendable {
        var clean: Set<String> = []
        var briefings: [String: ScenarioBriefing] = [:]
        func isClean(_ hash: String) -> Bool { clean.contains(hash) }
        func markClean(_ hash: String, briefing: ScenarioBriefing) { clean.insert(hash); briefings[hash] = briefing }
        func briefing(_ hash: String) -> ScenarioBriefing? { briefings[hash] }
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)").path + "/memory.yaml"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCleanFileIsCheckedOnceThenTrusted() throws {
        let yaml = MemoryAndObjectivesTests.yaml + "\ntests:\n  - name: thanks\n    replies: [\"Thank you for waiting.\"]\n    expect: { outcome: recovered }\n"
        let path = try Self.write(yaml)
        let record = Memory()
        let first = try ScenarioLoader.load(path: path, checked: record)
        #expect(first.tests.count == 1 && record.clean == [SHA256.hex(yaml)])
        let second = try ScenarioLoader.load(path: path, checked: record)
        #expect(second.tests.isEmpty, "trusted bytes skip the test conversations, which playing does not need")
        #expect(second.objectives.map(\.id) == first.objectives.map(\.id) && second.nodeOrder == first.nodeOrder)
    }

    @Test func aFileWithAnErrorIsNeverRemembered() throws {
        let broken = MemoryAndObjectivesTests.yaml.replacingOccurrences(of: "turn_limit", with: "x")
            + "\nturn_limit:\n  turns: 1\n  goto: done\n"
        let path = try Self.write(broken)
        let record = Memory()
        #expect(throws: DiagnosticError.self) { try ScenarioLoader.load(path: path, checked: record) }
        #expect(record.clean.isEmpty)
    }
}
