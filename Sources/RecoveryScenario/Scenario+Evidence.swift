/// What a debrief quotes for a condition that was met.
extension Scenario {
    /// The behaviours and intents whose words show why `condition` held, in the order written:
    /// its own (none it reads under a `not`), then, for each flag it needs, those of the rules
    /// and branches that set the flag, and so on through their flags. An objective met through a flag
    /// ("when: safe_told") is thus quoted by the words that set it (the `safety` intent), not
    /// by the whole reply.
    public func evidenceSignals(for condition: Condition) -> [String] {
        var signals: [String] = []
        var seenFlags: Set<String> = []
        func add(_ condition: Condition) {
            for signal in condition.signals(in: vocabulary) where !signals.contains(signal) {
                signals.append(signal)
            }
            for flag in condition.flagsNeeded(in: vocabulary) where seenFlags.insert(flag).inserted {
                for rule in rules where rule.effects.set.contains(flag) { add(rule.condition) }
                for node in orderedNodes {
                    for branch in node.branches where branch.effects.set.contains(flag) { branch.condition.map(add) }
                }
            }
        }
        add(condition)
        return signals
    }
}
