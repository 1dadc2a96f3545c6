import RecoveryCore
import Yams

/// `objectives:` (what this customer needs) and `phrasings:` (better words for this scenario).
extension ScenarioDecoder {
    /// The objectives, in file order; a bad entry is reported and left out.
    mutating func decodeObjectives(_ node: Node) -> [Objective] {
        var objectives: [Objective] = []
        var lines: [String: Int] = [:]
        var main: String?
        for (index, item) in reader.list(node, what: "objectives").enumerated() {
            let what = "an objective"
            let values = fields(item, what: what, allowed: ["id", "title", "when", "asked", "weight", "main", "example"])
            let id = text(values, "id", in: item, what: what, required: true)
            let title = text(values, "title", in: item, what: what, required: true)
            let ask = text(values, "asked", in: item, what: what, required: true)
            let example = text(values, "example", in: item, what: what) ?? ""
            let condition = required(values, "when", in: item, what: what, hint: "add `when: <condition>`, such as `when: safety`")
                .flatMap { decodeCondition($0, owner: .objective(index: index)) }
            var weight = 10.0
            if let weightNode = values["weight"], let value = reader.double(weightNode, what: "weight") {
                if value > 0 { weight = value } else { outOfRange(weightNode, "weight", "\(value)", "above 0") }
            }
            let isMain = values["main"].flatMap { reader.bool($0, what: "main") } ?? false
            for key in ["title", "asked", "example"] { if let textNode = values[key] { checkCommentCut(textNode) } }
            let line = item.mark?.line ?? 1
            if let id, let idNode = values["id"] {
                if let first = lines[id] { report(.duplicateObjective, at: idNode, [id, String(first)]) } else { lines[id] = line }
                if isMain, let mainNode = values["main"] {
                    if let main { report(.twoMainObjectives, at: mainNode, [id, main]) } else { main = id }
                }
            }
            if let id, let askNode = values["asked"] { sources.objectiveAsks[id] = askNode }
            guard let id, let title, let ask, let condition else { continue }
            objectives.append(Objective(id: id, title: title, condition: condition, ask: ask, weight: weight,
                                        main: isMain, example: example, line: values["id"]?.mark?.line ?? line,
                                        column: values["id"]?.mark?.column ?? 1))
        }
        return objectives
    }

    /// `phrasings:` — a better phrasing per behaviour id, for the debrief.
    mutating func decodePhrasings(_ node: Node) -> [Behavior: String] {
        var phrasings: [Behavior: String] = [:]
        for (name, keyNode, value) in reader.pairs(node, what: "phrasings") {
            guard let behavior = Behavior(id: name) else {
                reader.error(CoreDiagnostic.unknownKey, "'\(name)' is not a behaviour id", at: keyNode,
                             hint: Spelling.closest(to: name, in: Behavior.allIDs).map { "did you mean '\($0)'?" }
                                 ?? "phrasings are keyed by behaviour id: \(Behavior.allIDs.joined(separator: ", "))")
                continue
            }
            checkCommentCut(value)
            guard let text = reader.string(value, what: "a phrasing"), !text.trimmingWhitespace.isEmpty else {
                report(.emptyText, at: value, ["phrasing '\(name)'"])
                continue
            }
            phrasings[behavior] = text
        }
        return phrasings
    }

    /// One text, or a list of variants (`say:`); empty texts are reported.
    mutating func variants(_ node: Node, what: String) -> [String] {
        let items = node.sequence != nil ? reader.list(node, what: what) : [node]
        return items.compactMap { item in
            guard let text = reader.string(item, what: what) else { return nil }
            checkCommentCut(item)
            guard !text.trimmingWhitespace.isEmpty else {
                report(.emptyText, at: item, [what])
                return nil
            }
            return text
        }
    }
}
