/// What a debrief quotes for a condition that was met.
extension Scenario {
    /// The behaviours and intents whose words show why `condition` held, in the order written:
    /// its own (none it reads under a `not`), then, for each flag it needs, those of the rules
    /// and branches that set the flag, and so on through their flags. An objective met through a flag
    /// ("when: safe_told") is thus quoted by the words that set it (the `safety` intent), not
    /// by the whole reply.
    ///
    /// `fired`, the lines of the rules and branches that fired on the reply being quoted (its
    /// `Step.fired`), narrows a flag to the setters that set it on that reply, so a flag that
    /// many branches set ("slot and atone and wages" in one node, "slot_offered and resolve" in
    /// another) is quoted by the one that did; a flag set on an earlier reply keeps all its setters.
    public func evidenceSignals(for condition: Condition, fired: Set<Int>? = nil) -> [String] {
        var signals: [String] = []
        var seenFlags: Set<String> = []
        func add(_ condition: Condition) {
            for signal in condition.signals(in: vocabulary) where !signals.contains(signal) {
                signals.append(signal)
            }
            for flag in condition.flagsNeeded(in: vocabulary) where seenFlags.insert(flag).inserted {
                var setters = rules.filter { $0.effects.set.contains(flag) }.map { (line: $0.line, condition: Optional($0.condition)) }
                for node in orderedNodes {
                    setters += node.branches.filter { $0.effects.set.contains(flag) }.map { (line: $0.line, condition: $0.condition) }
                }
                if let fired, setters.contains(where: { fired.contains($0.line) }) {
                    setters.removeAll { !fired.contains($0.line) }
                }
                for setter in setters { setter.condition.map(add) }
            }
        }
        add(condition)
        return signals
    }
}
