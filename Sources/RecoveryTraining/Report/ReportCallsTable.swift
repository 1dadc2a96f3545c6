import Foundation

/// The report's calls table: one row per call in date order, each linking to its debrief.
enum ReportCallsTable {
    /// The table.
    static func html(_ calls: [ReportCall], layout: ReportLayout) -> String {
        let e = HTMLText.escape
        let headers = ["#", "date (UTC)", "trainee", "scenario", "duration", "outcome", "score", "tier", "hints", "mood", "check", ""]
        // Laid out only when scrolled near (content-visibility), so a summary of thousands of
        // calls draws its top at once; the estimated height keeps the scroll bar right.
        var out = ["<div class=\"scroll lazy\" style=\"contain-intrinsic-size: auto \(40 + 30 * calls.count)px\"><table class=\"calls\"><thead><tr>"
            + headers.enumerated().map { [0, 4, 6, 8].contains($0.offset) ? "<th class=\"num\">\($0.element)</th>" : "<th>\($0.element)</th>" }.joined()
            + "</tr></thead><tbody>"]
        for call in calls {
            let summary = call.summary
            let link = layout.link(call.number)
            let score = "<span class=\"\(summary.passed ? "pass" : "fail")\" title=\"\(summary.passed ? "passed" : "not passed")\">\(summary.score)</span>"
            let check = summary.flagged
                ? "<span class=\"flag\" title=\"\(e(summary.note ?? ""))\">\(e(ReviewTables.check(summary)))</span>"
                : "ok"
            let debug = call.debrief.transcript.debug == true ? " <span class=\"flag\" title=\"played with --debug: jumps and mood changes were possible\">debug</span>" : ""
            let cells = [
                "<td class=\"num\"><a href=\"\(link)\">\(call.number)</a></td>",
                "<td>\(DebriefText.day(summary.startedAt)) \(DebriefText.clock(summary.startedAt))</td>",
                "<td>\(e(summary.trainee))</td>",
                "<td title=\"\(e(summary.scenarioTitle))\">\(e(summary.scenario))</td>",
                "<td class=\"num\">\(DebriefText.duration(summary.duration))</td>",
                "<td>\(e(summary.outcome))</td>",
                "<td class=\"num\">\(score)</td>",
                "<td>\(e(summary.tier ?? ""))</td>",
                "<td class=\"num\">\(summary.hintsUsed)</td>",
                "<td>\(ReportCharts.moodSparkline(summary.mood))</td>",
                "<td>\(check)\(debug)</td>",
                "<td><a href=\"\(link)\">debrief</a></td>",
            ]
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }
}
