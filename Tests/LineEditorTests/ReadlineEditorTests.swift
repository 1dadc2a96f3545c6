import Foundation
import Testing
@testable import LineEditor

/// Serialized: readline's history is process-wide.
@Suite(.serialized) struct ReadlineEditorTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("LineEditorTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func createsTheHistoryFileAndItsParentsPrivately() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("state/recovery/history").path
        _ = ReadlineEditor(historyFile: path, completions: ["/quit"], applicationName: "recovery")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try mode(path) == 0o600)
        #expect(try mode(root.appendingPathComponent("state/recovery").path) == 0o700)
    }

    @Test func recordsAcceptedLinesWithoutBlanksOrRepeats() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("history").path
        let history = HistoryFile(path: path)
        for line in ["I'm sorry", "I'm sorry", "", "   ", "Let me fix it", "I'm sorry"] { history.record(line) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "I'm sorry\nLet me fix it\nI'm sorry\n")
        #expect(try mode(path) == 0o600)
        #expect(history.lastEntry == "I'm sorry")
    }

    @Test func loadsAnExistingFileAndSkipsARepeatOfItsLastLine() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("history").path
        try "first\nsecond\n".write(toFile: path, atomically: true, encoding: .utf8)
        let history = HistoryFile(path: path)
        #expect(history.lastEntry == "second")
        history.record("second")
        history.record("third")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\nthird\n")
    }

    @Test func worksWithoutAHistoryFile() {
        let history = HistoryFile(path: nil)
        history.record("kept in memory")
        #expect(history.lastEntry == "kept in memory")
    }

    @Test func completesSlashCommandsByPrefix() {
        let words = ["/quit", "/hint", "/help", "/quit"]
        #expect(ReadlineCallbacks.matches(for: "/qu", in: words) == ["/quit"])
        #expect(ReadlineCallbacks.matches(for: "/h", in: words) == ["/hint", "/help"])
        #expect(ReadlineCallbacks.matches(for: "/x", in: words).isEmpty)
        #expect(ReadlineCallbacks.commonPrefix(of: ["/hint", "/help"]) == "/h")
        #expect(ReadlineCallbacks.commonPrefix(of: ["/quit"]) == "/quit")
    }

    @Test func marksEscapeSequencesInPromptsInvisible() {
        #expect(ReadlineEditor.markInvisible("you> ") == "you> ")
        #expect(ReadlineEditor.markInvisible("\u{1B}[1;32myou>\u{1B}[0m ") == "\u{1}\u{1B}[1;32m\u{2}you>\u{1}\u{1B}[0m\u{2} ")
    }
}
