import Foundation
import RecoveryCore
import RecoveryScenario

/// A folder of marker files, one per scenario file checked clean by this build of the program,
/// each holding the scenario's briefing (JSON): `$XDG_CACHE_HOME/recovery/checked` (default
/// `~/.cache/recovery/checked`). A marker's name is the SHA-256 of the file's hash and the program's build stamp (its path, size and
/// modification time), so an edited scenario or a rebuilt program is always checked in full.
/// Anything that goes wrong (no home, a read-only disk) only means the checks run again.
/// A rebuilt program or an edited scenario leaves its old markers behind, never read again, so
/// the folder keeps at most `limit` of them: past it, the least recently written go.
public struct ScenarioCheckCache: ScenarioCheckRecord {
    /// Where the markers are.
    public let directory: String
    private let stamp: String
    /// How many markers the folder keeps.
    let limit: Int

    /// The cache in `directory`, for the program built as `stamp`, keeping at most `limit` markers.
    public init(directory: String, stamp: String, limit: Int = 512) {
        self.directory = directory
        self.stamp = stamp
        self.limit = limit
    }

    /// The standard cache for this user and this build of the program; nil when no folder can be named.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ScenarioCheckCache? {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.cache" }
        guard let base, let stamp = buildStamp() else { return nil }
        return ScenarioCheckCache(directory: base + "/recovery/checked", stamp: stamp)
    }

    /// This program's path, size and modification time.
    static func buildStamp() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date else { return nil }
        return "\(path) \(size) \(date.timeIntervalSince1970)"
    }

    /// The marker file of a scenario of content hash `hash`.
    func marker(_ hash: String) -> String { directory + "/" + SHA256.hex(hash + " " + stamp) }

    public func isClean(_ hash: String) -> Bool { FileManager.default.fileExists(atPath: marker(hash)) }

    /// Writes the marker, holding the briefing as JSON, atomically (a reader never sees half of it).
    public func markClean(_ hash: String, briefing: ScenarioBriefing) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(briefing) else { return }
        try? data.write(to: URL(fileURLWithPath: marker(hash)), options: .atomic)
        prune()
    }

    /// Removes the least recently written markers past `limit`. Only files named as markers are
    /// touched (64 hexadecimal digits), never another program's file or a write in progress.
    private func prune() {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: directory), names.count > limit else { return }
        let markers = names.filter { $0.utf8.count == 64 && $0.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } }
        guard markers.count > limit else { return }
        let dated = markers.map { name -> (date: Date, path: String) in
            let path = directory + "/" + name
            return ((try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? .distantPast, path)
        }
        for old in dated.sorted(by: { ($0.date, $0.path) < ($1.date, $1.path) }).prefix(markers.count - limit) {
            try? files.removeItem(atPath: old.path)
        }
    }

    /// The briefing in the marker; nil when there is no marker or it holds no briefing (an empty
    /// marker from an older build, or a damaged one): the scenario is then decoded before the
    /// first prompt, as without a cache.
    public func briefing(_ hash: String) -> ScenarioBriefing? {
        guard let data = FileManager.default.contents(atPath: marker(hash)) else { return nil }
        return try? JSONDecoder().decode(ScenarioBriefing.self, from: data)
    }
}
