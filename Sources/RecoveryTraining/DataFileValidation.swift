import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// `recovery validate` for every kind of data file a trainer edits: scenarios, rubrics
/// (`Scoring/rubrics/*.yaml`) and the behaviours file (`behaviors.yaml`), each checked by its
/// own loader and reported in the same `file:line:col: error: [code]` form.
public enum DataFileValidation {
    /// The kinds of data file.
    public enum Kind: Sendable, Equatable {
        case scenario, rubric, behaviors, roster
    }

    /// The kind of `path`: `behaviors.yaml` by name, a rubric by its folder (`rubrics/`) or by a
    /// top-level `steps:` key, a scenario otherwise.
    public static func kind(of path: String) -> Kind {
        let url = URL(fileURLWithPath: path)
        if url.lastPathComponent == "behaviors.yaml" { return .behaviors }
        if url.lastPathComponent == "team.yaml" { return .roster }
        if url.deletingLastPathComponent().lastPathComponent == "rubrics" { return .rubric }
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
           text.split(separator: "\n").contains(where: { $0.hasPrefix("steps:") }) { return .rubric }
        return .scenario
    }

    /// Checks every file `paths` name: a folder holding `behaviors.yaml` or a `rubrics` folder
    /// (such as `Scoring/`) stands for those files; other folders for their scenarios. Scenarios
    /// get `coverage` as `ScenarioValidation.check` does.
    public static func check(_ paths: [String], coverage: ((Scenario) -> ScenarioCoverage)? = nil) -> ScenarioValidation.Report {
        var scenarios: [String] = [], others: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                let behaviors = folder + "/behaviors.yaml"
                let rubrics = folder + "/rubrics"
                if FileManager.default.fileExists(atPath: behaviors) || URL(fileURLWithPath: folder).lastPathComponent == "rubrics" {
                    if FileManager.default.fileExists(atPath: behaviors) { others.append(behaviors) }
                    let rubricFolder = URL(fileURLWithPath: folder).lastPathComponent == "rubrics" ? folder : rubrics
                    others += RubricLoader.list(in: rubricFolder).map { rubricFolder + "/" + $0 + ".yaml" }
                    continue
                }
                scenarios.append(path)
            } else if kind(of: path) == .scenario {
                scenarios.append(path)
            } else {
                others.append(path)
            }
        }
        let scenarioReport = scenarios.isEmpty ? ScenarioValidation.Report(files: [], diagnostics: [])
            : ScenarioValidation.check(scenarios, coverage: coverage)
        let otherDiagnostics = others.flatMap(diagnostics(ofDataFile:))
        return ScenarioValidation.Report(files: scenarioReport.files + others, diagnostics: scenarioReport.diagnostics + otherDiagnostics)
    }

    /// The diagnostics of a rubric or behaviours file (empty when it loads cleanly).
    static func diagnostics(ofDataFile path: String) -> [Diagnostic] {
        do {
            switch kind(of: path) {
            case .behaviors: _ = try Analyzer.load(path: path, withModel: false)
            case .roster: _ = try Roster.load(path: path)
            case .rubric, .scenario: _ = try RubricLoader.load(path: path)
            }
            return []
        } catch {
            return error.diagnostics
        }
    }
}
