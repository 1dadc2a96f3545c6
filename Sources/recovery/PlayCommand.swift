import ArgumentParser
import Foundation
import LineEditor
import RecoveryStore
import RecoveryTraining

/// `recovery play`: one practice call at the prompt.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a practice call: the program is the customer, you type your replies.",
        discussion: "Example: recovery play cold-house-furnace --trainee ada"
    )

    @Argument(help: "A scenario id from Scenarios/ (such as cold-house-furnace) or a path to a scenario file.")
    var scenario: String

    @Option(help: "Your name, as it appears in the transcript (default: your login name).")
    var trainee: String?

    @Option(help: "Seed for the customer's choice of words; the same seed and replies replay the same call (default: random).")
    var seed: UInt64?

    @Option(help: "Rubric id from Scoring/rubrics/ or a path (default: the scenario's, else 'recovery').")
    var rubric: String?

    @Option(help: "Folder for transcripts and debriefs (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts); with a postgres:// store, where a call is kept while the server cannot be reached.")
    var transcripts: String?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Never use colour (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(help: "Debug mode for trainers: /goto NODE, /set mood N and /why at the prompt; the transcript records it.")
    var debug = false

    @Flag(inversion: .prefixedNo, help: "Ask the debrief questions when the call ends and save the answers (default: only on a terminal).")
    var reflect: Bool?

    func validate() throws {
        if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--trainee needs a name")
        }
    }

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let setup: CallSetup
        do {
            setup = try CallPreparation.prepare(
                scenario: scenario, rubric: rubric, seed: seed ?? UInt64.random(in: 1...999_999),
                trainee: trainee ?? CommandEnvironment.loginName(), data: data)
        } catch {
            Output.failure(error)
            throw ExitCode.failure
        }
        let interactive = TerminalInfo.standardInputIsTerminal && TerminalInfo.standardOutputIsTerminal
        Output.configure(color: interactive && !noColor && CommandEnvironment.colorAllowed)
        let directory = try storeOptions.folder(transcripts)
        let server = try storeOptions.address()
        let reader: LineReading = interactive
            ? ReadlineEditor(historyFile: CommandEnvironment.historyFile(), completions: CallSession.commandNames(debug: debug), applicationName: "recovery")
            : PlainLineReader()
        SignalMonitor.install()
        // The roster beside the transcripts, if any, gives the call its team in a shared store.
        let team = try CallFilterOptions.loadRoster(nil, folder: directory).entry(for: setup.trainee)?.team
        let makeSaver = { StoreSaver.saver(for: server, directory: directory, team: team) }
        var loop = CallLoop(setup: setup, reader: reader, makeSaver: makeSaver, interactive: interactive, debug: debug)
        loop.reflect = reflect ?? interactive
        let status = loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
