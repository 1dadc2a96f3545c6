import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// Every file in `Invalid/` is a broken scenario whose first line says what it must produce:
/// `# expect: <code> <line>:<column>`. Loading it must give exactly that one diagnostic.
@Suite("Invalid scenarios")
struct InvalidScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Invalid").path

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".yaml") }
        .sorted()

    @Test func thereIsACaseForEveryErrorTheFormatLists() {
        #expect(Self.files.count >= 19)
    }

    @Test(arguments: files)
    func producesTheDeclaredDiagnostic(name: String) throws {
        let path = Self.directory + "/" + name
        let data = try #require(FileManager.default.contents(atPath: path))
        let firstLine = String(decoding: data.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = firstLine.split(separator: " ")
        try #require(parts.count == 4 && parts[0] == "#" && parts[1] == "expect:", "first line must be `# expect: code line:col`")
        let code = String(parts[2]), position = String(parts[3])

        let diagnostics: [Diagnostic]
        do {
            let loaded = try ScenarioLoader.load(path: path)
            diagnostics = loaded.warnings
        } catch {
            diagnostics = error.diagnostics
        }
        let found = diagnostics.map { "\($0.code) \($0.position.line):\($0.position.column)" }
        #expect(found == ["\(code) \(position)"], "\(name):\n\(diagnostics.map(\.rendered).joined(separator: "\n"))")
        for diagnostic in diagnostics {
            #expect(diagnostic.position.file == path)
            #expect(diagnostic.hint?.isEmpty == false, "every diagnostic says how to fix it")
        }
    }
}
