import RecoveryCore
import RecoveryScenario

/// Why each turn of a saved call went where it went, from what the transcript recorded: the rules
/// and branch that fired (line, condition as written, where it led), what the reply showed (each
/// behaviour with the words that showed it, and the intents), and the mood before and after.
/// `recovery debrief --why` prints it; `/why` explains the last turn of a call in play.
public enum TurnExplanation {
    /// Every turn of `transcript`, one block each; `analyses` are the readings to show (the
    /// recorded ones, or the ones recomputed now).
    public static func text(_ transcript: Transcript, analyses: [ReplyAnalysis]? = nil) -> String {
        let readings = analyses ?? transcript.turns.map(\.analysis)
        var blocks: [String] = []
        for (turn, analysis) in zip(transcript.turns, readings) {
            var lines = ["Reply \(turn.number): “\(TerminalSafe.escape(turn.text))”"]
            let fired = turn.response.fired
            if fired.isEmpty { lines.append("  Nothing fired.") }
            for entry in fired {
                let target = entry.goto.map { " → \($0)" } ?? ""
                switch entry.kind {
                case .otherwise: lines.append("  line \(entry.line): otherwise\(target) (no branch before it matched)")
                case .turnLimit: lines.append("  line \(entry.line): the turn limit (\(entry.condition ?? ""))\(target)")
                case .rule: lines.append("  line \(entry.line): rule when \(entry.condition ?? "")\(target)")
                case .branch: lines.append("  line \(entry.line): branch when \(entry.condition ?? "")\(target)")
                }
            }
            let shown = analysis.behaviors.map { behavior in
                behavior.id + (analysis.quote(for: behavior.id).map { " “\(TerminalSafe.escape($0))”" } ?? "")
            }
            lines.append("  Behaviours: " + (shown.isEmpty ? "none" : shown.joined(separator: ", ")))
            if !analysis.intents.isEmpty { lines.append("  Intents: " + analysis.intents.joined(separator: ", ")) }
            for line in turn.response.customerLines { lines.append("  \(TerminalSafe.escape(transcript.scenario.customer)): “\(TerminalSafe.escape(line))”") }
            var where_ = "  Mood \(turn.response.moodBefore) → \(turn.response.moodAfter); now at \(turn.response.node)"
            if let ending = turn.response.ending, let outcome = turn.response.outcome { where_ += ": the call ended at \(ending) (\(outcome.rawValue))" }
            lines.append(where_ + ".")
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.isEmpty ? "No replies in this call." : blocks.joined(separator: "\n\n")
    }
}
