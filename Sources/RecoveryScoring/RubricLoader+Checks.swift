import RecoveryCore
import Yams

/// The checks of a rubric step, read from YAML: one table of kinds, and the modifiers of `shows`.
extension RubricLoader {
    /// Every key a check may have: the kinds, then the modifiers of `shows`.
    private static let checkKinds = [
        "shows", "first_reply_within", "order", "at_most", "first_person_apology", "never", "outcome", "within_minutes",
    ] + modifiers
    /// What may qualify `shows` (one at a time).
    private static let modifiers = ["by_turn", "in_last", "before", "said_before", "after"]

    static func check(_ node: Node, _ reader: inout YAMLReader) -> RubricCheck? {
        let pairs = reader.pairs(node, what: "a check", allowedKeys: checkKinds)
        let present = modifiers.compactMap { key in node.mapping?[key].map { (key, $0) } }
        if node.mapping?["shows"] == nil {
            for (modifier, value) in present {
                reader.report(ScoringDiagnostic.unknownCheck, "'\(modifier)' only goes with 'shows'",
                              "for example `- shows: verify` with `\(modifier): \(modifier.hasSuffix("turn") || modifier == "in_last" ? "1" : "[resolve]")`",
                              at: value)
            }
            if !present.isEmpty && pairs.allSatisfy({ modifiers.contains($0.key) }) { return nil }
        } else if present.count > 1 {
            reader.report(ScoringDiagnostic.unknownCheck, "a check can have one of \(modifiers.joined(separator: ", ")), not \(present.count)",
                          "split it into two checks", at: present[1].1)
        }
        for (key, keyNode, value) in pairs where !modifiers.contains(key) {
            switch key {
            case "shows":
                let shown = behaviors(value, &reader)
                if let inLast = positive("in_last", in: node, &reader) { return .showsNearEnd(shown, replies: inLast) }
                if let anchor = node.mapping?["before"] { return .showsBefore(shown, anchor: behaviors(anchor, &reader), inReply: false) }
                if let anchor = node.mapping?["said_before"] { return .showsBefore(shown, anchor: behaviors(anchor, &reader), inReply: true) }
                if let anchor = node.mapping?["after"] { return .showsAfter(shown, anchor: behaviors(anchor, &reader)) }
                return .shows(shown, byTurn: positive("by_turn", in: node, &reader))
            case "never":
                return .never(behaviors(value, &reader))
            case "first_reply_within":
                return reader.double(value, what: "first_reply_within").map { .firstReplyWithin(seconds: $0) }
            case "order":
                let first = reader.value("first", in: value, what: "order", required: true).map { behaviors($0, &reader) } ?? []
                let then = reader.value("then", in: value, what: "order", required: true).map { behaviors($0, &reader) } ?? []
                return .order(first: first, then: then)
            case "at_most":
                guard let (name, nameNode, times) = reader.pairs(value, what: "at_most").first,
                      let count = reader.int(times, what: "at_most count") else { return nil }
                guard let behavior = behavior(name, at: nameNode, &reader) else { return nil }
                return .atMost(behavior, times: count)
            case "first_person_apology":
                return .firstPersonApology
            case "outcome":
                return .outcome(outcomes(value, &reader))
            case "within_minutes":
                return positive("within_minutes", in: node, &reader).map { .withinMinutes($0) }
            default:
                reader.report(ScoringDiagnostic.unknownCheck, "unknown check '\(key)'", "use one of: \(checkKinds.joined(separator: ", "))", at: keyNode)
            }
        }
        reader.report(ScoringDiagnostic.unknownCheck, "a check needs one of: \(checkKinds.filter { !modifiers.contains($0) }.joined(separator: ", "))",
                      "for example `- shows: apologize`", at: node)
        return nil
    }

    /// A modifier such as `by_turn: 2`, which must be 1 or more.
    private static func positive(_ key: String, in node: Node, _ reader: inout YAMLReader) -> Int? {
        guard let value = node.mapping?[key], let number = reader.int(value, what: key) else { return nil }
        guard number >= 1 else {
            reader.report(CoreDiagnostic.outOfRange, key, "\(number)", "1 or more", at: value)
            return nil
        }
        return number
    }

    /// `outcome: recovered` or `outcome: [recovered, retained]`.
    private static func outcomes(_ node: Node, _ reader: inout YAMLReader) -> [Outcome] {
        reader.list(node, what: "outcomes").compactMap { item in
            guard let name = reader.string(item, what: "an outcome") else { return nil }
            if let outcome = Outcome(rawValue: name) { return outcome }
            let names = Outcome.allCases.map(\.rawValue)
            reader.report(ScoringDiagnostic.unknownCheck, "unknown outcome '\(name)'",
                          Spelling.closest(to: name, in: names).map { "did you mean '\($0)'?" } ?? "outcomes: \(names.joined(separator: ", "))", at: item)
            return nil
        }
    }
}
