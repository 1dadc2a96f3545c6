import Foundation
import RecoveryCore
import Yams

/// A scenario's sibling test file, `<id>.tests.yaml`: `scenario: <id>` and `tests:`, written
/// like the scenario's own `tests:` and run together with them.
public enum ScenarioTestFile {
    /// The suffix of a sibling test file's name.
    public static let suffix = DataDirectory.testFileSuffix

    /// Whether `path` names a sibling test file rather than a scenario.
    public static func isTestFile(_ path: String) -> Bool { path.hasSuffix(suffix) }

    /// The sibling test file of the scenario at `scenarioPath` (whether or not it exists).
    public static func path(besideScenario scenarioPath: String) -> String? {
        for ending in [".yaml", ".yml"] where scenarioPath.hasSuffix(ending) && !isTestFile(scenarioPath) {
            return String(scenarioPath.dropLast(ending.count)) + suffix
        }
        return nil
    }

    /// The scenario file a sibling test file belongs to (whether or not it exists).
    public static func scenarioPath(besideTests testPath: String) -> String? {
        isTestFile(testPath) ? String(testPath.dropLast(suffix.count)) + ".yaml" : nil
    }

    /// `scenario` with the tests of its sibling test file added, if that file exists.
    public static func addingSiblingTests(to scenario: Scenario, path: String) throws(DiagnosticError) -> Scenario {
        guard let testPath = self.path(besideScenario: path), FileManager.default.fileExists(atPath: testPath) else {
            return scenario
        }
        return try adding(try YAMLFile.read(path: testPath), to: scenario)
    }

    /// `scenario` with the tests of `file` (a sibling test file) added; every problem of the file
    /// is reported at once, positioned in `file`.
    public static func adding(_ file: YAMLFile, to scenario: Scenario) throws(DiagnosticError) -> Scenario {
        let root = try file.compose()
        var decoder = ScenarioDecoder(file: file)
        decoder.vocabulary = scenario.vocabulary
        let values = decoder.fields(root, what: "a test file", allowed: ["scenario", "tests"])
        if let idNode = decoder.required(values, "scenario", in: root, what: "a test file",
                                         hint: "add `scenario: \(scenario.id)` naming the scenario these tests play"),
           let id = decoder.reader.string(idNode, what: "scenario"), id != scenario.id {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            decoder.report(.idMismatch, at: idNode, [id, String(name.dropLast(suffix.count))],
                           hint: "write `scenario: \(scenario.id)`, or rename the file to \(id)\(suffix)")
        }
        let tests = values["tests"].map { decoder.decodeTests($0, earlier: scenario.tests) } ?? []
        if values["tests"] == nil, root.mapping != nil {
            _ = decoder.required(values, "tests", in: root, what: "a test file", hint: "add `tests:` with a list of test conversations")
        }
        decoder.checkReferences(nodes: scenario.nodes, order: scenario.nodeOrder, rules: scenario.rules)
        if decoder.hasErrors { throw DiagnosticError(decoder.reader.diagnostics) }
        var combined = scenario
        combined.tests += tests
        return combined
    }
}
