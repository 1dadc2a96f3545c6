import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// Prints the short debrief when a call ends, before the reflection questions: outcome, score
/// and tier, what the customer needed, and the changes that matter most (wording:
/// `CallCoaching`; this only escapes, styles and wraps it).
enum EndScreen {
    /// Prints the debrief of `transcript` (graded) for a call set up by `setup`.
    static func show(_ transcript: Transcript, setup: CallSetup) {
        guard let grade = transcript.grade else { return }
        let customer = TerminalSafe.escape(setup.scenario.customer.name)
        func safe(_ text: String) -> String { TerminalSafe.escape(text) }
        Output.line()
        Output.line("Debrief".bold.underline)
        Output.wrapped(safe("Outcome: " + CallCoaching.outcomeSentence(grade.ending, customer: customer)), rest: "  ")
        let verdict = grade.passed ? "passed" : "not passed"
        let tier = grade.tier.map { ", \($0)" } ?? ""
        Output.wrapped(safe("Score: \(grade.score)/100\(tier) — \(verdict) (pass mark \(setup.rubric.passMark), \(setup.rubric.title))"), rest: "  ") {
            grade.passed ? $0.bold.green : $0.bold
        }
        if let why = CallCoaching.whyNotPassed(grade, passMark: setup.rubric.passMark) { Output.wrapped(safe(why), first: "  ", rest: "  ") { $0.dim } }
        if !grade.objectives.isEmpty {
            Output.line()
            Output.line("What \(customer) needed".bold)
            for objective in grade.objectives {
                let line = safe(CallCoaching.objectiveLine(objective, customer: customer, quoteLimit: 100))
                Output.wrapped(line, first: objective.met ? "  ✓ " : "  ✗ ", rest: "    ") { objective.met ? $0.green : $0.red }
            }
        }
        let changes = transcript.coaching
            ?? CallCoaching.changes(grade, transcript: transcript, scenario: setup.scenario, rubric: setup.rubric, customer: customer)
        guard !changes.isEmpty else { return }
        Output.line()
        Output.line((changes.count == 1 ? "The change that matters most" : "The \(changes.count) changes that matter most").bold)
        for (number, change) in changes.enumerated() {
            Output.wrapped(safe(change.title), first: "  \(number + 1). ", rest: "     ") { $0.bold }
            let details = CallCoaching.detailLines(change, customer: customer, quoteLimit: 160)
            for (k, detail) in details.enumerated() {
                let style: (String) -> String = k == details.count - 1 ? { $0.cyan } : k == details.count - 2 ? { $0.dim } : { $0 }
                Output.wrapped(safe(detail), first: "     ", rest: "       ", style)
            }
        }
    }
}
