import Foundation
import RecoveryCore
import RecoveryScenario

extension ExplorationReport {
    /// The report for people: coverage, endings, turns, then dead ends, endless loops and lines
    /// said twice in one call.
    public var text: String {
        func safe(_ text: String) -> String { TerminalSafe.escape(text) }
        var out = ["\(safe(scenario)) (\(safe(path))): \(runs) runs from seed \(seed)"]
        out.append("  nodes     \(nodes.visited)/\(nodes.total) visited")
        for node in nodes.neverVisited { out.append("    never visited: \(safe(node.id)) (line \(node.line))") }
        out.append("  branches  \(branches.fired)/\(branches.total) fired (rules, branches, otherwise, turn limit)")
        for entry in branches.neverFired {
            let place = entry.node.map { "in \(safe($0))" } ?? (entry.kind == .rule ? "rule" : "turn limit")
            let condition = entry.condition.map { "when: \(safe($0))" } ?? "otherwise"
            out.append("    never fired: line \(entry.line), \(place): \(condition)")
        }
        out.append("  endings")
        let width = endings.map(\.node.count).max() ?? 0
        for ending in endings {
            let name = safe(ending.node).padding(toLength: max(width, ending.node.count), withPad: " ", startingAt: 0)
            let outcome = ending.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            out.append("    \(name)  \(outcome)  \(Self.rightAligned(ending.runs, runs))  \(Self.percent(ending.percent))")
        }
        out.append("  turns     average \(Self.decimal(turns.average)), max \(turns.max) (a run stops after \(turns.cap))")
        if deadEnds.isEmpty { out.append("  dead ends: none") }
        for deadEnd in deadEnds {
            out.append("  dead end: \(deadEnd.runs) run\(deadEnd.runs == 1 ? "" : "s") stuck at \(safe(deadEnd.node.id)) (line \(deadEnd.node.line)), which leads to no ending")
        }
        if endlessLoops.isEmpty { out.append("  endless loops: none") }
        for loop in endlessLoops {
            let cycle = (loop.cycle + loop.cycle.prefix(1)).map(safe).joined(separator: " → ")
            out.append("  endless loop: \(loop.runs) run\(loop.runs == 1 ? "" : "s") went round \(cycle) for \(turns.cap) replies")
        }
        if repeatedLines.isEmpty { out.append("  said twice: none") }
        for repeated in repeatedLines {
            let place = switch repeated.source.kind {
            case .line: "a line of \(safe(repeated.source.node ?? ""))"
            case .branch: "said by a branch of \(safe(repeated.source.node ?? ""))"
            case .rule: "said by a rule"
            }
            // The words on a line of their own, so that the report stays within 80 columns.
            out.append("  said twice: \(repeated.runs) run\(repeated.runs == 1 ? "" : "s"), line \(repeated.source.line), \(place):")
            out.append("      \u{201C}\(safe(Self.clipped(repeated.text)))\u{201D}")
        }
        return out.joined(separator: "\n")
    }

    /// Reports as one JSON array: sorted keys, so the same reports give the same bytes.
    public static func json(_ reports: [ExplorationReport]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(reports)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func rightAligned(_ value: Int, _ widest: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, String(widest).count - text.count)) + text
    }

    private static func percent(_ value: Double) -> String {
        let text = String(format: "%.1f%%", value)
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }

    /// `text` cut to 60 characters at a word, with "…".
    private static func clipped(_ text: String) -> String {
        guard text.count > 60 else { return text }
        let cut = text.prefix(60)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    private static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}
