import Foundation
import Yams

/// A YAML data file read for a loader: its text, composed once into nodes, and the means to
/// report positioned diagnostics with the offending source line.
public struct YAMLFile: Sendable {
    /// The path as the user named it; diagnostics print it.
    public let path: String
    /// The whole text.
    public let text: String
    /// The lines, split the first time a diagnostic needs one: a clean file (every file at the
    /// start of a call) is never split. Shared by copies of the file.
    private let lineIndex = LineIndex()
    private var lines: [Substring] { lineIndex.lines(of: text) }

    /// A file whose contents are `text`, shown in diagnostics as `path`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The lines of `text` as libyaml numbers them: a line ends at `\n`, `\r\n`, `\r`, U+0085,
    /// U+2028 or U+2029 (a Swift `Character` split would keep `\r\n` files as one line).
    static func lines(of text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex, index = start
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            switch scalars[index] {
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(Substring(scalars[start..<index]))
                start = next
                index = next
            case "\r":
                lines.append(Substring(scalars[start..<index]))
                index = next < scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
                start = index
            default:
                index = next
            }
        }
        lines.append(Substring(scalars[start...]))
        return lines
    }

    /// Largest file a loader accepts; larger ones are refused with a diagnostic.
    public static let maximumSize = 8 * 1024 * 1024

    /// Reads the file at `path`, refusing unreadable, oversized and non-UTF-8 files with a diagnostic.
    public static func read(path: String) throws(DiagnosticError) -> YAMLFile {
        let start = SourcePosition(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic(
                code: CoreDiagnostic.unreadableFile, message: "cannot read this file",
                position: start, hint: "check that the path exists and is readable")])
        }
        guard data.count <= maximumSize else {
            throw DiagnosticError([Diagnostic(
                code: CoreDiagnostic.fileTooLarge,
                message: "file is \(data.count) bytes; the limit is \(maximumSize)",
                position: start, hint: "split the file, or check that this is the file you meant")])
        }
        // A NUL byte found with one scan of the bytes in place (`Data.contains` steps an
        // iterator per byte: a millisecond for a scenario, before the first prompt).
        let hasNUL = data.withUnsafeBytes { $0.firstIndex(of: 0) != nil }
        guard !hasNUL, let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([Diagnostic(
                code: CoreDiagnostic.notText, message: "file is not UTF-8 text",
                position: start, hint: "save the file as UTF-8 text (a binary file cannot be a scenario or rubric)")])
        }
        return YAMLFile(path: path, text: text)
    }

    /// Composes the YAML into its root node; syntax errors, duplicate keys and an empty
    /// document become positioned diagnostics.
    public func compose() throws(DiagnosticError) -> Node {
        if let mark = YAMLAliasGuard.firstExcessiveAlias(in: text) {
            throw DiagnosticError([Diagnostic(
                code: CoreDiagnostic.aliasExpansion,
                message: "aliases expand this file to more than \(YAMLAliasGuard.maximumExpansion) values",
                position: SourcePosition(file: path, line: mark.line, column: mark.column), sourceLine: line(mark.line),
                hint: "write the values out, or alias smaller pieces (an alias of an alias multiplies)")])
        }
        let root: Node?
        do {
            // Every value is read as text and typed by our readers (`YAMLReader.int`, `.bool`):
            // the basic resolver skips Yams's regular expressions for implicit tags, which cost
            // more than the rest of composing (each mapping key is hashed, with its tag, to find
            // duplicates).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DiagnosticError([diagnostic(for: error)])
        } catch {
            throw DiagnosticError([self.error(CoreDiagnostic.yamlSyntax, "\(error)", at: nil)])
        }
        guard let root, !(root.scalar?.string.isEmpty ?? false) || root.mapping != nil else {
            throw DiagnosticError([self.error(
                CoreDiagnostic.emptyFile, "file has no content", at: nil,
                hint: "start from an example file in the same folder")])
        }
        return root
    }

    /// The text of line `number` (1-based), if it exists.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// A diagnostic at `mark` (or the top of the file) with the source line attached.
    public func diagnostic(
        _ severity: Severity, _ code: String, _ message: String, at mark: Mark?, hint: String? = nil
    ) -> Diagnostic {
        var line = mark?.line ?? 1
        var column = mark?.column ?? 1
        if line > lines.count {
            // libyaml puts the end of a file without a final line break on the line after it.
            line = lines.count
            column = (lines.last?.unicodeScalars.count ?? 0) + 1
        }
        return Diagnostic(
            severity: severity, code: code, message: message,
            position: SourcePosition(file: path, line: line, column: column),
            sourceLine: self.line(line), hint: hint)
    }

    /// A diagnostic of `kind` at `mark`, its templates filled with `values`.
    public func diagnostic(_ kind: DiagnosticKind, _ values: [String], at mark: Mark?, hint: String? = nil) -> Diagnostic {
        var diagnostic = diagnostic(kind.severity, kind.code, "", at: mark)
        diagnostic = kind.diagnostic(at: diagnostic.position, sourceLine: diagnostic.sourceLine, values, hint: hint)
        return diagnostic
    }

    /// An error diagnostic at `mark`.
    public func error(_ code: String, _ message: String, at mark: Mark?, hint: String? = nil) -> Diagnostic {
        diagnostic(.error, code, message, at: mark, hint: hint)
    }

    /// A warning diagnostic at `mark`.
    public func warning(_ code: String, _ message: String, at mark: Mark?, hint: String? = nil) -> Diagnostic {
        diagnostic(.warning, code, message, at: mark, hint: hint)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, _, _) where context?.text.contains("quoted scalar") == true:
            // libyaml notices the missing quote where the file (or the line) ends; the trainer
            // needs the quote that was opened.
            let opened = context!.mark
            return self.error(
                CoreDiagnostic.unclosedQuote, "this quote is never closed (\(problem))", at: opened,
                hint: "end the text with a matching \(quoteCharacter(at: opened)) on the same line")
        case let .scanner(_, problem, mark, _) where problem.contains("mapping values are not allowed") && colonInsideText(at: mark),
             let .parser(_, problem, mark, _) where problem.contains("mapping values are not allowed") && colonInsideText(at: mark):
            return self.error(
                CoreDiagnostic.colonInText, "a colon and a space inside unquoted text make YAML read a key there", at: mark,
                hint: "quote the whole text: \(quotedSuggestion(line: mark.line))")
        case let .scanner(_, _, mark, _) where unclosedQuote(before: mark.line) != nil,
             let .parser(_, _, mark, _) where unclosedQuote(before: mark.line) != nil:
            // A quote left open runs on to the next quote in the file, and the parser trips lines later.
            let (line, column, quote) = unclosedQuote(before: mark.line)!
            return Diagnostic(
                severity: .error, code: CoreDiagnostic.unclosedQuote,
                message: "this quote is never closed (YAML read on to line \(mark.line) looking for it)",
                position: SourcePosition(file: path, line: line, column: column), sourceLine: self.line(line),
                hint: "end the text with a matching \(quote) on the same line")
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return self.error(
                CoreDiagnostic.yamlSyntax, "YAML syntax: \(problem)", at: mark,
                hint: "check indentation, colons and quotes on this line and the one before")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first copy; point at the second, where the trainer added it, and name the first.
            let first = context.mark
            guard let key = duplicates.first, let second = repeatedKey(key, after: first) else {
                return self.error(
                    CoreDiagnostic.duplicateKey,
                    "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in this mapping",
                    at: first, hint: "keep the copy you mean and rename or delete the other; YAML would silently keep only the last")
            }
            return Diagnostic(
                severity: .error, code: CoreDiagnostic.duplicateKey, message: "'\(key)' is already a key of this mapping, on line \(first.line)",
                position: SourcePosition(file: path, line: second.line, column: second.column), sourceLine: line(second.line),
                hint: "rename this one, or merge it into the one on line \(first.line) and delete this; YAML would silently keep only one")
        case let .reader(problem, _, _, _):
            return self.error(CoreDiagnostic.notText, "YAML reader: \(problem)", at: nil,
                              hint: "save the file as UTF-8 text")
        default:
            return self.error(CoreDiagnostic.yamlSyntax, "YAML: \(error)", at: nil)
        }
    }
}

extension YAMLFile {
    /// The first line before `limit` (and up to it) whose value opens a quote that the line does
    /// not close: `- "Thank you. I'll wait` or `title: 'Sorry`. Only asked once the file failed to
    /// parse, since a quoted text may rightly go on over several lines.
    func unclosedQuote(before limit: Int) -> (line: Int, column: Int, quote: String)? {
        for number in 1..<max(1, limit) {
            guard let text = line(number) else { return nil }
            let trimmed = text.drop { $0 == " " }
            var value = trimmed
            if value.hasPrefix("- ") { value = value.dropFirst(2).drop { $0 == " " } }
            else if let colon = value.range(of: ": ") { value = value[colon.upperBound...].drop { $0 == " " } }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            if !value.dropFirst().contains(quote) {
                let column = text.distance(from: text.startIndex, to: value.startIndex) + 1
                return (number, column, String(quote))
            }
        }
        return nil
    }

    /// Whether the colon at `mark` comes after a line's first `: `, inside its value (`title:
    /// Thank you: see you`), rather than being the line's own key (a wrongly indented key).
    func colonInsideText(at mark: Mark) -> Bool {
        guard let text = line(mark.line), let first = text.range(of: ": ") ?? text.range(of: ":") else { return false }
        return text.distance(from: text.startIndex, to: first.lowerBound) + 1 < mark.column
    }

    /// The quote character that opens at `mark` (`"` when it cannot be read).
    func quoteCharacter(at mark: Mark) -> String {
        guard let text = line(mark.line), mark.column >= 1, mark.column <= text.count else { return "\"" }
        let character = text[text.index(text.startIndex, offsetBy: mark.column - 1)]
        return character == "'" ? "'" : "\""
    }

    /// Line `number` with its value quoted: `title: "Thank you: see you"`, `- "Sure: I'll wait"`.
    public func quotedSuggestion(line number: Int) -> String {
        guard let text = line(number) else { return "\"...\"" }
        let indent = String(text.prefix { $0 == " " })
        var rest = text.dropFirst(indent.count)
        var lead = ""
        if rest.hasPrefix("- ") {
            lead = "- "
            rest = rest.dropFirst(2)
        } else if let colon = rest.range(of: ": ") {
            lead = String(rest[..<colon.upperBound])
            rest = rest[colon.upperBound...]
        }
        let value = rest.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return indent + lead + "\"" + value + "\""
    }

    /// The next copy of block-mapping key `key` after `first` (same column, same mapping): the
    /// lines below are scanned until one is indented less than the key (the mapping has ended).
    func repeatedKey(_ key: String, after first: Mark) -> (line: Int, column: Int)? {
        let indent = first.column - 1
        var number = first.line + 1
        while let text = line(number) {
            defer { number += 1 }
            let stripped = text.drop { $0 == " " }
            let spaces = text.count - stripped.count
            if stripped.isEmpty || stripped.hasPrefix("#") { continue }
            if spaces < indent { return nil }
            guard spaces == indent else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where stripped.hasPrefix(written + ":") {
                return (number, first.column)
            }
        }
        return nil
    }
}

/// Codes of the diagnostics any YAML data file can get, before its own format is checked.
public enum CoreDiagnostic {
    /// The file cannot be opened.
    public static let unreadableFile = "unreadable-file"
    /// The file is larger than `YAMLFile.maximumSize`.
    public static let fileTooLarge = "file-too-large"
    /// The file is binary or not UTF-8.
    public static let notText = "not-text"
    /// The YAML itself is malformed.
    public static let yamlSyntax = "yaml-syntax"
    /// The file has no document.
    public static let emptyFile = "empty-file"
    /// A mapping has the same key twice.
    public static let duplicateKey = "duplicate-key"
    /// A quoted text whose closing quote is missing.
    public static let unclosedQuote = "unclosed-quote"
    /// `: ` inside unquoted text, which YAML reads as a key.
    public static let colonInText = "colon-in-text"
    /// Aliases (`*name`) that expand the file past `YAMLAliasGuard.maximumExpansion` values.
    public static let aliasExpansion = "alias-expansion"
    /// A value has the wrong shape (a list where text was expected, and so on).
    public static let wrongType = "wrong-type"
    /// A required key is absent.
    public static let missingKey = "missing-key"
    /// A key the format does not know (usually a typo).
    public static let unknownKey = "unknown-key"
}

/// `YAMLFile`'s lines, split once, when first asked for.
private final class LineIndex: @unchecked Sendable {
    /// Guards `lines`.
    private let lock = NSLock()
    private var lines: [Substring]?

    /// The lines of `text` (the same text at every call).
    func lines(of text: String) -> [Substring] {
        lock.lock()
        defer { lock.unlock() }
        if let lines { return lines }
        let split = YAMLFile.lines(of: text)
        lines = split
        return split
    }
}
