import Foundation
import RecoveryCore
import RecoveryScenario

/// What `recovery explore` found in one scenario: coverage, endings, dead ends and endless loops.
public struct ExplorationReport: Codable, Sendable, Equatable {
    /// The scenario id.
    public var scenario: String
    /// The scenario file as named.
    public var path: String
    /// How many calls were played.
    public var runs: Int
    /// The seed the runs were drawn from.
    public var seed: UInt64
    /// Nodes entered by some run, and the ones never entered.
    public var nodes: NodeCoverage
    /// Rules, branches and the turn limit: how many fired, and the ones that never did.
    public var branches: BranchCoverage
    /// Every ending, in file order, with how many runs reached it.
    public var endings: [EndingCount]
    /// Runs stuck at a node from which no ending can be reached.
    public var deadEnds: [DeadEnd]
    /// Runs that hit the step cap while an ending was still reachable, grouped by their cycle.
    public var endlessLoops: [EndlessLoop]
    /// Replies per run.
    public var turns: TurnStatistics
    /// Customer lines some call said twice, word for word, the most often repeated first: the
    /// customer has run out of fresh words where the call can go on.
    public var repeatedLines: [RepeatedLine]

    /// Whether the scenario has a dead end or a loop that never ends.
    public var hasProblems: Bool { !deadEnds.isEmpty || !endlessLoops.isEmpty }
}

/// A node, by id and file line.
public struct NodeReference: Codable, Sendable, Equatable {
    /// The node id.
    public var id: String
    /// The line of its id in the file.
    public var line: Int
}

/// How many nodes some run entered.
public struct NodeCoverage: Codable, Sendable, Equatable {
    /// Nodes entered at least once.
    public var visited: Int
    /// Nodes in the scenario.
    public var total: Int
    /// Nodes no run entered, in file order.
    public var neverVisited: [NodeReference]
}

/// A rule, branch or turn limit of the file.
public struct BranchReference: Codable, Sendable, Equatable {
    /// The line of the entry.
    public var line: Int
    /// The node the branch belongs to; nil for rules and the turn limit.
    public var node: String?
    /// `rule`, `branch`, `otherwise` or `turn-limit`.
    public var kind: FiredRule.Kind
    /// The condition as written; nil for `otherwise`.
    public var condition: String?
}

/// How many rules and branches some run fired.
public struct BranchCoverage: Codable, Sendable, Equatable {
    /// Entries that fired at least once.
    public var fired: Int
    /// Rules, branches (with `otherwise`) and the turn limit in the file.
    public var total: Int
    /// Entries that never fired, by line.
    public var neverFired: [BranchReference]
}

/// How often the runs reached one ending.
public struct EndingCount: Codable, Sendable, Equatable {
    /// The ending node.
    public var node: String
    /// Its outcome.
    public var outcome: Outcome
    /// Runs that ended there.
    public var runs: Int
    /// Share of all runs, in percent with one decimal.
    public var percent: Double
}

/// Runs stuck at a node that is not an ending and has no way to one.
public struct DeadEnd: Codable, Sendable, Equatable {
    /// The node.
    public var node: NodeReference
    /// How many runs got stuck there.
    public var runs: Int
}

/// Runs that went round the same nodes until the step cap.
public struct EndlessLoop: Codable, Sendable, Equatable {
    /// The nodes the runs kept visiting, in the order first seen in the second half of the run.
    public var cycle: [String]
    /// How many runs went round it.
    public var runs: Int
}

/// A customer line that some calls said more than once, word for word.
public struct RepeatedLine: Codable, Sendable, Equatable {
    /// The line as written.
    public var text: String
    /// Where it is written: the node whose line it is, or the branch or rule whose `say:` it is.
    public var source: LineSource
    /// How many runs said it twice or more.
    public var runs: Int
}

/// Where a customer line is written in a scenario file.
public struct LineSource: Codable, Sendable, Equatable {
    /// The file line of the node, branch or rule that holds it.
    public var line: Int
    /// The node it belongs to; nil for a rule's `say:`.
    public var node: String?
    /// What holds it.
    public var kind: Kind

    /// A node's line variants, or the `say:` reaction of a branch or of a rule.
    public enum Kind: String, Codable, Sendable {
        case line, branch, rule
    }
}

/// Replies per run.
public struct TurnStatistics: Codable, Sendable, Equatable {
    /// The mean, with two decimals.
    public var average: Double
    /// The longest run.
    public var max: Int
    /// Replies after which a run counts as endless.
    public var cap: Int
}

extension ExplorationReport {
    /// The report of `tally`, gathered over `runs` runs of `scenario` from `seed`.
    init(scenario: Scenario, runs: Int, seed: UInt64, tally: ExplorationTally, graph: ScenarioGraph) {
        self.scenario = scenario.id
        path = scenario.path
        self.runs = runs
        self.seed = seed
        let ordered = scenario.orderedNodes
        nodes = NodeCoverage(
            visited: ordered.filter { tally.visitedNodes.contains($0.id) }.count, total: ordered.count,
            neverVisited: ordered.filter { !tally.visitedNodes.contains($0.id) }.map { NodeReference(id: $0.id, line: $0.line) })
        let entries = Self.entries(of: scenario)
        branches = BranchCoverage(
            fired: entries.filter { tally.firedLines.contains($0.line) }.count, total: entries.count,
            neverFired: entries.filter { !tally.firedLines.contains($0.line) })
        endings = scenario.endings.compactMap { id in
            guard let outcome = scenario.nodes[id]?.ending else { return nil }
            let count = tally.endingCounts[id] ?? 0
            let percent = runs > 0 ? (Double(count) * 1000 / Double(runs)).rounded() / 10 : 0
            return EndingCount(node: id, outcome: outcome, runs: count, percent: percent)
        }
        let canEnd = Self.nodesThatCanEnd(graph, scenario: scenario)
        var deadEnds: [DeadEnd] = [], loops: [EndlessLoop] = []
        for run in tally.stuck {
            let last = run.visited.last ?? scenario.start
            if !canEnd.contains(last) {
                let line = scenario.nodes[last]?.line ?? 0
                if let index = deadEnds.firstIndex(where: { $0.node.id == last }) { deadEnds[index].runs += 1 } else {
                    deadEnds.append(DeadEnd(node: NodeReference(id: last, line: line), runs: 1))
                }
            } else {
                let cycle = Self.cycle(of: run.visited, order: scenario.nodeOrder)
                if let index = loops.firstIndex(where: { $0.cycle == cycle }) { loops[index].runs += 1 } else {
                    loops.append(EndlessLoop(cycle: cycle, runs: 1))
                }
            }
        }
        self.deadEnds = deadEnds.sorted { $0.node.line < $1.node.line }
        endlessLoops = loops.sorted { ($0.runs, $1.cycle.joined(separator: " ")) > ($1.runs, $0.cycle.joined(separator: " ")) }
        let total = tally.replyCounts.reduce(0, +)
        let average = tally.replyCounts.isEmpty ? 0 : (Double(total) * 100 / Double(tally.replyCounts.count)).rounded() / 100
        turns = TurnStatistics(average: average, max: tally.replyCounts.max() ?? 0, cap: ScenarioExplorer.stepCap(scenario))
        let sources = Self.lineSources(of: scenario)
        // Every line the engine says is written in one of those places.
        repeatedLines = tally.repeats.compactMap { text, runs in
            sources[text].map { RepeatedLine(text: text, source: $0, runs: runs) }
        }.sorted { ($1.runs, $0.source.line, $0.text) < ($0.runs, $1.source.line, $1.text) }
    }

    /// Where each customer line of `scenario` is first written: node line variants, then the
    /// `say:` of branches and rules, by file line.
    static func lineSources(of scenario: Scenario) -> [String: LineSource] {
        var sources: [String: LineSource] = [:]
        func note(_ texts: [String], _ source: LineSource) {
            for text in texts where sources[text].map({ $0.line > source.line }) ?? true { sources[text] = source }
        }
        for node in scenario.orderedNodes {
            note(node.lines.map(\.text), LineSource(line: node.line, node: node.id, kind: .line))
            for branch in node.branches { note(branch.effects.say, LineSource(line: branch.line, node: node.id, kind: .branch)) }
        }
        for rule in scenario.rules { note(rule.effects.say, LineSource(line: rule.line, node: nil, kind: .rule)) }
        return sources
    }

    /// Every rule, branch and the turn limit of `scenario`, by file line.
    static func entries(of scenario: Scenario) -> [BranchReference] {
        var entries = scenario.rules.map { BranchReference(line: $0.line, node: nil, kind: .rule, condition: $0.condition.source) }
        for node in scenario.orderedNodes {
            for branch in node.branches {
                entries.append(BranchReference(
                    line: branch.line, node: node.id, kind: branch.isOtherwise ? .otherwise : .branch, condition: branch.condition?.source))
            }
        }
        if let limit = scenario.turnLimit {
            entries.append(BranchReference(line: limit.line, node: nil, kind: .turnLimit, condition: "turn >= \(limit.turns)"))
        }
        return entries.sorted { $0.line < $1.line }
    }

    /// Every node from which some path of branches, rules or the turn limit reaches an ending.
    static func nodesThatCanEnd(_ graph: ScenarioGraph, scenario: Scenario) -> Set<String> {
        var result = Set(scenario.endings)
        var changed = true
        while changed {
            changed = false
            for node in graph.nodes where !result.contains(node) {
                if (graph.successors[node] ?? []).contains(where: result.contains) {
                    result.insert(node)
                    changed = true
                }
            }
        }
        return result
    }

    /// The nodes a stuck run kept visiting: the distinct nodes of its second half, in the order
    /// seen, turned to start at the one earliest in the file (so runs round the same loop agree).
    static func cycle(of visited: [String], order: [String]) -> [String] {
        var seen: [String] = []
        for node in visited.suffix(max(1, visited.count / 2)) where !seen.contains(node) { seen.append(node) }
        let rank = { (node: String) in order.firstIndex(of: node) ?? order.count }
        guard let first = seen.indices.min(by: { rank(seen[$0]) < rank(seen[$1]) }) else { return seen }
        return Array(seen[first...] + seen[..<first])
    }
}
