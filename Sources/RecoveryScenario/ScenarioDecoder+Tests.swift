import RecoveryCore
import Yams

extension ScenarioDecoder {
    static let testKeys = ["name", "replies", "expect", "only", "skip", "expect_failure"]
    static let replyKeys = [
        "say", "text", "latency", "detects", "not_detects", "node", "mood_at_most", "mood_at_least", "customer_says", "customer_never_says",
    ]
    static let expectKeys = [
        "outcome", "ending", "reaches", "never_reaches", "mood_at_most", "mood_at_least", "objectives_met", "objectives_missed",
    ]

    /// The tests under `tests:`; `earlier` are tests already decoded for the scenario (from the
    /// scenario file, when this is its sibling test file), so names stay unique across both.
    mutating func decodeTests(_ node: Node, earlier: [ScenarioTest] = []) -> [ScenarioTest] {
        var tests: [ScenarioTest] = []
        for item in reader.list(node, what: "tests") {
            guard let test = decodeTest(item) else { continue }
            if let first = (earlier + tests).first(where: { $0.name == test.name }) {
                let file = first.position.file.split(separator: "/").last.map(String.init) ?? first.position.file
                report(.duplicateTest, at: item.mapping?["name"] ?? item, [test.name, "\(first.position.line)", file])
            }
            tests.append(test)
        }
        return tests
    }

    private mutating func decodeTest(_ item: Node) -> ScenarioTest? {
        let values = fields(item, what: "a test", allowed: Self.testKeys)
        guard item.mapping != nil else { return nil }
        let name = text(values, "name", in: item, what: "a test", required: true)
        let replies = required(values, "replies", in: item, what: "a test",
                               hint: "add `replies:` with one `- \"...\"` line per trainee reply").map { decodeReplies($0) }
        let checksTurns = replies?.contains { !$0.expect.isEmpty } ?? false
        let expectNode = checksTurns ? values["expect"] : required(
            values, "expect", in: item, what: "a test",
            hint: "add `expect:` with `outcome:`, `ending:`, `reaches:` or mood bounds")
        let expect = expectNode.map { decodeExpectation($0) } ?? TestExpectation()
        // An `expect:` with keys whose values were refused was reported there already.
        let hasKeys = !(expectNode?.mapping?.isEmpty ?? true)
        if let name, let expectNode, expect.isEmpty, !checksTurns, !hasKeys || reader.diagnostics.isEmpty {
            report(.nothingExpected, at: expectNode, [name])
        }
        let only = values["only"].flatMap { reader.bool($0, what: "only") } ?? false
        let skip = values["skip"].flatMap { decodeReason($0, "skip") }
        let expectedFailure = values["expect_failure"].flatMap { decodeReason($0, "expect_failure") }
        if only, skip != nil, let key = values.keys["skip"] {
            report(.conflictingKeys, at: key, ["a test cannot be both `only` and `skip`"],
                   hint: "remove `skip:` to focus on this test, or `only:` to skip it")
        }
        guard let name, let replies else { return nil }
        let position = SourcePosition(file: file.path, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
        return ScenarioTest(name: name, replies: replies, expect: expect, only: only, skipReason: skip,
                            expectedFailure: expectedFailure, position: position)
    }

    /// `skip: true` (no reason), `skip: false` (nil) or `skip: "reason"`.
    private mutating func decodeReason(_ node: Node, _ key: String) -> String? {
        if let flag = node.bool { return flag ? "" : nil }
        guard let reason = reader.string(node, what: key) else { return nil }
        if reason.trimmingWhitespace.isEmpty { report(.emptyText, at: node, ["the reason of `\(key)`"]) }
        return reason
    }

    private mutating func decodeReplies(_ node: Node) -> [TestReply] {
        reader.list(node, what: "replies").compactMap { item -> TestReply? in
            let position = SourcePosition(file: file.path, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
            guard item.mapping != nil else {
                checkCommentCut(item)
                return reader.string(item, what: "a reply").map { TestReply(text: $0, position: position) }
            }
            let values = fields(item, what: "a reply", allowed: Self.replyKeys)
            if values["say"] != nil, let key = values.keys["text"] {
                report(.conflictingKeys, at: key, ["a reply has both `say:` and `text:`"], hint: "keep `say:`; `text:` is an older name for it")
            }
            let textNode = values["say"] ?? values["text"]
            if textNode == nil { _ = required(values, "say", in: item, what: "a reply", hint: "add `say: \"...\"` with the trainee's words") }
            if let textNode { checkCommentCut(textNode) }
            let text = textNode.flatMap { reader.string($0, what: "a reply") }
            var latency = ScenarioTest.defaultLatency
            if let latencyNode = values["latency"], let seconds = reader.double(latencyNode, what: "latency") {
                if seconds >= 0 { latency = seconds } else { outOfRange(latencyNode, "latency", "\(seconds)", "0 or more seconds") }
            }
            var expect = TurnExpectation()
            expect.detects = values["detects"].map { detectable($0, what: "detects") } ?? []
            expect.notDetects = values["not_detects"].map { detectable($0, what: "not_detects") } ?? []
            if let nodeNode = values["node"], let target = reader.string(nodeNode, what: "node") {
                expect.node = target
                references.append((target, nodeNode, "a reply's expected node", false))
            }
            expect.moodAtMost = values["mood_at_most"].flatMap { number($0, "mood_at_most", in: 0...10) }
            expect.moodAtLeast = values["mood_at_least"].flatMap { number($0, "mood_at_least", in: 0...10) }
            expect.customerSays = values["customer_says"].map { spokenWords($0, what: "customer_says") } ?? []
            expect.customerNeverSays = values["customer_never_says"].map { spokenWords($0, what: "customer_never_says") } ?? []
            return text.map { TestReply(text: $0, latency: latency, expect: expect, position: position) }
        }
    }

    /// The words under `customer_says:` or `customer_never_says:` (one text or a list), each
    /// kept to be looked for in the customer's lines once every node is known.
    private mutating func spokenWords(_ node: Node, what: String) -> [String] {
        var words: [String] = []
        for item in reader.list(node, what: what) {
            guard let text = reader.string(item, what: "each item of \(what)") else { continue }
            if text.trimmingWhitespace.isEmpty { report(.emptyText, at: item, ["the words of `\(what)`"]); continue }
            words.append(text)
            spoken.append((text, item, what))
        }
        return words
    }

    /// Behaviour ids and intents under `detects:` or `not_detects:`, reporting unknown names.
    private mutating func detectable(_ node: Node, what: String) -> [String] {
        var names: [String] = []
        for item in reader.names(node, what: what) {
            guard let name = reader.string(item, what: "each name of \(what)") else { continue }
            guard Behavior(id: name) != nil || vocabulary.intents.contains(name) else {
                let known = Behavior.allIDs + vocabulary.intents
                report(.unknownBehavior, at: item, [name, what, Behavior.allIDs.joined(separator: ", ")],
                       hint: Spelling.closest(to: name, in: known).map { "did you mean '\($0)'?" })
                continue
            }
            names.append(name)
        }
        return names
    }

    private mutating func decodeExpectation(_ node: Node) -> TestExpectation {
        let values = fields(node, what: "expect", allowed: Self.expectKeys)
        var expect = TestExpectation()
        if let outcomeNode = values["outcome"], let name = reader.string(outcomeNode, what: "outcome") {
            expect.outcome = Outcome(rawValue: name)
            if expect.outcome == nil { report(.badOutcome, at: outcomeNode, [name]) }
        }
        if let endingNode = values["ending"], let ending = reader.string(endingNode, what: "ending") {
            expect.ending = ending
            references.append((ending, endingNode, "a test's expected ending", true))
        }
        expect.reaches = values["reaches"].map { nodeList($0, "reaches") } ?? []
        expect.neverReaches = values["never_reaches"].map { nodeList($0, "never_reaches") } ?? []
        expect.moodAtMost = values["mood_at_most"].flatMap { number($0, "mood_at_most", in: 0...10) }
        expect.moodAtLeast = values["mood_at_least"].flatMap { number($0, "mood_at_least", in: 0...10) }
        expect.objectivesMet = values["objectives_met"].map { reader.names($0, what: "objectives_met").compactMap { reader.string($0, what: "an objective id") } } ?? []
        expect.objectivesMissed = values["objectives_missed"].map { reader.names($0, what: "objectives_missed").compactMap { reader.string($0, what: "an objective id") } } ?? []
        return expect
    }

    private mutating func nodeList(_ node: Node, _ key: String) -> [String] {
        reader.names(node, what: key).compactMap { item in
            guard let target = reader.string(item, what: "each node of \(key)") else { return nil }
            references.append((target, item, "a test's \(key)", false))
            return target
        }
    }

    /// Reports every `goto`, `start`, `turn_limit` and test reference to a node that does not
    /// exist, or that is not an ending where one is needed, and a test's customer words that
    /// no line of the scenario (a node's `lines:`, a rule's or branch's `say:`) contains.
    mutating func checkReferences(nodes: [String: ScenarioNode], order: [String], rules: [Rule]) {
        if !spoken.isEmpty {
            let lines = Scenario.spokenLines(of: order.compactMap { nodes[$0] }, rules: rules)
            for (words, node, what) in spoken where !lines.contains(where: { TurnExpectation.line($0, says: words) }) {
                report(.unknownLine, at: node, [words, what])
            }
        }
        let declared = Set(order)
        let endings = order.filter { nodes[$0]?.isEnding == true }
        for reference in references {
            if !declared.contains(reference.target) {
                let suggestion = Spelling.closest(to: reference.target, in: order)
                report(.unknownNode, at: reference.node, [reference.target, reference.what, Self.list(order)],
                       hint: suggestion.map { "did you mean '\($0)'?" })
            } else if reference.mustEnd, let node = nodes[reference.target], !node.isEnding {
                report(.notAnEnding, at: reference.node, [reference.target, reference.what, Self.list(endings)])
            }
        }
    }

    private static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "(none yet)" }
        let shown = names.prefix(8).joined(separator: ", ")
        return names.count > 8 ? shown + ", …" : shown
    }
}
