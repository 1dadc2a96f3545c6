import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// Every file in `Invalid/` is a broken scenario whose first lines say what it must produce, one
/// `# expect: <severity> <code> <line>:<column>` line per diagnostic (severity may be left out for
/// an error). Checking it must give exactly those diagnostics, each at a position inside the file.
@Suite("Invalid scenarios")
struct InvalidScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Invalid").path

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".yaml") }
        .sorted()

    /// One expected diagnostic of a case.
    struct Expectation: Hashable, CustomStringConvertible {
        var severity: Severity
        var code: String
        var position: String
        var description: String { "\(severity.rawValue) \(code) \(position)" }
    }

    /// The `# expect:` lines at the top of the case `name`.
    static func expectations(of name: String) throws -> [Expectation] {
        let data = try #require(FileManager.default.contents(atPath: directory + "/" + name))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return try lines.prefix { $0.hasPrefix("# expect:") }.map { line in
            let parts = line.split(separator: " ").dropFirst(2).map(String.init)
            try #require(parts.count == 2 || parts.count == 3, "`\(line)` should be `# expect: [severity] code line:col`")
            let severity = parts.count == 3 ? Severity(rawValue: parts[0]) : .error
            return Expectation(severity: try #require(severity, "unknown severity in `\(line)`"),
                               code: parts[parts.count - 2], position: parts[parts.count - 1])
        }
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.files.count >= 40)
    }

    @Test func everyCodeAScenarioFileCanGetHasACase() throws {
        let covered = Set(try Self.files.flatMap { try Self.expectations(of: $0) }.map(\.code))
        // Coverage needs the tests played with the analyzer: `CoverageTests` has their cases.
        let coverage = Set(ScenarioDiagnostic.coverageChecks.map(\.code))
        for diagnostic in ScenarioDiagnostic.all where !CoreDiagnostic.fileLevelCodes.contains(diagnostic.code) && !coverage.contains(diagnostic.code) {
            #expect(covered.contains(diagnostic.code), "no case in Invalid/ produces [\(diagnostic.code)]")
        }
        #expect(covered.isSubset(of: Set(ScenarioDiagnostic.all.map(\.code))), "a case expects a code ScenarioDiagnostic.all does not list")
    }

    @Test func everyCodeIsListedOnceWithItsSeverity() {
        let codes = ScenarioDiagnostic.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(ScenarioDiagnostic.all.allSatisfy { !$0.template.isEmpty && !$0.hintTemplate.isEmpty })
    }

    @Test(arguments: files)
    func producesTheDeclaredDiagnostics(name: String) throws {
        let path = Self.directory + "/" + name
        let expected = try Self.expectations(of: name)
        try #require(!expected.isEmpty, "\(name) must start with `# expect: [severity] code line:col`")
        let diagnostics = ScenarioValidation.diagnostics(of: path)
        let found = diagnostics.map {
            Expectation(severity: $0.severity, code: $0.code, position: "\($0.position.line):\($0.position.column)")
        }
        #expect(found.sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description },
                "\(name):\n\(diagnostics.map(\.rendered).joined(separator: "\n"))")
        let data = try #require(FileManager.default.contents(atPath: path))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for diagnostic in diagnostics {
            #expect(diagnostic.position.file == path)
            #expect(diagnostic.hint?.isEmpty == false, "every diagnostic says how to fix it")
            let line = diagnostic.position.line, column = diagnostic.position.column
            try #require(line >= 1 && line <= lines.count, "\(name): line \(line) is not in the file")
            #expect(column >= 1 && column <= lines[line - 1].unicodeScalars.count + 1,
                    "\(name): column \(column) is not on line \(line)")
            if let documented = ScenarioDiagnostic.all.first(where: { $0.code == diagnostic.code }) {
                #expect(documented.severity == diagnostic.severity, "[\(diagnostic.code)] has the severity ScenarioDiagnostic gives it")
            }
        }
    }

    @Test func aMissingFileIsReportedAsUnreadable() {
        let diagnostics = ScenarioValidation.diagnostics(of: Self.directory + "/no-such-scenario.yaml")
        #expect(diagnostics.map(\.code) == [CoreDiagnostic.unreadableFile])
    }

    @Test func aFileOverTheSizeLimitIsRefused() throws {
        let path = NSTemporaryDirectory() + "recovery-too-large-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: UInt8(ascii: "#"), count: YAMLFile.maximumSize + 1).write(to: URL(fileURLWithPath: path))
        #expect(ScenarioValidation.diagnostics(of: path).map(\.code) == [CoreDiagnostic.fileTooLarge])
    }
}
