import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// `recovery test --watch`: the trainer's live loop. Checks the scenario files and plays their
/// tests, then again each time one of them (or a sibling test file) is saved, with the analyzer
/// loaded once; an answer comes well within a second of saving.
struct TestWatch {
    let paths: [String]
    let filter: String?
    let data: DataLocation
    let analyzer: Analyzer

    /// How often the files' modification times are looked at.
    static let pollInterval: TimeInterval = 0.2

    /// Runs until interrupted: Ctrl-C or SIGTERM end it, even when a parent started it with
    /// those signals ignored or blocked (a background job, a test runner's thread).
    func run() {
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for stop in [SIGINT, SIGTERM] {
            signal(stop, SIG_DFL)
            sigaddset(&stopping, stop)
        }
        _ = sigprocmask(SIG_UNBLOCK, &stopping, nil)
        var seen: [String: Date] = [:]
        while true {
            let files = watchedFiles()
            let stamps = Dictionary(uniqueKeysWithValues: files.map { ($0, Self.modified($0)) })
            if stamps != seen {
                seen = stamps
                report()
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
    }

    /// The scenario files named and their sibling test files.
    private func watchedFiles() -> [String] {
        ScenarioTestSuite.scenarioFiles(paths, data: data).files.flatMap { [$0] + (ScenarioTestFile.path(besideScenario: $0).map { [$0] } ?? []) }
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// One round: the files' diagnostics, then the tests of the files without errors.
    private func report() {
        let started = Date()
        Output.line("── \(DebriefText.clock(started)) ─────────────────────────────────────────".bold)
        let files = ScenarioTestSuite.scenarioFiles(paths, data: data).files
        let checked = ScenarioValidation.check(files, coverage: ScenarioTestSuite.coverageProvider(data: data, analyzer: analyzer))
        for diagnostic in checked.diagnostics { Output.line(diagnostic.rendered) }
        Output.line(checked.summary)
        if checked.errorCount == 0 {
            let run = ScenarioTestSuite.run(files, data: data, analyzer: analyzer, filter: filter)
            Output.line(ScenarioTestReport.text(run))
        }
        let elapsed = Int((Date().timeIntervalSince(started) * 1000).rounded())
        Output.line("(checked in \(elapsed) ms; watching \(files.count) file\(files.count == 1 ? "" : "s") for changes, Ctrl-C stops)".dim)
    }
}
