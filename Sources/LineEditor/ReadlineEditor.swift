import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The trainee's prompt on a terminal: GNU readline with history, slash-command completion,
/// and Ctrl-C / Ctrl-D / SIGTERM / SIGHUP turned into `LineInput` values.
///
/// readline is process-global: create one editor and use it from one thread.
/// It prints nothing of its own beyond what readline draws (the prompt, the line, `^C`,
/// and the newline that leaves the cursor on a fresh line after Ctrl-C, Ctrl-D or a signal).
public final class ReadlineEditor: LineReading {
    private let history: HistoryFile

    /// historyFile: created (with parent dirs, mode 0600) if missing; loaded at init, each accepted non-empty, non-repeated line appended and saved.
    /// completions: words completed by Tab when the line starts with "/" (slash commands).
    public init(historyFile: String?, completions: [String], applicationName: String) {
        SignalMonitor.install()
        rl_readline_name = UnsafePointer(strdup(applicationName))  // outlives the call; kept for the process
        rl_catch_signals = 1  // readline restores the terminal, then re-raises to SignalMonitor's handler
        ReadlineCallbacks.install(completions: completions)
        using_history()
        history = HistoryFile(path: historyFile)
    }

    /// Shows `prompt` and edits one line; ANSI colour codes in the prompt are handled.
    public func readLine(prompt: String) -> LineInput {
        read(prompt: prompt, remembering: true)
    }

    /// Reads a line that is not added to the history (reflection answers).
    public func readLineWithoutHistory(prompt: String) -> LineInput {
        read(prompt: prompt, remembering: false)
    }

    private func read(prompt: String, remembering: Bool) -> LineInput {
        if let signal = SignalMonitor.pendingTermination { return .terminated(signal: signal) }
        // A Ctrl-C between prompts (say, a quick second press) is reported, not lost.
        if SignalMonitor.takeInterrupt() { return .interrupted(discardedText: false) }
        using_history()
        let stopwatch = Stopwatch()
        let raw = readline(Self.markInvisible(prompt))
        let latency = stopwatch.elapsedSeconds
        defer { free(raw) }
        // After a signal readline has already moved to a fresh line (it accepts the line it had).
        if let signal = SignalMonitor.pendingTermination { return .terminated(signal: signal) }
        if SignalMonitor.takeInterrupt() {
            return .interrupted(discardedText: raw.map { $0.pointee != 0 } ?? false)
        }
        guard let raw else {
            if !Self.readlineEndsEOFWithNewline { _ = rl_crlf() }
            return .endOfInput
        }
        let line = String(cString: raw)
        if remembering { history.record(line) }
        return .line(line, latency: latency)
    }

    /// With bracketed paste on, readline prints its own newline after Ctrl-D; otherwise it does not.
    private static var readlineEndsEOFWithNewline: Bool {
        guard let value = rl_variable_value("enable-bracketed-paste") else { return false }
        return String(cString: value) == "on"
    }

    /// Wraps ANSI escape sequences in readline's invisible markers (\u{1}...\u{2}) so that
    /// coloured prompts do not confuse the cursor position.
    static func markInvisible(_ prompt: String) -> String {
        guard prompt.contains("\u{1B}"), !prompt.contains("\u{1}") else { return prompt }
        var result = ""
        var scalars = prompt.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else { result.unicodeScalars.append(scalar); continue }
            result += "\u{1}\u{1B}"
            guard let introducer = scalars.next() else { result += "\u{2}"; break }
            result.unicodeScalars.append(introducer)
            if introducer == "[" {
                while let next = scalars.next() {
                    result.unicodeScalars.append(next)
                    if (0x40...0x7E).contains(next.value) { break }
                }
            }
            result += "\u{2}"
        }
        return result
    }
}
