import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// A scenario file that could not be tested, and why.
public struct TestLoadFailure: Sendable, Equatable {
    /// The file or argument.
    public var path: String
    /// What is wrong (diagnostics rendered with positions, or a sentence).
    public var message: String
    /// The file's diagnostics, when it loaded far enough to have some.
    public var diagnostics: [Diagnostic] = []

    /// `path` could not be tested because of `message` (and `diagnostics`).
    public init(path: String, message: String, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.message = message
        self.diagnostics = diagnostics
    }
}

/// Everything one `recovery test` run found and played.
public struct ScenarioTestRun: Sendable {
    /// The tests, scenario by scenario in the order given, each scenario's tests in file order.
    public var results: [ScenarioTestResult] = []
    /// Files that could not be loaded.
    public var loadFailures: [TestLoadFailure] = []

    /// A run with these results and load failures.
    public init(results: [ScenarioTestResult] = [], loadFailures: [TestLoadFailure] = []) {
        self.results = results
        self.loadFailures = loadFailures
    }

    /// How many tests came out `status`.
    public func count(_ status: TestStatus) -> Int { results.filter { $0.status == status }.count }

    /// Whether anything failed: a test, an unexpected pass, or a file that did not load.
    public var failed: Bool { !loadFailures.isEmpty || results.contains { $0.status.isFailure } }
}

/// Finds scenario files, loads them with their sibling test files, and plays their tests.
public enum ScenarioTestSuite {
    /// The scenario files `arguments` name: a directory gives its scenarios, a sibling test file
    /// its scenario, an id a file of `Scenarios/`; each file once, in the order given.
    public static func scenarioFiles(_ arguments: [String], data: DataLocation) -> (files: [String], failures: [TestLoadFailure]) {
        var files: [String] = [], failures: [TestLoadFailure] = []
        func add(_ file: String) { if !files.contains(file) { files.append(file) } }
        for argument in arguments.isEmpty ? [data.scenariosDirectory] : arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let directory = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                DataDirectory.ids(in: directory).forEach { add(directory + "/" + $0 + ".yaml") }
            } else if let scenario = ScenarioTestFile.scenarioPath(besideTests: argument) {
                if FileManager.default.fileExists(atPath: scenario) { add(scenario) } else {
                    failures.append(TestLoadFailure(path: argument, message: "no scenario file \(scenario) beside this test file"))
                }
            } else if let file = DataDirectory.resolve(argument, in: data.scenariosDirectory) {
                add(file)
            } else {
                failures.append(TestLoadFailure(path: argument, message: "no such file, folder or scenario id"))
            }
        }
        return (files, failures)
    }

    /// Plays the tests of `arguments` (see `scenarioFiles`) whose names contain `filter`
    /// (ignoring case), each scenario graded with its own rubric.
    public static func run(_ arguments: [String], data: DataLocation, analyzer: Analyzer, filter: String? = nil) -> ScenarioTestRun {
        let (files, failures) = scenarioFiles(arguments, data: data)
        var run = ScenarioTestRun(loadFailures: failures)
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                let rubric = try CallPreparation.loadRubric(scenario.rubric ?? CallPreparation.defaultRubric, data: data)
                run.results += results(of: scenario, analyzer: analyzer, rubric: rubric, filter: filter)
            } catch {
                run.loadFailures.append(TestLoadFailure(path: file, message: "\(error)",
                                                        diagnostics: (error as? DiagnosticError)?.diagnostics ?? []))
            }
        }
        return run
    }

    /// Plays the tests of `scenario` whose names (or whose scenario's id) contain `filter`; when some of them are marked
    /// `only`, the others are reported skipped.
    public static func results(of scenario: Scenario, analyzer: Analyzer, rubric: Rubric, filter: String? = nil, seed: UInt64 = 1) -> [ScenarioTestResult] {
        let chosen = scenario.tests.filter { test in
            guard let filter, !filter.isEmpty else { return true }
            return test.name.range(of: filter, options: .caseInsensitive) != nil
                || scenario.id.range(of: filter, options: .caseInsensitive) != nil
        }
        let focused = chosen.contains { $0.only }
        return chosen.map { test in
            guard focused, !test.only, test.skipReason == nil else {
                return ScenarioTestRunner.run(test, scenario: scenario, analyzer: analyzer, rubric: rubric, seed: seed)
            }
            let setup = CallSetup(scenario: scenario, analyzer: analyzer, rubric: rubric, seed: seed, trainee: "test")
            return ScenarioTestRunner.skipped(test, reason: "other tests of this scenario are marked `only`", setup: setup)
        }
    }
}
