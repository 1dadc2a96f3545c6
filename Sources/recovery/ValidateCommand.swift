import ArgumentParser
import RecoveryCore
import RecoveryScenario
import RecoveryTraining

/// `recovery validate`: check scenario files without playing them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem with its line, column and a fix.",
        discussion: """
            Runs the checks 'play' and 'test' run, on every scenario named (a folder means its *.yaml \
            scenarios; default: Scenarios/), and plays each scenario's test conversations to warn about \
            every ending, objective and node they leave out. Exit status 1 if any file has an error (or, \
            with --strict, a warning). Example: recovery validate Scenarios/irate-caller.yaml --strict
            """
    )

    @Argument(help: "Scenario, rubric or behaviours files, or folders (default: the Scenarios folder of the data; Scoring/ checks behaviors.yaml and every rubric).")
    var paths: [String] = []

    @Option(help: "Output format: 'text' (file:line:col, the line, a caret and a hint) or 'json'.")
    var format: ValidateFormat = .text

    @Flag(help: "Fail on warnings too, not only on errors.")
    var strict = false

    @Flag(help: "Print every diagnostic code with its severity, message and fix hint as Markdown, and exit.")
    var listCodes = false

    func run() throws {
        if listCodes {
            Output.line(DiagnosticRegistry.markdownReference)
            return
        }
        let paths = self.paths.isEmpty ? [try CommandEnvironment.dataLocation().scenariosDirectory] : self.paths
        let report = DataFileValidation.check(paths, coverage: try Self.coverage())
        if report.files.isEmpty { throw CommandFailure("no scenario, rubric or behaviours files in \(paths.joined(separator: ", "))") }
        switch format {
        case .json:
            Output.line(report.json)
        case .text:
            for diagnostic in report.diagnostics { Output.line(diagnostic.rendered) }
            Output.line(report.summary)
        }
        if report.failed(strict: strict) { throw ExitCode.failure }
    }

    /// What each scenario's test conversations reach, played with the shipped analyzer and the
    /// default rubric, so that endings, objectives and nodes no test reaches are warned about; nil
    /// (with a note) when there is no scoring data to play them with.
    static func coverage() throws -> ((Scenario) -> ScenarioCoverage)? {
        guard let data = try? CommandEnvironment.dataLocation() else {
            Output.note("note: no Scoring/behaviors.yaml here or above, so test coverage is not checked")
            return nil
        }
        return ScenarioTestSuite.coverageProvider(data: data, analyzer: try CommandEnvironment.analyzer(data))
    }
}

/// How `recovery validate` prints what it found.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
