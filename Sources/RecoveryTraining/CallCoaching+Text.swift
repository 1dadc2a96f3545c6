import RecoveryCore
import RecoveryScoring

/// The short debrief's wording, shared by the end-of-call screen and the debrief files: plain
/// text (each renderer escapes and styles it), so the three say the same thing.
extension CallCoaching {
    /// The outcome in words a trainee reads at a glance.
    public static func outcomeSentence(_ ending: CallEnding, customer: String) -> String {
        switch ending {
        case .ended(.recovered): "recovered — \(customer) was won back."
        case .ended(.retained): "retained — \(customer) stays, but is not won over."
        case .ended(.lost): "lost — \(customer) left. A call that loses the customer cannot pass."
        case .ended(.escalated): "escalated — \(customer) was handed up. A call that is escalated cannot pass."
        case .incomplete: "incomplete — the call stopped before an ending. It is graded for the record, never passed."
        case .inProgress: "in progress"
        }
    }

    /// Why a call that kept the customer did not pass, in one sentence (nil otherwise: the
    /// outcome sentence already says why).
    public static func whyNotPassed(_ grade: Grade, passMark: Int) -> String? {
        guard !grade.passed, grade.ending.outcome?.keepsCustomer == true else { return nil }
        if let main = grade.objectives.first(where: { $0.main && !$0.met }) {
            return "The call missed what it turned on (\(main.title)): it cannot pass without it."
        }
        return "The score is below the pass mark of \(passMark)."
    }

    /// One objective as a line: "met: TITLE — you said “…” (reply 3)" or "missed: TITLE — NAME
    /// asked “…”"; quotes longer than `quoteLimit` are shortened.
    public static func objectiveLine(_ objective: ObjectiveResult, customer: String, quoteLimit: Int = .max) -> String {
        if objective.met {
            let said = objective.quote.map { " — you said “\(shortened($0, to: quoteLimit))” (reply \(objective.turn ?? 0))" } ?? ""
            return "met: \(objective.title)\(said)"
        }
        return "missed: \(objective.title)" + (objective.ask.isEmpty ? "" : " — \(customer) asked “\(objective.ask)”")
    }

    /// The lines under a change's title: the customer's ask, the trainee's words, why, and the
    /// better phrasing ("Try: “…”").
    public static func detailLines(_ change: CoachingChange, customer: String, quoteLimit: Int = .max) -> [String] {
        var lines: [String] = []
        if let asked = change.asked { lines.append("\(customer) asked: “\(asked)”") }
        if let said = change.said {
            let turn = change.turn.map { " (reply \($0))" } ?? ""
            lines.append("\(change.asked == nil ? "You said" : "You answered"): “\(shortened(said, to: quoteLimit))”\(turn)")
        }
        return lines + [change.why, "Try: “\(change.better)”"]
    }

    /// `text` cut to its first `limit` characters, at a word, with an ellipsis.
    public static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
