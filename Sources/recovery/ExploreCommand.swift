import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryTraining

/// `recovery explore`: seeded random playthroughs that find dead ends, endless loops, unreached branches
/// and lines said twice.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Play scenarios many times with random replies; report coverage, endings, dead ends and endless loops.",
        discussion: """
            Replies are drawn from the behaviour examples of Scoring/behaviors.yaml and the scenario's \
            intent phrases, alone or two or three at once, with random latencies (some beyond the \
            customer's patience). Reports nodes never visited, rules and branches never fired (by line), \
            how often each ending was reached, runs stuck in a dead end or a loop that never ends, and \
            the customer lines some call said twice, word for word (by line). The same seed gives the \
            same report. Exits 1 when a dead end or endless loop is found. \
            Example: recovery explore escalation --runs 500 --seed 7
            """
    )

    /// How the report is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scenario ids from Scenarios/, scenario files or folders of them (default: every scenario in Scenarios/).")
    var scenarios: [String] = []

    @Option(help: "Calls to play per scenario.")
    var runs = 200

    @Option(help: "Seed of the random replies and latencies; the same seed gives the same report.")
    var seed: UInt64 = 1

    @Option(help: "Report format: text (default) or json.")
    var format: Format = .text

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs needs at least 1") }
    }

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let names = scenarios.isEmpty ? ScenarioLoader.list(in: data.scenariosDirectory) : scenarios.flatMap(Self.expandingFolders)
        if names.isEmpty { throw CommandFailure("no scenarios in \(data.scenariosDirectory)") }
        let reports = try names.map { name in
            ScenarioExplorer(scenario: try ScenarioArgument.load(name, data: data), analyzer: analyzer).explore(runs: runs, seed: seed)
        }
        switch format {
        case .text: Output.line(reports.map(\.text).joined(separator: "\n\n"))
        case .json: Output.line(ExplorationReport.json(reports))
        }
        if reports.contains(where: \.hasProblems) { throw ExitCode.failure }
    }

    /// A folder stands for the scenario files in it; anything else is an id or a file.
    private static func expandingFolders(_ name: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue else { return [name] }
        let folder = name.hasSuffix("/") ? String(name.dropLast()) : name
        return ScenarioLoader.list(in: folder).map { "\(folder)/\($0).yaml" }
    }
}
