import Foundation
@preconcurrency import Rainbow
import RecoveryCore
import RecoveryTraining

/// Everything the CLI writes goes through here: colour only when allowed, trainee and file
/// text always made terminal-safe.
enum Output {
    /// Turns colour on or off for the whole run.
    static func configure(color: Bool) { Rainbow.enabled = color }

    /// A line on standard output.
    static func line(_ text: String = "") {
        writeAll(text + "\n", to: 1)
    }

    /// `text` on standard output exactly as given (tables, CSV and pages bring their own line ends).
    static func raw(_ text: String) {
        writeAll(text, to: 1)
    }

    /// `bytes` on standard output exactly as given.
    static func bytes(_ bytes: [UInt8]) { writeAll(bytes[...], to: 1) }

    /// `error: message` on standard error.
    static func error(_ message: String) {
        writeAll("error: " + message + "\n", to: 2)
    }

    /// `error` on standard error: diagnostics as they render (`file:line:col: error: [code] …`,
    /// which says its own severity), anything else as `error: message`.
    static func failure(_ error: any Error) {
        switch error {
        case let diagnostics as DiagnosticError: writeAll(diagnostics.description + "\n", to: 2)
        case PreparationError.invalid(let diagnostics): writeAll(diagnostics.description + "\n", to: 2)
        default: self.error(String(describing: error))
        }
    }

    /// A note on standard error (paths, warnings), kept out of piped output.
    static func note(_ message: String) {
        writeAll(message + "\n", to: 2)
    }

    /// Writes all of `text` to `descriptor`, retrying interrupted writes; a closed terminal or
    /// pipe is ignored (Foundation's `FileHandle.write` traps on those), so the call is still saved.
    private static func writeAll(_ text: String, to descriptor: Int32) { writeAll(Array(text.utf8)[...], to: descriptor) }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var bytes = bytes
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// The width text is wrapped to: the terminal's, or 80 columns when standard output is
    /// not a terminal (piped, or a terminal that reports no size).
    static var width: Int { terminalWidth ?? 80 }

    /// The terminal's width, or nil when standard output is not a terminal (or reports no
    /// size): output for a pipe keeps long lines whole.
    static var terminalWidth: Int? {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
        return Int(size.ws_col)
    }

    /// `label` and `path` on one line when they fit the terminal (or for a pipe), else the
    /// path on a line of its own under the label, so a terminal never breaks it mid-word.
    static func labelled(_ label: String, path: String, _ style: (String) -> String = { $0 }) {
        guard let width = terminalWidth, label.count + 1 + path.count > width else { return line(style(label + " " + path)) }
        line(style(label))
        line(style("  " + path))
    }

    /// `text` wrapped on word boundaries at `width`, each line styled by `style` (the first
    /// line starts with `first`, the others with `rest`).
    static func wrapped(_ text: String, first: String = "", rest: String? = nil, _ style: (String) -> String = { $0 }) {
        for piece in TextWrap.lines(text, width: width, first: first, rest: rest) { line(style(piece)) }
    }

    /// Prints call events, wrapped to the terminal; the mood indicator only when `showMood`.
    static func show(_ events: [CallEvent], showMood: Bool) {
        for event in events {
            switch event {
            case let .customer(name, text):
                let label = TerminalSafe.escape(name) + ": "
                let lines = TextWrap.lines(TerminalSafe.escape(text, keepingLineBreaks: true), width: width, first: label, rest: "  ")
                for (k, piece) in lines.enumerated() {
                    line(k == 0 ? label.dropLast(2).description.bold + ": " + String(piece.dropFirst(label.count)).lightYellow : piece.lightYellow)
                }
            case let .narration(text):
                wrapped("(\(TerminalSafe.escape(text, keepingLineBreaks: true)))", first: "  ", rest: "   ") { $0.italic.dim }
            case let .mood(mood):
                if showMood { line(moodBar(mood)) }
            case let .hint(step, advice, example):
                wrapped("Hint: \(step). \(advice)", rest: "  ") { $0.cyan }
                wrapped("Try something like: “\(example)”", first: "  ", rest: "    ") { $0.cyan }
            case let .notice(text):
                wrapped(text) { $0.dim }
            case let .debug(text):
                line(text.magenta)
            case let .ended(outcome, _):
                line()
                line("— The call has ended: \(outcome.rawValue). —".bold)
            case .restarted:
                line("— Starting the call again. —".bold)
            case .quit:
                break
            }
        }
    }

    /// `mood  calm ███████░░░ gone  7/10`, coloured from calm (green) to gone (red): the
    /// bar fills as the customer gets more upset, and its ends say which is which.
    static func moodBar(_ mood: Int) -> String {
        let bar = String(repeating: "█", count: mood) + String(repeating: "░", count: max(0, 10 - mood))
        let text = "  mood  calm \(bar) gone  \(mood)/10"
        switch mood {
        case ..<4: return text.green
        case 4..<7: return text.yellow
        default: return text.red
        }
    }
}
