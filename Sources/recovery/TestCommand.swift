import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// `recovery test`: play the test conversations of scenario files and report what no longer passes.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Play the test conversations of scenarios and report which pass.",
        discussion: """
            Plays the `tests:` of each scenario and of its sibling <id>.tests.yaml. Prints PASS, FAIL, \
            SKIP, XFAIL (failed as expected) or XPASS (passed but marked expect_failure) per test, and \
            for each failure the conversation as it went, with the failing turn marked >>. Exits 1 when \
            anything failed. Example: recovery test Scenarios/ --filter refund --junit results.xml
            """
    )

    /// How the report is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scenario files, <id>.tests.yaml files, folders or scenario ids (default: Scenarios/ of the data folder).")
    var paths: [String] = []

    @Option(help: "Run only the tests whose names, or whose scenario ids, contain this text (ignoring case).")
    var filter: String?

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @Option(help: "How to print the report: text for people, json for tools.")
    var format: Format = .text

    @Flag(help: "Also print, per scenario, how many nodes, endings and objectives the tests reach, and each one they leave out.")
    var coverage = false

    @Flag(help: "Keep running: check the files and play their tests again each time one is saved (Ctrl-C stops).")
    var watch = false

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        if watch {
            TestWatch(paths: paths, filter: filter, data: data, analyzer: analyzer).run()
            return
        }
        let run = ScenarioTestSuite.run(paths, data: data, analyzer: analyzer, filter: filter)
        if let junit {
            do {
                try Data(JUnitReport.xml(run).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                Output.error("cannot write \(TerminalSafe.escape(junit)): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        switch format {
        case .text: Output.line(ScenarioTestReport.text(run))
        case .json: Output.line(TestReportJSON(run).encoded())
        }
        if coverage { printCoverage(data: data, analyzer: analyzer) }
        if run.results.isEmpty && run.loadFailures.isEmpty {
            Output.error(filter.map { "no test conversation's name contains '\(TerminalSafe.escape($0))'" } ?? "no test conversations found")
            throw ExitCode.failure
        }
        if run.failed { throw ExitCode.failure }
    }

    /// `--coverage`: each scenario's counts, then what its tests leave out, as `validate` warns.
    private func printCoverage(data: DataLocation, analyzer: Analyzer) {
        Output.line()
        for report in ScenarioTestSuite.coverageReports(paths, data: data, analyzer: analyzer) {
            Output.line("coverage " + report.summary)
            for gap in report.gaps { Output.line(gap.rendered) }
        }
    }
}
