import RecoveryCore

/// A text format the branch graph can be drawn in.
public enum GraphFormat: String, CaseIterable, Sendable {
    /// Graphviz DOT (`dot -Tsvg`).
    case dot
    /// A Mermaid flowchart (renders in Markdown on GitHub and GitLab).
    case mermaid
}

/// The branch graph of a scenario as boxes and arrows, for trainers to see the flow: nodes in file
/// order, the start marked, endings shaped and coloured by outcome, branch edges labelled with
/// their conditions as written, and rule and turn-limit jumps (which can happen at any node) drawn
/// dashed from one "(any node)" box. Pure: the same scenario always gives the same text.
public struct ScenarioDrawing: Sendable {
    /// One box.
    struct Box: Sendable {
        var id: String
        /// The id, then the first words the customer says there (or the outcome, for an ending).
        var lines: [String]
        var outcome: Outcome?
        /// A problem the box is marked with: "unreachable" or "no way out".
        var problem: String? = nil
    }

    /// One arrow; `from` nil means "(any node)".
    struct Arrow: Sendable {
        var from: String?
        var to: String
        var label: String
        var dashed: Bool
    }

    let title: String
    let start: String
    let boxes: [Box]
    let arrows: [Arrow]
    /// The scenario's objectives, one line each ("main: safety — when safe_told"), for a note.
    let objectives: [String]

    /// How many words of a node's first line its box shows.
    static let previewWords = 6
    /// The longest condition shown on an arrow; longer ones are cut with "…" (the DOT tooltip
    /// keeps them whole).
    static let labelLength = 40

    /// The drawing of `scenario`.
    public init(_ scenario: Scenario) {
        title = "\(scenario.title) (\(scenario.id))"
        start = scenario.start
        objectives = scenario.objectives.map { "\($0.main ? "main: " : "")\($0.id) — when \($0.condition.source)" }
        let graph = ScenarioGraph(scenario)
        let reachable = graph.reachable, canEnd = graph.canEnd
        boxes = scenario.orderedNodes.map { node in
            if let outcome = node.ending { return Box(id: node.id, lines: [node.id, outcome.rawValue], outcome: outcome) }
            let preview = node.lines.first.map { Self.preview($0.text) }
            let problem = !reachable.contains(node.id) ? "unreachable" : !canEnd.contains(node.id) ? "no way out" : nil
            return Box(id: node.id, lines: [node.id] + (preview.map { [$0] } ?? []) + (problem.map { ["(\($0))"] } ?? []),
                       outcome: nil, problem: problem)
        }
        var arrows: [Arrow] = []
        for node in scenario.orderedNodes {
            // One arrow per target: branches back to the same node collapse to a count, and
            // several branches to one target share an arrow listing their conditions.
            var targets: [String] = []
            var labels: [String: [String]] = [:]
            for branch in node.branches {
                guard let target = branch.effects.goto else { continue }
                if labels[target] == nil { targets.append(target) }
                labels[target, default: []].append(Self.label(branch.condition?.source ?? "otherwise", mood: branch.effects.mood))
            }
            for target in targets {
                let all = labels[target] ?? []
                let label = target == node.id ? "↺ \(all.count == 1 ? all[0] : "\(all.count) ways back")" : all.joined(separator: "\n")
                arrows.append(Arrow(from: node.id, to: target, label: label, dashed: false))
            }
        }
        for rule in scenario.rules {
            guard let target = rule.effects.goto else { continue }
            arrows.append(Arrow(from: nil, to: target, label: Self.label(rule.condition.source, mood: rule.effects.mood), dashed: true))
        }
        if let limit = scenario.turnLimit {
            arrows.append(Arrow(from: nil, to: limit.goto, label: "turn limit: \(limit.turns) replies", dashed: true))
        }
        self.arrows = arrows
    }

    /// An arrow's label: the condition (cut at `labelLength`) and the mood change, if any.
    static func label(_ condition: String, mood: Int) -> String {
        let cut = condition.count > labelLength ? String(condition.prefix(labelLength - 1)) + "…" : condition
        return mood == 0 ? cut : "\(cut) (mood \(mood > 0 ? "+" : "")\(mood))"
    }

    /// The drawing in `format`.
    public func rendered(_ format: GraphFormat) -> String {
        switch format {
        case .dot: dot()
        case .mermaid: mermaid()
        }
    }

    /// Whether some rule or the turn limit can jump from any node.
    var hasAnyNodeJumps: Bool { arrows.contains { $0.from == nil } }

    /// The fill and stroke colours of an ending of `outcome`.
    static func colors(_ outcome: Outcome) -> (fill: String, stroke: String) {
        switch outcome {
        case .recovered: ("#b7e1cd", "#2e7d32")
        case .retained: ("#fce8b2", "#b58100")
        case .lost: ("#f4c7c3", "#c62828")
        case .escalated: ("#d9c8f0", "#6a1b9a")
        }
    }

    /// The first few words of `text`, with "…" when there are more.
    static func preview(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        let shown = words.prefix(previewWords).joined(separator: " ")
        return words.count > previewWords ? shown + " …" : shown
    }
}
