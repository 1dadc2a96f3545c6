import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process running on its own pseudo-terminal, driven like a person at a keyboard:
/// send keys, wait for text to appear (ANSI escapes stripped), send signals, wait for the exit.
final class PseudoTerminal {
    /// The bytes a terminal sends for common keys.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let up = "\u{1B}[A"
        static let down = "\u{1B}[B"
        static let backspace = "\u{7F}"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let ctrlU = "\u{15}"
    }

    /// How the child ended.
    enum ExitStatus: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// A spawn failure or a timeout, with the screen text so far.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let processID: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var consumedUTF8 = 0
    private var reachedEnd = false
    private var status: ExitStatus?
    private var hungUp = false

    /// Starts `executable` with `arguments` and exactly `environment` on a new terminal of the given size.
    init(
        executable: String, arguments: [String] = [], environment: [String: String],
        workingDirectory: String? = nil, columns: UInt16 = 120, rows: UInt16 = 40
    ) throws {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var name = [CChar](repeating: 0, count: 4096)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, &name, nil, &size) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: errno \(errno)")
        }
        // Keep both ends out of every other child spawned concurrently by other tests.
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)
        master = masterFD
        defer { close(slaveFD) }
        let terminal = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            processID = try Self.spawn(
                executable, arguments: arguments, environment: environment,
                terminal: terminal, workingDirectory: workingDirectory)
        } catch {
            close(master)
            throw error
        }
    }

    deinit {
        if status == nil {
            kill(processID, SIGKILL)
            var code: Int32 = 0
            while waitpid(processID, &code, 0) < 0 && errno == EINTR {}
        }
        if !hungUp { close(master) }
    }

    /// Everything shown so far, without ANSI escapes, carriage returns or bells.
    var text: String { Self.stripANSI(String(decoding: raw, as: UTF8.self)) }

    /// Everything shown so far, escapes included (to check colour).
    var rawText: String { String(decoding: raw, as: UTF8.self) }

    /// The text shown since the last successful `expect`.
    var unconsumedText: String { String(decoding: Array(text.utf8.dropFirst(consumedUTF8)), as: UTF8.self) }

    /// Sends `keys` as typed input (see `Key`).
    func send(_ keys: String) throws {
        try send(bytes: Array(keys.utf8))
    }

    /// Sends raw bytes as typed input, valid UTF-8 or not.
    func send(bytes input: [UInt8]) throws {
        var bytes = input[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "write to terminal failed: errno \(errno)") }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until `needle` appears after the previous match; returns the text up to and including it.
    @discardableResult
    func expect(_ needle: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = text
            let fresh = String(decoding: Array(shown.utf8.dropFirst(consumedUTF8)), as: UTF8.self)
            if let range = fresh.range(of: needle) {
                let matched = String(fresh[..<range.upperBound])
                consumedUTF8 += matched.utf8.count
                return matched
            }
            let remaining = deadline.timeIntervalSinceNow
            if reachedEnd || remaining <= 0 {
                let why = reachedEnd ? "the terminal closed" : "timed out after \(timeout) s"
                throw Failure(description: "\(why) waiting for \(needle.debugDescription); screen since last match:\n\(fresh.suffix(3000))")
            }
            pump(milliseconds: Int32(min(remaining * 1000, 100)) + 1)
        }
    }

    /// Reads whatever the child shows during the next `seconds`.
    func settle(for seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while !reachedEnd, deadline.timeIntervalSinceNow > 0 {
            pump(milliseconds: Int32(deadline.timeIntervalSinceNow * 1000) + 1)
        }
    }

    /// Closes the terminal as a closed window or a dropped connection does: the kernel sends
    /// SIGHUP to the child, and its reads and writes on the terminal fail from then on.
    func hangUp() {
        guard !hungUp else { return }
        hungUp = true
        reachedEnd = true
        close(master)
    }

    /// Sends `signal` to the child.
    func signal(_ signal: Int32) {
        kill(processID, signal)
    }

    /// Waits for the child to exit, reading its output meanwhile; kills it after `timeout`.
    @discardableResult
    func waitForExit(timeout: Double = 10) throws -> ExitStatus {
        let deadline = Date().addingTimeInterval(timeout)
        while status == nil {
            var code: Int32 = 0
            let reaped = waitpid(processID, &code, WNOHANG)
            if reaped == processID {
                status = (code & 0x7F) == 0 ? .exited((code >> 8) & 0xFF) : .signaled(code & 0x7F)
            } else if deadline.timeIntervalSinceNow <= 0 {
                throw Failure(description: "process \(processID) still running after \(timeout) s; screen:\n\(text.suffix(3000))")
            } else if reachedEnd {
                usleep(10_000)
            } else {
                pump(milliseconds: 20)
            }
        }
        settle(for: 0.05)
        return status!
    }

    /// Reads what is available on the terminal, waiting at most `milliseconds`.
    private func pump(milliseconds: Int32) {
        var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, milliseconds)
        guard ready > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 8192)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            raw.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            reachedEnd = true  // EIO: every process on the terminal has closed it
        }
    }

    /// `text` without CSI and OSC escape sequences, other two-byte escapes, `\r`, BEL and
    /// readline's invisible-text markers.
    static func stripANSI(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                switch scalars.next() {
                case "[":
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                case "]":
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next(), next != "\u{07}", !(previous == "\u{1B}" && next == "\\") {
                        previous = next
                    }
                default:
                    break
                }
            case "\r", "\u{07}", "\u{01}", "\u{02}":
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension PseudoTerminal {
    /// What `recovery play` prints after the briefing on a terminal, before the call starts.
    static let takeTheCall = "Press Enter to take the call."

    /// Waits for the briefing's "Press Enter" line, presses Enter, and waits for the first
    /// `you>` prompt (after the customer's opening line); returns what came before the prompt.
    @discardableResult
    func takeCall(timeout: Double = 15) throws -> String {
        let briefing = try expect(Self.takeTheCall, timeout: timeout)
        try send("\r")
        return briefing + (try expect("you> ", timeout: timeout))
    }
}
