import RecoveryCore

/// What a scenario's test conversations reach when they are played: the nodes entered and the
/// objectives met. A scenario is done when its tests reach every ending; `validate` warns about
/// every ending, objective and node they leave out, and `test --coverage` prints the counts.
public struct ScenarioCoverage: Sendable, Equatable {
    /// Every node some test entered (the start included).
    public var reachedNodes: Set<String>
    /// Every objective some test met.
    public var metObjectives: Set<String>

    /// Coverage of these nodes and objectives.
    public init(reachedNodes: Set<String> = [], metObjectives: Set<String> = []) {
        self.reachedNodes = reachedNodes
        self.metObjectives = metObjectives
    }

    /// A warning for every ending, objective and other node of `scenario` (read from `file`)
    /// that no test reaches, at its id.
    public func gaps(in scenario: Scenario, file: YAMLFile) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for node in scenario.orderedNodes where !reachedNodes.contains(node.id) && node.id != scenario.start {
            if let outcome = node.ending {
                found.append(ScenarioDiagnostic.untestedEnding.diagnostic(in: file, line: node.line, column: node.column, [node.id, outcome.rawValue]))
            } else {
                found.append(ScenarioDiagnostic.untestedNode.diagnostic(in: file, line: node.line, column: node.column, [node.id]))
            }
        }
        for objective in scenario.objectives where !metObjectives.contains(objective.id) {
            found.append(ScenarioDiagnostic.untestedObjective.diagnostic(in: file, line: objective.line, column: objective.column, [objective.id]))
        }
        return found
    }

    /// `cold-house-furnace: nodes 29/29, endings 7/7, objectives 3/3`.
    public func summary(of scenario: Scenario) -> String {
        let nodes = scenario.orderedNodes.filter { reachedNodes.contains($0.id) || $0.id == scenario.start }.count
        let endings = scenario.endings.filter(reachedNodes.contains).count
        let objectives = scenario.objectives.filter { metObjectives.contains($0.id) }.count
        return "\(scenario.id): nodes \(nodes)/\(scenario.nodes.count), endings \(endings)/\(scenario.endings.count), "
            + "objectives \(objectives)/\(scenario.objectives.count)"
    }
}
