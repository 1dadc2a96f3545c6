import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryTraining

/// `recovery graph`: the branch graph of a scenario as Graphviz DOT or Mermaid.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a scenario's branch graph as Graphviz DOT or Mermaid.",
        discussion: """
            Nodes in file order with the first words the customer says; endings shaped and coloured by \
            outcome (legend included); branch arrows labelled with their conditions as written; rule and \
            turn-limit jumps, which can happen at any node, dashed from "(any node)". \
            Example: recovery graph escalation | dot -Tsvg > escalation.svg
            """
    )

    @Argument(help: "A scenario id from Scenarios/ (such as escalation) or a path to a scenario file.")
    var scenario: String

    @Option(help: "Output format: dot (Graphviz, default) or mermaid.")
    var format: GraphFormat = .dot

    @Option(name: .shortAndLong, help: "Write the graph to this file instead of standard output.")
    var output: String?

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let loaded = try ScenarioArgument.load(scenario, data: data)
        let text = ScenarioDrawing(loaded).rendered(format)
        guard let output else {
            Output.raw(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Output.error("cannot write \(TerminalSafe.escape(output)): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Output.note("Wrote \(output)")
    }
}

extension GraphFormat: ExpressibleByArgument {}

/// Loads the scenario a command names (an id from Scenarios/ or a path), printing its problems.
enum ScenarioArgument {
    /// The scenario `name` names; prints the error (with suggestions or positioned diagnostics) and fails otherwise.
    static func load(_ name: String, data: DataLocation) throws -> Scenario {
        guard let path = ScenarioLoader.resolve(name, in: data.scenariosDirectory) else {
            Output.error(PreparationError.scenarioNotFound(name, available: ScenarioLoader.list(in: data.scenariosDirectory)).description)
            throw ExitCode.failure
        }
        do { return try ScenarioLoader.load(path: path) } catch {
            Output.failure(error)
            throw ExitCode.failure
        }
    }
}
