import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScoring

/// Rubric files that are empty, binary, huge, nested 10,000 deep, alias bombs or full of
/// duplicate keys: each is refused with one positioned diagnostic, never a crash, never a hang.
/// The time limit guards against a hang only (speed is BENCHMARKS.md's): on CI's two cores the
/// 15-minute retraining test and a terminal test can hold both of the test pool's threads, and a
/// one-minute limit then ran out before these tests were given a thread (seen at 0e4cc82).
@Suite("Hostile rubric files", .timeLimit(.minutes(20)))
struct HostileRubricTests {
    /// The diagnostics of loading the rubric file holding `bytes`, as `recovery` would read it.
    func diagnostics(of bytes: [UInt8]) throws -> [Diagnostic] {
        let path = NSTemporaryDirectory() + "recovery-hostile-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try RubricLoader.load(path: path)
            return []
        } catch {
            for diagnostic in error.diagnostics {
                #expect(diagnostic.position.file == path && diagnostic.position.line >= 1 && diagnostic.position.column >= 1)
            }
            return error.diagnostics
        }
    }

    func codes(of text: String) throws -> [String] { try diagnostics(of: Array(text.utf8)).map(\.code) }

    @Test func anEmptyFileHasNoContent() throws {
        #expect(try codes(of: "") == [CoreDiagnostic.emptyFile])
        #expect(try codes(of: "# only a comment\n\n") == [CoreDiagnostic.emptyFile])
    }

    @Test func aBinaryFileIsNotText() throws {
        #expect(try diagnostics(of: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]).map(\.code) == [CoreDiagnostic.notText])
        #expect(try diagnostics(of: [0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE]).map(\.code) == [CoreDiagnostic.notText])
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let huge = Array(repeating: UInt8(ascii: "#"), count: YAMLFile.maximumSize + 1)
        let found = try diagnostics(of: huge)
        #expect(found.map(\.code) == [CoreDiagnostic.fileTooLarge])
        #expect(found.first?.position.line == 1 && found.first?.position.column == 1)
    }

    @Test func deepNestingIsASyntaxError() throws {
        #expect(try codes(of: "steps: " + String(repeating: "[", count: 10_000)) == [CoreDiagnostic.yamlSyntax])
        #expect(try codes(of: "steps: " + String(repeating: "- ", count: 10_000) + "x\n") == [CoreDiagnostic.yamlSyntax])
    }

    @Test func anAliasBombIsRefused() throws {
        let lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + zip("bcdefgh", "abcdefg").map { name, previous in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]"
        }
        #expect(try codes(of: lines.joined(separator: "\n") + "\nsteps: {? *h : 1}\n") == [CoreDiagnostic.aliasExpansion])
    }

    @Test func tenThousandDuplicateKeysGiveOneDiagnostic() throws {
        let found = try diagnostics(of: Array((0..<10_000).map { "pass_mark: \($0)\n" }.joined().utf8))
        #expect(found.map(\.code) == [CoreDiagnostic.duplicateKey])
        #expect(found.first?.position.line == 2, "at the second copy, naming the first")
    }
}
