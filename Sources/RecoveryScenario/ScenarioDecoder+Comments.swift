import RecoveryCore
import Yams

/// Text cut short by a YAML comment: `- Thank you. #Room 12 is ready` says "Thank you.".
extension ScenarioDecoder {
    /// Reports `node` when it is unquoted text on one line that its source line continues, after
    /// whitespace, with `#`: YAML took the rest for a comment.
    mutating func checkCommentCut(_ node: Node) {
        guard let scalar = node.scalar, scalar.style == .plain, let mark = scalar.mark,
              !scalar.string.utf8.contains(UInt8(ascii: "\n")), let line = file.line(mark.line) else { return }
        let characters = Array(line.unicodeScalars), text = Array(scalar.string.unicodeScalars)
        let start = mark.column - 1
        guard start >= 0, start + text.count <= characters.count,
              Array(characters[start..<start + text.count]) == text else { return }
        let rest = characters[(start + text.count)...]
        guard let hash = rest.firstIndex(of: "#"), hash > rest.startIndex,
              rest[rest.startIndex..<hash].allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        let comment = String(String.UnicodeScalarView(rest[hash...])).trimmingCharacters(in: .whitespaces)
        let whole = scalar.string + String(String.UnicodeScalarView(rest[rest.startIndex..<hash])) + comment
        let quoted = "\"" + whole.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        report(.textCutByComment, at: node, [comment, scalar.string, quoted])
    }
}
