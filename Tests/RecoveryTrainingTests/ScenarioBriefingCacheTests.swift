import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
@testable import RecoveryTraining

/// `play` prints the briefing kept with a scenario file checked clean and decodes the file on its
/// own thread meanwhile; the call played from that scenario is the call played from a fresh load,
/// and a missing, old or damaged marker only means the file is decoded first.
@Suite struct ScenarioBriefingCacheTests {
    static let path = TestData.location.scenariosDirectory + "/cold-house-furnace.yaml"

    static func cache() -> ScenarioCheckCache {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("checked-\(UUID().uuidString)").path
        return ScenarioCheckCache(directory: directory, stamp: "test build")
    }

    static func hash() throws -> String { SHA256.hex(try YAMLFile.read(path: path).text) }

    /// Every reply of a short call and its transcript as JSON, for `setup`.
    static func played(_ setup: CallSetup) throws -> Data {
        let replies: [(text: String, latency: Double)] = [
            ("I'm so sorry, that's on us and I own it.", 4),
            ("I can send Dana, our senior technician, at 10:00 this morning, and there's no charge.", 6),
            ("Does that work for you?", 3),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(CallReplay.play(replies, setup: setup).finish(.quit))
    }

    static func setup(_ briefing: ScenarioBriefing, _ scenario: Loading<LoadedScenario>) -> CallSetup {
        CallSetup(briefing: briefing, scenario: scenario, loading: AnalyzerLoading(ready: TestData.analyzer),
                  rubric: TestData.rubric, seed: 7, trainee: "tester")
    }

    @Test func theSecondStartShowsTheKeptBriefingAndPlaysTheSameCall() throws {
        let cache = Self.cache()
        let fresh = try ScenarioLoader.load(path: Self.path)
        let (firstBriefing, first) = try CallPreparation.loadScenario(path: Self.path, checked: cache)
        #expect(firstBriefing == ScenarioBriefing(fresh))
        let hash = try Self.hash()
        #expect(cache.briefing(hash) == ScenarioBriefing(fresh), "checked clean: the briefing is kept")
        let (briefing, background) = try CallPreparation.loadScenario(path: Self.path, checked: cache)
        #expect(briefing == ScenarioBriefing(fresh))
        let freshCall = try Self.played(CallSetup(scenario: fresh, analyzer: TestData.analyzer, rubric: TestData.rubric,
                                                  seed: 7, trainee: "tester"))
        #expect(try Self.played(Self.setup(firstBriefing, first)) == freshCall)
        #expect(try Self.played(Self.setup(briefing, background)) == freshCall)
        #expect(background.failure == nil)
    }

    @Test(arguments: [Data(), Data("{\"title\": 3".utf8), Data([0xff, 0x00, 0x7b])])
    func anOldOrDamagedMarkerMeansDecodingFirst(marker: Data) throws {
        let cache = Self.cache(), hash = try Self.hash()
        _ = try CallPreparation.loadScenario(path: Self.path, checked: cache)
        let markers = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        #expect(markers.count == 1)
        try marker.write(to: URL(fileURLWithPath: cache.directory + "/" + markers[0]))
        #expect(cache.isClean(hash) && cache.briefing(hash) == nil)
        let (briefing, scenario) = try CallPreparation.loadScenario(path: Self.path, checked: cache)
        #expect(briefing == ScenarioBriefing(try ScenarioLoader.load(path: Self.path)))
        #expect(scenario.failure == nil && scenario.value.scenario.contentHash == hash)
    }

    @Test func anotherBuildKeepsNothing() throws {
        let cache = Self.cache(), hash = try Self.hash()
        _ = try CallPreparation.loadScenario(path: Self.path, checked: cache)
        let rebuilt = ScenarioCheckCache(directory: cache.directory, stamp: "another build")
        #expect(cache.briefing(hash) != nil)
        #expect(!rebuilt.isClean(hash) && rebuilt.briefing(hash) == nil)
    }

    @Test func theFolderKeepsTheNewestMarkersUpToItsLimit() throws {
        let directory = Self.cache().directory
        let cache = ScenarioCheckCache(directory: directory, stamp: "test build", limit: 3)
        let briefing = ScenarioBriefing(try ScenarioLoader.load(path: Self.path))
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Another program's file in the folder is never touched.
        try Data("keep".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        let hashes = (0..<5).map { "scenario \($0)" }
        for (minute, hash) in hashes.enumerated() {
            cache.markClean(hash, briefing: briefing)
            // Written a minute apart, oldest first, whatever the file system's clock resolution.
            try files.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 + Double(minute) * 60)],
                                    ofItemAtPath: cache.marker(hash))
        }
        #expect(hashes.map(cache.isClean) == [false, false, true, true, true])
        #expect(try files.contentsOfDirectory(atPath: directory).count == 4)
        #expect(files.fileExists(atPath: directory + "/notes.txt"))
    }
}
