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

    /// The file for a scenario id or path: a path that exists is used as is; otherwise
    /// `"<directory>/<idOrPath>.yaml"` if that exists; nil when neither does.
    public static func resolve(_ idOrPath: String, in directory: String) -> String? {
        DataDirectory.resolve(idOrPath, in: directory)
    }

    /// The ids of the `*.yaml` files in `directory`, sorted; empty if it cannot be read.
    public static func list(in directory: String) -> [String] { DataDirectory.ids(in: directory) }
}
