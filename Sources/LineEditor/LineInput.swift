#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one prompt produced: a line, a discarded line, the end of input, or a request to stop.
public enum LineInput: Equatable, Sendable {
    /// Enter was pressed; `latency` is the seconds from the prompt being shown to Enter (monotonic clock).
    case line(String, latency: Double)
    /// Ctrl-C: the line being typed was discarded; `discardedText` tells whether it held any text.
    case interrupted(discardedText: Bool)
    /// Ctrl-D on an empty line, or the end of a pipe or file.
    case endOfInput
    /// SIGTERM or SIGHUP arrived while waiting (or before the prompt); the caller should save and exit.
    case terminated(signal: Int32)
}

/// Something that shows a prompt and reads one line of the trainee's input.
public protocol LineReading: AnyObject {
    /// Shows `prompt` (if the reader draws prompts) and waits for one line, a Ctrl-C, the end of input or a signal.
    func readLine(prompt: String) -> LineInput
    /// Like `readLine(prompt:)`, but a reader with history does not remember the line (for
    /// answers that are not replies, such as the end-of-call reflection).
    func readLineWithoutHistory(prompt: String) -> LineInput
}

extension LineReading {
    /// Readers without history read as usual.
    public func readLineWithoutHistory(prompt: String) -> LineInput { readLine(prompt: prompt) }
}

/// Whether the standard streams are terminals, to choose between `ReadlineEditor` and `PlainLineReader`.
public enum TerminalInfo {
    /// True when standard input (fd 0) is a terminal.
    public static var standardInputIsTerminal: Bool { isatty(0) == 1 }
    /// True when standard output (fd 1) is a terminal.
    public static var standardOutputIsTerminal: Bool { isatty(1) == 1 }
}

/// Measures latency on a monotonic clock.
struct Stopwatch {
    private let start = ContinuousClock.now

    /// Seconds elapsed since the stopwatch was created.
    var elapsedSeconds: Double {
        let parts = start.duration(to: ContinuousClock.now).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
