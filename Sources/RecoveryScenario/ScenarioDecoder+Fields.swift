import RecoveryCore
import Yams

/// The keys of one mapping, with the nodes of both keys and values.
struct Fields {
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }
}

extension ScenarioDecoder {
    /// The keys of mapping `node`, reporting a non-mapping and keys not in `allowed`.
    mutating func fields(_ node: Node, what: String, allowed: [String]) -> Fields {
        var result = Fields()
        for (key, keyNode, value) in reader.pairs(node, what: what, allowedKeys: allowed) {
            result.values[key] = value
            result.keys[key] = keyNode
        }
        return result
    }

    /// The value of `key`, reporting `missing-key` at `place` (the mapping by default) when absent.
    mutating func required(
        _ fields: Fields, _ key: String, in node: Node, what: String, at place: Node? = nil, hint: String? = nil
    ) -> Node? {
        if let value = fields[key] { return value }
        if fields.values.isEmpty, node.mapping == nil { return nil }  // already reported as the wrong type
        reader.error(CoreDiagnostic.missingKey, "\(what) needs '\(key)'", at: place ?? node,
                     hint: hint ?? "add `\(key):` to \(what)")
        return nil
    }

    /// The non-empty text under `key`, if present (reported when `required` and absent).
    mutating func text(_ fields: Fields, _ key: String, in node: Node, what: String, required isRequired: Bool = false) -> String? {
        let value = isRequired ? required(fields, key, in: node, what: what) : fields[key]
        guard let value, let text = reader.string(value, what: "\(key) of \(what)") else { return nil }
        if text.trimmingWhitespace.isEmpty {
            report(.emptyText, at: value, ["'\(key)' of \(what)"])
            return nil
        }
        return text
    }

    /// A whole number within `range`, reported otherwise.
    mutating func number(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = reader.int(node, what: what) else { return nil }
        guard range.contains(value) else {
            outOfRange(node, what, "\(value)", "from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func outOfRange(_ node: Node, _ what: String, _ value: String, _ allowed: String) {
        report(.outOfRange, at: node, [what, value, allowed])
    }

    /// Reports `kind` at `node`, filling its templates with `values`; `hint` replaces the template's.
    mutating func report(_ kind: ScenarioDiagnostic, at node: Node?, _ values: [String], hint: String? = nil) {
        let line = node?.mark?.line ?? 1
        let column = node?.mark?.column ?? 1
        report(kind, line: line, column: column, values, hint: hint)
    }

    /// Reports `kind` at `line`:`column`, filling its templates with `values`.
    mutating func report(_ kind: ScenarioDiagnostic, line: Int, column: Int, _ values: [String], hint: String? = nil) {
        reader.report(kind.diagnostic(in: file, line: line, column: column, values, hint: hint))
    }
}
