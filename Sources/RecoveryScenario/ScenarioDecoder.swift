import RecoveryCore
import Yams

/// Turns a composed scenario document into a `Scenario`, collecting every problem on the way.
struct ScenarioDecoder {
    static let topKeys = [
        "id", "title", "difficulty", "tags", "rubric", "briefing", "customer", "start", "turn_limit",
        "intents", "rules", "nodes", "tests", "objectives", "phrasings",
    ]

    var reader: YAMLReader
    /// The names conditions may use besides behaviour ids, found before anything else is decoded.
    var vocabulary = ConditionVocabulary()
    /// Node references to check once every node is known.
    var references: [(target: String, node: Node, what: String, mustEnd: Bool)] = []
    /// Tests' `customer_says:` / `customer_never_says:` words, to find in the customer's lines
    /// once every node is known.
    var spoken: [(words: String, node: Node, what: String)] = []
    /// Where the parts of the scenario are, for the checks run once it is decoded.
    var sources = ScenarioSources()
    /// Whether these very bytes were checked clean before (`ScenarioLoader.load(path:checked:)`):
    /// the whole-file checks (lint) and the test conversations, which playing does not need, are
    /// skipped.
    var alreadyChecked = false
    /// The SHA-256 of the file's text when the caller has it already (nil: worked out here).
    var contentHash: String?
    /// The tag of the string nodes the compact forms make (`Tag(.str)` builds a constructor table each time).
    let stringTag = Tag(.str)

    init(file: YAMLFile) { reader = YAMLReader(file: file) }

    var file: YAMLFile { reader.file }
    var hasErrors: Bool { reader.diagnostics.contains { $0.severity == .error } }

    /// Decodes the whole document; nil when anything is wrong (the problems are in `reader`).
    mutating func decode(_ root: Node) -> Scenario? {
        guard root.mapping != nil else {
            reader.error(CoreDiagnostic.wrongType, "a scenario should be a mapping of keys to values", at: root,
                         hint: "start from the example in docs/scenario-format.md")
            return nil
        }
        let top = fields(root, what: "the scenario", allowed: Self.topKeys)
        vocabulary = Self.vocabulary(of: root)

        let id = text(top, "id", in: root, what: "the scenario", required: true)
        if let id, let node = top["id"] { checkFileName(id, at: node) }
        let title = text(top, "title", in: root, what: "the scenario", required: true)
        let briefing = text(top, "briefing", in: root, what: "the scenario", required: true)
        let difficulty = top["difficulty"].flatMap { number($0, "difficulty", in: 1...5) } ?? 1
        let tags = top["tags"].map { reader.strings($0, what: "tags") } ?? []
        let rubric = top["rubric"].flatMap { reader.string($0, what: "rubric") }
        let customer = required(top, "customer", in: root, what: "the scenario").flatMap { decodeCustomer($0) }
        let start = required(top, "start", in: root, what: "the scenario",
                             hint: "add `start: <node id>` naming the first node").flatMap { startNode in
            reader.string(startNode, what: "start").map { name in
                references.append((name, startNode, "start", false))
                return name
            }
        }
        let turnLimit = top["turn_limit"].flatMap { decodeTurnLimit($0) }
        let intents = top["intents"].map { decodeIntents($0) } ?? []
        let rules = top["rules"].map { decodeRules($0) } ?? []
        let (nodes, nodeOrder) = required(top, "nodes", in: root, what: "the scenario").map { decodeNodes($0) } ?? ([:], [])
        let tests = alreadyChecked ? [] : top["tests"].map { decodeTests($0) } ?? []
        let objectives = top["objectives"].map { decodeObjectives($0) } ?? []
        let phrasings = top["phrasings"].map { decodePhrasings($0) } ?? [:]
        checkReferences(nodes: nodes, order: nodeOrder, rules: rules)

        guard !hasErrors, let id, let title, let briefing, let customer, let start else { return nil }
        var scenario = Scenario(
            id: id, title: title, briefing: briefing, difficulty: difficulty, tags: tags, rubric: rubric,
            customer: customer, start: start, turnLimit: turnLimit, intents: intents, rules: rules,
            nodes: nodes, nodeOrder: nodeOrder, tests: tests, path: file.path,
            contentHash: contentHash ?? SHA256.hex(file.text),
            endings: nodeOrder.filter { nodes[$0]?.isEnding == true }, warnings: [], vocabulary: vocabulary,
            objectives: objectives, phrasings: phrasings)
        let lint = alreadyChecked ? [] : ScenarioLint(scenario: scenario, sources: sources, file: file).diagnostics()
        for diagnostic in lint { reader.report(diagnostic) }
        guard !hasErrors else { return nil }
        // Warnings found while decoding (text cut by a comment) and by the whole-file checks.
        scenario.warnings = reader.diagnostics.filter { $0.severity == .warning }
        return scenario
    }

    private mutating func decodeCustomer(_ node: Node) -> Customer? {
        let values = fields(node, what: "customer", allowed: ["name", "mood", "patience"])
        let name = text(values, "name", in: node, what: "customer", required: true)
        let mood = required(values, "mood", in: node, what: "customer",
                            hint: "add `mood: 7` (0 calm .. 10 gone)").flatMap { number($0, "customer mood", in: 0...10) }
        var patience: Double?
        if let patienceNode = values["patience"], let seconds = reader.double(patienceNode, what: "patience") {
            if seconds > 0 { patience = seconds } else { outOfRange(patienceNode, "patience", "\(seconds)", "above 0") }
        }
        guard let name, let mood else { return nil }
        return Customer(name: name, mood: mood, patience: patience)
    }

    private mutating func decodeTurnLimit(_ node: Node) -> TurnLimit? {
        let values = fields(node, what: "turn_limit", allowed: ["turns", "goto"])
        sources.turns = values["turns"]
        let turns = required(values, "turns", in: node, what: "turn_limit").flatMap { number($0, "turn_limit turns", in: 1...10_000) }
        let target = required(values, "goto", in: node, what: "turn_limit",
                              hint: "add `goto: <ending node>` for the call that runs out of time")
        let goto = target.flatMap { reader.string($0, what: "turn_limit goto") }
        if let goto, let target { references.append((goto, target, "turn_limit", true)) }
        guard let turns, let goto else { return nil }
        return TurnLimit(turns: turns, goto: goto, line: node.mark?.line ?? 1)
    }

    private mutating func decodeIntents(_ node: Node) -> [(name: String, phrases: [String])] {
        var intents: [(name: String, phrases: [String])] = []
        for (name, keyNode, value) in reader.pairs(node, what: "intents") {
            _ = checkName(name, as: "an intent", at: keyNode)
            sources.intentKeys.append((name, keyNode))
            let phrases = reader.strings(value, what: "the phrases of intent '\(name)'")
            if value.sequence == nil, let only = phrases.first, phrases.count == 1, only.contains(",") {
                let list = "[" + only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ") + "]"
                report(.phrasesInOneString, at: value, [name, only, list])
            }
            if phrases.isEmpty || phrases.contains(where: { $0.trimmingWhitespace.isEmpty }) {
                report(.emptyText, at: value, ["a phrase of intent '\(name)'"])
            }
            intents.append((name, phrases))
        }
        return intents
    }

    /// Reports `name` if it is a behaviour id, a word of the condition language, or not a name at all.
    mutating func checkName(_ name: String, as kind: String, at node: Node) -> Bool {
        if Behavior(id: name) != nil {
            if kind == "an intent" { report(.intentIsBehavior, at: node, [name]) }
            else { report(.badName, at: node, [name, kind, "it is a behaviour id"]) }
            return false
        }
        if ConditionParser.keywords.contains(name) {
            report(.badName, at: node, [name, kind, "it is a word of the condition language"])
            return false
        }
        if kind == "a flag", vocabulary.intents.contains(name) {
            report(.badName, at: node, [name, kind, "it is an intent"])
            return false
        }
        if !ConditionLexer.isName(name) {
            report(.badName, at: node, [name, kind, "conditions could not name it"])
            return false
        }
        return true
    }

    private mutating func checkFileName(_ id: String, at node: Node) {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if base != id { report(.idMismatch, at: node, [id, base]) }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
