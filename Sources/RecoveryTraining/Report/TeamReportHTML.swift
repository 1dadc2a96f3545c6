import Foundation

/// Renders a team report as self-contained HTML: inline CSS and SVG, no scripts, no network,
/// every piece of trainee or file text escaped. The same report gives the same bytes. By
/// default a summary page links to one page per debrief (`debriefPages`); `.singleFile` puts
/// every debrief in the one page.
public enum TeamReportHTML {
    /// The summary page (with every debrief inside it for `.singleFile`).
    public static func render(_ report: TeamReport, layout: ReportLayout = .singleFile) -> String {
        let title = "Team report: \(report.directory)"
        var body = ["<header id=\"top\">", "<h1>\(HTMLText.escape(title))</h1>"]
        body += header(report, layout: layout)
        body.append(contents(report, layout: layout))
        body.append("</header>")
        guard !report.calls.isEmpty else {
            return page(title: title, body: (body + ["<p>No calls to show.</p>"]).joined(separator: "\n"))
        }
        body.append("<h2 id=\"heatmap\">Who needs coaching on which step</h2>")
        body.append(ReportHeatmap.legend)
        body += report.rubrics.map { ReportHeatmap.html($0, calls: report.summaries) }
        let teams = TeamSummary.summaries(report.summaries)
        if teams.contains(where: { $0.team != TeamSummary.noTeam }) {
            body.append("<h2 id=\"teams\">Teams</h2>")
            body.append(teamsTable(teams))
        }
        body.append("<h2 id=\"progress\">Score over attempts</h2>")
        body.append("<p class=\"muted\">One point per call, oldest first, from the first call's date to the last's; green passed, red did not; the dashed line is the pass mark. Each point links to that call's debrief.</p>")
        body.append(ReportCharts.progress(report.calls, rubrics: report.rubrics, layout: layout))
        body.append("<h2 id=\"outcomes\">Outcomes by scenario</h2>")
        body.append(ReportOutcomes.html(report.summaries))
        body.append("<h2 id=\"calls\">Calls</h2>")
        body.append(ReportCallsTable.html(report.calls, layout: layout))
        if layout == .singleFile {
            body.append("<h2 id=\"debriefs\">Debriefs</h2>")
            body += report.calls.map { debrief($0, of: report.calls.count) }
        }
        return page(title: title, body: body.joined(separator: "\n"))
    }

    /// One page per call's debrief for `.summary` (file name and page), each linking back to the
    /// summary and to the calls before and after it.
    public static func debriefPages(_ report: TeamReport, summary: String) -> [(name: String, html: String)] {
        let e = HTMLText.escape
        let back = "../" + summary
        return report.calls.map { call in
            let number = call.number, total = report.calls.count
            let previous = number > 1 ? " · <a href=\"\(TeamReport.anchor(number - 1)).html\">call \(number - 1)</a>" : ""
            let next = number < total ? " · <a href=\"\(TeamReport.anchor(number + 1)).html\">call \(number + 1)</a>" : ""
            let nav = "<p class=\"call-nav\"><a href=\"\(e(back))\">team report</a> · call \(number) of \(total)\(previous)\(next) · <code>\(e(call.summary.path))</code></p>"
            let title = "Call \(number): \(call.debrief.transcript.scenario.title) — \(call.summary.trainee)"
            return (TeamReport.anchor(number) + ".html", page(title: title, body: nav + "\n" + DebriefHTML.body(call.debrief) + "\n" + nav))
        }
    }

    private static func teamsTable(_ teams: [TeamSummary]) -> String {
        let e = HTMLText.escape
        var out = ["<div class=\"scroll\"><table class=\"teams\"><thead><tr><th>team</th><th class=\"num\">trainees</th><th class=\"num\">calls</th><th class=\"num\">avg score</th><th>passed</th><th>outcomes</th><th>last 5 vs 5 before</th></tr></thead><tbody>"]
        for team in teams {
            out.append("<tr><th scope=\"row\">\(e(team.team))</th><td class=\"num\">\(team.trainees)</td><td class=\"num\">\(team.figures.calls)</td><td class=\"num\">\(Int(team.figures.averageScore.rounded()))</td><td>\(team.figures.passText)</td><td>\(e(team.figures.outcomeText))</td><td>\(e(team.trend.text))</td></tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    private static func header(_ report: TeamReport, layout: ReportLayout) -> [String] {
        let e = HTMLText.escape
        var out = ["<ul class=\"facts\">", "<li>Calls from: <code>\(e(report.directory))</code></li>"]
        out.append("<li>\(ReportHeatmap.count(report.calls.count, "call")) by \(ReportHeatmap.count(report.traineeCount, "trainee")) on \(ReportHeatmap.count(Set(report.calls.map(\.summary.scenario)).count, "scenario"))</li>")
        if let range = report.dateRange {
            out.append("<li>Calls from \(DebriefText.timestamp(range.first)) to \(DebriefText.timestamp(range.last)) (this report covers data up to the newest call)</li>")
        }
        let rubrics = report.rubrics.map { "\(e($0.title)) (<code>\(e($0.id))</code>, pass mark \($0.passMark))" }
        if !rubrics.isEmpty { out.append("<li>Rubric\(rubrics.count == 1 ? "" : "s"): \(rubrics.joined(separator: "; "))</li>") }
        out.append("</ul>")
        let flagged = report.flagged
        let agreement = flagged.isEmpty
            ? "All \(ReportHeatmap.count(report.calls.count, "stored grade")) agree with the recomputed ones."
            : "\(flagged.count) of \(report.calls.count) stored grades disagree with the recomputed ones:"
        out.append("<div class=\"trust\"><p><strong>Every score in this report was recomputed from the raw replies</strong> in the transcripts, with the current scoring data and each call's rubric; no score was taken from a file. \(agreement)</p>")
        if !flagged.isEmpty {
            out.append("<ul>")
            for call in flagged {
                out.append("<li><a href=\"\(layout.link(call.number))\">Call \(call.number)</a> (\(e(call.summary.trainee)), \(e(call.summary.scenario))): \(e(call.summary.flagReason ?? ReviewTables.check(call.summary)))</li>")
            }
            out.append("</ul>")
        }
        if !report.setAside.isEmpty {
            out.append("<p><strong>\(ReportHeatmap.count(report.setAside.count, "flagged call")) left out of every figure</strong> (a seal that is not intact, or a stored grade that disagrees; <code>--include-flagged</code> counts them):</p><ul>")
            out += report.setAside.map { "<li><code>\(e($0.path))</code> (\(e($0.trainee)), \(e($0.scenario))): \(e($0.flagReason ?? ""))</li>" }
            out.append("</ul>")
        }
        out.append("</div>")
        if !report.skipped.isEmpty {
            out.append("<div class=\"note\"><p>\(ReportHeatmap.count(report.skipped.count, "file")) skipped:</p><ul>")
            out += report.skipped.map { "<li><code>\(e($0.path))</code>: \(e($0.reason))</li>" }
            out.append("</ul></div>")
        }
        return out
    }

    private static func contents(_ report: TeamReport, layout: ReportLayout) -> String {
        guard !report.calls.isEmpty else { return "" }
        let links = [("heatmap", "Coaching heatmap"), ("progress", "Score over attempts"), ("outcomes", "Outcomes by scenario"),
                     ("calls", "Calls")] + (layout == .singleFile ? [("debriefs", "Debriefs")] : [])
        return "<nav class=\"contents\">" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ") + "</nav>"
    }

    private static func debrief(_ call: ReportCall, of total: Int) -> String {
        let anchor = TeamReport.anchor(call.number)
        return """
            <section class="call" id="\(anchor)">
            <p class="call-nav"><a href="#\(anchor)">Call \(call.number)</a> of \(total) · <code>\(HTMLText.escape(call.summary.path))</code> · <a class="top-link" href="#top">back to top</a></p>
            \(DebriefHTML.body(call.debrief))
            <p class="call-nav"><a class="top-link" href="#top">back to top</a> · <a class="top-link" href="#calls">back to the calls</a></p>
            </section>
            """
    }

    /// The page around `body`; the debrief's style sheet plus the report's.
    static func page(title: String, body: String) -> String {
        HTMLText.page(title: title, body: body, extraStyle: styleSheet, bodyClass: "report")
    }

    /// The report's own styles: wider page, heatmap cells, chart cards, print layout.
    static let styleSheet = """
        body.report { max-width: 80rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        .muted { color: #666; font-weight: normal; } .small { font-size: .85em; } .scroll { overflow-x: auto; }
        .contents { margin: .8rem 0; } .facts { padding-left: 1.2rem; }
        .trust { background: #eef7ee; border-left: 4px solid #1b7a2e; padding: .3rem 1rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .heatmap th.step { font-size: .8em; vertical-align: bottom; max-width: 7.5rem; font-weight: 600; }
        .heatmap td.cell { text-align: center; font-variant-numeric: tabular-nums; min-width: 3.6rem; font-weight: 600; border: 1px solid #fff; }
        .heatmap td.empty { color: #999; } .heatmap tbody th { max-width: 10rem; overflow-wrap: break-word; hyphens: auto; } .heatmap td.coach { font-size: .85em; min-width: 10rem; }
        .heatmap td.cell .n { display: block; font-size: .7em; font-weight: normal; opacity: .85; }
        .heatmap tbody.averages th, .heatmap tbody.averages td { border-top: 2px solid #999; } .heatmap tbody.averages tr + tr th, .heatmap tbody.averages tr + tr td { border-top: 1px solid #fff; }
        .heatmap tbody.averages th { font-style: italic; }
        .legend .swatch { display: inline-block; width: 3rem; text-align: center; font-size: .85em; font-weight: 600; }
        .legend .key { margin-right: .8rem; white-space: nowrap; } .legend .dot { display: inline-block; width: .8rem; height: .8rem; margin-right: .25rem; vertical-align: -1px; }
        .progress { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .6rem; }
        .lazy { content-visibility: auto; } .card { content-visibility: auto; contain-intrinsic-size: auto 150px; }
        .card { border: 1px solid #ddd; border-radius: 4px; padding: .3rem .5rem; break-inside: avoid; } .card-title { font-size: .9em; }
        .score-chart text, .bar text { font-size: 10px; fill: #555; } .bar text { font-size: 11px; font-weight: 600; }
        .bar text[fill="#fff"] { fill: #fff; } .bar text[fill="#111"] { fill: #111; }
        .calls td { vertical-align: middle; font-size: .92em; white-space: nowrap; } .calls .flag { color: #b3261e; font-weight: 600; }
        .outcomes svg.bar { max-width: 100%; height: auto; } .outcomes td:last-child { width: 60%; }
        .pass { color: #1b7a2e; } .fail { color: #b3261e; } .spark { display: block; }
        section.call { border-top: 3px solid #4a7bd0; margin-top: 2.5rem; padding-top: .3rem; }
        section.call h1 { font-size: 1.3rem; } .call-nav { font-size: .9em; color: #555; }
        .reflection { background: #f6f2ff; border-left: 4px solid #6a4bc4; padding: .3rem 1rem .3rem 2.2rem; }
        .reflection .answer { margin: .1rem 0 .5rem; font-style: italic; } .reflection .unanswered { color: #777; }
        @media print {
          @page { margin: 12mm; } .lazy, .card { content-visibility: visible; }
          body.report { max-width: none; margin: 0; font-size: 9.5pt; } .contents, .top-link { display: none; }
          a { color: inherit; text-decoration: none; } section.call { break-before: page; } h2, h3 { break-after: avoid; }
          h1 { font-size: 14pt; } h2 { font-size: 12pt; margin: .8rem 0 .3rem; }
          .heatmap td.cell, .dot, .swatch, svg, .trust { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          tr { break-inside: avoid; } .scroll { overflow: visible; } table.heatmap, table.calls, table.teams { font-size: 8pt; }
          .heatmap td.cell { min-width: 0; } .calls td, .calls th, .heatmap td, .heatmap th { padding: .05rem .2rem; }
          .progress { grid-template-columns: repeat(4, 1fr); gap: .3rem; } .score-chart { width: 100%; height: auto; }
          .card-title { font-size: 7.5pt; } .spark { width: 64px; height: 16px; }
        }
        @media (max-width: 40rem) {
          body.report { padding: 0 .4rem; font-size: 15px; }
          .heatmap th.step { writing-mode: vertical-rl; transform: rotate(180deg); max-width: none; max-height: 9rem; text-align: left; font-size: .72em; }
          .heatmap td, .heatmap th { padding: .15rem .2rem; font-size: .8em; } .heatmap td.cell { min-width: 2.1rem; font-size: .75em; }
          .heatmap tbody th, .heatmap thead th:first-child { position: sticky; left: 0; background: #fff; z-index: 1; max-width: 5.5rem; }
          .heatmap td.coach { min-width: 7rem; } .progress { grid-template-columns: 1fr; }
          .calls td, .calls th { font-size: .8em; padding: .15rem .25rem; }
        }
        """
}
