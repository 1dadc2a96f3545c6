import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// Every file in `FuzzRegressions/` once crashed or hung the scenario loader (found by
/// `scripts/fuzz scenario` or written for docs/fuzzing.md). Each must now be refused with
/// diagnostics that point inside the file; the `# expect: code line:col` lines at its top, if
/// any, name them exactly (lines counted the way libyaml counts them, so `\r\n`, `\r` and U+0085
/// end a line too).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions").path

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { !$0.hasPrefix(".") }
        .sorted()

    @Test func thereAreCases() {
        #expect(Self.files.count >= 4)
    }

    @Test(.timeLimit(.minutes(20)), arguments: files)
    func isRefusedWithDiagnosticsInsideTheFile(name: String) throws {
        let path = Self.directory + "/" + name
        let file = try YAMLFile.read(path: path)
        let diagnostics = ScenarioValidation.diagnostics(of: path)
        try #require(!diagnostics.isEmpty, "\(name) should be refused")
        for diagnostic in diagnostics {
            let line = try #require(file.line(diagnostic.position.line), "\(name): \(diagnostic.rendered)")
            #expect(diagnostic.sourceLine == line, "\(name): \(diagnostic.rendered)")
            #expect(diagnostic.position.column >= 1 && diagnostic.position.column <= line.unicodeScalars.count + 1,
                    "\(name): \(diagnostic.rendered)")
        }
        let expected = (0..<10).compactMap { file.line($0 + 1) }.prefix { $0.hasPrefix("# expect: ") }
            .map { String($0.dropFirst("# expect: ".count)) }
        if !expected.isEmpty {
            #expect(diagnostics.map { "\($0.code) \($0.position.line):\($0.position.column)" } == expected,
                    "\(name):\n\(diagnostics.map(\.rendered).joined(separator: "\n"))")
        }
    }
}
