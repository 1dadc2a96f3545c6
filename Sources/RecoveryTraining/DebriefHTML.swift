import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Renders a debrief as one self-contained HTML page: inline CSS and SVG, no scripts, no
/// network; every piece of trainee or file text is escaped.
public enum DebriefHTML {
    /// The whole page.
    public static func render(_ content: DebriefContent) -> String {
        let transcript = content.transcript
        let title = "Debrief: \(transcript.scenario.title) — \(transcript.trainee)"
        return HTMLText.page(title: title, body: body(content))
    }

    /// The page's body, for embedding in a larger report.
    public static func body(_ content: DebriefContent) -> String {
        let transcript = content.transcript
        let e = HTMLText.escape
        var out = ["<h1>\(e("Debrief: \(transcript.scenario.title) — \(transcript.trainee)"))</h1>", "<ul>"]
        out.append("<li>Scenario: \(e(transcript.scenario.title)) (<code>\(e(transcript.scenario.id))</code>), customer \(e(transcript.scenario.customer))</li>")
        out.append("<li>Started: \(DebriefText.timestamp(transcript.startedAt)) · duration \(DebriefText.duration(transcript.duration)) · seed \(transcript.seed)</li>")
        out.append("<li>Outcome: \(e(DebriefText.outcome(transcript)))</li>")
        if let grade = content.grade {
            let tier = grade.tier.map { " — \(e($0))" } ?? ""
            out.append("<li>Score: <strong>\(grade.score) / 100</strong>\(tier) · \(grade.passed ? "passed" : "not passed") · rubric: \(e(transcript.rubric.title))</li>")
            if grade.hintsUsed > 0 { out.append("<li>Hints used: \(grade.hintsUsed) (−\(grade.hintPoints) points)</li>") }
        }
        out.append("</ul>")
        if let note = content.note {
            out.append("<p class=\"note\"><strong>Recomputed from the raw replies; the stored grade differs.</strong> \(e(note))</p>")
        }
        if let debug = DebriefMarkdown.debugNote(transcript) {
            out.append("<p class=\"note\"><strong>Played in debug mode.</strong> \(e(debug))</p>")
        }
        if let grade = content.grade { out += objectives(grade, customer: transcript.scenario.customer) }
        out += changes(content)
        out += mood(content.mood, customer: transcript.scenario.customer)
        out += conversation(content)
        if let grade = content.grade { out += checklist(grade) }
        out += reflection(transcript)
        return out.joined(separator: "\n")
    }

    /// The debrief questions, each with the trainee's answer when any question was answered.
    private static func reflection(_ transcript: Transcript) -> [String] {
        let e = HTMLText.escape
        let items = Reflection.questionsAndAnswers(transcript).map { item -> String in
            guard transcript.reflection != nil else { return "<li>\(e(item.question))</li>" }
            let answer = item.answer.map { "<p class=\"answer\">\(e($0))</p>" } ?? "<p class=\"answer unanswered\">(not answered)</p>"
            return "<li>\(e(item.question))\(answer)</li>"
        }
        let heading = transcript.reflection == nil ? "Debrief questions" : "Debrief questions and the trainee's answers"
        return ["<h2>\(heading)</h2>", "<ol class=\"reflection\">" + items.joined() + "</ol>"]
    }

    private static func mood(_ trace: MoodTrace, customer: String) -> [String] {
        var out = ["<h2>\(HTMLText.escape(customer))’s mood</h2>", MoodChart.svg(trace)]
        out.append("<p>" + trace.moods.map(String.init).joined(separator: " → ") + " (0 calm … 10 gone; start, then after each reply)</p>")
        guard !trace.turningPoints.isEmpty else { return out + ["<p>The mood never moved.</p>"] }
        out.append("<ul class=\"turning-points\">")
        for point in trace.turningPoints {
            out.append("<li>Reply \(point.turn) (\(point.from) → \(point.to)) \(point.summary): “\(HTMLText.escape(point.reply))”</li>")
        }
        out.append("</ul>")
        return out
    }

    private static func conversation(_ content: DebriefContent) -> [String] {
        let e = HTMLText.escape
        let transcript = content.transcript
        var out = ["<h2>The conversation</h2>"]
        func spoken(_ step: Step) {
            out += step.narration.map { "<p class=\"narration\">\(e($0))</p>" }
            out += step.customerLines.map { "<p class=\"customer\"><strong>\(e(transcript.scenario.customer)):</strong> \(e($0))</p>" }
        }
        spoken(transcript.opening)
        let hintsByTurn = Dictionary(grouping: transcript.hints, by: \.afterTurn)
        for (turn, analysis) in content.turns {
            for hint in hintsByTurn[turn.number - 1] ?? [] { out.append("<p class=\"narration\">(hint taken: \(e(hint.step)))</p>") }
            let found = analysis.behaviors.map { behavior in
                "<code>\(behavior.id)</code>" + (analysis.quote(for: behavior.id).map { " “\(e($0))”" } ?? "")
            }
            let detected = found.isEmpty ? "nothing the rubric counts" : found.joined(separator: ", ")
            out.append("<div class=\"you\"><strong>You</strong> (reply \(turn.number), \(String(format: "%.1f", turn.latency)) s): \(e(turn.text))<br><span class=\"detected\">Detected: \(detected)</span></div>")
            spoken(turn.response)
        }
        return out
    }

    private static func checklist(_ grade: Grade) -> [String] {
        let e = HTMLText.escape
        var out = ["<h2>Rubric checklist</h2>", "<ul>"]
        for step in grade.steps {
            let mark = step.met ? "<span class=\"met\">✓</span>" : "<span class=\"missed\">✗</span>"
            out.append("<li>\(mark) <strong>\(e(step.title))</strong> — \(String(format: "%.1f", step.points)) of \(String(format: "%.1f", step.maximum))<ul>")
            for check in step.checks {
                var line = "\(check.met ? "met" : "missed"): \(e(check.summary))"
                if let turn = check.turn { line += ", reply \(turn)" }
                if let quote = check.quote { line += ": “\(e(quote))”" }
                if let reason = check.reason { line += " (\(e(reason)))" }
                out.append("<li>\(line)</li>")
            }
            out.append("</ul></li>")
        }
        out.append("</ul>")
        if !grade.penalties.isEmpty {
            out.append("<h2>Penalties</h2><ul>")
            out += grade.penalties.map { "<li>−\($0.points) <code>\($0.behavior.id)</code> at reply \($0.turn): “\(e($0.quote))”</li>" }
            out.append("</ul>")
        }
        let missed = grade.steps.filter { !$0.met }
        out.append("<h2>What to try next time</h2>")
        if missed.isEmpty && grade.penalties.isEmpty { return out + ["<p>Every step was met. Keep it up.</p>"] }
        out.append("<ul>")
        out += missed.map { "<li><strong>\(e($0.title)).</strong> \(e($0.advice)) Try: “\(e($0.example))”</li>" }
        var seen = Set<Behavior>()
        for penalty in grade.penalties where seen.insert(penalty.behavior).inserted {
            out.append("<li><strong>Avoid <code>\(penalty.behavior.id)</code>.</strong> \(e(penalty.advice))</li>")
        }
        out.append("</ul>")
        return out
    }
}
