import RecoveryCore

/// Plays a scenario: takes each reply's analysis and latency and answers with a `Step`.
/// The same scenario, seed, analyses and latencies always give the same steps.
public struct Engine: Sendable {
    /// The scenario being played.
    public let scenario: Scenario
    /// The seed of the line-variant choices.
    public let seed: UInt64
    private var generator: SeededGenerator
    private var context: ConditionContext
    /// The node now current.
    public private(set) var node: String
    /// Every node entered so far, in order (repeats included), the start first.
    public private(set) var visited: [String]
    /// The ending node and its outcome, once the call has ended.
    public private(set) var ending: (node: String, outcome: Outcome)?
    /// What fired for the last reply, each with the context its condition was checked in (for `/why`).
    private(set) var lastFired: [(entry: FiredRule, context: ConditionContext)] = []
    /// The reply that met each objective met so far, by objective id.
    public private(set) var objectivesMet: [String: Int] = [:]
    /// Every customer line said so far in this call, so that none is said twice while another
    /// variant is left.
    private var said: Set<String> = []
    /// The customer lines said again in this call, word for word: every variant eligible at the
    /// time had been said already (`recovery explore` lists them for the author).
    public private(set) var repeated: Set<String> = []

    /// The customer's mood, 0 calm .. 10 gone.
    public var mood: Int { context.mood }
    /// Replies handled so far.
    public var turn: Int { context.turn }
    /// The flags now set.
    public var flags: Set<String> { context.setFlags }
    /// Whether the call has ended; further replies change nothing.
    public var isOver: Bool { ending != nil }

    /// An engine at the start of `scenario`, choosing line variants from `seed`.
    public init(scenario: Scenario, seed: UInt64) {
        self.scenario = scenario
        self.seed = seed
        generator = SeededGenerator(seed: seed)
        context = ConditionContext(vocabulary: scenario.vocabulary, mood: Self.clamp(scenario.customer.mood))
        node = scenario.start
        visited = [scenario.start]
    }

    /// Starts (or restarts) the call: the customer says a line of the start node.
    public mutating func start() -> Step {
        self = Engine(scenario: scenario, seed: seed)
        var step = Step(turn: 0, moodBefore: mood, moodAfter: mood, node: node)
        visited = []
        enter(scenario.start, &step)
        return step
    }

    /// Handles one reply: rules, then the node's first matching branch (unless a rule jumped),
    /// then `after` rules, then the turn limit; then the customer says a line of the new node.
    /// Once the call is over, returns an empty step and changes nothing.
    public mutating func reply(_ analysis: ReplyAnalysis, latency: Double) -> Step {
        guard !isOver else {
            return Step(turn: turn, moodBefore: mood, moodAfter: mood, node: node, ending: ending?.node, outcome: ending?.outcome)
        }
        context.record(analysis, latency: latency)
        lastFired = []
        var step = Step(turn: turn, moodBefore: mood, moodAfter: mood, node: node)
        var target: String?
        applyRules(after: false, target: &target, &step)
        if target == nil, let branch = scenario.nodes[node]?.branches.first(where: { $0.condition?.evaluate(in: context) ?? true }) {
            record(FiredRule(kind: branch.isOtherwise ? .otherwise : .branch, condition: branch.condition?.source,
                             line: branch.line, goto: branch.effects.goto), &step)
            apply(branch.effects, &step)
            target = branch.effects.goto
        }
        applyRules(after: true, target: &target, &step)
        for objective in scenario.objectives where objectivesMet[objective.id] == nil && objective.condition.evaluate(in: context) {
            objectivesMet[objective.id] = turn
            step.objectivesMet = (step.objectivesMet ?? []) + [objective.id]
        }
        if let limit = scenario.turnLimit, turn >= limit.turns, !isEnding(target ?? node) {
            record(FiredRule(kind: .turnLimit, condition: "turn >= \(limit.turns)", line: limit.line, goto: limit.goto), &step)
            target = limit.goto
        }
        enter(target ?? node, &step)
        return step
    }

    /// Applies every rule of this phase whose condition holds; the first with a `goto` decides the
    /// target, except that `after` rules never take the call away from an ending already chosen.
    private mutating func applyRules(after: Bool, target: inout String?, _ step: inout Step) {
        var jumped = !after && target != nil
        for rule in scenario.rules where rule.after == after && rule.condition.evaluate(in: context) {
            record(FiredRule(kind: .rule, condition: rule.condition.source, line: rule.line, goto: rule.effects.goto), &step)
            apply(rule.effects, &step)
            guard let goto = rule.effects.goto, !jumped else { continue }
            if after, let chosen = target, isEnding(chosen) { continue }
            target = goto
            jumped = true
        }
    }

    /// Notes that `entry` fired, with the context its condition was just checked in.
    private mutating func record(_ entry: FiredRule, _ step: inout Step) {
        step.fired.append(entry)
        lastFired.append((entry, context))
    }

    private mutating func apply(_ effects: Effects, _ step: inout Step) {
        context.mood = Self.clamp(context.mood + effects.mood)
        for flag in effects.set { context.setFlag(flag, true) }
        for flag in effects.clear { context.setFlag(flag, false) }
        if let say = choose(effects.say) { step.customerLines.append(say) }
        if let narrate = effects.narrate { step.narration.append(narrate) }
    }

    private mutating func enter(_ id: String, _ step: inout Step) {
        node = id
        visited.append(id)
        step.node = id
        step.moodAfter = mood
        guard let entered = scenario.nodes[id] else { return }
        if let line = chooseLine(of: entered) { step.customerLines.append(line) }
        if let outcome = entered.ending {
            ending = (id, outcome)
            step.ending = id
            step.outcome = outcome
        }
    }

    /// A seeded choice of a line of `node`, never one already said in this call while another
    /// variant whose condition holds is left: among those not said yet, the ones whose mood band
    /// holds the mood first, then any; only when every such variant was said, one again (in band
    /// first). When no variant's condition holds, all are eligible.
    private mutating func chooseLine(of node: ScenarioNode) -> String? {
        guard !node.lines.isEmpty else { return nil }
        let allowed = node.lines.filter { $0.condition?.evaluate(in: context) ?? true }
        let pool = allowed.isEmpty ? node.lines : allowed
        let fresh = pool.filter { !said.contains($0.text) }
        func inBand(_ variants: [LineVariant]) -> [LineVariant] {
            let band = variants.filter { $0.moodBand?.contains(mood) ?? true }
            return band.isEmpty ? variants : band
        }
        return choose(inBand(fresh.isEmpty ? pool : fresh).map(\.text))
    }

    /// A seeded choice among `variants`, preferring those not said yet in this call; notes the choice as said.
    private mutating func choose(_ variants: [String]) -> String? {
        guard !variants.isEmpty else { return nil }
        let fresh = variants.filter { !said.contains($0) }
        let pool = fresh.isEmpty ? variants : fresh
        let line = pool[generator.index(below: pool.count)]
        if !said.insert(line).inserted { repeated.insert(line) }
        return line
    }

    /// Debug (`/goto`): moves the call to node `id` at once; the customer says a line of it, and
    /// an ending ends the call. Returns nil, changing nothing, when there is no such node or the call is over.
    public mutating func jump(to id: String) -> Step? {
        guard !isOver, scenario.nodes[id] != nil else { return nil }
        var step = Step(turn: turn, moodBefore: mood, moodAfter: mood, node: node)
        enter(id, &step)
        return step
    }

    /// Debug (`/set mood`): sets the customer's mood, clamped to 0...10.
    public mutating func setMood(_ mood: Int) {
        context.mood = Self.clamp(mood)
    }

    private func isEnding(_ id: String) -> Bool { scenario.nodes[id]?.isEnding ?? false }

    private static func clamp(_ mood: Int) -> Int { min(10, max(0, mood)) }
}
