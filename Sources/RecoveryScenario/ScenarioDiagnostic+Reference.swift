import Foundation

extension ScenarioDiagnostic {
    /// Every diagnostic a scenario file can get, as a Markdown table for the trainer guide:
    /// code, severity, message and fix hint, with `…` where the message names the thing found.
    public static var markdownReference: String {
        var out = [
            "| code | severity | message | how to fix it |",
            "|---|---|---|---|",
        ]
        for diagnostic in all {
            let message = cell(diagnostic.template, whole: "(says which keys clash, or what is wrong)")
            let hint = cell(diagnostic.hintTemplate, whole: "(says what to change for the problem found)")
            out.append("| `\(diagnostic.code)` | \(diagnostic.severity.rawValue) | \(message) | \(hint) |")
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
