import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Why a call could not be set up, said so a trainee can fix it.
public enum PreparationError: Error, CustomStringConvertible, Sendable {
    /// No scenario by that id or path.
    case scenarioNotFound(String, available: [String])
    /// No rubric by that id or path.
    case rubricNotFound(String, available: [String])
    /// A data file has errors.
    case invalid(DiagnosticError)

    /// The message to print.
    public var description: String {
        switch self {
        case let .scenarioNotFound(name, available):
            let suggestion = Spelling.closest(to: name, in: available).map { " Did you mean '\($0)'?" } ?? ""
            return "no scenario '\(name)'.\(suggestion) Available: \(available.joined(separator: ", "))"
        case let .rubricNotFound(name, available):
            let suggestion = Spelling.closest(to: name, in: available).map { " Did you mean '\($0)'?" } ?? ""
            return "no rubric '\(name)'.\(suggestion) Available: \(available.joined(separator: ", "))"
        case let .invalid(error):
            return error.description
        }
    }
}

/// Loads what a call needs from the data folder.
public enum CallPreparation {
    /// The default rubric when neither the command line nor the scenario names one.
    public static let defaultRubric = "recovery"

    /// Loads the scenario (id or path) and the rubric (`rubric`, else the scenario's, else the
    /// default), refusing files with errors, and starts loading the analyzer.
    public static func prepare(
        scenario name: String, rubric rubricName: String?, seed: UInt64, trainee: String, data: DataLocation
    ) throws(PreparationError) -> CallSetup {
        guard let scenarioPath = ScenarioLoader.resolve(name, in: data.scenariosDirectory) else {
            throw .scenarioNotFound(name, available: ScenarioLoader.list(in: data.scenariosDirectory))
        }
        // The analyzer compiles on its own thread while the scenario and rubric load; a broken
        // behaviors.yaml is reported before the first reply is read (`CallSetup.analyzerFailure`).
        let loading = AnalyzerLoading(path: data.behaviorsFile)
        do {
            let (briefing, scenario) = try loadScenario(path: scenarioPath, checked: ScenarioCheckCache.standard())
            let rubric = try loadRubric(rubricName ?? briefing.rubric ?? defaultRubric, data: data)
            return CallSetup(briefing: briefing, scenario: scenario, loading: loading, rubric: rubric, seed: seed, trainee: trainee)
        } catch let error as PreparationError {
            throw error
        } catch let error as DiagnosticError {
            throw .invalid(error)
        } catch {
            throw .invalid(DiagnosticError([]))
        }
    }

    /// The briefing of the scenario at `path` and the scenario, loading. A file this build
    /// already checked clean is not checked again (`ScenarioCheckCache`), and when its briefing
    /// was kept with its hash, the file is decoded on its own thread while the briefing prints;
    /// any other file is checked (and `checked` remembers it when clean) before this returns.
    package static func loadScenario(path: String, checked: ScenarioCheckRecord?) throws(DiagnosticError)
        -> (ScenarioBriefing, Loading<LoadedScenario>) {
        guard let checked else {
            let scenario = try ScenarioLoader.load(path: path)
            return (ScenarioBriefing(scenario), Loading(ready: LoadedScenario(scenario)))
        }
        let file = try YAMLFile.read(path: path)
        let hash = SHA256.hex(file.text)
        if let briefing = checked.briefing(hash) {
            return (briefing, Loading(background: false) { () throws(DiagnosticError) in
                LoadedScenario(try ScenarioLoader.loadChecked(file, hash: hash))
            })
        }
        let scenario = try ScenarioLoader.load(file, hash: hash, checked: checked)
        return (ScenarioBriefing(scenario), Loading(ready: LoadedScenario(scenario)))
    }

    /// Loads a rubric by id (from `Scoring/rubrics/`) or path.
    public static func loadRubric(_ name: String, data: DataLocation) throws -> Rubric {
        guard let path = RubricLoader.resolve(name, in: data.rubricsDirectory) else {
            throw PreparationError.rubricNotFound(name, available: RubricLoader.list(in: data.rubricsDirectory))
        }
        do { return try RubricLoader.load(path: path) } catch { throw PreparationError.invalid(error) }
    }
}
