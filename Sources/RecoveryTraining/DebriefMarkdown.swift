import Foundation
import RecoveryCore
import RecoveryScoring

/// Renders a graded transcript as the Markdown debrief a trainee and manager read.
public enum DebriefMarkdown {
    /// The debrief questions every call ends with (kept in `Reflection`).
    public static var questions: [String] { Reflection.questions }

    /// The debrief written at the end of play, from the stored grade.
    public static func render(_ transcript: Transcript) -> String { render(DebriefContent(transcript)) }

    /// The whole debrief.
    public static func render(_ content: DebriefContent) -> String {
        let transcript = content.transcript
        var out: [String] = []
        let customer = transcript.scenario.customer
        out.append("# Debrief: \(text(transcript.scenario.title)) — \(text(transcript.trainee))")
        out.append("")
        out.append("- Scenario: \(text(transcript.scenario.title)) (\(code(transcript.scenario.id))), customer \(text(customer))")
        out.append("- Started: \(DebriefText.timestamp(transcript.startedAt)) · duration \(DebriefText.duration(transcript.duration)) · seed \(transcript.seed)")
        out.append("- Outcome: " + outcomeLine(transcript))
        if let grade = content.grade {
            let tier = grade.tier.map { " — \(text($0))" } ?? ""
            out.append("- Score: **\(grade.score) / 100**\(tier) · \(grade.passed ? "passed" : "not passed") · rubric: \(text(transcript.rubric.title))")
            if grade.hintsUsed > 0 { out.append("- Hints used: \(grade.hintsUsed) (−\(grade.hintPoints) points)") }
        }
        if let note = content.note {
            out.append("- **Recomputed from the raw replies; the stored grade differs.** \(text(note))")
        }
        if let debug = DebriefMarkdown.debugNote(transcript) {
            out.append("- **Played in debug mode.** \(text(debug))")
        }
        out.append("")
        if let grade = content.grade { out += objectivesSection(grade, customer: text(customer)) }
        out += changesSection(content)
        out += moodSection(content.mood, customer: text(customer))
        out.append("## The conversation")
        out.append("")
        out += conversation(content)
        if let grade = content.grade {
            out.append("## Rubric checklist")
            out.append("")
            out += checklist(grade)
            out += penalties(grade)
            out += nextTime(grade)
        }
        out += reflection(transcript)
        return out.joined(separator: "\n")
    }

    /// The mood section: a sparkline with the numbers, then each turning point quoting its reply.
    static func moodSection(_ mood: MoodTrace, customer: String) -> [String] {
        var out = ["## \(customer)'s mood", ""]
        out.append("`\(mood.sparkline)` " + mood.moods.map(String.init).joined(separator: " → ") + " (0 calm … 10 gone; start, then after each reply)")
        out.append("")
        guard !mood.turningPoints.isEmpty else { return out + ["The mood never moved.", ""] }
        out.append("Turning points:")
        out.append("")
        for point in mood.turningPoints {
            out.append("- Reply \(point.turn) (\(point.from) → \(point.to)) \(point.summary): “\(text(point.reply))”")
        }
        out.append("")
        return out
    }

    /// The debrief questions, each with the trainee's answer when any question was answered.
    private static func reflection(_ transcript: Transcript) -> [String] {
        var out = ["## Debrief questions", ""]
        for (number, item) in Reflection.questionsAndAnswers(transcript).enumerated() {
            out.append("\(number + 1). \(text(item.question))")
            guard transcript.reflection != nil else { continue }
            out.append(item.answer.map { "   > \(text($0))" } ?? "   *(not answered)*")
        }
        out.append("")
        return out
    }

    /// What a debrief says about a call played with `--debug`, in plain words (escape it for
    /// the format); nil for a normal call.
    static func debugNote(_ transcript: Transcript) -> String? {
        guard transcript.debug == true else { return nil }
        let actions = (transcript.debugActions ?? []).map { action in
            "after reply \(action.afterTurn), \(action.command) (\(action.effect))"
        }
        let taken = actions.isEmpty ? "No debug action was taken." : "Debug actions: " + actions.joined(separator: "; ") + "."
        return "A trainer could jump between nodes and set the customer's mood (--debug), so the score may not reflect a real attempt. " + taken
    }

    private static func outcomeLine(_ transcript: Transcript) -> String {
        if let outcome = transcript.outcome {
            return "**\(outcome.rawValue)** (ending \(code(transcript.endingNode ?? "")))"
        }
        guard let reason = transcript.endReason else { return "in progress" }
        return "left early: \(reason.description)"
    }

    private static func conversation(_ content: DebriefContent) -> [String] {
        let transcript = content.transcript
        let customer = text(transcript.scenario.customer)
        var out = spoken(transcript.opening.narration, transcript.opening.customerLines, customer)
        let hintsByTurn = Dictionary(grouping: transcript.hints, by: \.afterTurn)
        for (turn, analysis) in content.turns {
            for hint in hintsByTurn[turn.number - 1] ?? [] { out.append("*(hint taken: \(text(hint.step)))*"); out.append("") }
            out.append("> **You** (reply \(turn.number), \(String(format: "%.1f", turn.latency)) s): \(text(turn.text))")
            out.append(">")
            out.append("> " + detected(analysis))
            out.append("")
            out += spoken(turn.response.narration, turn.response.customerLines, customer)
        }
        return out
    }

    private static func spoken(_ narration: [String], _ lines: [String], _ customer: String) -> [String] {
        narration.flatMap { ["*\(text($0))*", ""] } + lines.flatMap { ["**\(customer):** \(text($0))", ""] }
    }

    private static func detected(_ analysis: ReplyAnalysis) -> String {
        guard !analysis.behaviors.isEmpty else { return "*Detected:* nothing the rubric counts" }
        let parts = analysis.behaviors.map { behavior in
            let quote = analysis.quote(for: behavior.id).map { " “\(text($0))”" } ?? ""
            return "`\(behavior.id)`\(quote)"
        }
        return "*Detected:* " + parts.joined(separator: ", ")
    }

    private static func checklist(_ grade: Grade) -> [String] {
        var out: [String] = []
        for step in grade.steps {
            let box = step.met ? "[x]" : "[ ]"
            out.append("- \(box) **\(step.title)** — \(points(step.points)) of \(points(step.maximum))")
            for check in step.checks {
                var line = "  - \(check.met ? "met" : "missed"): \(check.summary)"
                if let turn = check.turn { line += ", reply \(turn)" }
                if let quote = check.quote { line += ": “\(text(quote))”" }
                if let reason = check.reason { line += " (\(reason))" }
                out.append(line)
            }
        }
        out.append("")
        return out
    }

    private static func penalties(_ grade: Grade) -> [String] {
        guard !grade.penalties.isEmpty else { return [] }
        var out = ["## Penalties", ""]
        for penalty in grade.penalties {
            out.append("- −\(penalty.points) `\(penalty.behavior.id)` at reply \(penalty.turn): “\(text(penalty.quote))”")
        }
        out.append("")
        return out
    }

    private static func nextTime(_ grade: Grade) -> [String] {
        let missed = grade.steps.filter { !$0.met }
        var advice = missed.map { "- **\($0.title).** \(text($0.advice)) Try: “\(text($0.example))”" }
        var seen = Set<Behavior>()
        for penalty in grade.penalties where seen.insert(penalty.behavior).inserted {
            advice.append("- **Avoid `\(penalty.behavior.id)`.** \(text(penalty.advice))")
        }
        guard !advice.isEmpty else { return ["## What to try next time", "", "Every step was met. Keep it up.", ""] }
        return ["## What to try next time", ""] + advice + [""]
    }

    /// Trainee or file text made inert in Markdown: control characters shown as escapes,
    /// HTML and Markdown punctuation escaped.
    public static func text(_ raw: String) -> String {
        var out = ""
        for character in TerminalSafe.escape(raw) {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    /// An id from a file as a code span, or as escaped text when it could close the span.
    static func code(_ raw: String) -> String {
        let plain = !raw.isEmpty && raw.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)) }
        return plain ? "`\(raw)`" : text(raw)
    }

    private static func points(_ value: Double) -> String { String(format: "%.1f", value) }
}
