import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `recovery play` run through pipes that a test feeds a few bytes at a time, signals and
/// waits on; standard output and error go to files so they can be read at any moment.
final class PlayProcess {
    /// The folder holding the transcripts directory, HOME, TMPDIR and the captured output.
    let root: String
    /// The transcripts directory passed with `--transcripts`.
    let transcripts: String
    /// The temporary directory the child sees (`TMPDIR`): where the fallback folder goes.
    var temporary: String { root + "/tmp" }
    private let process = Process()
    private let input = Pipe()

    /// Starts `recovery play SCENARIO --transcripts DIR …extra`; `wrapper` is a shell snippet
    /// run before `exec` (such as `ulimit -f 8`), `prefix` a command that runs the shell (such as setpriv).
    init(
        scenario: String = "cold-house-furnace", transcripts: String? = nil, extra: [String] = [],
        wrapper: String? = nil, prefix: [String] = [], environment: [String: String] = [:]
    ) throws {
        root = RecoveryBinary.temporaryDirectory()
        self.transcripts = transcripts ?? root + "/transcripts"
        for name in ["home", "tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        }
        let arguments = ["play", scenario, "--transcripts", self.transcripts, "--trainee", "hardening", "--seed", "3"] + extra
        let shell = ["/bin/sh", "-c", (wrapper.map { $0 + "; " } ?? "") + "exec \"$0\" \"$@\"", RecoveryBinary.path] + arguments
        let command = prefix + shell
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: RecoveryBinary.repositoryRoot)
        var variables = RecoveryBinary.environment(home: root + "/home")
        variables["TMPDIR"] = temporary + "/"
        variables.merge(environment) { _, new in new }
        process.environment = variables
        _ = FileManager.default.createFile(atPath: root + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: root + "/stderr", contents: nil)
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: root + "/stdout")
        process.standardError = FileHandle(forWritingAtPath: root + "/stderr")
        try process.run()
    }

    /// The process id, for signals.
    var processID: Int32 { process.processIdentifier }

    /// Everything printed on standard output so far.
    var output: String { Self.read(root + "/stdout") }

    /// Everything printed on standard error so far.
    var errors: String { Self.read(root + "/stderr") }

    /// The raw bytes printed on standard output so far.
    var outputBytes: [UInt8] { Array(FileManager.default.contents(atPath: root + "/stdout") ?? Data()) }

    /// Writes `bytes` to the call's standard input.
    func send(_ bytes: [UInt8]) {
        RecoveryBinary.writeAll(bytes, to: input.fileHandleForWriting.fileDescriptor)
    }

    /// Writes `text` to the call's standard input.
    func send(_ text: String) { send(Array(text.utf8)) }

    /// Closes standard input (the end of a pipe or file).
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Sends `signal` to the program.
    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Polls until `condition` holds (true) or `timeout` passes (false).
    @discardableResult
    func waitUntil(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Polls until `text` has been printed on standard output.
    @discardableResult
    func waitForOutput(_ text: String, timeout: Double = 20) -> Bool {
        waitUntil(timeout: timeout) { output.contains(text) }
    }

    /// Polls until the saved transcript holds `count` turns.
    @discardableResult
    func waitForTurns(_ count: Int, in directory: String? = nil, timeout: Double = 20) -> Bool {
        waitUntil(timeout: timeout) { Self.turns(in: directory ?? transcripts) == count }
    }

    /// Waits for the exit (killing the program after `timeout`); returns the exit status,
    /// or 128 + the signal that killed it.
    @discardableResult
    func waitForExit(timeout: Double = 20) -> Int32 {
        if !waitUntil(timeout: timeout, { !process.isRunning }) { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// The number of turns in the (first) transcript in `directory`, or -1 when there is none.
    static func turns(in directory: String) -> Int {
        (RecoveryBinary.transcripts(in: directory).first?["turns"] as? [Any])?.count ?? -1
    }

    /// The only transcript JSON file in `directory` (nil when there is not exactly one).
    static func transcriptFile(in directory: String) -> String? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }
        return names.count == 1 ? directory + "/" + names[0] : nil
    }

    /// The replies recorded in the transcript `json`.
    static func replies(_ json: [String: Any]) -> [String] {
        ((json["turns"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Checks a user would make on what the program showed and wrote.
enum Inert {
    /// The C0 and C1 control characters (and DEL) in `text`, except line feeds.
    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    /// The control bytes in `bytes` (ESC, BEL, NUL, other C0, DEL), except line feeds.
    static func controlBytes(in bytes: [UInt8]) -> [UInt8] {
        bytes.filter { $0 != 0x0A && ($0 < 0x20 || $0 == 0x7F) }
    }

    /// `recovery debrief FILE --format FORMAT`'s output.
    static func debrief(_ file: String, format: String) throws -> RecoveryBinary.Result {
        try RecoveryBinary.run(["debrief", file, "--format", format])
    }
}
