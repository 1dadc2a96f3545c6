import RecoveryCore

/// Plain-text reports of test runs: one line per test, and for a failure the conversation as it
/// went, each turn numbered, the failing turns marked `>>` with the failure under them. Text
/// from files and replies is made terminal-safe.
public enum ScenarioTestReport {
    /// How many characters of a customer line are shown.
    public static let customerLineLength = 90

    /// `PASS  scenario  test name`, with the reason for a skip or an expected failure.
    public static func line(_ result: ScenarioTestResult) -> String {
        let label = result.status.label.padding(toLength: 5, withPad: " ", startingAt: 0)
        var text = "\(label) \(safe(result.scenarioID))  \(safe(result.test.name))"
        if let reason = result.reason, !reason.isEmpty {
            text += result.status == .skipped ? " (\(safe(reason)))" : " (expected to fail: \(safe(reason)))"
        }
        return text
    }

    /// The conversation of `result` with every turn and its failures, indented under the test's line.
    public static func annotated(_ result: ScenarioTestResult) -> String {
        var lines = ["      at \(safe(result.test.position.file)):\(result.test.position.line):\(result.test.position.column)"]
        if result.status == .unexpectedPass {
            lines.append("      ✗ every expectation held, but the test is marked expect_failure: \(safe(result.reason ?? ""))")
        }
        let customer = safe(result.customer)
        let opening = result.opening.customerLines.last.map { " · \(customer): “\(shortened($0))”" } ?? ""
        lines.append(marker(0, result) + "0. (opening) at \(safe(result.opening.node)), mood \(result.opening.moodAfter)\(opening)")
        lines += failureLines(0, result)
        for turn in result.turns {
            lines.append(marker(turn.number, result) + "\(turn.number). you: “\(safe(turn.reply))”")
            let detected = turn.detected.map { "\(safe($0.label)) “\(safe($0.quote))”" }
            lines.append("         read as: \(detected.isEmpty ? "nothing" : detected.joined(separator: ", "))")
            let ended = turn.ending.map { " (ending: \(safe($0)))" } ?? ""
            // Every line the customer said, the reactions (`say:`) before the node's line.
            let said = turn.customerLines.isEmpty ? "" : " · \(customer): " + turn.customerLines.map { "“\(shortened($0))”" }.joined(separator: " ")
            lines.append("         → \(safe(turn.node)), mood \(turn.mood)\(ended)\(said)")
            lines += failureLines(turn.number, result)
        }
        return lines.joined(separator: "\n")
    }

    /// `14 tests: 12 passed, 1 failed, …`, naming only the kinds that occurred besides passed and failed.
    public static func summary(_ run: ScenarioTestRun) -> String {
        let total = run.results.count
        var parts = ["\(run.count(.passed)) passed", "\(run.count(.failed)) failed"]
        if run.count(.skipped) > 0 { parts.append("\(run.count(.skipped)) skipped") }
        if run.count(.expectedFailure) > 0 { parts.append("\(run.count(.expectedFailure)) expected to fail") }
        if run.count(.unexpectedPass) > 0 { parts.append("\(run.count(.unexpectedPass)) passed unexpectedly") }
        if !run.loadFailures.isEmpty {
            parts.append("\(run.loadFailures.count) file\(run.loadFailures.count == 1 ? "" : "s") could not be loaded")
        }
        return "\(total) test\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    /// The whole report: a line per test, the annotated conversation of each failure, load
    /// failures, and the summary.
    public static func text(_ run: ScenarioTestRun) -> String {
        var lines: [String] = []
        for result in run.results {
            lines.append(line(result))
            if result.status.isFailure { lines.append(annotated(result)) }
        }
        for failure in run.loadFailures {
            lines.append("ERROR \(safe(failure.path))")
            lines.append(safe(failure.message, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "      " + $0 }.joined(separator: "\n"))
        }
        lines.append(summary(run))
        return lines.joined(separator: "\n")
    }

    private static func marker(_ turn: Int, _ result: ScenarioTestResult) -> String {
        result.failures.contains { $0.turn == turn } ? "   >> " : "      "
    }

    private static func failureLines(_ turn: Int, _ result: ScenarioTestResult) -> [String] {
        result.failures.filter { $0.turn == turn }.map { "         ✗ \(safe($0.message))" }
    }

    private static func shortened(_ text: String) -> String {
        let clean = safe(text)
        return clean.count > customerLineLength ? String(clean.prefix(customerLineLength - 1)) + "…" : clean
    }

    private static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        TerminalSafe.escape(text, keepingLineBreaks: keepingLineBreaks)
    }
}
