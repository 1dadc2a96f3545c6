/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    /// Warnings sort before errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A place in a source file, 1-based, columns counted in Unicode scalars.
public struct SourcePosition: Codable, Sendable, Hashable, Comparable {
    /// The file as the user named it.
    public var file: String
    /// Line number, from 1.
    public var line: Int
    /// Column number, from 1.
    public var column: Int

    /// The position `line`:`column` in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders positions by file, then line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A problem found in a data file, with where it is and how to fix it.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// Error or warning.
    public var severity: Severity
    /// A stable code (for example `unknown-node`) that tests and documentation refer to.
    public var code: String
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is.
    public var position: SourcePosition
    /// The offending source line, without its line break, when the file could be read.
    public var sourceLine: String?
    /// What to write instead.
    public var hint: String?

    /// A diagnostic; see the properties for the meaning of each part.
    public init(
        severity: Severity = .error, code: String, message: String,
        position: SourcePosition, sourceLine: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// `file:line:col: error: [code] message`, the source line, a caret under the column,
    /// and the fix hint, as compilers print them.
    public var rendered: String {
        let p = position
        var out = "\(p.file):\(p.line):\(p.column): \(severity.rawValue): [\(code)] \(message)"
        if let sourceLine {
            let shown = TerminalSafe.escape(sourceLine.replacingTabs())
            out += "\n    " + shown
            let caretColumn = max(0, min(p.column - 1, shown.unicodeScalars.count))
            out += "\n    " + String(repeating: " ", count: caretColumn) + "^"
        }
        if let hint { out += "\n    hint: " + hint }
        return out
    }
}

/// One or more diagnostics thrown together (a file is checked completely before it is refused).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Everything found, in file order.
    public var diagnostics: [Diagnostic]

    /// An error carrying `diagnostics`, sorted by position.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.position < $1.position }
    }

    /// Every diagnostic rendered, one after another.
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }

    /// Whether any diagnostic is an error (not only warnings).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
