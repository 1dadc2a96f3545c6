import RecoveryCore
import RecoveryScoring

/// The debrief's short part, as on the end-of-call screen: what the customer needed, and the
/// changes that matter most.
extension DebriefMarkdown {
    /// "What Sydney needed": each objective met (quoting the reply) or missed (quoting her ask).
    static func objectivesSection(_ grade: Grade, customer: String) -> [String] {
        guard !grade.objectives.isEmpty else { return [] }
        var out = ["## What \(customer) needed", ""]
        for objective in grade.objectives {
            let main = objective.main ? " (what the call turned on)" : ""
            if objective.met {
                let said = objective.quote.map { ": you said “\(text($0))” (reply \(objective.turn ?? 0))" } ?? ""
                out.append("- ✓ **\(text(objective.title))**\(main)\(said)")
            } else {
                let asked = objective.ask.isEmpty ? "" : ": \(customer) asked “\(text(objective.ask))”"
                out.append("- ✗ **\(text(objective.title))**\(main), missed\(asked). Try: “\(text(objective.example))”")
            }
        }
        return out + [""]
    }

    /// "The changes that matter most": as shown at the end of the call (with the scenario's
    /// phrasings), or worked out from the grade shown when it was recomputed.
    static func changesSection(_ content: DebriefContent) -> [String] {
        let transcript = content.transcript
        let changes = content.changes
        guard !changes.isEmpty else { return [] }
        var out = ["## The changes that matter most", ""]
        for (number, change) in changes.enumerated() {
            out.append("\(number + 1). **\(text(change.title))**")
            if let asked = change.asked { out.append("   - \(text(transcript.scenario.customer)) asked: “\(text(asked))”") }
            if let said = change.said {
                out.append("   - \(change.asked == nil ? "You said" : "You answered"): “\(text(said))”\(change.turn.map { " (reply \($0))" } ?? "")")
            }
            out.append("   - \(text(change.why))")
            out.append("   - Try: “\(text(change.better))”")
        }
        return out + [""]
    }
}
