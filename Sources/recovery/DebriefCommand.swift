import ArgumentParser
import Foundation
import RecoveryTraining

/// `recovery debrief`: one saved call's debrief, rendered again from its JSON.
struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Render a saved call's debrief again (Markdown, HTML or JSON), graded from the raw replies.",
        discussion: """
            The grade and each reply's reading are recomputed with the current scoring data and the \
            rubric the call names; when the stored grade differs, the debrief says so and why. The \
            HTML page is self-contained (inline CSS and SVG, no scripts, nothing fetched). \
            Example: recovery debrief ~/.local/share/recovery/transcripts/2026-11-23T125159Z-ada-escalation.json --format html > call.html
            """
    )

    /// How the debrief is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @Argument(help: "A transcript JSON file written by 'recovery play' (with a postgres:// --store: a call id).")
    var transcript: String

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output: md (Markdown), html (one self-contained page) or json.")
    var format: Format = .md

    @Flag(help: "Instead of the debrief, explain every turn: the rules and branch that fired, what the reply showed, where the call went.")
    var why = false

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let content: DebriefContent
        do {
            let (recorded, sealProblem) = try SavedCallReader.read(transcript, from: try storeOptions.openServer())
            if let sealProblem { Output.note("this call's seal is not intact, so its figures may not be the trainee's own: \(sealProblem)") }
            let rubric = try CallPreparation.loadRubric(recorded.rubric.id, data: data)
            content = DebriefContent(Regrade(recorded, analyzer: analyzer, rubric: rubric))
        } catch {
            Output.error("\(error)")
            throw ExitCode.failure
        }
        if why {
            Output.line(TurnExplanation.text(content.transcript, analyses: content.analyses))
            return
        }
        switch format {
        case .md: Output.raw(DebriefMarkdown.render(content))
        case .html: Output.raw(DebriefHTML.render(content))
        case .json: Output.line(content.json())
        }
    }
}
