import Foundation
import Testing
@testable import RecoveryTraining

/// A save killed half-way (SIGKILL, power cut) leaves a hidden temporary file; the next call
/// saved in that directory removes it once it is clearly stale, and touches nothing else.
@Suite struct TranscriptLeftoverTests {
    func directoryWith(_ files: [String: Date]) throws -> String {
        let directory = NSTemporaryDirectory() + "leftover-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, modified) in files {
            let path = directory + "/" + name
            try Data("{\"half\": ".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        }
        return directory
    }

    @Test func staleTemporaryFilesGoAndEverythingElseStays() throws {
        let old = Date().addingTimeInterval(-3600), fresh = Date()
        let directory = try directoryWith([
            ".2026-11-23T101010Z-ada-cold-house-furnace.json.4242.123456.tmp": old,
            ".2026-11-23T101010Z-ada-cold-house-furnace.md.4242.99.tmp": old,
            ".2026-11-23T111111Z-bo-escalation.json.77.5.tmp": fresh,  // a save going on right now
            "2026-11-23T101010Z-ada-cold-house-furnace.json": old,
            ".notes.tmp": old,  // not ours
        ])
        let removed = TranscriptStore.removeLeftoverTemporaries(in: directory)
        #expect(removed.count == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(left == [".2026-11-23T111111Z-bo-escalation.json.77.5.tmp", ".notes.tmp",
                         "2026-11-23T101010Z-ada-cold-house-furnace.json"])
    }

    @Test func aNewCallSweepsTheDirectoryItSavesIn() throws {
        let directory = try directoryWith([".2026-11-22T090000Z-ada-irate-caller.json.1.2.tmp": Date().addingTimeInterval(-7200)])
        let transcript = CallReplay.play([("I'm so sorry.", 2)], setup: TestData.setup(TestData.miniScenario)).finish(.quit)
        _ = try TranscriptStore(directory: directory).save(transcript)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(left.allSatisfy { !$0.hasSuffix(".tmp") }, "\(left)")
        #expect(left.count == 2)
    }
}
