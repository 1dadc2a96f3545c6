import ArgumentParser
import Foundation
import RecoveryTraining

/// `recovery review`: a manager's view of a directory of transcripts, every score recomputed.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List, filter and aggregate saved calls, every grade recomputed from the raw replies.",
        discussion: """
            Reads every *.json transcript under DIR (recursively), grades each call again with the \
            current scoring data and the rubric it names, and flags a stored grade that disagrees, \
            saying why: rubric-changed (the rubric's hash changed since), readings-changed (the \
            scoring data reads replies differently now), replies-edited or file-edited (the file was \
            changed after the call), no-stored-grade. Every saved call is sealed: a call whose seal \
            is not intact (any field edited, named), or whose grade or replies were edited, is \
            flagged, listed apart and left out of every aggregate unless --include-flagged; --strict \
            exits 1 when any call is flagged. Files that are not transcripts are skipped with \
            a one-line reason on standard error. Open any call with 'recovery debrief FILE'. \
            CSV cells that start with = + - @ (or a tab) get a leading ' so a spreadsheet shows them \
            as text instead of running them as formulas. \
            Examples: recovery review --by trainee; recovery review team/ --since 7d --outcome lost --format csv
            """
    )

    /// How calls are grouped.
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case call, trainee, team, step }
    /// How the review is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "Folder of transcripts (default: $RECOVERY_TRANSCRIPTS, else ~/.local/share/recovery/transcripts).")
    var directory: String?

    @OptionGroup var filters: CallFilterOptions

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Sort calls by date, score, trainee, scenario or duration (ties by date).")
    var sort: ReviewQuery.SortKey = .date

    @Flag(help: "Let calls stopped before an ending (/quit, Ctrl-D, a signal) count toward a trainee's best score.")
    var includeIncomplete = false

    @Flag(help: "Count flagged calls (an edited or unsealed file, a stored grade that disagrees) in the table and every aggregate; by default they are listed apart.")
    var includeFlagged = false

    @Flag(help: "Exit 1 when any call is flagged (for a nightly check of a team's folder).")
    var strict = false

    @Flag(help: "Reverse the order (highest score or latest date first).")
    var reverse = false

    @Option(help: "Aggregate: call (one row per call), trainee (average, pass rate, outcomes, last five against the five before, first → best → latest per scenario, step averages, habits), team (the same per roster team) or step.")
    var by: Grouping = .call

    @Option(help: "Output: table (aligned), json or csv (RFC 4180, formula cells defused with a leading ').")
    var format: Format = .table

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let review = try LoadedCalls.load(folder: directory, storeOptions: storeOptions, filters: filters, data: data, analyzer: analyzer).review
        for skip in review.skipped { Output.note("skipped \(skip.path): \(skip.reason)") }
        if !review.unknownNames.isEmpty { Output.note("not on the roster: \(review.unknownNames.joined(separator: ", "))") }
        let (calls, flagged) = review.selection(query, includeFlagged: includeFlagged)
        switch by {
        case .call: printCalls(calls, flagged: flagged, skipped: review.skipped)
        case .trainee: printTrainees(TraineeSummary.summaries(calls, includeIncomplete: includeIncomplete))
        case .team: printTeams(TeamSummary.summaries(calls))
        case .step: printSteps(StepSummary.summaries(calls))
        }
        if by != .call, !flagged.isEmpty {
            Output.note("\(flagged.count) flagged \(flagged.count == 1 ? "call" : "calls") \(includeFlagged ? "counted (--include-flagged)" : "left out of these figures"): recovery review --by call lists why")
        }
        if strict, !flagged.isEmpty { throw ExitCode.failure }
    }

    private var query: ReviewQuery {
        var query = filters.query
        query.sort = sort
        query.reverse = reverse
        return query
    }

    private func printCalls(_ calls: [CallSummary], flagged: [CallSummary], skipped: [SkippedFile]) {
        switch format {
        case .json: Output.line(TeamReview.json(CallList(calls: calls, flagged: flagged, skipped: skipped)))
        case .csv: Output.raw(ReviewTables.calls(calls, forCSV: true).csv())
        case .table:
            Output.raw(ReviewTables.calls(calls).aligned())
            let apart = includeFlagged ? "" : " (listed apart, counted in no figure; --include-flagged counts them)"
            Output.line("\(calls.count) \(calls.count == 1 ? "call" : "calls"), \(flagged.count) flagged\(flagged.isEmpty ? "" : apart)\(skipped.isEmpty ? "" : ", \(skipped.count) \(skipped.count == 1 ? "file" : "files") skipped")")
            for call in flagged { Output.line("  ! \(call.path): \(call.flagReason ?? "")") }
        }
    }

    private func printTrainees(_ trainees: [TraineeSummary]) {
        switch format {
        case .json: Output.line(TeamReview.json(trainees))
        case .csv: Output.raw(ReviewTables.traineesCSV(trainees).csv())
        case .table:
            Output.raw(ReviewTables.trainees(trainees).aligned())
            Output.line()
            Output.line("First → best → latest score on each scenario (best counts calls that reached an ending):")
            Output.raw(ReviewTables.traineeScenarios(trainees).aligned())
            Output.line()
            Output.line("Average per rubric step (percent of the step's weight):")
            Output.raw(ReviewTables.stepMatrix(trainees).aligned())
        }
    }

    private func printTeams(_ teams: [TeamSummary]) {
        switch format {
        case .json: Output.line(TeamReview.json(teams))
        case .csv: Output.raw(ReviewTables.teams(teams, forCSV: true).csv())
        case .table: Output.raw(ReviewTables.teams(teams).aligned())
        }
    }

    private func printSteps(_ steps: [StepSummary]) {
        switch format {
        case .json: Output.line(TeamReview.json(steps))
        case .csv: Output.raw(ReviewTables.steps(steps, forCSV: true).csv())
        case .table: Output.raw(ReviewTables.steps(steps).aligned())
        }
    }
}

extension ReviewQuery.SortKey: ExpressibleByArgument {}

/// `review --format json`: the calls shown and the files skipped.
private struct CallList: Encodable {
    let calls: [CallSummary]
    let flagged: [CallSummary]
    let skipped: [SkippedFile]
}
