import RecoveryCore
import Yams

/// The checks run on a scenario once it has decoded without errors: nodes that cannot be reached
/// or cannot end, branches and rules that can never fire, intents and flags nobody uses, flags
/// read but only set where the call can never get, and a turn limit too low to reach an ending.
/// The loader runs them, so `play`, `test` and `validate` see the same diagnostics.
struct ScenarioLint {
    let scenario: Scenario
    let sources: ScenarioSources
    let file: YAMLFile
    private let graph: ScenarioGraph
    private var prover: ConditionProver

    /// The checks of `scenario`, decoded from `file` with the positions in `sources`.
    init(scenario: Scenario, sources: ScenarioSources, file: YAMLFile) {
        self.scenario = scenario
        self.sources = sources
        self.file = file
        graph = ScenarioGraph(scenario)
        prover = ConditionProver(maximumTurn: scenario.turnLimit?.turns)
    }

    /// Every diagnostic of the checks, in no particular order (errors and warnings).
    func diagnostics() -> [Diagnostic] {
        var lint = self
        var found = graph.warnings(file: file)
        let dead = lint.deadEntries(&found)
        found += unusedNames()
        found += flagsNeverSet(dead: dead)
        found += turnLimitProblems(dead: dead)
        found += asksNeverSaid()
        return found
    }

    /// The branches and rules that can never fire, reporting each (and each branch that makes the
    /// ones below it unreachable).
    private mutating func deadEntries(_ found: inout [Diagnostic]) -> Set<ScenarioSources.Owner> {
        var dead: Set<ScenarioSources.Owner> = []
        for (index, rule) in scenario.rules.enumerated() where prover.satisfiable(rule.condition.expression) == false {
            let owner = ScenarioSources.Owner.rule(index: index)
            dead.insert(owner)
            found.append(report(.ruleNeverFires, at: sources.conditions[owner]?.node,
                                [rule.condition.source, neverHoldsHint]))
        }
        for node in scenario.orderedNodes {
            dead.formUnion(deadBranches(of: node, &found))
        }
        return dead
    }

    private mutating func deadBranches(of node: ScenarioNode, _ found: inout [Diagnostic]) -> [ScenarioSources.Owner] {
        var dead: [ScenarioSources.Owner] = []
        var earlier: [(condition: ConditionExpression, line: Int)] = []
        for (index, branch) in node.branches.enumerated() {
            guard let condition = branch.condition else { continue }
            let owner = ScenarioSources.Owner.branch(node: node.id, index: index)
            let site = sources.conditions[owner]?.node
            let notEarlier = earlier.map { ConditionExpression.not($0.condition) }
            if prover.satisfiable(Self.all([condition.expression] + notEarlier)) == false {
                dead.append(owner)
                let (reason, hint) = whyNeverTaken(condition, after: earlier)
                found.append(report(.branchNeverFires, at: site, [node.id, reason, hint]))
            } else if index < node.branches.count - 1,
                      prover.satisfiable(Self.all([.not(condition.expression)] + notEarlier)) == false {
                let below = node.branches.count - 1 - index
                let what = below == 1 ? "the `otherwise:` branch" : "the \(below) branches"
                found.append(report(.alwaysTrueBranch, at: site, [condition.source, what]))
                return dead + (index + 1..<node.branches.count).map { .branch(node: node.id, index: $0) }
            }
            earlier.append((condition.expression, branch.line))
        }
        return dead
    }

    /// Why a branch whose replies are all taken can never be, and what to do about it.
    private mutating func whyNeverTaken(
        _ condition: Condition, after earlier: [(condition: ConditionExpression, line: Int)]
    ) -> (reason: String, hint: String) {
        if prover.satisfiable(condition.expression) == false {
            return ("its condition '\(condition.source)' never holds", neverHoldsHint)
        }
        let moveHint = "move it above the branch that takes its replies, or remove it"
        for above in earlier where prover.satisfiable(.and(condition.expression, .not(above.condition))) == false {
            return ("every reply it matches is taken by the branch on line \(above.line)", moveHint)
        }
        return ("every reply it matches is taken by the branches above it", moveHint)
    }

    private var neverHoldsHint: String {
        let turns = scenario.turnLimit.map { ", and the turn limit ends the call after turn \($0.turns)" } ?? ""
        return "correct the condition (mood is 0 to 10, turn starts at 1\(turns)), or remove it"
    }

    /// Intents no condition names, and flags set but never read.
    private func unusedNames() -> [Diagnostic] {
        let conditions = scenario.rules.map(\.condition) + scenario.orderedNodes.flatMap { $0.branches.compactMap(\.condition) }
            + scenario.objectives.map(\.condition) + scenario.orderedNodes.flatMap { $0.lines.compactMap(\.condition) }
        let signals = Set(conditions.flatMap(\.expression.signalSlots))
        let flags = Set(conditions.flatMap(\.expression.flagSlots))
        var found: [Diagnostic] = []
        for (name, key) in sources.intentKeys {
            guard let slot = scenario.vocabulary.signalSlot(of: name), !signals.contains(slot) else { continue }
            found.append(report(.unusedIntent, at: key, [name]))
        }
        for (slot, name) in scenario.vocabulary.flags.enumerated() where !flags.contains(slot) {
            guard let first = sources.flagSets.first(where: { $0.name == name }) else { continue }
            found.append(report(.unusedFlag, at: first.node, [name]))
        }
        return found
    }

    /// A condition the call can reach that reads a flag whose every `set:` can never run.
    private func flagsNeverSet(dead: Set<ScenarioSources.Owner>) -> [Diagnostic] {
        let reachable = graph.reachable
        func live(_ owner: ScenarioSources.Owner) -> Bool {
            if case .branch(let node, _) = owner, !reachable.contains(node) { return false }
            return !dead.contains(owner)
        }
        let reads = sources.conditions.filter { live($0.key) }.values
            .flatMap(\.names).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var found: [Diagnostic] = []
        for flag in scenario.vocabulary.flags {
            let sets = sources.flagSets.filter { $0.name == flag }
            guard !sets.contains(where: { live($0.owner) }),
                  let read = reads.first(where: { $0.name == flag }) else { continue }
            let lines = sets.compactMap { $0.node.mark?.line }
            let place = (lines.count == 1 ? "line " : "lines ") + Self.listed(lines.map(String.init))
            found.append(scenarioDiagnostic(.flagNeverSet, line: read.line, column: read.column, [flag, place]))
        }
        return found
    }

    /// `kind` at `node`'s position (the top of the file if unknown), filled with `values`.
    func report(_ kind: ScenarioDiagnostic, at node: Node?, _ values: [String]) -> Diagnostic {
        scenarioDiagnostic(kind, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, values)
    }

    func scenarioDiagnostic(_ kind: ScenarioDiagnostic, line: Int, column: Int, _ values: [String]) -> Diagnostic {
        kind.diagnostic(in: file, line: line, column: column, values)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    private static func all(_ expressions: [ConditionExpression]) -> ConditionExpression {
        expressions.dropFirst().reduce(expressions.first ?? .constant(true)) { .and($0, $1) }
    }
}

extension ScenarioLint {
    /// Objectives whose `asked:` words no customer line (a node's lines, a `say:`) contains.
    func asksNeverSaid() -> [Diagnostic] {
        let spoken = scenario.spokenLines
        return scenario.objectives.compactMap { objective in
            guard !spoken.contains(where: { $0.contains(objective.ask) }), let node = sources.objectiveAsks[objective.id] else { return nil }
            return report(.askNeverSaid, at: node, [objective.id, objective.ask])
        }
    }
}
