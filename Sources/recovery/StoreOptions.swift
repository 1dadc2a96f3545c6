import ArgumentParser
import Foundation
import RecoveryScoring
import RecoveryStore
import RecoveryTraining

/// `--store`: where a team's calls live, a shared PostgreSQL server or a folder.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The team store: postgres://USER@HOST/DATABASE for a shared server, or a folder (default: $RECOVERY_STORE, else the transcripts folder).",
        discussion: "The password comes from the URL, PGPASSWORD or ~/.pgpass and is never printed."))
    var store: String?

    /// The store `--store` or `RECOVERY_STORE` names; nil when neither does.
    func address() throws -> StoreAddress? {
        let environment = ProcessInfo.processInfo.environment
        guard let text = store ?? environment["RECOVERY_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        do { return try StoreAddress.parse(text, environment: environment) } catch { throw CommandFailure(error.description) }
    }

    /// The PostgreSQL store named, opened; nil when calls live in a folder.
    func openServer() throws -> PostgresCallStore? {
        guard case .postgres(let address) = try address() else { return nil }
        do { return try PostgresCallStore.open(address) } catch { throw CommandFailure(error.description) }
    }

    /// The folder of transcripts: a folder store, else `folder`, else the default.
    func folder(_ folder: String?) throws -> String {
        if case .folder(let path) = try address() {
            if let folder, folder != path { throw ValidationError("name the folder once: as an argument or with --store, not both") }
            return path
        }
        return folder ?? CommandEnvironment.defaultTranscriptsDirectory()
    }
}

/// The calls a manager's command reads, from the team store or a folder.
struct LoadedCalls {
    /// Every call, graded again.
    let review: TeamReview
    /// Where they came from, for messages.
    let place: String
    /// Reads one call again in full, given the path the review gave it.
    let read: (String) throws(StorageError) -> Transcript

    /// The review of `folder` (or the store `storeOptions` names), with `filters`' roster.
    static func load(folder: String?, storeOptions: StoreOptions, filters: CallFilterOptions,
                     data: DataLocation, analyzer: Analyzer) throws -> LoadedCalls {
        let directory = try storeOptions.folder(folder)
        let roster = try filters.loadRoster(folder: directory)
        do {
            if let server = try storeOptions.openServer() {
                if folder != nil { throw ValidationError("with a postgres:// store, leave out the folder") }
                let review = try server.review(filters.query, rubricsDirectory: data.rubricsDirectory, analyzer: analyzer, roster: roster)
                return LoadedCalls(review: review, place: server.address.displayName) { name throws(StorageError) in try server.transcript(named: name).transcript }
            }
            let review = try TeamReview.load(directory: directory, rubricsDirectory: data.rubricsDirectory, analyzer: analyzer, roster: roster)
            return LoadedCalls(review: review, place: directory) { path throws(StorageError) in try Regrade.read(path: path) }
        } catch let error as StorageError {
            Output.failure(error)
            throw ExitCode.failure
        }
    }
}

/// One saved call named on the command line: a file, or with a server, a call id.
enum SavedCallReader {
    /// The call and what is wrong with its seal (nil when intact).
    static func read(_ name: String, from server: PostgresCallStore?) throws -> (Transcript, sealProblem: String?) {
        if let server {
            let (transcript, data) = try server.transcript(named: name)
            return (transcript, Transcript.sealProblem(data))
        }
        let sealProblem = FileManager.default.contents(atPath: name).flatMap { Transcript.sealProblem($0) }
        return (try Regrade.read(path: name), sealProblem)
    }
}
