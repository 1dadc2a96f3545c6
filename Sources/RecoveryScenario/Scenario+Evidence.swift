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
    /// When more than one setter fired on that reply, the flag is quoted by the words they all
    /// name (a rule's "delivery and slot and commit" and a branch's "slot and atone and wages"
    /// share `slot`: the washer's time, not the credit beside it), or by all of them if they
    /// share none.
    ///
    /// `shown`, which behaviours and intents the reply showed, reads each `or` only down the
    /// sides that could have held on it (`Condition.signals(in:shown:)`).
    public func evidenceSignals(for condition: Condition, fired: Set<Int>? = nil, shown: ((String) -> Bool)? = nil) -> [String] {
        var signals: [String] = []
        for signal in evidenceSignals(of: condition, fired: fired, shown: shown, expanding: []) where !signals.contains(signal) {
            signals.append(signal)
        }
        return signals
    }

    /// `evidenceSignals(for:fired:)` of one condition, not expanding the flags in `expanding`
    /// (those being expanded above it: a flag whose setters need it again adds nothing).
    private func evidenceSignals(of condition: Condition, fired: Set<Int>?, shown: ((String) -> Bool)?,
                                 expanding: Set<String>) -> [String] {
        var signals = condition.signals(in: vocabulary, shown: shown)
        for flag in condition.flagsNeeded(in: vocabulary, shown: shown) where !expanding.contains(flag) {
            var setters = rules.filter { $0.effects.set.contains(flag) }.map { (line: $0.line, condition: Optional($0.condition)) }
            for node in orderedNodes {
                setters += node.branches.filter { $0.effects.set.contains(flag) }.map { (line: $0.line, condition: $0.condition) }
            }
            var setOnThisReply = false
            if let fired, setters.contains(where: { fired.contains($0.line) }) {
                setters.removeAll { !fired.contains($0.line) }
                setOnThisReply = true
            }
            let each = setters.compactMap(\.condition).map {
                evidenceSignals(of: $0, fired: fired, shown: shown, expanding: expanding.union([flag]))
            }
            let shared = setOnThisReply && each.count > 1
                ? each.dropFirst().reduce(each[0]) { kept, next in kept.filter(next.contains) } : []
            signals += shared.isEmpty ? each.flatMap { $0 } : shared
        }
        return signals
    }
}
