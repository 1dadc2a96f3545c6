import ArgumentParser
import Foundation
import RecoveryStore
import RecoveryTraining

/// `recovery store`: the shared team store on PostgreSQL.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The shared team store on PostgreSQL: import saved call files, see what it holds.",
        discussion: """
            Point a team at one server with --store postgres://USER@HOST/DATABASE (or RECOVERY_STORE) \
            on play, review, report, export, grade and debrief. The program creates and migrates its \
            tables itself. A call saved while the server cannot be reached is kept in the local \
            transcripts folder; 'recovery store import' moves such calls in.
            """,
        subcommands: [Import.self, Status.self]
    )

    /// `recovery store import DIR`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put every saved call under a folder into the team store, once (a call's id decides).",
            discussion: """
                Running it again adds nothing twice: a call already in the store is left alone, and a \
                longer copy of a call (more replies) replaces a shorter one, never the other way. \
                Example: recovery store import ~/.local/share/recovery/transcripts --store postgres://coach@db.example/recovery
                """
        )

        @Argument(help: "Folder of transcripts (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts).")
        var directory: String?

        @OptionGroup var storeOptions: StoreOptions

        @Flag(help: "Delete each file (and its .md debrief) once the store holds its call.")
        var removeImported = false

        @Option(help: "The roster that gives each call its team in the store (default: team.yaml in the folder, if there).")
        var roster: String?

        func run() throws {
            guard let server = try storeOptions.openServer() else {
                throw ValidationError("name the server: --store postgres://USER@HOST/DATABASE (or set RECOVERY_STORE)")
            }
            let folder = directory ?? CommandEnvironment.defaultTranscriptsDirectory()
            let team = try CallFilterOptions.loadRoster(roster, folder: folder)
            let result: StoreImport
            do { result = try StoreImport.run(from: folder, into: server, removeImported: removeImported, roster: team) } catch {
                Output.failure(error)
                throw ExitCode.failure
            }
            for entry in result.entries where entry.problem != nil { Output.note("skipped \(entry.path): \(entry.problem!)") }
            Output.line("\(folder) → \(server.address.displayName): \(result.summary)")
        }
    }

    /// `recovery store status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say which server the store is, its schema version and how many calls it holds.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            guard let server = try storeOptions.openServer() else {
                throw ValidationError("name the server: --store postgres://USER@HOST/DATABASE (or set RECOVERY_STORE)")
            }
            do {
                Output.line("\(server.address.displayName): schema version \(try server.schemaVersion()), \(try server.count()) calls")
            } catch {
                Output.failure(error)
                throw ExitCode.failure
            }
        }
    }
}
