import RecoveryCore
import Yams

/// The compact form of the commonest shapes, read into the same nodes and branches as the long
/// form, so every check and every position works the same way:
///
/// - a branch on one line: `- CONDITION -> NODE[, mood ±N][, set FLAG …][, say "…"]`, or
///   `- otherwise -> NODE[, …]`;
/// - a node with one line of text and one way on: `say:` for `lines:` with one line, and `goto:`
///   for `branches:` with only `- otherwise:`, as in `greet: {say: "Hello.", goto: opening}`.
extension ScenarioDecoder {
    /// The parts of a one-line branch: its condition (nil for `otherwise`) and effects, each as
    /// a scalar node positioned at its own column, ready for `decodeCondition` and `decodeEffects`.
    struct CompactBranch {
        var when: Node?
        var otherwise: Node?
        var fields = Fields()
    }

    /// Reads the one-line branch in scalar `item`, reporting a malformed one at the part at fault.
    mutating func compactBranch(_ item: Node) -> CompactBranch? {
        guard let text = item.scalar?.string else { return nil }
        guard let arrow = text.range(of: "->") else {
            reader.error(CoreDiagnostic.wrongType, "a branch on one line should be `CONDITION -> NODE`", at: item,
                         hint: "write `- apologize and own -> calmer, mood -2`, or the mapping form with `when:` and `goto:`")
            return nil
        }
        var branch = CompactBranch()
        let offsetOf = { (index: String.Index) in text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) }
        /// The trimmed text of `range` as a string node at its own column.
        func part(_ range: Range<String.Index>) -> Node? {
            let raw = text[range]
            let leading = raw.prefix { $0 == " " }.count
            let trimmed = String(String(raw).trimmingWhitespace)
            guard !trimmed.isEmpty else { return nil }
            let (line, column) = conditionPosition(item, offset: offsetOf(range.lowerBound) + leading)
            return .scalar(.init(trimmed, stringTag, .plain, Mark.at(line: line, column: column)))
        }
        let condition = part(text.startIndex..<arrow.lowerBound)
        if condition?.string == "otherwise" {
            branch.otherwise = condition
        } else if let condition {
            branch.when = condition
            branch.fields.values["when"] = condition
            branch.fields.keys["when"] = condition
        } else {
            reader.error(CoreDiagnostic.missingKey, "a branch on one line needs a condition before `->`", at: item,
                         hint: "write the condition first, such as `- apologize -> calmer`, or `- otherwise -> calmer`")
            return nil
        }
        // After the arrow: the node, then effects separated by commas; `say "…"` comes last, so
        // its text may hold commas.
        var start = arrow.upperBound
        var end = text.endIndex
        if let say = text.range(of: ", say \"", range: arrow.upperBound..<text.endIndex) {
            end = say.lowerBound
            let quoted = text.index(before: say.upperBound)..<text.endIndex
            let spoken = text[text.index(after: quoted.lowerBound)...]
            if spoken.count >= 2, spoken.hasSuffix("\""), let node = part(quoted) {
                let words = String(spoken.dropLast())
                let (line, column) = conditionPosition(item, offset: offsetOf(quoted.lowerBound) + 1)
                let textNode = Node.scalar(.init(words, stringTag, .plain, Mark.at(line: line, column: column)))
                branch.fields.values["say"] = textNode
                branch.fields.keys["say"] = node
            } else {
                reader.error(CoreDiagnostic.wrongType, "`say` in a branch on one line should be text in double quotes, last",
                             at: part(say.lowerBound..<text.endIndex) ?? item, hint: "end the branch with `, say \"What the customer says.\"`")
            }
        }
        var pieces: [Range<String.Index>] = []
        while let comma = text[start..<end].firstIndex(of: ",") {
            pieces.append(start..<comma)
            start = text.index(after: comma)
        }
        pieces.append(start..<end)
        guard let target = part(pieces[0]) else {
            reader.error(CoreDiagnostic.missingKey, "a branch on one line needs a node id after `->`", at: item,
                         hint: "name the node the reply leads to, such as `- apologize -> calmer`")
            return nil
        }
        branch.fields.values["goto"] = target
        branch.fields.keys["goto"] = target
        for range in pieces.dropFirst() {
            guard let effect = part(range), let words = effect.string?.split(separator: " ").map(String.init), let verb = words.first else { continue }
            let mark = effect.mark
            switch verb {
            case "mood" where words.count == 2:
                branch.fields.values["mood"] = .scalar(.init(words[1], Tag(.int), .plain, mark.map { Mark.at(line: $0.line, column: $0.column + 5) }))
            case "set" where words.count >= 2:
                var column = (mark?.column ?? 1) + 4
                let flags = words.dropFirst().map { word -> Node in
                    defer { column += word.unicodeScalars.count + 1 }
                    return .scalar(.init(word, stringTag, .plain, mark.map { Mark.at(line: $0.line, column: column) }))
                }
                branch.fields.values["set"] = .sequence(.init(flags, Tag(.seq), .flow, mark))
            default:
                reader.error(CoreDiagnostic.wrongType, "'\(effect.string ?? "")' in a branch on one line should be `mood +N`, `mood -N`, `set FLAG` or `say \"…\"` (last)",
                             at: effect, hint: "for `narrate:`, `clear:` or several things to say, write the branch as a mapping with `when:` and `goto:`")
                continue
            }
            branch.fields.keys[verb] = effect
        }
        return branch
    }

    /// The flags a one-line branch sets (for the vocabulary read before decoding).
    static func compactFlags(_ text: String) -> [String] {
        guard let arrow = text.range(of: "->") else { return [] }
        return text[arrow.upperBound...].split(separator: ",").flatMap { piece -> [String] in
            let words = piece.split(separator: " ").map(String.init)
            return words.first == "set" ? Array(words.dropFirst()) : []
        }
    }
}

extension Mark {
    /// A mark at `line`:`column`, for a part of a scalar (a condition inside a one-line branch).
    /// Yams gives `Mark` no public initializer; it is two `Int`s, checked here, so one is made
    /// from them.
    static func at(line: Int, column: Int) -> Mark {
        precondition(MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size, "Yams.Mark is no longer two Ints")
        return unsafeBitCast((line, column), to: Mark.self)
    }
}
