import RecoveryCore

/// The branch graph of a scenario: where each node can lead, for reachability checks and for
/// drawing the flow. Rules with a `goto` can fire at any node, so their targets follow every node.
public struct ScenarioGraph: Sendable {
    /// Node ids in file order.
    public let nodes: [String]
    /// For each node, the nodes one reply can lead to (branches, rules, the turn limit), each once.
    public let successors: [String: [String]]
    private let scenario: Scenario
    private let successorsBeforeTimeOut: [String: [String]]

    /// The graph of `scenario`.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        nodes = scenario.nodeOrder
        let ruleTargets = scenario.rules.compactMap(\.effects.goto)
        var successors: [String: [String]] = [:], beforeTimeOut: [String: [String]] = [:]
        for node in scenario.orderedNodes where !node.isEnding {
            var targets = node.successors
            for target in ruleTargets where !targets.contains(target) { targets.append(target) }
            beforeTimeOut[node.id] = targets
            if let limit = scenario.turnLimit?.goto, !targets.contains(limit) { targets.append(limit) }
            successors[node.id] = targets
        }
        self.successors = successors
        successorsBeforeTimeOut = beforeTimeOut
    }

    /// Every node some path from the start reaches, the start included.
    public var reachable: Set<String> {
        var seen: Set<String> = [scenario.start]
        var queue = [scenario.start]
        while let node = queue.popLast() {
            for next in successors[node] ?? [] where seen.insert(next).inserted { queue.append(next) }
        }
        return seen
    }

    /// Every node from which some ending can be reached without the turn limit.
    public var canEnd: Set<String> {
        var result = Set(scenario.endings)
        var changed = true
        while changed {
            changed = false
            for (node, targets) in successorsBeforeTimeOut where !result.contains(node) {
                if targets.contains(where: result.contains) {
                    result.insert(node)
                    changed = true
                }
            }
        }
        return result
    }

    /// Warnings for nodes that can never be reached, and for nodes from which no ending can be reached.
    func warnings(file: YAMLFile) -> [Diagnostic] {
        let reachable = reachable, canEnd = canEnd
        var warnings: [Diagnostic] = []
        for node in scenario.orderedNodes {
            let position = SourcePosition(file: file.path, line: node.line, column: firstColumn(file.line(node.line)))
            func warn(_ kind: ScenarioDiagnostic, _ values: [String]) {
                warnings.append(kind.diagnostic(in: file, line: position.line, column: position.column, values))
            }
            if !reachable.contains(node.id) {
                warn(.unreachableNode, [node.id, scenario.start])
            } else if !canEnd.contains(node.id) {
                warn(.noWayOut, [node.id])
            }
        }
        return warnings
    }

    private func firstColumn(_ line: String?) -> Int {
        (line?.unicodeScalars.prefix { $0 == " " }.count ?? 0) + 1
    }
}
