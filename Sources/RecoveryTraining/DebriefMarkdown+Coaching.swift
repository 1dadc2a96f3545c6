import RecoveryCore
import RecoveryScoring

/// The debrief's short part, as on the end-of-call screen (wording: `CallCoaching`): what the
/// customer needed, and the changes that matter most.
extension DebriefMarkdown {
    /// "What Sydney needed": each objective met (quoting the reply) or missed (quoting her ask).
    static func objectivesSection(_ grade: Grade, customer: String) -> [String] {
        guard !grade.objectives.isEmpty else { return [] }
        return ["## What \(text(customer)) needed", ""]
            + grade.objectives.map { "- \($0.met ? "✓" : "✗") " + text(CallCoaching.objectiveLine($0, customer: customer)) } + [""]
    }

    /// "The changes that matter most", each with the words it is about and a better phrasing.
    static func changesSection(_ content: DebriefContent) -> [String] {
        let changes = content.changes, customer = content.transcript.scenario.customer
        guard !changes.isEmpty else { return [] }
        var out = ["## The changes that matter most", ""]
        for (number, change) in changes.enumerated() {
            out.append("\(number + 1). **\(text(change.title))**")
            out += CallCoaching.detailLines(change, customer: customer).map { "   - " + text($0) }
        }
        return out + [""]
    }
}
