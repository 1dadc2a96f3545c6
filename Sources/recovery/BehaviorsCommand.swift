import ArgumentParser
import RecoveryTraining

/// `recovery behaviors`: the behaviour reference, from the scoring data.
struct BehaviorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "behaviors",
        abstract: "Print the behaviour reference (id, description, examples) from Scoring/behaviors.yaml as Markdown.",
        discussion: "Example: recovery behaviors > docs/behaviors.md"
    )

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        Output.line(BehaviorReference.markdown(try CommandEnvironment.analyzer(data).catalog))
    }
}
