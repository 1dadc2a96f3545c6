import Foundation

/// The report's small inline SVG charts: each trainee's score over their attempts, and a mood
/// sparkline per call. No scripts; every label is escaped.
enum ReportCharts {
    /// One card per trainee (sorted by name): average, pass rate and recent trend, then score by
    /// attempt with the first and last dates, the pass mark dashed, each point linking to its
    /// call's debrief.
    static func progress(_ calls: [ReportCall], rubrics: [ReportRubric], layout: ReportLayout) -> String {
        let e = HTMLText.escape
        let passMarks = Dictionary(rubrics.map { ($0.id, $0.passMark) }, uniquingKeysWith: { first, _ in first })
        let byTrainee = Dictionary(grouping: calls, by: \.summary.trainee)
        let names = byTrainee.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        var out = ["<div class=\"progress\">"]
        for name in names {
            let theirs = byTrainee[name]!.sorted { $0.number < $1.number }
            let figures = CallFigures(theirs.map(\.summary)), trend = RecentTrend(theirs.map(\.summary))
            out.append("<div class=\"card\"><div class=\"card-title\"><strong>\(e(name))</strong> <span class=\"muted\">\(ReportHeatmap.count(theirs.count, "call")), average \(Int(figures.averageScore.rounded())), passed \(figures.passText); last five \(trend.text)</span></div>")
            let marks = Set(theirs.compactMap { passMarks[$0.summary.rubric] }).sorted()
            out.append(scoreChart(theirs, passMarks: marks, trainee: name, layout: layout))
            out.append("</div>")
        }
        out.append("</div>")
        return out.joined(separator: "\n")
    }

    private static func scoreChart(_ calls: [ReportCall], passMarks: [Int], trainee: String, layout: ReportLayout) -> String {
        let width = 260.0, height = 110.0, left = 28.0, right = 10.0, top = 8.0, bottom = 18.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let steps = max(1, calls.count - 1)
        func x(_ index: Int) -> Double { calls.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(steps) }
        func y(_ score: Int) -> Double { top + plotHeight * (1 - Double(min(100, max(0, score))) / 100) }
        var out = ["<svg class=\"score-chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape("Score by attempt for \(trainee)"))\">"]
        for score in [0, 50, 100] {
            out.append("<line x1=\"\(f(left))\" y1=\"\(f(y(score)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(score)))\" stroke=\"#e4e4e4\"/>")
            out.append("<text x=\"\(f(left - 4))\" y=\"\(f(y(score) + 3.5))\" text-anchor=\"end\">\(score)</text>")
        }
        for mark in passMarks {
            out.append("<line x1=\"\(f(left))\" y1=\"\(f(y(mark)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(mark)))\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"><title>pass mark \(mark)</title></line>")
        }
        // Dates under the first and the last attempt: progress over days, not only over tries.
        out.append("<text x=\"\(f(left))\" y=\"\(f(height - 4))\">\(DebriefText.day(calls[0].summary.startedAt))</text>")
        if calls.count > 1 {
            out.append("<text x=\"\(f(width - right))\" y=\"\(f(height - 4))\" text-anchor=\"end\">\(DebriefText.day(calls[calls.count - 1].summary.startedAt)) (\(calls.count))</text>")
        }
        let points = calls.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.summary.score)))" }.joined(separator: " ")
        out.append("<polyline fill=\"none\" stroke=\"#4a7bd0\" stroke-width=\"1.5\" points=\"\(points)\"/>")
        for (index, call) in calls.enumerated() {
            let summary = call.summary
            let tip = "Call \(call.number), attempt \(index + 1): \(summary.score) (\(summary.passed ? "passed" : "not passed")) — \(summary.scenario), \(DebriefText.day(summary.startedAt))"
            out.append("<a href=\"\(layout.link(call.number))\"><circle cx=\"\(f(x(index)))\" cy=\"\(f(y(summary.score)))\" r=\"3.5\" fill=\"\(summary.passed ? "#1b7a2e" : "#b3261e")\"><title>\(HTMLText.escape(tip))</title></circle></a>")
        }
        out.append("</svg>")
        return out.joined()
    }

    /// A mood sparkline: 0 calm at the bottom, 10 gone at the top; the last point green when the
    /// customer ended calmer than they started, red when angrier.
    static func moodSparkline(_ trace: MoodTrace) -> String {
        let width = 96.0, height = 24.0, pad = 3.0
        let moods = trace.moods
        let steps = max(1, moods.count - 1)
        func x(_ index: Int) -> Double { pad + (width - 2 * pad) * Double(index) / Double(steps) }
        func y(_ mood: Int) -> Double { pad + (height - 2 * pad) * (1 - Double(min(10, max(0, mood))) / 10) }
        let points = moods.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
        let first = moods.first ?? 0, last = moods.last ?? 0
        let colour = last < first ? "#1b7a2e" : last > first ? "#b3261e" : "#666"
        let label = "Customer mood " + moods.map(String.init).joined(separator: " → ") + " (0 calm … 10 gone)"
        return "<svg class=\"spark\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\"><title>\(HTMLText.escape(label))</title>"
            + "<polyline fill=\"none\" stroke=\"#4a7bd0\" stroke-width=\"1.5\" points=\"\(points)\"/>"
            + "<circle cx=\"\(f(x(moods.count - 1)))\" cy=\"\(f(y(last)))\" r=\"2.5\" fill=\"\(colour)\"/></svg>"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
