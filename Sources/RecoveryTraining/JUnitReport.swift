/// A test run as JUnit XML, for CI systems: one `testsuite` per scenario, one `testcase` per
/// test (classname = scenario id); failures carry the annotated conversation.
public enum JUnitReport {
    /// The XML document for `run`.
    public static func xml(_ run: ScenarioTestRun) -> String {
        var scenarios: [String] = []
        for result in run.results where !scenarios.contains(result.scenarioID) { scenarios.append(result.scenarioID) }
        let failures = run.results.filter { $0.status.isFailure }.count
        let skipped = run.results.filter { $0.status == .skipped || $0.status == .expectedFailure }.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="recovery test" tests="\#(run.results.count + run.loadFailures.count)" failures="\#(failures)" errors="\#(run.loadFailures.count)" skipped="\#(skipped)">"#,
        ]
        for scenario in scenarios {
            lines += suite(scenario, run.results.filter { $0.scenarioID == scenario })
        }
        for failure in run.loadFailures {
            lines.append(#"  <testsuite name="\#(escape(failure.path))" tests="1" failures="0" errors="1" skipped="0">"#)
            lines.append(#"    <testcase name="load" classname="\#(escape(failure.path))">"#)
            lines.append(#"      <error message="the file could not be loaded">\#(escape(failure.message, attribute: false))</error>"#)
            lines.append("    </testcase>")
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func suite(_ scenario: String, _ results: [ScenarioTestResult]) -> [String] {
        let failures = results.filter { $0.status.isFailure }.count
        let skipped = results.filter { $0.status == .skipped || $0.status == .expectedFailure }.count
        let file = results.first.map { #" file="\#(escape($0.test.position.file))""# } ?? ""
        var lines = [#"  <testsuite name="\#(escape(scenario))" tests="\#(results.count)" failures="\#(failures)" errors="0" skipped="\#(skipped)"\#(file)>"#]
        for result in results {
            let open = #"    <testcase name="\#(escape(result.test.name))" classname="\#(escape(scenario))" file="\#(escape(result.test.position.file))" line="\#(result.test.position.line)""#
            switch result.status {
            case .passed:
                lines.append(open + "/>")
            case .skipped, .expectedFailure:
                let reason = result.status == .skipped
                    ? (result.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "skipped")
                    : "expected to fail: \(result.reason ?? "")"
                lines.append(open + ">")
                lines.append(#"      <skipped message="\#(escape(reason))"/>"#)
                lines.append("    </testcase>")
            case .failed, .unexpectedPass:
                let message = result.status == .unexpectedPass
                    ? "passed, but is marked expect_failure: \(result.reason ?? "")"
                    : result.failures.map { "turn \($0.turn): \($0.message)" }.joined(separator: "; ")
                lines.append(open + ">")
                lines.append(#"      <failure message="\#(escape(message))" type="\#(result.status.rawValue)">\#(escape(ScenarioTestReport.annotated(result), attribute: false))</failure>"#)
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        return lines
    }

    /// `text` escaped for XML attribute values (or element text): markup characters, and line
    /// breaks in attributes, become references; characters XML 1.0 cannot hold become visible `\u{..}`.
    public static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += attribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                let discouraged = (0x7F...0x9F).contains(value)
                if allowed && !discouraged { out.unicodeScalars.append(scalar) } else { out += "\\u{\(String(value, radix: 16))}" }
            }
        }
        return out
    }
}
