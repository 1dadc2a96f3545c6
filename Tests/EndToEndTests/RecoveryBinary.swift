import Foundation

/// Runs the built `recovery` executable as a user would, with pipes.
enum RecoveryBinary {
    /// The repository root (where Scenarios/ and Scoring/ are).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `recovery` executable built beside the test binary.
    static let path = PseudoTerminal.builtProduct(named: "recovery")

    /// What a finished run printed, and how it exited.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "recovery-e2e-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The environment a test run uses: a private HOME, no colour preference set.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment.removeValue(forKey: "RECOVERY_TRANSCRIPTS")
        environment.removeValue(forKey: "NO_COLOR")
        return environment
    }

    /// Runs `recovery arguments` in the repository with `input` on standard input;
    /// `extra` adds to (or replaces in) the environment, e.g. `RECOVERY_HOME` for another data folder.
    static func run(_ arguments: [String], input: String = "", home: String = temporaryDirectory(),
                    extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        process.environment = environment(home: home).merging(extra) { _, new in new }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Input goes in from the background: a child that exits early or reads slowly must
        // neither trap the test (EPIPE) nor stall it (a full pipe).
        let inputWritten = DispatchGroup()
        inputWritten.enter()
        let inputHandle = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            writeAll(Array(input.utf8), to: inputHandle.fileDescriptor)
            try? inputHandle.close()
            inputWritten.leave()
        }
        // Both pipes are drained at once (a full stderr pipe must not stall the child), with
        // read(2) retried on EINTR: Foundation's readDataToEndOfFile traps on an interrupted read.
        let errorsBox = DataBox()
        let errorsRead = DispatchGroup()
        errorsRead.enter()
        DispatchQueue.global().async {
            errorsBox.data = readAll(stderr.fileHandleForReading.fileDescriptor)
            errorsRead.leave()
        }
        let output = readAll(stdout.fileHandleForReading.fileDescriptor)
        errorsRead.wait()
        inputWritten.wait()
        let errors = errorsBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    /// Everything readable from `descriptor` until end of file, retrying interrupted reads.
    static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying interrupted writes; stops quietly when the
    /// reader has gone (EPIPE), where Foundation's `FileHandle.write` would trap.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        signal(SIGPIPE, SIG_IGN)
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                rest = rest.dropFirst(written)
            } else if !(written < 0 && errno == EINTR) {
                return
            }
        }
    }

    /// Holds what a background reader collected.
    final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    /// The JSON transcripts in `directory`, decoded as dictionaries.
    static func transcripts(in directory: String) -> [[String: Any]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
    }
}
