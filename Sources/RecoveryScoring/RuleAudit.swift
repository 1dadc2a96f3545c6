import RecoveryCore

/// How well each pattern of behaviors.yaml is borne out by a labelled set, so a trainer can
/// see which rules the labels contradict most (`recovery analyze --eval FILE --rules`).
///
/// For every reply where the rules' reading of a behaviour stands (no exception or reading
/// rule cancelled it and the model did not overrule it), each pattern of that behaviour that
/// matched is counted *right* when the reply is labelled with the behaviour and *wrong* when
/// it is not. A rule that is often wrong wants an exception or a narrower pattern
/// (docs/scoring-data.md); one that is wrong once may be a labelling question.
public struct RuleAudit: Sendable {
    /// One pattern's record over the set.
    public struct Entry: Sendable, Equatable {
        /// The behaviour the pattern shows.
        public var behavior: Behavior
        /// Its line in behaviors.yaml.
        public var line: Int
        /// The pattern as written.
        public var pattern: String
        /// Replies where its reading stood and the labels agree.
        public var right: Int
        /// Replies where its reading stood and the labels do not show the behaviour.
        public var wrong: Int
        /// The first reply it misread (its text and labels), for the trainer to look at.
        public var firstWrong: LabelledReply?

        /// right / (right + wrong).
        public var precision: Double { right + wrong == 0 ? 1 : Double(right) / Double(right + wrong) }
    }

    /// Every pattern whose reading stood at least once, the most often wrong first (then by
    /// line, so the order is the same on every run).
    public var entries: [Entry]

    /// Audits `analyzer`'s patterns on `set`.
    public init(analyzer: Analyzer, set: [LabelledReply]) {
        var byRule: [Int: Entry] = [:]  // keyed by the pattern's line
        for reply in set {
            for entry in analyzer.explain(reply.text, features: 0).entries where entry.reader == .rules {
                let right = reply.labels.contains(entry.behavior)
                // A pattern may match twice in one reply: it is counted once for that reply.
                var seen = Set<Int>()
                for match in entry.rules where match.cancelledBy == nil && match.line > 0 && seen.insert(match.line).inserted {
                    var record = byRule[match.line]
                        ?? Entry(behavior: entry.behavior, line: match.line, pattern: match.pattern, right: 0, wrong: 0)
                    if right { record.right += 1 } else {
                        record.wrong += 1
                        if record.firstWrong == nil { record.firstWrong = reply }
                    }
                    byRule[match.line] = record
                }
            }
        }
        entries = byRule.values.sorted { ($1.wrong, $0.line) < ($0.wrong, $1.line) }
    }
}
