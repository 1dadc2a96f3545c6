import Foundation

/// The outcome mix per scenario: one stacked bar per scenario, a segment per outcome with its count.
enum ReportOutcomes {
    /// Outcomes in the order the bars stack them, best first, with their colours.
    static let palette: [(outcome: String, colour: String, text: String)] = [
        ("recovered", "#1a9850", "#fff"), ("retained", "#91cf60", "#111"), ("escalated", "#fdae61", "#111"),
        ("lost", "#d73027", "#fff"), (CallSummary.leftEarly, "#9e9e9e", "#111"), (CallSummary.inProgress, "#d9d9d9", "#111"),
    ]

    /// How many calls of each scenario ended in each outcome, scenarios by id.
    static func counts(_ calls: [CallSummary]) -> [(scenario: String, title: String, outcomes: [String: Int])] {
        Dictionary(grouping: calls, by: \.scenario).map { scenario, theirs in
            let title = theirs.sorted { ($0.startedAt, $0.path) < ($1.startedAt, $1.path) }.last!.scenarioTitle
            return (scenario, title, Dictionary(grouping: theirs, by: \.outcome).mapValues(\.count))
        }.sorted { $0.scenario < $1.scenario }
    }

    /// The bars and their legend.
    static func html(_ calls: [CallSummary]) -> String {
        let e = HTMLText.escape
        let rows = counts(calls)
        let known = Set(palette.map(\.outcome))
        let extra = Set(rows.flatMap(\.outcomes.keys)).subtracting(known).sorted().map { ($0, "#777777", "#fff") }
        let colours = palette + extra
        let width = 520.0, height = 22.0
        var out = ["<table class=\"outcomes\"><thead><tr><th>scenario</th><th class=\"num\">calls</th><th>outcomes</th></tr></thead><tbody>"]
        for row in rows {
            let total = row.outcomes.values.reduce(0, +)
            var x = 0.0
            var bar = "<svg class=\"bar\" viewBox=\"0 0 \(ReportCharts.f(width)) \(ReportCharts.f(height))\" width=\"\(ReportCharts.f(width))\" height=\"\(ReportCharts.f(height))\" role=\"img\" aria-label=\"\(e(summary(row.outcomes, colours)))\">"
            for (outcome, fill, ink) in colours {
                guard let count = row.outcomes[outcome], count > 0 else { continue }
                let segment = width * Double(count) / Double(total)
                bar += "<g><title>\(e("\(row.scenario): \(count) \(outcome) of \(total)"))</title>"
                bar += "<rect x=\"\(ReportCharts.f(x))\" y=\"0\" width=\"\(ReportCharts.f(segment))\" height=\"\(ReportCharts.f(height))\" fill=\"\(fill)\" stroke=\"#fff\"/>"
                if segment >= 18 {
                    bar += "<text x=\"\(ReportCharts.f(x + segment / 2))\" y=\"15\" text-anchor=\"middle\" fill=\"\(ink)\">\(count)</text>"
                }
                bar += "</g>"
                x += segment
            }
            bar += "</svg>"
            out.append("<tr><th scope=\"row\">\(e(row.title)) <code>\(e(row.scenario))</code></th><td class=\"num\">\(total)</td><td>\(bar)<div class=\"muted small\">\(e(summary(row.outcomes, colours)))</div></td></tr>")
        }
        out.append("</tbody></table>")
        let legend = colours.map { "<span class=\"key\"><span class=\"dot\" style=\"background:\($0.1)\"></span>\(e($0.0))</span>" }
        out.append("<p class=\"legend\">" + legend.joined(separator: " ") + "</p>")
        return out.joined(separator: "\n")
    }

    /// `3 recovered, 1 lost` in stacking order.
    private static func summary(_ outcomes: [String: Int], _ colours: [(String, String, String)]) -> String {
        colours.compactMap { entry in outcomes[entry.0].map { "\($0) \(entry.0)" } }.joined(separator: ", ")
    }
}
