import RecoveryCore
import RecoveryScoring

/// An example of behaviors.yaml that a model reads against what it says: a trigger example
/// whose behaviour is not read, or an ignore example whose behaviour is.
public struct MisreadExample: Sendable, Equatable {
    /// Where the example is written.
    public var position: SourcePosition
    /// The reply.
    public var text: String
    /// Its behaviour, and whether it must show it.
    public var behavior: Behavior
    public var triggers: Bool
    /// Why the reader reads it so, in words a trainer can act on.
    public var why: String
}

/// The examples a newly trained model misreads, whether or not this training changed them.
///
/// A trainer fixes a misreading by adding the reply as an example and training again; when the
/// model cannot learn it (its words weigh the other way in thousands of corpus replies, or a
/// sure model overrules the rule that matches it), `recovery train` says so, with why, instead
/// of leaving the trainer to find it in a failing test.
public enum MisreadExamples {
    /// The examples among `replies` that `reader` misreads, in file order, except those
    /// `changes` already lists as now misread (a training's `ReadingChanges.compare`).
    public static func find(_ replies: [TrainerReply], reader: Analyzer, besides changes: [ReadingChange] = []) -> [MisreadExample] {
        let listed = Set(changes.filter { $0.exampleHolds == false }.map(\.position))
        return replies.compactMap { reply in
            guard let example = reply.example, !listed.contains(reply.position) else { return nil }
            let explanation = reader.explain(reply.text)
            guard explanation.analysis.shows(example.behavior) != example.triggers else { return nil }
            let entry = explanation.entries.first { $0.behavior == example.behavior }
            return MisreadExample(position: reply.position, text: reply.text, behavior: example.behavior,
                                  triggers: example.triggers, why: reason(entry, triggers: example.triggers))
        }
    }

    /// What each reader did with the example's behaviour.
    static func reason(_ entry: ReplyExplanation.Entry?, triggers: Bool) -> String {
        guard let entry else { return triggers ? "no reader finds it" : "it is read" }
        let model = entry.combined ?? entry.probability
        if !triggers {
            if entry.reader == .rules, let match = entry.rules.first(where: { $0.cancelledBy == nil }) {
                return "\(name(match)) finds it in “\(match.quote)”"
            }
            return "the model reads it" + (model.map { " at \(percent($0))" } ?? "") + (entry.threshold.map { " (from \(percent($0)))" } ?? "")
        }
        if entry.isOverruledByModel, let match = entry.rules.first(where: { $0.cancelledBy == nil }),
           let probability = entry.probability, let veto = entry.veto {
            return "\(name(match)) matches “\(match.quote)”, but the model overrules it "
                + "(\(percent(probability)), below its veto of \(percent(veto)))"
        }
        if let match = entry.rules.first(where: { $0.cancelledBy != nil }), let cancelled = match.cancelledBy {
            return "\(name(match)) matches, but was cancelled by \(cancelled)"
        }
        guard let model, let threshold = entry.threshold else { return "no rule matches it" }
        return "no rule matches it, and the model reads it at \(percent(model)) where it needs \(percent(threshold))"
    }

    /// The report's lines: nothing when every example holds.
    public static func lines(_ misread: [MisreadExample], limit: Int = 10) -> [String] {
        guard !misread.isEmpty else { return [] }
        var lines = ["examples the new model misreads: \(misread.count) (the tests fail on these)"]
        for example in misread.prefix(limit) {
            let place = "\(example.position.file.split(separator: "/").last.map(String.init) ?? example.position.file):\(example.position.line)"
            let kind = example.triggers ? "must show" : "must not show"
            lines.append("    \(place): \(kind) \(example.behavior.id) “\(example.text)”: \(example.why)")
        }
        if misread.count > limit { lines.append("    … and \(misread.count - limit) more") }
        lines.append("  to fix one: a pattern that matches its words (for a \"must show\"), an exception (for a \"must not "
                     + "show\" a rule finds), or more replies like it in the corpus; then train again. "
                     + "`recovery analyze --why \"…\"` shows what each reader weighed.")
        return lines
    }

    /// A pattern by its line in behaviors.yaml; a reading rule's finding has none.
    private static func name(_ match: ReplyExplanation.RuleMatch) -> String {
        match.line > 0 ? "the rule on line \(match.line)" : "a reading rule (a convention the reader codes)"
    }

    private static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
