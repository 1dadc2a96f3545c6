import Foundation

/// Where the scenario and scoring data live.
public struct DataLocation: Sendable, Equatable {
    /// The folder holding `Scenarios/` and `Scoring/`.
    public var root: String

    /// Data under `root`.
    public init(root: String) { self.root = root }

    /// `Scenarios/`.
    public var scenariosDirectory: String { root + "/Scenarios" }
    /// `Scoring/`.
    public var scoringDirectory: String { root + "/Scoring" }
    /// `Scoring/behaviors.yaml`.
    public var behaviorsFile: String { scoringDirectory + "/behaviors.yaml" }
    /// `Scoring/corpus/`: the labelled replies (train, dev and frozen test parts).
    public var corpusDirectory: String { scoringDirectory + "/corpus" }
    /// `Scoring/model.bin`: the learned reader `recovery train` writes.
    public var modelFile: String { scoringDirectory + "/model.bin" }
    /// `Scoring/rubrics/`.
    public var rubricsDirectory: String { scoringDirectory + "/rubrics" }

    /// The first of `candidates` (a `RECOVERY_HOME` setting, the working directory, the
    /// executable's folder) that holds `Scoring/behaviors.yaml`, searching each one's parents too.
    public static func find(from candidates: [String]) -> DataLocation? {
        for candidate in candidates {
            var directory = URL(fileURLWithPath: candidate).standardizedFileURL
            for _ in 0..<8 {
                let location = DataLocation(root: directory.path)
                if FileManager.default.fileExists(atPath: location.behaviorsFile) { return location }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
