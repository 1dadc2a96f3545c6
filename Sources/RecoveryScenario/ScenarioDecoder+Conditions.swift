import RecoveryCore
import Yams

extension ScenarioDecoder {
    /// Parses and binds the condition in scalar `node` (the `when:` of `owner`), reporting problems
    /// at their column inside it.
    mutating func decodeCondition(_ node: Node, owner: ScenarioSources.Owner) -> Condition? {
        guard let scalar = node.scalar else {
            reader.error(CoreDiagnostic.wrongType, "a condition should be text", at: node,
                         hint: "write it on one line after `when:`, such as `when: apologize and own`")
            return nil
        }
        do throws(ConditionError) {
            var condition = try Condition.parse(scalar.string)
            let names = condition.expression.unboundNames.map { name, offset in
                let (line, column) = conditionPosition(node, offset: offset)
                return (name, line, column)
            }
            sources.conditions[owner] = ScenarioSources.ConditionSite(node: node, names: names)
            let errors = condition.resolve(in: vocabulary)
            for error in errors { report(error, in: node) }
            return errors.isEmpty ? condition : nil
        } catch {
            report(error, in: node)
            return nil
        }
    }

    private mutating func report(_ error: ConditionError, in node: Node) {
        let (line, column) = conditionPosition(node, offset: error.offset)
        switch error.kind {
        case .unknownName(let name):
            report(.unknownName, line: line, column: column, [name], hint: error.hint)
        case .malformed:
            report(.malformedCondition, line: line, column: column, [error.message],
                   hint: error.hint ?? "see Conditions in docs/scenario-format.md")
        }
    }

    /// The file position of scalar offset `offset` inside the condition held by `node`: exact for
    /// one-line plain and quoted scalars and for block scalars; the scalar's start otherwise.
    func conditionPosition(_ node: Node, offset: Int) -> (line: Int, column: Int) {
        guard let scalar = node.scalar, let mark = scalar.mark else { return (node.mark?.line ?? 1, node.mark?.column ?? 1) }
        let fallback = (mark.line, mark.column)
        let text = scalar.string
        switch scalar.style {
        case .literal, .folded:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            if scalar.style == .folded, lines.count > 1 { return fallback }
            var remaining = offset
            var index = 0
            while index < lines.count - 1, remaining > lines[index].unicodeScalars.count {
                remaining -= lines[index].unicodeScalars.count + 1
                index += 1
            }
            guard index < lines.count, let column = column(of: String(lines[index]), onLine: mark.line + 1 + index)
            else { return fallback }
            return (mark.line + 1 + index, column + remaining)
        default:
            let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
            guard !text.utf8.contains(UInt8(ascii: "\n")), let source = file.line(mark.line) else { return fallback }
            let sourceScalars = Array(source.unicodeScalars), textScalars = Array(text.unicodeScalars)
            let start = mark.column - 1 + quote
            guard start + textScalars.count <= sourceScalars.count,
                  Array(sourceScalars[start..<start + textScalars.count]) == textScalars
            else { return fallback }
            return (mark.line, mark.column + quote + offset)
        }
    }

    /// The 1-based column where `text` starts on source line `number`, if it is there after the indentation.
    private func column(of text: String, onLine number: Int) -> Int? {
        guard let source = file.line(number) else { return nil }
        let scalars = Array(source.unicodeScalars), wanted = Array(text.unicodeScalars)
        let indentation = scalars.prefix { $0 == " " }.count
        guard indentation + wanted.count <= scalars.count,
              Array(scalars[indentation..<indentation + wanted.count]) == wanted else { return nil }
        return indentation + 1
    }

    /// The intents and flags of the document, read leniently before decoding so that conditions
    /// anywhere can name a flag set anywhere; bad names are left out (they are reported later).
    static func vocabulary(of root: Node) -> ConditionVocabulary {
        let usable: (String) -> Bool = { name in
            Behavior(id: name) == nil && !ConditionParser.keywords.contains(name) && ConditionLexer.isName(name)
        }
        var intents: [String] = []
        for (key, _) in root.value(forName: "intents")?.mapping ?? [:] { if let name = key.string, usable(name) { intents.append(name) } }
        var flags: [String] = []
        func collect(_ entry: Node) {
            if let set = entry.value(forName: "set") {
                let names = set.sequence.map { $0.compactMap(\.scalar?.string) } ?? [set.scalar?.string].compactMap { $0 }
                flags += names.filter { usable($0) && !intents.contains($0) }
            }
            if let inner = entry.value(forName: "otherwise"), inner.mapping != nil { collect(inner) }
        }
        for rule in root.value(forName: "rules")?.sequence ?? [] { collect(rule) }
        for (_, node) in root.value(forName: "nodes")?.mapping ?? [:] {
            for branch in node.value(forName: "branches")?.sequence ?? [] {
                if let text = branch.scalar?.string {
                    flags += compactFlags(text).filter { usable($0) && !intents.contains($0) }
                } else {
                    collect(branch)
                }
            }
        }
        return ConditionVocabulary(intents: intents, flags: flags)
    }
}
