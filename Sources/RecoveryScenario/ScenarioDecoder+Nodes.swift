import RecoveryCore
import Yams

extension ScenarioDecoder {
    static let effectKeys = ["mood", "set", "clear", "say", "narrate", "goto"]
    static let ruleKeys = ["when", "after"] + effectKeys
    static let branchKeys = ["when", "otherwise"] + effectKeys
    static let nodeKeys = ["lines", "say", "branches", "goto", "ending"]

    mutating func decodeNodes(_ node: Node) -> (nodes: [String: ScenarioNode], order: [String]) {
        var nodes: [String: ScenarioNode] = [:]
        var order: [String] = []
        let entries = reader.pairs(node, what: "nodes")
        if entries.isEmpty, node.mapping != nil {
            report(.emptyText, at: node, ["`nodes`"], hint: "add at least the start node and one ending")
        }
        for (id, keyNode, value) in entries {
            order.append(id)  // declared, even if broken: references to it are not unknown
            sources.nodeKeys[id] = keyNode
            nodes[id] = decodeNode(id, keyNode: keyNode, value)
        }
        return (nodes, order)
    }

    private mutating func decodeNode(_ id: String, keyNode: Node, _ node: Node) -> ScenarioNode? {
        let what = "node '\(id)'"
        let values = fields(node, what: what, allowed: Self.nodeKeys)
        guard node.mapping != nil else { return nil }
        if values.keys["lines"] != nil, let sayKey = values.keys["say"] {
            report(.conflictingKeys, at: sayKey, ["\(what) has both `lines:` and `say:`"],
                   hint: "`say:` is one line; for several, list them all under `lines:`")
        }
        let lines: [LineVariant]
        if let sayNode = values["say"], values["lines"] == nil {
            lines = decodeSay(sayNode, of: id)
        } else {
            lines = required(values, "lines", in: node, what: what, at: keyNode,
                             hint: "add `lines:` with at least one thing the customer says here (or `say:` with one)")
                .map { decodeLines($0, of: id) } ?? []
        }
        let line = keyNode.mark?.line ?? 1, column = keyNode.mark?.column ?? 1
        var ending: Outcome?
        if let endingNode = values["ending"], let name = reader.string(endingNode, what: "ending") {
            ending = Outcome(rawValue: name)
            if ending == nil { report(.badOutcome, at: endingNode, [name]) }
            for way in ["branches", "goto"] {
                guard let wayKey = values.keys[way] else { continue }
                report(.conflictingKeys, at: wayKey, ["\(what) has both `ending:` and `\(way):`"],
                       hint: "an ending node ends the call; remove its `\(way):`, or remove `ending:`")
            }
            return ScenarioNode(id: id, lines: lines, branches: [], ending: ending, line: line, column: column)
        }
        if let gotoKey = values.keys["goto"], let gotoNode = values["goto"] {
            if let branchesKey = values.keys["branches"] {
                report(.conflictingKeys, at: branchesKey, ["\(what) has both `goto:` and `branches:`"],
                       hint: "`goto:` is the one way on; for several, end the branches with `- otherwise -> NODE`")
            }
            // One way on: the same as branches holding only `- otherwise:` with this `goto:`.
            sources.otherwiseKeys[id] = gotoKey
            var fields = Fields()
            fields.values["goto"] = gotoNode
            fields.keys["goto"] = gotoKey
            let effects = decodeEffects(fields, in: node, what: what, needsGoto: true, owner: .branch(node: id, index: 0))
            return ScenarioNode(id: id, lines: lines, branches: [Branch(condition: nil, effects: effects, line: gotoKey.mark?.line ?? line)],
                                ending: nil, line: line, column: column)
        }
        guard let branchesNode = values["branches"], let branchesKey = values.keys["branches"] else {
            reader.error(CoreDiagnostic.missingKey, "\(what) needs `branches:`, `goto:` or `ending:`", at: keyNode,
                         hint: "add `branches:` ending with `- otherwise -> NODE`, `goto: NODE` for one way on, or `ending: recovered` (retained, lost, escalated)")
            return nil
        }
        let branches = decodeBranches(branchesNode, key: branchesKey, of: id)
        return ScenarioNode(id: id, lines: lines, branches: branches, ending: nil, line: line, column: column)
    }

    /// `say:` on a node: its one line.
    private mutating func decodeSay(_ node: Node, of id: String) -> [LineVariant] {
        guard let text = reader.string(node, what: "`say:` of node '\(id)' (one line; list several under `lines:`)") else { return [] }
        checkCommentCut(node)
        guard !text.trimmingWhitespace.isEmpty else {
            report(.emptyText, at: node, ["`say:` of node '\(id)'"])
            return []
        }
        return [LineVariant(text: text, moodBand: nil, condition: nil)]
    }

    private mutating func decodeLines(_ node: Node, of id: String) -> [LineVariant] {
        let items = reader.list(node, what: "lines of node '\(id)'")
        if items.isEmpty, node.sequence != nil { report(.emptyText, at: node, ["`lines` of node '\(id)'"]) }
        return items.enumerated().compactMap { index, item -> LineVariant? in
            var band: ClosedRange<Int>?
            var condition: Condition?
            let textNode: Node?
            if let mapping = item.mapping, mapping.count == 1, let key = mapping.keys.first?.string,
               !["text", "mood", "when"].contains(key), mapping.values.first?.scalar != nil {
                // `- Sure, here: I'll wait` is a one-key mapping to YAML, not a line with a colon.
                report(.colonInLine, at: item, [String(file.quotedSuggestion(line: item.mark?.line ?? 1).trimmingWhitespace)])
                return nil
            }
            if item.mapping != nil {
                let values = fields(item, what: "a line", allowed: ["text", "mood", "when"])
                textNode = required(values, "text", in: item, what: "a line with a mood band or a condition")
                band = values["mood"].flatMap { moodBand($0) }
                condition = values["when"].flatMap { decodeCondition($0, owner: .line(node: id, index: index)) }
            } else {
                textNode = item
            }
            guard let textNode, let text = reader.string(textNode, what: "a line") else { return nil }
            checkCommentCut(textNode)
            guard !text.trimmingWhitespace.isEmpty else {
                report(.emptyText, at: textNode, ["a line of node '\(id)'"])
                return nil
            }
            return LineVariant(text: text, moodBand: band, condition: condition)
        }
    }

    /// `LOW-HIGH` or a single mood, within 0..10.
    private mutating func moodBand(_ node: Node) -> ClosedRange<Int>? {
        guard let source = node.scalar?.string else {
            report(.badMoodBand, at: node, ["(not text)"])
            return nil
        }
        let parts = source.split(separator: "-", omittingEmptySubsequences: false).map { Int(String($0).trimmingWhitespace) }
        if parts.count <= 2, let low = parts.first ?? nil, let high = parts.last ?? nil, 0 <= low, low <= high, high <= 10 {
            return low...high
        }
        report(.badMoodBand, at: node, [source])
        return nil
    }

    private mutating func decodeBranches(_ node: Node, key: Node, of id: String) -> [Branch] {
        var branches: [Branch] = []
        var otherwiseKey: Node?
        for item in reader.list(node, what: "branches of node '\(id)'") {
            let compact = item.scalar != nil ? compactBranch(item) : nil
            if item.scalar != nil && compact == nil { continue }
            let values = compact?.fields ?? fields(item, what: "a branch", allowed: Self.branchKeys)
            guard item.mapping != nil || compact != nil else { continue }
            if let earlier = otherwiseKey {
                report(.otherwiseNotLast, at: earlier, [id])
                otherwiseKey = nil
            }
            var effectValues = values
            var condition: Condition?
            let owner = ScenarioSources.Owner.branch(node: id, index: branches.count)
            if let otherwise = compact?.otherwise {
                otherwiseKey = otherwise
                sources.otherwiseKeys[id] = otherwise
            } else if let otherwise = values.keys["otherwise"] {
                otherwiseKey = otherwise
                sources.otherwiseKeys[id] = otherwise
                effectValues = mergeOtherwise(values, of: id)
            } else if let whenNode = required(values, "when", in: item, what: "a branch",
                                              hint: "add `when: <condition>`, or make it `- otherwise:`") {
                condition = decodeCondition(whenNode, owner: owner)
            }
            let effects = decodeEffects(effectValues, in: item, what: "a branch", needsGoto: true, owner: owner)
            branches.append(Branch(condition: condition, effects: effects, line: item.mark?.line ?? 1))
        }
        if !branches.contains(where: \.isOtherwise), node.sequence != nil || node.scalar != nil {
            report(.missingOtherwise, at: key, [id])
        }
        return branches
    }

    /// The effects of an `otherwise:` entry: its siblings, and the keys of its own mapping if it has one.
    private mutating func mergeOtherwise(_ values: Fields, of id: String) -> Fields {
        var merged = values
        if let whenKey = values.keys["when"] {
            report(.conflictingKeys, at: whenKey, ["an `otherwise:` branch cannot have `when:`"],
                   hint: "remove `when:` (otherwise takes every reply), or remove `otherwise:`")
        }
        guard let body = values["otherwise"], body.null == nil else { return merged }
        if body.mapping == nil {
            reader.error(CoreDiagnostic.wrongType, "`otherwise:` takes no value of its own", at: body,
                         hint: "write `- otherwise:` and put `goto:` and the other effects on the lines below it")
            return merged
        }
        let inner = fields(body, what: "an otherwise branch", allowed: Self.effectKeys)
        for (key, value) in inner.values {
            if merged.values[key] != nil {
                report(.conflictingKeys, at: inner.keys[key], ["'\(key)' is given twice for this `otherwise:`"],
                       hint: "keep one of them")
            }
            merged.values[key] = value
            merged.keys[key] = inner.keys[key]
        }
        return merged
    }

    mutating func decodeRules(_ node: Node) -> [Rule] {
        var rules: [Rule] = []
        for item in reader.list(node, what: "rules") {
            let values = fields(item, what: "a rule", allowed: Self.ruleKeys)
            guard item.mapping != nil else { continue }
            let owner = ScenarioSources.Owner.rule(index: rules.count)
            let condition = required(values, "when", in: item, what: "a rule",
                                     hint: "add `when: <condition>`; write `when: true` for every reply")
                .flatMap { decodeCondition($0, owner: owner) }
            let after = values["after"].flatMap { reader.bool($0, what: "after") } ?? false
            let effects = decodeEffects(values, in: item, what: "a rule", needsGoto: false, owner: owner)
            guard let condition else { continue }
            rules.append(Rule(condition: condition, after: after, effects: effects, line: item.mark?.line ?? 1))
        }
        return rules
    }

    private mutating func decodeEffects(
        _ values: Fields, in node: Node, what: String, needsGoto: Bool, owner: ScenarioSources.Owner
    ) -> Effects {
        var effects = Effects()
        if let mood = values["mood"] {
            effects.mood = reader.int(mood, what: "mood change") ?? 0
        }
        effects.set = values["set"].map { flagNames($0, what: "set", checkKnown: false, owner: owner) } ?? []
        effects.clear = values["clear"].map { flagNames($0, what: "clear", checkKnown: true, owner: nil) } ?? []
        if let sayNode = values["say"] { effects.say = variants(sayNode, what: "`say` of \(what)") }
        effects.narrate = text(values, "narrate", in: node, what: what)
        if let narrateNode = values["narrate"] { checkCommentCut(narrateNode) }
        let gotoNode = needsGoto
            ? required(values, "goto", in: node, what: what, hint: "add `goto: <node id>` for where this reply leads")
            : values["goto"]
        if let gotoNode, let target = reader.string(gotoNode, what: "goto") {
            effects.goto = target
            references.append((target, gotoNode, "goto", false))
        }
        return effects
    }

    /// The flag names of a `set:` or `clear:`; the items of a `set:` are recorded with their `owner`.
    private mutating func flagNames(_ node: Node, what: String, checkKnown: Bool, owner: ScenarioSources.Owner?) -> [String] {
        var names: [String] = []
        for item in reader.names(node, what: "`\(what)`") {
            guard let name = reader.string(item, what: "each flag of `\(what)`") else { continue }
            names.append(name)
            if let owner { sources.flagSets.append((name, item, owner)) }
            guard checkName(name, as: "a flag", at: item), checkKnown, !vocabulary.flags.contains(name) else { continue }
            report(.unknownFlag, at: item, [name],
                   hint: Spelling.closest(to: name, in: vocabulary.flags).map { "did you mean '\($0)'?" })
        }
        return names
    }
}
