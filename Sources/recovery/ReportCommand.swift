import ArgumentParser
import Foundation
import RecoveryTraining

/// `recovery report`: a team's calls as one self-contained HTML page, every score recomputed.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a team report as one HTML file: coaching heatmap, progress, outcomes, mood, every debrief.",
        discussion: """
            Reads every *.json transcript under DIR (recursively) as 'recovery review' does, grades \
            each call again from its raw replies, and writes one self-contained page (inline CSS and \
            SVG; no scripts, fonts or anything fetched): a trainee × rubric-step heatmap (one per \
            rubric), each trainee's score over their attempts, the outcome mix per scenario, a table \
            of calls with the customer's mood, and every call's full debrief with its reflection \
            answers, linked from the table (#call-N). Stored grades that disagree with the \
            recomputed ones are listed at the top. The same files give the same bytes. \
            Example: recovery report team/ -o team.html --since 30d
            """
    )

    @Argument(help: "Folder of transcripts (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts).")
    var directory: String?

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write (replaced atomically), or - for standard output.")
    var output = "report.html"

    @OptionGroup var filters: CallFilterOptions

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Count flagged calls (an edited or unsealed file, a stored grade that disagrees) in the figures; by default they are listed apart.")
    var includeFlagged = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("-o needs a file name, or - for standard output") }
    }

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let query = filters.query
        let calls = try LoadedCalls.load(folder: directory, storeOptions: storeOptions, filters: filters, data: data, analyzer: analyzer)
        let report = TeamReport.build(calls.review, directory: calls.place, rubricsDirectory: data.rubricsDirectory, analyzer: analyzer,
                                      query: query, includeFlagged: includeFlagged, read: calls.read)
        for skip in report.skipped { Output.note("skipped \(skip.path): \(skip.reason)") }
        let html = TeamReportHTML.render(report)
        let flagged = report.flagged.count
        let summary = "\(plural(report.calls.count, "call")) by \(plural(report.traineeCount, "trainee")), "
            + "\(flagged) stored \(flagged == 1 ? "grade disagrees" : "grades disagree") with the recomputed scores"
            + (report.setAside.isEmpty ? "" : ", \(plural(report.setAside.count, "flagged call")) left out")
            + (report.skipped.isEmpty ? "" : ", \(plural(report.skipped.count, "file")) skipped")
        if output == "-" {
            Output.raw(html)
            Output.note("Report: \(summary)")
            return
        }
        do { try TranscriptStore.writeAtomically(Data(html.utf8), to: output) } catch {
            Output.error(error.description)
            throw ExitCode.failure
        }
        Output.line("Wrote \(output): \(summary)")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
