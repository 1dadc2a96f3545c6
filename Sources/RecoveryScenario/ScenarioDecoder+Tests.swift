import RecoveryCore
import Yams

extension ScenarioDecoder {
    mutating func decodeTests(_ node: Node) -> [ScenarioTest] {
        reader.list(node, what: "tests").compactMap { item -> ScenarioTest? in
            let values = fields(item, what: "a test", allowed: ["name", "replies", "expect"])
            guard item.mapping != nil else { return nil }
            let name = text(values, "name", in: item, what: "a test", required: true)
            let replies = required(values, "replies", in: item, what: "a test",
                                   hint: "add `replies:` with one `- \"...\"` line per trainee reply").map { decodeReplies($0) }
            let expect = required(values, "expect", in: item, what: "a test",
                                  hint: "add `expect:` with `outcome:`, `ending:`, `reaches:` or mood bounds").map { decodeExpectation($0) }
            guard let name, let replies, let expect else { return nil }
            let position = SourcePosition(file: file.path, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
            return ScenarioTest(name: name, replies: replies, expect: expect, position: position)
        }
    }

    private mutating func decodeReplies(_ node: Node) -> [(text: String, latency: Double)] {
        reader.list(node, what: "replies").compactMap { item -> (text: String, latency: Double)? in
            guard item.mapping != nil else { return reader.string(item, what: "a reply").map { ($0, ScenarioTest.defaultLatency) } }
            let values = fields(item, what: "a reply", allowed: ["text", "latency"])
            let text = required(values, "text", in: item, what: "a reply").flatMap { reader.string($0, what: "a reply") }
            var latency = ScenarioTest.defaultLatency
            if let latencyNode = values["latency"], let seconds = reader.double(latencyNode, what: "latency") {
                if seconds >= 0 { latency = seconds } else { outOfRange(latencyNode, "latency", "\(seconds)", "0 or more seconds") }
            }
            return text.map { ($0, latency) }
        }
    }

    private mutating func decodeExpectation(_ node: Node) -> TestExpectation {
        let values = fields(node, what: "expect", allowed: ["outcome", "ending", "reaches", "mood_at_most", "mood_at_least"])
        var expect = TestExpectation()
        if let outcomeNode = values["outcome"], let name = reader.string(outcomeNode, what: "outcome") {
            expect.outcome = Outcome(rawValue: name)
            if expect.outcome == nil { report(.badOutcome, at: outcomeNode, [name]) }
        }
        if let endingNode = values["ending"], let ending = reader.string(endingNode, what: "ending") {
            expect.ending = ending
            references.append((ending, endingNode, "a test's expected ending", true))
        }
        if let reachesNode = values["reaches"] {
            for item in reader.list(reachesNode, what: "reaches") {
                guard let target = reader.string(item, what: "each node of reaches") else { continue }
                expect.reaches.append(target)
                references.append((target, item, "a test's reaches", false))
            }
        }
        expect.moodAtMost = values["mood_at_most"].flatMap { number($0, "mood_at_most", in: 0...10) }
        expect.moodAtLeast = values["mood_at_least"].flatMap { number($0, "mood_at_least", in: 0...10) }
        return expect
    }

    /// Reports every `goto`, `start`, `turn_limit` and test reference to a node that does not
    /// exist, or that is not an ending where one is needed.
    mutating func checkReferences(nodes: [String: ScenarioNode], order: [String]) {
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
