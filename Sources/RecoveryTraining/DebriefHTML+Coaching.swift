import RecoveryCore
import RecoveryScoring

/// The HTML debrief's short part: what the customer needed, and the changes that matter most.
extension DebriefHTML {
    /// Each objective met (quoting the reply) or missed (quoting the customer's ask).
    static func objectives(_ grade: Grade, customer: String) -> [String] {
        guard !grade.objectives.isEmpty else { return [] }
        let e = HTMLText.escape
        var out = ["<h2>What \(e(customer)) needed</h2>", "<ul>"]
        for objective in grade.objectives {
            let main = objective.main ? " (what the call turned on)" : ""
            if objective.met {
                let said = objective.quote.map { ": you said “\(e($0))” (reply \(objective.turn ?? 0))" } ?? ""
                out.append("<li>✓ <strong>\(e(objective.title))</strong>\(main)\(said)</li>")
            } else {
                let asked = objective.ask.isEmpty ? "" : ": \(e(customer)) asked “\(e(objective.ask))”"
                out.append("<li>✗ <strong>\(e(objective.title))</strong>\(main), missed\(asked). Try: “\(e(objective.example))”</li>")
            }
        }
        return out + ["</ul>"]
    }

    /// The changes that matter most, each with the words it is about and a better phrasing.
    static func changes(_ content: DebriefContent) -> [String] {
        let changes = content.changes
        guard !changes.isEmpty else { return [] }
        let e = HTMLText.escape, customer = content.transcript.scenario.customer
        var out = ["<h2>The changes that matter most</h2>", "<ol>"]
        for change in changes {
            var item = "<li><strong>\(e(change.title))</strong>"
            if let asked = change.asked { item += "<br>\(e(customer)) asked: “\(e(asked))”" }
            if let said = change.said {
                item += "<br>\(change.asked == nil ? "You said" : "You answered"): “\(e(said))”\(change.turn.map { " (reply \($0))" } ?? "")"
            }
            item += "<br>\(e(change.why))<br>Try: “\(e(change.better))”</li>"
            out.append(item)
        }
        return out + ["</ol>"]
    }
}
