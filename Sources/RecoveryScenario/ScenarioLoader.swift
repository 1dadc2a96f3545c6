import Foundation
import RecoveryCore

/// Finds, reads and checks scenario files.
public enum ScenarioLoader {
    /// Reads and checks the scenario at `path`, reporting every problem of the file at once.
    /// The tests of a sibling `<id>.tests.yaml`, if there is one, are added to the scenario's own.
    public static func load(path: String) throws(DiagnosticError) -> Scenario {
        try ScenarioTestFile.addingSiblingTests(to: try load(file: try YAMLFile.read(path: path)), path: path)
    }

    /// Checks the scenario in `file`, reporting every problem at once; warnings alone do not throw
    /// (they are in `Scenario.warnings`).
    public static func load(file: YAMLFile) throws(DiagnosticError) -> Scenario {
        let root = try file.compose()
        var decoder = ScenarioDecoder(file: file)
        guard let scenario = decoder.decode(root), !decoder.hasErrors else {
            throw DiagnosticError(decoder.reader.diagnostics)
        }
        return scenario
    }

    /// Loads the scenario at `path` to be played: when `checked` knows these bytes were checked
    /// clean before (same file hash, same program), the whole-file checks and the test
    /// conversations are skipped; otherwise the file is checked in full and, when it has no
    /// error, `checked` remembers it. A changed file is always checked again.
    public static func load(path: String, checked: ScenarioCheckRecord) throws(DiagnosticError) -> Scenario {
        let file = try YAMLFile.read(path: path)
        return try load(file, hash: SHA256.hex(file.text), checked: checked)
    }

    /// `file` (whose text has SHA-256 `hash`) decoded, and checked in full unless `checked`
    /// says this build checked the same bytes clean before.
    public static func load(_ file: YAMLFile, hash: String, checked: ScenarioCheckRecord) throws(DiagnosticError) -> Scenario {
        checked.isClean(hash) ? try loadChecked(file, hash: hash) : try check(file, hash: hash, into: checked)
    }

    /// Checks `file` (whose text has SHA-256 `hash`) in full and, when it has no error, has
    /// `checked` remember it with its briefing.
    public static func check(_ file: YAMLFile, hash: String, into checked: ScenarioCheckRecord) throws(DiagnosticError) -> Scenario {
        let scenario = try load(file: file)
        checked.markClean(hash, briefing: ScenarioBriefing(scenario))
        return scenario
    }

    /// Decodes `file`, whose bytes (SHA-256 `hash`) this program checked clean before, without
    /// the whole-file checks and the test conversations.
    public static func loadChecked(_ file: YAMLFile, hash: String) throws(DiagnosticError) -> Scenario {
        let root = try file.compose()
        var decoder = ScenarioDecoder(file: file)
        decoder.alreadyChecked = true
        decoder.contentHash = hash
        guard let scenario = decoder.decode(root), !decoder.hasErrors else {
            throw DiagnosticError(decoder.reader.diagnostics)
        }
        return scenario
    }

    /// The file for a scenario id or path: a path that exists is used as is; otherwise
    /// `"<directory>/<idOrPath>.yaml"` if that exists; nil when neither does.
    public static func resolve(_ idOrPath: String, in directory: String) -> String? {
        DataDirectory.resolve(idOrPath, in: directory)
    }

    /// The ids of the `*.yaml` files in `directory`, sorted; empty if it cannot be read.
    public static func list(in directory: String) -> [String] { DataDirectory.ids(in: directory) }
}

/// Which scenario files were checked clean before, by the hash of their bytes: lets `play`
/// skip the checks `recovery validate` runs, without ever trusting a changed file.
public protocol ScenarioCheckRecord: Sendable {
    /// Whether a file with this content hash was checked and had no error.
    func isClean(_ hash: String) -> Bool
    /// Remembers that a file with this content hash was checked and had no error, and the
    /// scenario's briefing.
    func markClean(_ hash: String, briefing: ScenarioBriefing)
    /// The briefing remembered with a file checked clean (nil: not remembered).
    func briefing(_ hash: String) -> ScenarioBriefing?
}
