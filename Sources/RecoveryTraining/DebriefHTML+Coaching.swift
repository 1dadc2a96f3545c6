import RecoveryCore
import RecoveryScoring

/// The HTML debrief's short part (wording: `CallCoaching`): what the customer needed, and the
/// changes that matter most.
extension DebriefHTML {
    /// Each objective met (quoting the reply) or missed (quoting the customer's ask).
    static func objectives(_ grade: Grade, customer: String) -> [String] {
        guard !grade.objectives.isEmpty else { return [] }
        let e = HTMLText.escape
        return ["<h2>What \(e(customer)) needed</h2>", "<ul>"]
            + grade.objectives.map { "<li>\($0.met ? "✓" : "✗") \(e(CallCoaching.objectiveLine($0, customer: customer)))</li>" }
            + ["</ul>"]
    }

    /// The changes that matter most, each with the words it is about and a better phrasing.
    static func changes(_ content: DebriefContent) -> [String] {
        let changes = content.changes, customer = content.transcript.scenario.customer
        guard !changes.isEmpty else { return [] }
        let e = HTMLText.escape
        return ["<h2>The changes that matter most</h2>", "<ol>"]
            + changes.map { change in
                "<li><strong>\(e(change.title))</strong>"
                    + CallCoaching.detailLines(change, customer: customer).map { "<br>" + e($0) }.joined() + "</li>"
            }
            + ["</ol>"]
    }
}
