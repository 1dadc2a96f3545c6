import RecoveryCore
import RecoveryScoring

/// How `analyze --eval --rules` prints a `RuleAudit`: the patterns the labels disagree with
/// most, each with the first reply it misread.
enum RuleAuditText {
    /// One pattern's record, as the JSON report and the table give it.
    struct Row: Encodable {
        let behavior: String, line: Int, pattern: String, right: Int, wrong: Int, precision: Double
        let example: String?, exampleLine: Int?, exampleLabels: [String]?
    }

    /// The first `limit` patterns that misread at least one reply.
    static func rows(_ audit: RuleAudit, limit: Int) -> [Row] {
        audit.entries.filter { $0.wrong > 0 }.prefix(limit).map { entry in
            Row(behavior: entry.behavior.id, line: entry.line, pattern: entry.pattern, right: entry.right, wrong: entry.wrong,
                precision: entry.precision, example: entry.firstWrong?.text, exampleLine: entry.firstWrong?.line,
                exampleLabels: entry.firstWrong.map { $0.labels.sorted().map(\.id) })
        }
    }

    /// The table for people.
    static func table(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "\nno pattern of behaviors.yaml read a reply against its labels" }
        var lines = ["", "patterns the labels disagree with most (where a pattern's reading stood, against the labels):"]
        for row in rows {
            let total = row.right + row.wrong
            lines.append("  behaviors.yaml:\(row.line)  \(row.behavior)  \"\(TerminalSafe.escape(row.pattern))\"  "
                         + "wrong \(row.wrong) of \(total) (precision \(String(format: "%.2f", row.precision)))")
            if let example = row.example {
                let labels = row.exampleLabels?.joined(separator: ", ") ?? ""
                // Long replies are cut for the table; the JSON report keeps them whole.
                let shown = example.count > 120 ? String(example.prefix(119)) + "…" : example
                lines.append("      e.g. line \(row.exampleLine ?? 0): \(TerminalSafe.escape(shown))  labelled [\(labels)]")
            }
        }
        lines.append("A pattern that is often wrong wants an exception or a narrower form (docs/scoring-data.md); run `recovery train` after.")
        return lines.joined(separator: "\n")
    }
}
