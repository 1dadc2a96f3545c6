import Foundation
import RecoveryCore

/// Checks scenario files the way `recovery validate` does: every file named, every problem found,
/// the same diagnostics `play` and `test` would give.
public enum ScenarioValidation {
    /// The outcome of checking some files.
    public struct Report: Sendable {
        /// The files checked, in order.
        public var files: [String]
        /// Every diagnostic, file by file, each file's in position order.
        public var diagnostics: [Diagnostic]

        /// A report of `files` and their `diagnostics`.
        public init(files: [String], diagnostics: [Diagnostic]) {
            self.files = files
            self.diagnostics = diagnostics
        }

        /// How many diagnostics are errors.
        public var errorCount: Int { diagnostics.count { $0.severity == .error } }
        /// How many diagnostics are warnings.
        public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

        /// Whether the check failed: any error, or with `strict` any warning too.
        public func failed(strict: Bool) -> Bool { errorCount > 0 || (strict && warningCount > 0) }

        /// `3 files, 2 errors, 1 warning`.
        public var summary: String {
            [Self.counted(files.count, "file"), Self.counted(errorCount, "error"), Self.counted(warningCount, "warning")]
                .joined(separator: ", ")
        }

        /// The diagnostics as a JSON array of `{file, line, column, severity, code, message, hint}`.
        public var json: String {
            let records = diagnostics.map { diagnostic in
                Record(file: diagnostic.position.file, line: diagnostic.position.line,
                       column: diagnostic.position.column, severity: diagnostic.severity.rawValue,
                       code: diagnostic.code, message: diagnostic.message, hint: diagnostic.hint ?? "")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(records)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        }

        private static func counted(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
    }

    private struct Record: Encodable {
        let file: String, line: Int, column: Int, severity: String, code: String, message: String, hint: String
    }

    /// Checks every scenario file `paths` names (see `files(in:)`); with `coverage` (which plays
    /// a scenario's test conversations), also what the tests leave out.
    public static func check(_ paths: [String], coverage: ((Scenario) -> ScenarioCoverage)? = nil) -> Report {
        let files = files(in: paths)
        return Report(files: files, diagnostics: files.flatMap { diagnostics(of: $0, coverage: coverage) })
    }

    /// The scenario files `paths` name: a directory stands for its `*.yaml` scenario files (not
    /// sibling `*.tests.yaml` files, hidden files or the schema), sorted; a sibling test file is
    /// checked through its scenario; any other path is taken as a file, each once.
    public static func files(in paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += ScenarioLoader.list(in: directory).map { "\(directory)/\($0).yaml" }
            } else {
                files.append(ScenarioTestFile.scenarioPath(besideTests: path) ?? path)
            }
        }
        var seen: Set<String> = []
        return files.filter { seen.insert($0).inserted }
    }

    /// Every error and warning of the scenario at `path` and of its sibling test file, in position
    /// order; with `coverage`, the endings, objectives and nodes no test reaches as well.
    public static func diagnostics(of path: String, coverage: ((Scenario) -> ScenarioCoverage)? = nil) -> [Diagnostic] {
        do {
            let scenario = try ScenarioLoader.load(path: path)
            var warnings = scenario.warnings
            if let coverage, let file = try? YAMLFile.read(path: path) { warnings += coverage(scenario).gaps(in: scenario, file: file) }
            return DiagnosticError(warnings).diagnostics
        } catch {
            return error.diagnostics
        }
    }
}
