import ArgumentParser
import Foundation
import RecoveryTraining

/// `recovery export --xapi`: saved calls as xAPI statements for a learning record store.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write saved calls as xAPI 1.0.3 statements (JSON) for a learning record store.",
        discussion: """
            One statement per call, every score recomputed from the raw replies as 'recovery review' \
            does: the trainee as actor (an account on --homepage), passed, failed or terminated (left \
            before an ending) as the verb, the scenario as the activity, the score (scaled, raw, min, \
            max), success, completion and duration as the result, and the rubric, outcome, team and \
            site as context extensions. Flagged calls are left out unless --include-flagged. POST the \
            file to your LRS's statements endpoint. Example: recovery export --xapi team/ -o calls.json
            """
    )

    @Flag(help: "xAPI 1.0.3 statements (the only format so far).")
    var xapi = false

    @Argument(help: "Folder of transcripts (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts).")
    var directory: String?

    @Option(name: [.short, .customLong("output")], help: "The file to write (replaced atomically), or - for standard output.")
    var output = "-"

    @Option(help: "The home page of the trainees' accounts (an actor is an account name on it).")
    var homepage = "https://servicerecovery.invalid"

    @Flag(help: "Export flagged calls too (an edited or unsealed file); by default they are left out.")
    var includeFlagged = false

    @OptionGroup var filters: CallFilterOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if !xapi { throw ValidationError("name the format: --xapi") }
        guard let url = URL(string: homepage), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ValidationError("--homepage must be a URL such as https://lms.example.com")
        }
    }

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let review = try LoadedCalls.load(folder: directory, storeOptions: storeOptions, filters: filters, data: data, analyzer: analyzer).review
        for skip in review.skipped { Output.note("skipped \(skip.path): \(skip.reason)") }
        let (calls, flagged) = review.selection(filters.query, includeFlagged: includeFlagged)
        let leftOut = includeFlagged ? 0 : flagged.count
        if leftOut > 0 { Output.note("\(leftOut) flagged call\(leftOut == 1 ? "" : "s") left out (--include-flagged exports them)") }
        let json = XAPIExport.json(calls, homePage: homepage)
        if output == "-" {
            Output.raw(json + "\n")
            return
        }
        do { try TranscriptStore.writeAtomically(Data((json + "\n").utf8), to: output) } catch {
            Output.failure(error)
            throw ExitCode.failure
        }
        Output.line("Wrote \(output): \(calls.count) statement\(calls.count == 1 ? "" : "s")")
    }
}
