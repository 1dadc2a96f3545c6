import RecoveryCore
import RecoveryScenario

extension CallSession {
    /// Runs a debug command; without `--debug` it only says how to turn debug mode on.
    func runDebug(_ command: DebugCommand) -> [CallEvent] {
        guard debug else {
            return [.notice("\(command.typed) needs debug mode: start the call with `recovery play \(setup.scenario.id) --debug`.")]
        }
        switch command {
        case .goto(let node): return jump(to: node)
        case .setMood(let value): return setMood(value)
        case .setUsage: return [.debug("Usage: /set mood N, with N from 0 (calm) to 10 (gone).")]
        case .why: return [.debug(whyText())]
        }
    }

    private func jump(to node: String) -> [CallEvent] {
        guard !engine.isOver else { return [.notice("The call has ended.")] }
        let nodes = setup.scenario.nodeOrder
        guard !node.isEmpty else { return [.debug("Usage: /goto NODE. Nodes: \(nodes.joined(separator: ", "))")] }
        let from = engine.node
        guard let step = engine.jump(to: node) else {
            let suggestion = Spelling.closest(to: node, in: nodes).map { " Did you mean '\($0)'?" } ?? ""
            let typed = TerminalSafe.escape(node)
            return [.debug("No node '\(typed)' in \(setup.scenario.id).\(suggestion) Nodes: \(nodes.joined(separator: ", "))")]
        }
        record("/goto \(node)", effect: "node \(from) → \(node)")
        return [.debug("Jumped from \(from) to \(node).")] + events(for: step) + endIfOver(step)
    }

    private func setMood(_ value: String) -> [CallEvent] {
        guard let mood = Int(value), (0...10).contains(mood) else {
            return [.debug("Usage: /set mood N, with N a whole number from 0 (calm) to 10 (gone); '\(TerminalSafe.escape(value))' is not.")]
        }
        let before = engine.mood
        engine.setMood(mood)
        record("/set mood \(mood)", effect: "mood \(before) → \(mood)")
        return [.debug("Mood set from \(before) to \(mood)."), .mood(mood)]
    }

    private func record(_ command: String, effect: String) {
        transcript.debugActions = (transcript.debugActions ?? [])
            + [DebugAction(afterTurn: transcript.turns.count, command: command, effect: effect)]
    }

    /// For the last reply: what fired (line, condition as written, the parts that held) and what
    /// the reply showed (behaviours with their quoted words, intents).
    func whyText() -> String {
        guard let last = transcript.turns.last else { return "No reply yet: /why explains the last reply." }
        var lines = ["Reply \(last.number): “\(TerminalSafe.escape(last.text))”"]
        let fired = engine.explainLastReply()
        if fired.isEmpty { lines.append("  Nothing fired.") }
        for explanation in fired {
            lines.append("  " + Self.describe(explanation))
        }
        let analysis = last.analysis
        if analysis.behaviors.isEmpty {
            lines.append("  Behaviours: none")
        } else {
            lines.append("  Behaviours:")
            for behavior in analysis.behaviors {
                let quote = analysis.quote(for: behavior.id).map { " “\(TerminalSafe.escape($0))”" } ?? ""
                lines.append("    \(behavior.id)\(quote)")
            }
        }
        let intents = analysis.intents.map { intent in
            intent + (analysis.quote(for: intent).map { " “\(TerminalSafe.escape($0))”" } ?? "")
        }
        lines.append("  Intents: " + (intents.isEmpty ? "none" : intents.joined(separator: ", ")))
        lines.append("  Mood \(last.response.moodBefore) → \(last.response.moodAfter); now at \(engine.node), mood \(engine.mood).")
        return lines.joined(separator: "\n")
    }

    private static func describe(_ explanation: FiredExplanation) -> String {
        let entry = explanation.entry
        let target = entry.goto.map { " → \($0)" } ?? ""
        switch entry.kind {
        case .otherwise:
            return "line \(entry.line): otherwise\(target) (no branch before it matched)"
        case .turnLimit, .rule, .branch:
            let kind = entry.kind == .branch ? "branch" : (entry.kind == .rule ? "rule" : "turn limit")
            let held = explanation.matched.isEmpty ? "" : "; true: " + explanation.matched.joined(separator: ", ")
            return "line \(entry.line): \(kind) when \(TerminalSafe.escape(entry.condition ?? ""))\(target)\(held)"
        }
    }
}
