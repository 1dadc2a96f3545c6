import Foundation
import RecoveryCore

/// A test run as JSON (`recovery test --format json`): every test with its status, failures
/// (each at its turn) and the turns played; files that could not be loaded; the counts.
public struct TestReportJSON: Encodable, Sendable {
    /// One test.
    public struct Entry: Encodable, Sendable {
        let scenario: String
        let name: String
        let status: TestStatus
        let reason: String?
        let file: String
        let line: Int
        let failures: [TestFailure]
        let turns: [TestTurn]
        let ending: String?
        let outcome: String?
        let finalMood: Int
    }

    /// A file that did not load, with its diagnostics as fields (as `validate --format json` gives them).
    public struct LoadError: Encodable, Sendable {
        let path: String
        let message: String
        let diagnostics: [Problem]
    }

    /// One diagnostic: `{file, line, column, severity, code, message, hint}`.
    public struct Problem: Encodable, Sendable {
        let file: String, line: Int, column: Int, severity: String, code: String, message: String, hint: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.position.file
            line = diagnostic.position.line
            column = diagnostic.position.column
            severity = diagnostic.severity.rawValue
            code = diagnostic.code
            message = diagnostic.message
            hint = diagnostic.hint ?? ""
        }
    }

    let tests: [Entry]
    let errors: [LoadError]
    let counts: [String: Int]
    let failed: Bool

    /// The report of `run`.
    public init(_ run: ScenarioTestRun) {
        tests = run.results.map { result in
            Entry(scenario: result.scenarioID, name: result.test.name, status: result.status, reason: result.reason,
                  file: result.test.position.file, line: result.test.position.line, failures: result.failures,
                  turns: result.turns, ending: result.ending, outcome: result.outcome?.rawValue, finalMood: result.finalMood)
        }
        errors = run.loadFailures.map { LoadError(path: $0.path, message: $0.message, diagnostics: $0.diagnostics.map(Problem.init)) }
        var counts = Dictionary(uniqueKeysWithValues: TestStatus.allCases.map { ($0.rawValue, run.count($0)) })
        counts["total"] = run.results.count
        self.counts = counts
        failed = run.failed
    }

    /// Pretty JSON with sorted keys: the same run gives the same bytes.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
