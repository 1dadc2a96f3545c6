import Foundation
import Testing
import RecoveryCore
@testable import RecoveryTraining

@Suite struct TranscriptStoreTests {
    func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "store-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func sampleTranscript() -> Transcript {
        CallReplay.play([("I'm so sorry.", 2)], setup: TestData.setup(TestData.miniScenario)).finish(.quit)
    }

    @Test func writesJSONAndMarkdownAndRewritesInPlace() throws {
        let directory = temporaryDirectory()
        let store = TranscriptStore(directory: directory)
        var transcript = sampleTranscript()
        let first = try store.save(transcript)
        transcript.trainee = "changed"
        let second = try store.save(transcript)
        #expect(first == second)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.count == 2, "no temporary files left behind: \(files)")
        let reread = try Transcript.decode(Data(contentsOf: URL(fileURLWithPath: second.transcriptPath)))
        #expect(reread.trainee == "changed")
        #expect(try String(contentsOfFile: second.debriefPath, encoding: .utf8).hasPrefix("# Debrief"))
    }

    @Test func twoCallsStartedTheSameSecondGetDifferentFiles() throws {
        let directory = temporaryDirectory()
        let transcript = sampleTranscript()
        let paths = try (0..<5).map { _ in try TranscriptStore(directory: directory).save(transcript).transcriptPath }
        #expect(Set(paths).count == 5)
    }

    @Test func unwritableDirectoryFallsBackAndSaysWhy() throws {
        let blocker = temporaryDirectory() + "/a-file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let fallback = temporaryDirectory()
        let store = TranscriptStore(directory: blocker + "/transcripts", fallbackDirectory: fallback)
        let saved = try store.save(sampleTranscript())
        #expect(saved.transcriptPath.hasPrefix(fallback))
        #expect(store.fallbackReason?.contains("transcripts") == true)
    }

    @Test func withoutFallbackTheErrorNamesTheDirectory() {
        let store = TranscriptStore(directory: "/proc/no-such-place/transcripts")
        #expect(throws: StorageError.self) { try store.save(sampleTranscript()) }
    }
}
