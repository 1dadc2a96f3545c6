import Foundation

/// The trainee × rubric-step heatmap: each trainee's average on each step as a percent of the
/// step's weight, coloured from red (never met) to green (always met).
enum ReportHeatmap {
    /// One heatmap table for the calls graded against `rubric`.
    static func html(_ rubric: ReportRubric, calls: [CallSummary]) -> String {
        let e = HTMLText.escape
        let theirs = calls.filter { $0.rubric == rubric.id }
        // Worst first: the trainee who needs coaching most leads the table.
        let trainees = TraineeSummary.summaries(theirs).sorted {
            ($0.figures.averageScore, $0.trainee.lowercased()) < ($1.figures.averageScore, $1.trainee.lowercased())
        }
        var out = ["<h3>\(e(rubric.title)) <span class=\"muted\">(rubric <code>\(e(rubric.id))</code>, pass mark \(rubric.passMark), \(count(theirs.count, "call")); lowest average first)</span></h3>"]
        out.append("<div class=\"scroll\"><table class=\"heatmap\">")
        var header = "<thead><tr><th>trainee</th><th class=\"num\">calls</th><th class=\"num\">avg score</th>"
        for step in rubric.steps {
            header += "<th class=\"step\">\(e(step.title))</th>"
        }
        out.append(header + "<th>coach first (below \(Int(TraineeSummary.mastery))%)</th></tr></thead><tbody>")
        for trainee in trainees {
            out.append(row(name: trainee.trainee, figures: trainee.figures, steps: trainee.steps, rubric: rubric,
                           coach: trainee.weakestStep, kind: ""))
        }
        out.append("</tbody><tbody class=\"averages\">")
        let teams = TeamSummary.summaries(theirs)
        let rows = (teams.contains { $0.team != TeamSummary.noTeam } ? teams.map { ($0.team + " average", $0.team) } : [])
            + [("everyone", nil)]
        for (name, team) in rows {
            let calls = team.map { team in theirs.filter { ($0.team ?? TeamSummary.noTeam) == team } } ?? theirs
            let steps = StepAverage.averages(calls)
            out.append(row(name: name, figures: CallFigures(calls), steps: steps, rubric: rubric, coach: StepAverage.weakest(steps), kind: "team"))
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// One row: a trainee's, a team's or everyone's average on each step, each cell with the
    /// number of calls behind it.
    private static func row(name: String, figures: CallFigures, steps: [StepAverage], rubric: ReportRubric,
                            coach: StepAverage?, kind: String) -> String {
        let e = HTMLText.escape
        var row = "<tr\(kind.isEmpty ? "" : " class=\"\(kind)\"")><th scope=\"row\">\(e(name))</th><td class=\"num\">\(figures.calls)</td><td class=\"num\">\(Int(figures.averageScore.rounded()))</td>"
        for step in rubric.steps {
            guard let cell = steps.first(where: { $0.id == step.id }) else {
                row += "<td class=\"cell empty\">–</td>"
                continue
            }
            let tip = "\(name) — \(step.title): \(percent(cell.percent)) of the step's weight on average over \(count(cell.calls, "call")); not fully met in \(cell.missed)"
            row += "<td class=\"cell\" style=\"\(style(cell.percent))\" title=\"\(e(tip))\">\(percent(cell.percent))<span class=\"n\">\(cell.missed)/\(cell.calls)</span></td>"
        }
        let weakest = coach.map { step in rubric.steps.first { $0.id == step.id }.map(\.title) ?? step.id }
        return row + "<td class=\"coach\">\(weakest.map { e($0) } ?? "none below \(Int(TraineeSummary.mastery))%")</td></tr>"
    }

    /// The colour legend shared by every heatmap.
    static var legend: String {
        let swatches = stride(from: 0, through: 100, by: 25).map { value in
            "<span class=\"swatch\" style=\"\(style(Double(value)))\">\(value)%</span>"
        }
        return "<p class=\"legend\">Percent of each step's weight earned, averaged over the trainee's calls: " + swatches.joined()
            + ". Under each percent: calls that missed the step / calls with it.</p>"
    }

    /// `87%`.
    static func percent(_ value: Double) -> String { "\(Int(value.rounded()))%" }

    /// `1 call`, `3 calls`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    /// The cell's inline style: a red–yellow–green background and a text colour that stays readable.
    static func style(_ percent: Double) -> String {
        let (red, green, blue) = colour(percent)
        let light = 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue) > 150
        return "background:rgb(\(red),\(green),\(blue));color:\(light ? "#111" : "#fff")"
    }

    /// Red (0) through yellow (50) to green (100).
    static func colour(_ percent: Double) -> (Int, Int, Int) {
        let stops: [(Double, (Double, Double, Double))] = [
            (0, (196, 40, 36)), (25, (244, 128, 72)), (50, (250, 219, 120)), (75, (150, 204, 100)), (100, (30, 140, 70)),
        ]
        let value = min(100, max(0, percent.isFinite ? percent : 0))
        let upper = stops.firstIndex { $0.0 >= value } ?? stops.count - 1
        let lower = max(0, upper - 1)
        let span = stops[upper].0 - stops[lower].0
        let t = span > 0 ? (value - stops[lower].0) / span : 0
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let (a, b) = (stops[lower].1, stops[upper].1)
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
