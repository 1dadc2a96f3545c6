import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// The one registry of every diagnostic a data file can get: the shared YAML ones
/// (`CoreDiagnostic.kinds`), the scenario and scenario-test ones (`ScenarioDiagnostic`) and
/// the scoring ones (`ScoringDiagnostic`: rubrics, behaviors.yaml, model.bin). A code names
/// one problem; when two kinds of file share a code (`unknown-behavior`), their entries name
/// different files. `recovery validate --list-codes` prints it and the trainer guide holds it.
public enum DiagnosticRegistry {
    /// Every entry, in the order the trainer guide lists them.
    public static let all: [DiagnosticKind] = ScenarioDiagnostic.all + ScoringDiagnostic.all + RosterDiagnostic.all

    /// The entries a kind of file can get.
    public static func entries(for file: DataFileKind) -> [DiagnosticKind] {
        all.filter { $0.files.contains(file) }
    }

    /// Every entry as a Markdown table for the trainer guide: code, severity, the files that
    /// can get it, message and fix hint, with `…` where the message names the thing found.
    public static var markdownReference: String {
        var out = [
            "| code | severity | files | message | how to fix it |",
            "|---|---|---|---|---|",
        ]
        for entry in all {
            let message = cell(entry.template, whole: "(says what is wrong: which keys clash, why the file is unreadable)")
            let hint = cell(entry.hintTemplate, whole: "(says what to change for the problem found)")
            let files = entry.files.count == DataFileKind.allCases.count - 1 && !entry.files.contains(.model)
                ? "any YAML file" : entry.files.map(\.label).joined(separator: ", ")
            out.append("| `\(entry.code)` | \(entry.severity.rawValue) | \(files) | \(message) | \(hint) |")
        }
        return out.joined(separator: "\n")
    }

    /// A template for a table cell: placeholders shown as `…`, pipes escaped; `whole` when the
    /// template is nothing but one placeholder.
    private static func cell(_ template: String, whole: String) -> String {
        if template.range(of: #"^\{[0-9]\}$"#, options: .regularExpression) != nil { return whole }
        var text = template
        for index in (1...9).reversed() { text = text.replacingOccurrences(of: "{\(index)}", with: "…") }
        return text.replacingOccurrences(of: "|", with: "\\|")
    }
}
