import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// The short debrief printed when a call ends, before the reflection questions: outcome,
/// score and tier, objectives met and missed, and the three changes that matter most.
enum EndScreen {
    /// Prints the debrief of `transcript` (graded) for a call set up by `setup`.
    static func show(_ transcript: Transcript, setup: CallSetup) {
        guard let grade = transcript.grade else { return }
        let customer = setup.scenario.customer.name
        Output.line()
        Output.line("Debrief".bold.underline)
        Output.wrapped("Outcome: " + outcome(grade.ending, customer: customer), rest: "  ") { $0 }
        let verdict = grade.passed ? "passed" : "not passed"
        let tier = grade.tier.map { ", \($0)" } ?? ""
        Output.wrapped("Score: \(grade.score)/100\(tier) — \(verdict) (pass mark \(setup.rubric.passMark), \(setup.rubric.title))", rest: "  ") {
            grade.passed ? $0.bold.green : $0.bold
        }
        if !grade.passed, let why = whyNotPassed(grade, passMark: setup.rubric.passMark) { Output.wrapped(why, first: "  ", rest: "  ") { $0.dim } }
        if !grade.objectives.isEmpty {
            Output.line()
            Output.line("What \(TerminalSafe.escape(customer)) needed".bold)
            for objective in grade.objectives {
                if objective.met {
                    let said = objective.quote.map { " — you said “\(TerminalSafe.escape(Self.shortened($0, to: 100)))” (reply \(objective.turn ?? 0))" } ?? ""
                    Output.wrapped("met: \(objective.title)\(said)", first: "  ✓ ", rest: "    ") { $0.green }
                } else {
                    let asked = objective.ask.isEmpty ? "" : " — \(TerminalSafe.escape(customer)) asked “\(TerminalSafe.escape(objective.ask))”"
                    Output.wrapped("missed: \(objective.title)\(asked)", first: "  ✗ ", rest: "    ") { $0.red }
                }
            }
        }
        let changes = transcript.coaching
            ?? CallCoaching.changes(grade, transcript: transcript, scenario: setup.scenario, rubric: setup.rubric, customer: customer)
        guard !changes.isEmpty else { return }
        Output.line()
        Output.line("\(changes.count == 1 ? "The change" : "The \(changes.count) changes") that matter most".bold)
        for (number, change) in changes.enumerated() {
            Output.wrapped(change.title, first: "  \(number + 1). ", rest: "     ") { $0.bold }
            if let asked = change.asked {
                Output.wrapped("\(TerminalSafe.escape(customer)) asked: “\(TerminalSafe.escape(asked))”", first: "     ", rest: "       ")
            }
            if let said = change.said {
                let label = change.asked == nil ? "You said" : "You answered"
                Output.wrapped("\(label): “\(TerminalSafe.escape(Self.shortened(said)))”\(change.turn.map { " (reply \($0))" } ?? "")",
                               first: "     ", rest: "       ")
            }
            Output.wrapped(TerminalSafe.escape(change.why), first: "     ", rest: "     ") { $0.dim }
            Output.wrapped("Try: “\(TerminalSafe.escape(change.better))”", first: "     ", rest: "       ") { $0.cyan }
        }
    }

    /// A long reply cut to its first `limit` characters, at a word, with an ellipsis.
    static func shortened(_ text: String, to limit: Int = 160) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// The outcome in words a trainee reads at a glance.
    private static func outcome(_ ending: CallEnding, customer: String) -> String {
        let name = TerminalSafe.escape(customer)
        switch ending {
        case .ended(.recovered): return "recovered — \(name) was won back."
        case .ended(.retained): return "retained — \(name) stays, but is not won over."
        case .ended(.lost): return "lost — \(name) left. A call that loses the customer cannot pass."
        case .ended(.escalated): return "escalated — \(name) was handed up. A call that is escalated cannot pass."
        case .incomplete: return "incomplete — the call stopped before an ending. It is graded for the record, never passed."
        case .inProgress: return "in progress"
        }
    }

    /// Why a call with this grade did not pass, in one sentence.
    private static func whyNotPassed(_ grade: Grade, passMark: Int) -> String? {
        guard grade.ending.outcome?.keepsCustomer == true else { return nil }
        if let main = grade.objectives.first(where: { $0.main && !$0.met }) {
            return "The call missed what it turned on (\(main.title)): it cannot pass without it."
        }
        return "The score is below the pass mark of \(passMark)."
    }
}
