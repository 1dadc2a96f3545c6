import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Plays a scenario many times with seeded random replies, to find what a trainer's own tests
/// miss: nodes and branches never reached, endings never (or too often) reached, dead ends and
/// loops that never end. Replies come from the behaviour examples of the scoring data and the
/// scenario's intent phrases, alone or two or three at once; latencies are random, some beyond
/// the customer's patience. The same scenario, scoring data, runs and seed give the same report.
public struct ScenarioExplorer: Sendable {
    /// The scenario explored.
    public let scenario: Scenario
    /// Reads the random replies, as in a real call.
    public let analyzer: Analyzer
    /// The replies drawn from, in a fixed order.
    public let pool: ReplyPool
    private let intents: PhraseSet

    /// How many replies one run of `scenario` may take before it counts as a loop that never ends:
    /// four times the turn limit, or 60 without one.
    public static func stepCap(_ scenario: Scenario) -> Int { scenario.turnLimit.map { $0.turns * 4 } ?? 60 }

    /// An explorer of `scenario` whose replies are read by `analyzer`.
    public init(scenario: Scenario, analyzer: Analyzer) {
        self.scenario = scenario
        self.analyzer = analyzer
        self.intents = PhraseSet(scenario.intents)
        self.pool = ReplyPool(catalog: analyzer.catalog, intents: scenario.intents)
    }

    /// Plays `runs` calls from `seed` and reports what they reached.
    public func explore(runs: Int, seed: UInt64) -> ExplorationReport {
        var generator = SeededGenerator(seed: seed)
        var tally = ExplorationTally()
        for _ in 0..<max(0, runs) {
            let runSeed = generator.next()
            tally.add(play(seed: runSeed))
        }
        return ExplorationReport(scenario: scenario, runs: max(0, runs), seed: seed, tally: tally, graph: ScenarioGraph(scenario))
    }

    /// One seeded call: random replies until an ending or the step cap.
    func play(seed: UInt64) -> ExplorationRun {
        var random = SeededGenerator(seed: seed)
        let trainee = ExploringTrainee(&random)
        var engine = Engine(scenario: scenario, seed: seed)
        _ = engine.start()
        var fired: Set<Int> = []
        var replies = 0
        while !engine.isOver && replies < Self.stepCap(scenario) && !pool.isEmpty {
            let text = trainee.reply(from: pool, &random)
            let step = engine.reply(analyzer.analyze(text, intents: intents), latency: trainee.latency(patience: scenario.customer.patience, &random))
            for entry in step.fired { fired.insert(entry.line) }
            replies += 1
        }
        return ExplorationRun(visited: engine.visited, firedLines: fired, replies: replies, ending: engine.ending?.node,
                              repeated: engine.repeated)
    }
}

/// What one exploring call did.
struct ExplorationRun: Sendable {
    /// Nodes entered, in order, the start first.
    var visited: [String]
    /// File lines of the rules, branches and turn limit that fired.
    var firedLines: Set<Int>
    /// Replies given.
    var replies: Int
    /// The ending reached, or nil when the run hit the step cap.
    var ending: String?
    /// Customer lines said more than once in the call, word for word.
    var repeated: Set<String> = []
}

/// Everything the runs reached, added up.
struct ExplorationTally: Sendable {
    var visitedNodes: Set<String> = []
    var firedLines: Set<Int> = []
    var endingCounts: [String: Int] = [:]
    /// Runs that hit the step cap, in run order.
    var stuck: [ExplorationRun] = []
    var replyCounts: [Int] = []
    /// For each customer line said twice in some call, how many calls did so.
    var repeats: [String: Int] = [:]

    mutating func add(_ run: ExplorationRun) {
        visitedNodes.formUnion(run.visited)
        for line in run.repeated { repeats[line, default: 0] += 1 }
        firedLines.formUnion(run.firedLines)
        replyCounts.append(run.replies)
        if let ending = run.ending { endingCounts[ending, default: 0] += 1 } else { stuck.append(run) }
    }
}
