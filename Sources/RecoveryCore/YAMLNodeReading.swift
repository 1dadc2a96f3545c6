import Foundation
import Yams

/// Reads typed values out of composed YAML nodes, collecting a positioned diagnostic for every
/// value of the wrong shape instead of stopping at the first.
public struct YAMLReader {
    /// The file the nodes came from.
    public let file: YAMLFile
    /// Everything found so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A reader reporting against `file`.
    public init(file: YAMLFile) { self.file = file }

    /// Records a diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Records a diagnostic of `kind` at `node`, its templates filled with `values`.
    public mutating func report(_ kind: DiagnosticKind, _ values: String..., at node: Node?, hint: String? = nil) {
        report(file.diagnostic(kind, values, at: node?.mark, hint: hint))
    }

    /// Records an error at `node`.
    public mutating func error(_ code: String, _ message: String, at node: Node?, hint: String? = nil) {
        report(file.error(code, message, at: node?.mark, hint: hint))
    }

    /// The key/value pairs of a mapping, in file order; reports `wrong-type` for anything else.
    /// Keys not in `allowedKeys` (when given) are reported as `unknown-key`.
    public mutating func pairs(_ node: Node, what: String, allowedKeys: [String]? = nil) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            error(CoreDiagnostic.wrongType, "\(what) should be a mapping of keys to values", at: node,
                  hint: "write it as `key: value` lines indented under its name")
            return []
        }
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if let allowedKeys, !allowedKeys.contains(key) {
                let suggestion = Spelling.closest(to: key, in: allowedKeys)
                error(CoreDiagnostic.unknownKey, "unknown key '\(key)' in \(what)", at: keyNode,
                      hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? "allowed keys: \(allowedKeys.joined(separator: ", "))")
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// The value under `key` in mapping `node`, reporting `missing-key` if `required` and absent.
    public mutating func value(_ key: String, in node: Node, what: String, required: Bool = false, hint: String? = nil) -> Node? {
        if let value = node.value(forName: key) { return value }
        if required {
            error(CoreDiagnostic.missingKey, "\(what) needs '\(key)'", at: node, hint: hint ?? "add `\(key):` to \(what)")
        }
        return nil
    }

    /// A scalar's text; reports `wrong-type` for lists and mappings.
    public mutating func string(_ node: Node, what: String) -> String? {
        guard let scalar = node.scalar else {
            error(CoreDiagnostic.wrongType, "\(what) should be text, not a \(node.mapping != nil ? "mapping" : "list")",
                  at: node, hint: "write it on the same line after the colon, quoted if it contains ':' or '#'")
            return nil
        }
        return scalar.string
    }

    /// A whole number; reports `wrong-type` otherwise.
    public mutating func int(_ node: Node, what: String) -> Int? {
        if let value = node.int { return value }
        error(CoreDiagnostic.wrongType, "\(what) should be a whole number", at: node,
              hint: "write a number such as 5, without quotes")
        return nil
    }

    /// A number; reports `wrong-type` otherwise.
    public mutating func double(_ node: Node, what: String) -> Double? {
        if let value = node.float ?? node.int.map(Double.init) { return value }
        error(CoreDiagnostic.wrongType, "\(what) should be a number", at: node, hint: "write a number such as 2.5")
        return nil
    }

    /// A true/false value; reports `wrong-type` otherwise.
    public mutating func bool(_ node: Node, what: String) -> Bool? {
        if let value = node.bool { return value }
        error(CoreDiagnostic.wrongType, "\(what) should be true or false", at: node)
        return nil
    }

    /// The items of a list; a single scalar counts as a one-item list.
    public mutating func list(_ node: Node, what: String) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        if let scalar = node.scalar {
            // `"[a, b]"`: the quotes make the whole list one text.
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted, text.hasPrefix("["), text.hasSuffix("]") {
                report(CoreDiagnostic.listInQuotes, what, text, at: node)
                return []
            }
            return [node]
        }
        error(CoreDiagnostic.wrongType, "\(what) should be a list", at: node, hint: "write one `- item` per line")
        return []
    }

    /// A list of names (flags, nodes, behaviour ids, objectives): as `list`, and a single text
    /// holding commas, which YAML reads as one name, is reported with the list it meant.
    public mutating func names(_ node: Node, what: String) -> [Node] {
        if let scalar = node.scalar, scalar.style == .plain || !scalar.string.hasPrefix("["), scalar.style != .literal,
           case let text = scalar.string, text.utf8.contains(UInt8(ascii: ",")) {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if parts.count > 1 {
                report(CoreDiagnostic.listInOneString, what, text, parts.joined(separator: ", "), at: node)
                return []
            }
        }
        return list(node, what: what)
    }

    /// A list of texts (a single scalar counts as a one-item list).
    public mutating func strings(_ node: Node, what: String) -> [String] {
        list(node, what: what).compactMap { string($0, what: "each item of \(what)") }
    }
}

/// Suggests the intended word for a typo.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            guard d <= limit else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.word) {
                best = (candidate, d)
            }
        }
        return best?.word
    }

    /// Levenshtein distance between two strings, by Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Node {
    /// The value under `name` in this mapping (nil for a list or text), as `self[name]` finds it
    /// for a name that YAML reads as text (letters and underscores, not `true`, `null` or a
    /// number): the last pair whose key is that text. Yams's own lookup builds a node for
    /// `name` and resolves its tag with regular expressions on every call.
    public func value(forName name: String) -> Node? {
        guard case let .mapping(mapping) = self else { return nil }
        var found: Node?
        for (key, value) in mapping where key.scalar?.string == name && key.tag.rawValue == Tag.Name.str.rawValue { found = value }
        return found
    }
}
