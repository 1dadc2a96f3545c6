import RecoveryCore

extension ScenarioLint {
    /// The turn limit against the fewest replies each ending needs: an error when it cuts off every
    /// ending, a warning for each ending it always cuts off.
    func turnLimitProblems(dead: Set<ScenarioSources.Owner>) -> [Diagnostic] {
        guard let limit = scenario.turnLimit else { return [] }
        let distances = fewestReplies(dead: dead)
        let reached = scenario.endings.compactMap { ending in distances[ending].map { (ending, $0) } }
        guard let nearest = reached.min(by: { $0.1 < $1.1 }) else { return [] }  // no-way-out says so
        if nearest.1 > limit.turns {
            return [report(.turnLimitTooLow, at: sources.turns,
                           ["\(limit.turns)", nearest.0, "\(nearest.1)", limit.goto])]
        }
        return reached.filter { $0.0 != limit.goto && $0.1 > limit.turns }.map { ending, replies in
            report(.endingBeyondTurnLimit, at: sources.nodeKeys[ending], [ending, "\(replies)", "\(limit.turns)"])
        }
    }

    /// The fewest replies from the start to each node, along branches and rules that can fire
    /// (a rule's `goto` can fire at any node); the turn limit's own jump is left out.
    private func fewestReplies(dead: Set<ScenarioSources.Owner>) -> [String: Int] {
        let ruleTargets = scenario.rules.enumerated()
            .filter { !dead.contains(.rule(index: $0.offset)) }
            .compactMap(\.element.effects.goto)
        var distance = [scenario.start: 0]
        var frontier = [scenario.start]
        while !frontier.isEmpty {
            var next: [String] = []
            for id in frontier {
                guard let node = scenario.nodes[id], !node.isEnding, let here = distance[id] else { continue }
                let branchTargets = node.branches.enumerated()
                    .filter { !dead.contains(.branch(node: id, index: $0.offset)) }
                    .compactMap(\.element.effects.goto)
                for target in branchTargets + ruleTargets where distance[target] == nil {
                    distance[target] = here + 1
                    next.append(target)
                }
            }
            frontier = next
        }
        return distance
    }
}
