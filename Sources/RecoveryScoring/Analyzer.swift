import RecoveryCore

/// Reads trainee replies for the recovery behaviours of `behaviors.md`, using the patterns of
/// `Scoring/behaviors.yaml` compiled once into token matchers.
public struct Analyzer: Sendable {
    /// What the YAML says about each behaviour, for docs and hints.
    public let catalog: BehaviorCatalog
    /// Every pattern and exception, in file order.
    let rules: [CompiledRule]
    /// The machine code of every rule.
    let program: PatternProgram
    /// Where each rule starts in `program`.
    let entryPoints: [Int]
    /// Rule numbers by the vocabulary id of the word a match must start with.
    let rulesByFirstID: [[Int]]
    /// Rules that can start with any word (a time, a wildcard or `<any>` comes first).
    let unindexedRules: [Int]

    init(catalog: BehaviorCatalog, rules: [CompiledRule]) {
        self.catalog = catalog
        self.rules = rules
        var program = PatternProgram()
        entryPoints = rules.map { program.compile($0.node) }
        var index: [[Int]] = Array(repeating: [], count: program.vocabulary.count)
        var unindexed: [Int] = []
        for (number, rule) in rules.enumerated() {
            if let keys = rule.node.firstKeys {
                for key in keys.sorted() { index[Int(program.id(key))].append(number) }
            } else {
                unindexed.append(number)
            }
        }
        self.program = program
        rulesByFirstID = index
        unindexedRules = unindexed
    }

    /// Loads and compiles Scoring/behaviors.yaml; bad files give positioned diagnostics.
    public static func load(path: String) throws(DiagnosticError) -> Analyzer {
        try load(file: YAMLFile.read(path: path))
    }

    /// Reads one reply. `intents`: a scenario's named phrase lists, matched as well.
    public func analyze(_ text: String, intents: PhraseSet? = nil) -> ReplyAnalysis {
        let input = MatchInput(text, vocabulary: program.vocabulary)
        var reading = Reading(input: input)
        collectHits(input, into: &reading)
        reading.applyReadingRules()
        let scalars = Array(text.unicodeScalars)
        func evidence(_ label: String, _ start: Int, _ end: Int) -> Evidence {
            let from = input.tokens[start].start, to = input.tokens[end - 1].end
            return Evidence(label: label, quote: String(String.UnicodeScalarView(scalars[from..<to])), offset: from)
        }
        var found: [Evidence] = []
        var behaviors: [Behavior] = []
        for behavior in Behavior.allCases {
            guard let hit = reading.firstHit(behavior) else { continue }
            behaviors.append(behavior)
            found.append(evidence(behavior.id, hit.start, hit.end))
        }
        var intentNames: [String] = []
        if let intents {
            for (name, span) in intents.matches(in: input.tokens).sorted(by: { $0.key < $1.key }) {
                intentNames.append(name)
                found.append(evidence(name, span.start, span.end))
            }
        }
        return ReplyAnalysis(text: text, behaviors: behaviors, intents: intentNames,
                             evidence: found, notes: reading.notes())
    }

    /// Runs every pattern and exception once at each token, through the first-word index.
    private func collectHits(_ input: MatchInput, into reading: inout Reading) {
        var stack: [(pc: Int32, position: Int32)] = []
        stack.reserveCapacity(64)
        func record(_ number: Int, at i: Int) {
            guard let end = input.run(program, from: entryPoints[number], at: i, stack: &stack), end > i else { return }
            let rule = rules[number]
            reading.add(Hit(behavior: rule.behavior, start: i, end: end, rule: number), exception: rule.isException)
        }
        for i in input.tokens.indices {
            let id = input.ids[i]
            if id >= 0 { for number in rulesByFirstID[Int(id)] { record(number, at: i) } }
            for number in unindexedRules { record(number, at: i) }
        }
    }
}

/// A pattern or exception of one behaviour, compiled.
struct CompiledRule: Sendable {
    /// The behaviour it shows (or, for an exception, cancels).
    var behavior: Behavior
    /// Whether it cancels matches instead of making them.
    var isException: Bool
    /// The compiled pattern.
    var node: PatternNode
}

/// Where a behaviour was seen: tokens `start..<end`.
struct Hit: Sendable {
    /// The behaviour shown.
    var behavior: Behavior
    /// First token.
    var start: Int
    /// One past the last token.
    var end: Int
    /// The rule that matched (a reading rule's own hits use -1).
    var rule: Int

    /// Whether the two hits share a token.
    func overlaps(_ other: Hit) -> Bool { start < other.end && other.start < end }
}
