import ArgumentParser
import Foundation
import RecoveryTraining

/// `recovery report`: a team's calls as one self-contained HTML page, every score recomputed.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a team report in HTML: coaching heatmap, teams, progress, outcomes, calls, and a page per debrief.",
        discussion: """
            Reads every *.json transcript under DIR (recursively), or the team store (--store), as \
            'recovery review' does, grades each call again from its raw replies, and writes a \
            self-contained summary page (inline CSS and SVG; no scripts, fonts or anything fetched): \
            a trainee × rubric-step heatmap per rubric (lowest average first, a team-average row, \
            the count behind each cell), the teams' figures, each trainee's score over their \
            attempts with dates, the outcome mix per scenario, and a table of calls with the \
            customer's mood. Each call's full debrief, with its reflection answers, is a page of its \
            own in NAME-calls/ beside the summary, linked from it (--single-file puts them all in \
            one page). It prints on paper without the pages of debriefs, and reads on a phone. \
            Stored grades that disagree with the recomputed ones are listed at the top. The same \
            calls give the same bytes. \
            Example: recovery report team/ -o team.html --since 30d
            """
    )

    @Argument(help: "Folder of transcripts (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts).")
    var directory: String?

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write (replaced atomically), or - for standard output.")
    var output = "report.html"

    @OptionGroup var filters: CallFilterOptions

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Put every debrief inside the one page instead of a page per call beside it (standard output always gets one page).")
    var singleFile = false

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
        let summary = "\(plural(report.calls.count, "call")) by \(plural(report.traineeCount, "trainee")), "
            + "\(report.flagged.count) stored \(report.flagged.count == 1 ? "grade disagrees" : "grades disagree") with the recomputed scores"
            + (report.setAside.isEmpty ? "" : ", \(plural(report.setAside.count, "flagged call")) left out")
            + (report.skipped.isEmpty ? "" : ", \(plural(report.skipped.count, "file")) skipped")
        if output == "-" {
            Output.raw(TeamReportHTML.render(report))
            Output.note("Report: \(summary)")
            return
        }
        let folder: String?
        do { folder = try TeamReportFiles.write(report, to: output, singleFile: singleFile) } catch {
            Output.failure(error)
            throw ExitCode.failure
        }
        Output.line("Wrote \(output)\(folder.map { " and \(plural(report.calls.count, "debrief page")) in \($0)/" } ?? ""): \(summary)")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
