import ArgumentParser
import Foundation
import RecoveryScoring
import RecoveryTraining

/// What the commands read from the environment; the only place that does.
enum CommandEnvironment {
    /// The data folder (Scenarios/ and Scoring/): `RECOVERY_HOME`, else the working directory
    /// or the executable's folder, or one of their parents.
    static func dataLocation() throws -> DataLocation {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let home = environment["RECOVERY_HOME"], !home.isEmpty { candidates.append(home) }
        candidates.append(FileManager.default.currentDirectoryPath)
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path)
        if let location = DataLocation.find(from: candidates) { return location }
        throw CommandFailure("cannot find Scoring/behaviors.yaml here or above; run from the ServiceRecovery folder or set RECOVERY_HOME to it")
    }

    /// The analyzer compiled from `Scoring/behaviors.yaml`; a broken file is reported with positions.
    static func analyzer(_ data: DataLocation, withModel: Bool = true) throws -> Analyzer {
        do { return try Analyzer.load(path: data.behaviorsFile, withModel: withModel) } catch {
            Output.failure(error)
            throw ExitCode.failure
        }
    }

    /// Where transcripts go unless `--transcripts` says otherwise.
    static func defaultTranscriptsDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["RECOVERY_TRANSCRIPTS"], !directory.isEmpty { return directory }
        return dataHome() + "/recovery/transcripts"
    }

    /// The prompt history file, in the XDG state directory.
    static func historyFile() -> String {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home() + "/.local/state"
        return state + "/recovery/history"
    }

    /// The login name, for `--trainee`'s default.
    static func loginName() -> String {
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    /// Whether colour is allowed at all (`NO_COLOR` unset).
    static var colorAllowed: Bool { ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true }

    private static func dataHome() -> String {
        ProcessInfo.processInfo.environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home() + "/.local/share"
    }

    private static func home() -> String {
        ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    }
}

/// A failure to report as `error: ...` with exit status 1 (not command-line misuse).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
