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

    /// Prints call events; the mood indicator only when `showMood`.
    static func show(_ events: [CallEvent], showMood: Bool) {
        for event in events {
            switch event {
            case let .customer(name, text):
                line("\(TerminalSafe.escape(name).bold): \(TerminalSafe.escape(text, keepingLineBreaks: true).lightYellow)")
            case let .narration(text):
                line("  (\(TerminalSafe.escape(text, keepingLineBreaks: true)))".italic.dim)
            case let .mood(mood):
                if showMood { line(moodBar(mood)) }
            case let .hint(step, advice, example):
                line("Hint: \(step.bold). \(advice)".cyan)
                line("  Try something like: “\(example)”".cyan)
            case let .notice(text):
                line(text.dim)
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

    /// `mood ███████░░░ 7/10`, coloured from calm (green) to gone (red).
    static func moodBar(_ mood: Int) -> String {
        let bar = String(repeating: "█", count: mood) + String(repeating: "░", count: max(0, 10 - mood))
        let text = "  mood \(bar) \(mood)/10"
        switch mood {
        case ..<4: return text.green
        case 4..<7: return text.yellow
        default: return text.red
        }
    }
}
