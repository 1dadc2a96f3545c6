import RecoveryCore

/// The invariants every loader's diagnostics must keep, whatever the input.
public enum DiagnosticCheck {
    /// The input as a loader sees it: nil for bytes `YAMLFile.read` refuses (not UTF-8, or a NUL).
    public static func text(of bytes: UnsafeRawBufferPointer) -> String? {
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Traps unless every diagnostic names `file`, points at a line of it with that line attached,
    /// has a column inside the line (or just after its end) and renders.
    public static func verify(_ diagnostics: [Diagnostic], in file: YAMLFile) {
        for diagnostic in diagnostics {
            let position = diagnostic.position
            require(position.file == file.path, "diagnostic names another file: \(diagnostic.rendered)")
            guard let line = file.line(position.line) else {
                fatalError("diagnostic outside the file (line \(position.line)): \(diagnostic.rendered)")
            }
            require(diagnostic.sourceLine == line, "diagnostic shows another line: \(diagnostic.rendered)")
            let width = line.unicodeScalars.count
            require(position.column >= 1 && position.column <= width + 1,
                         "column \(position.column) outside a line of \(width) scalars: \(diagnostic.rendered)")
            require(!diagnostic.rendered.isEmpty, "empty rendering")
        }
    }
}

/// Stops the run with `message` unless `condition` holds; unlike `precondition`, the message is
/// printed in release builds too, so a crash report says which invariant broke.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
