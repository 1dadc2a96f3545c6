import Foundation

/// The review's tables: calls, trainees, steps. Cells are plain text; `TextTable` aligns them
/// (terminal-safe) or writes CSV (formula-guarded).
public enum ReviewTables {
    /// One row per call. `forCSV` gives machine-readable dates (ISO 8601) and durations
    /// (seconds), whether the call passed, the team and site, and each rubric step's percent in
    /// a column of its own (`<step>_percent`, empty where a call's rubric lacks the step).
    public static func calls(_ calls: [CallSummary], forCSV: Bool = false) -> TextTable {
        if forCSV { return callsCSV(calls) }
        let headers = ["date", "trainee", "scenario", "duration", "outcome", "score", "tier", "hints", "check", "file"]
        let rows = calls.map { call in
            [forCSV ? iso8601(call.startedAt) : DebriefText.day(call.startedAt) + " " + DebriefText.clock(call.startedAt),
             call.trainee, call.scenario,
             forCSV ? String(Int(call.duration.rounded())) : DebriefText.duration(call.duration),
             call.outcome, String(call.score), call.tier ?? "", String(call.hintsUsed), check(call), call.path]
        }
        return TextTable(headers: headers, rows: rows, rightAligned: forCSV ? [] : [3, 5, 7])
    }

    private static func callsCSV(_ calls: [CallSummary]) -> TextTable {
        var order: [String] = []
        for step in calls.flatMap(\.steps) where !order.contains(step.id) { order.append(step.id) }
        let headers = ["date", "trainee", "team", "site", "scenario", "rubric", "duration_seconds", "outcome", "score", "passed",
                       "tier", "hints", "check", "file"] + order.map { $0 + "_percent" }
        let rows = calls.map { call in
            [iso8601(call.startedAt), call.trainee, call.team ?? "", call.site ?? "", call.scenario, call.rubric,
             String(Int(call.duration.rounded())), call.outcome, String(call.score), call.passed ? "true" : "false",
             call.tier ?? "", String(call.hintsUsed), check(call), call.path]
                + order.map { id in call.steps.first { $0.id == id }.map { String(format: "%.1f", $0.percent) } ?? "" }
        }
        return TextTable(headers: headers, rows: rows)
    }

    /// `ok`, or the disagreement kinds with the stored score: `file-edited (stored 99)`.
    public static func check(_ call: CallSummary) -> String {
        guard !call.disagreements.isEmpty || call.sealProblem != nil else { return "ok" }
        let stored = call.storedScore.map { " (stored \($0))" } ?? ""
        let kinds = (call.sealProblem == nil ? [] : ["seal"]) + call.disagreements.map(\.rawValue)
        return kinds.joined(separator: ", ") + (call.disagreements.isEmpty ? "" : stored)
    }

    /// One row per trainee: calls, average, pass rate, outcome mix, the latest five calls
    /// against the five before, the weakest step, the top habit.
    public static func trainees(_ trainees: [TraineeSummary]) -> TextTable {
        let rows = trainees.map { trainee in
            [trainee.trainee, trainee.team ?? "", String(trainee.attempts), String(Int(trainee.figures.averageScore.rounded())),
             trainee.figures.passText, trainee.figures.outcomeText, trainee.trend.text,
             trainee.weakestStep.map { "\($0.id) \(percent($0.percent))" } ?? "none below \(Int(TraineeSummary.mastery))%",
             trainee.negatives.first.map { "\($0.behavior.id) ×\($0.count) “\($0.example)”" } ?? ""]
        }
        return TextTable(headers: ["trainee", "team", "calls", "avg", "passed", "outcomes", "last 5 vs 5 before",
                                   "coach first (below \(Int(TraineeSummary.mastery))%)", "top habit"],
                         rows: rows, rightAligned: [2, 3])
    }

    /// One row per trainee and scenario: first → best → latest within the scenario, so calls of
    /// different difficulty are not compared.
    public static func traineeScenarios(_ trainees: [TraineeSummary]) -> TextTable {
        let rows = trainees.flatMap { trainee in
            trainee.scenarios.map { [trainee.trainee, $0.scenario, String($0.attempts), $0.text] }
        }
        return TextTable(headers: ["trainee", "scenario", "calls", "first → best → latest"], rows: rows, rightAligned: [2])
    }

    /// One row per team: trainees, calls, average, pass rate, outcome mix, recent trend.
    public static func teams(_ teams: [TeamSummary], forCSV: Bool = false) -> TextTable {
        if forCSV {
            let rows = teams.map { team in
                [team.team, String(team.trainees), String(team.figures.calls), String(format: "%.1f", team.figures.averageScore),
                 String(team.figures.passed), String(format: "%.1f", team.figures.passRate), String(format: "%.1f", team.trend.recent),
                 team.trend.before.map { String(format: "%.1f", $0) } ?? ""] + outcomeCells(team.figures)
            }
            return TextTable(headers: ["team", "trainees", "calls", "average_score", "passed", "pass_rate_percent", "last_five_average",
                                       "previous_five_average"] + ReviewQuery.outcomeNames.map { "outcome_" + $0 }, rows: rows)
        }
        let rows = teams.map { team in
            [team.team, String(team.trainees), String(team.figures.calls), String(Int(team.figures.averageScore.rounded())),
             team.figures.passText, team.figures.outcomeText, team.trend.text]
        }
        return TextTable(headers: ["team", "trainees", "calls", "avg", "passed", "outcomes", "last 5 vs 5 before"], rows: rows, rightAligned: [1, 2, 3])
    }

    private static func outcomeCells(_ figures: CallFigures) -> [String] {
        ReviewQuery.outcomeNames.map { name in String(figures.outcomes.first { $0.outcome == name }?.count ?? 0) }
    }

    /// Steps down, trainees across: each trainee's average on each step, as a percent.
    public static func stepMatrix(_ trainees: [TraineeSummary]) -> TextTable {
        var order: [String] = []
        for step in trainees.flatMap(\.steps) where !order.contains(step.id) { order.append(step.id) }
        let rows = order.map { id in
            [id] + trainees.map { trainee in trainee.steps.first { $0.id == id }.map { percent($0.percent) } ?? "–" }
        }
        return TextTable(headers: ["step"] + trainees.map(\.trainee), rows: rows, rightAligned: Set(1...max(1, trainees.count)))
    }

    /// One row per trainee for CSV: every step's average in its own column, every habit in one cell.
    public static func traineesCSV(_ trainees: [TraineeSummary]) -> TextTable {
        var order: [String] = []
        for step in trainees.flatMap(\.steps) where !order.contains(step.id) { order.append(step.id) }
        let rows = trainees.map { trainee -> [String] in
            let best: String = trainee.bestScore.map { String($0) } ?? ""
            let fixed: [String] = [trainee.trainee, trainee.team ?? "", String(trainee.attempts), String(trainee.firstScore), best,
                                   String(trainee.latestScore), trainee.latestTier ?? "",
                                   String(format: "%.1f", trainee.figures.averageScore), String(trainee.figures.passed),
                                   String(format: "%.1f", trainee.figures.passRate), String(format: "%.1f", trainee.trend.recent),
                                   trainee.trend.before.map { String(format: "%.1f", $0) } ?? ""]
            return fixed + outcomeCells(trainee.figures)
                + order.map { id in trainee.steps.first { $0.id == id }.map { String(format: "%.1f", $0.percent) } ?? "" }
                + [trainee.negatives.map { "\($0.behavior.id) x\($0.count): \($0.example)" }.joined(separator: "; ")]
        }
        return TextTable(headers: ["trainee", "team", "calls", "first_score", "best_score", "latest_score", "latest_tier", "average_score",
                                   "passed", "pass_rate_percent", "last_five_average", "previous_five_average"]
                         + ReviewQuery.outcomeNames.map { "outcome_" + $0 } + order.map { $0 + "_percent" } + ["negative_behaviours"], rows: rows)
    }

    /// One row per rubric step: the average, how many calls missed it, who misses it most.
    /// `forCSV` gives numbers in cells of their own (a percent without its sign, a count apart
    /// from what it counts) for a spreadsheet to sum.
    public static func steps(_ steps: [StepSummary], forCSV: Bool = false) -> TextTable {
        if forCSV {
            let rows = steps.map { summary in
                [summary.step.id, summary.step.title, String(format: "%.1f", summary.step.percent), String(summary.step.missed),
                 String(summary.step.calls), summary.missedMostBy ?? "", summary.missedMostBy == nil ? "" : String(summary.missedMostCount),
                 summary.missedMostBy == nil ? "" : String(summary.missedMostAttempts)]
            }
            return TextTable(headers: ["step", "title", "average_percent", "missed", "calls", "missed_most_by", "missed_most_count",
                                       "missed_most_attempts"], rows: rows)
        }
        let rows = steps.map { summary in
            [summary.step.id, summary.step.title, percent(summary.step.percent), "\(summary.step.missed) of \(summary.step.calls)",
             summary.missedMostBy.map { "\($0) (\(summary.missedMostCount) of \(summary.missedMostAttempts))" } ?? ""]
        }
        return TextTable(headers: ["step", "title", "average", "missed", "missed most by"], rows: rows, rightAligned: [2, 3])
    }

    /// `87%`.
    public static func percent(_ value: Double) -> String { "\(Int(value.rounded()))%" }

    private static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
