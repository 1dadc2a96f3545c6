import Foundation
import Testing

/// `recovery validate` checks every file a trainer edits, not only scenarios: rubrics and the
/// behaviours file, each positioned the same way.
@Suite struct ValidateDataFilesTests {
    @Test func theShippedScoringDataIsClean() throws {
        let result = try RecoveryBinary.run(["validate", ReadlineTerminalTests.repositoryRoot.appendingPathComponent("Scoring").path, "--strict"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("7 files, 0 errors, 0 warnings\n"), "behaviors.yaml and the six rubrics: \(result.output)")
    }

    @Test func aBrokenRubricIsReportedAtItsLines() throws {
        let directory = RecoveryBinary.temporaryDirectory() + "/rubrics"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try """
            id: low
            title: Low
            source: a test
            pass_mark: 60
            tiers:
              Gold: 90
              Bronze: 50
            steps:
              - id: a
                title: A
                checks: [{shows: apologise}]
                advice: Say sorry.
            """.write(toFile: directory + "/low.yaml", atomically: true, encoding: .utf8)
        let result = try RecoveryBinary.run(["validate", directory + "/low.yaml"])
        #expect(result.status == 1)
        #expect(result.output.contains("low.yaml:7:11: error: [tier-below-pass]"), "\(result.output)")
        #expect(result.output.contains("low.yaml:11:22: error: [unknown-behavior] unknown behaviour 'apologise'"))
        #expect(result.output.contains("did you mean 'apologize'?"))
    }
}
