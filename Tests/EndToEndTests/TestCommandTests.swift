import Foundation
import Testing

/// `recovery test` run as a trainer would: a folder with a scenario and its sibling test file.
@Suite struct TestCommandTests {
    static let scenario = """
        id: parcel
        title: Late parcel
        briefing: A customer whose parcel is late.
        customer: { name: Dana, mood: 6 }
        start: opening
        nodes:
          opening:
            lines: ["My parcel is three days late."]
            branches:
              - when: apologize
                goto: fix
              - when: dismiss
                say: "Don't tell me to calm down."
                goto: opening
              - otherwise:
                goto: opening
          fix:
            lines: ["Fine. What are you going to do?"]
            branches:
              - when: resolve or commit
                goto: done
              - otherwise:
                goto: fix
          done: { ending: recovered, lines: ["Thank you."] }
        tests:
          - name: an apology then a fix
            replies:
              - {say: "I'm so sorry your parcel is late.", detects: [apologize], node: fix}
              - "I'll send a replacement by courier today."
            expect: {ending: done}

        """

    static let siblingTests = """
        scenario: parcel
        tests:
          - name: a brush-off does not get past the opening
            replies:
              - {say: "Calm down, it's only a parcel.", detects: [apologize]}
            expect: {ending: done}

        """

    static func folder() throws -> String {
        let directory = RecoveryBinary.temporaryDirectory()
        try scenario.write(toFile: directory + "/parcel.yaml", atomically: true, encoding: .utf8)
        try siblingTests.write(toFile: directory + "/parcel.tests.yaml", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func passAndFailAreReportedWithTheFailingTurnAndJUnit() throws {
        let directory = try Self.folder()
        let junit = directory + "/results.xml"
        let result = try RecoveryBinary.run(["test", directory, "--junit", junit])
        #expect(result.status == 1, "a failing test fails the run")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "PASS  parcel  an apology then a fix")
        #expect(lines.contains("FAIL  parcel  a brush-off does not get past the opening"))
        #expect(lines.contains("      at \(directory)/parcel.tests.yaml:3:5"))
        #expect(lines.contains("   >> 1. you: “Calm down, it's only a parcel.”"), "\(result.output)")
        #expect(lines.contains("         ✗ expected the reply to show 'apologize', but it was read as: dismiss"))
        #expect(lines.contains { $0.hasPrefix("         → opening, mood") && $0.hasSuffix("Dana: “Don't tell me to calm down.” “My parcel is three days late.”") },
                "the customer's reaction comes before the node's line: \(result.output)")
        #expect(lines.last == "2 tests: 1 passed, 1 failed")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains(#"<testcase name="an apology then a fix" classname="parcel" file="\#(directory)/parcel.yaml""#))
        #expect(xml.contains(#"<failure message="turn 1: expected the reply to show &apos;apologize&apos;"#))
    }

    @Test func theShippedTestsPassAndJSONCanBeAskedFor() throws {
        let result = try RecoveryBinary.run(["test", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect((counts["total"] ?? 0) >= 30 && counts["failed"] == 0 && counts["xpass"] == 0)
        #expect(report["failed"] as? Bool == false)
    }

    @Test func aFilterAndASiblingFileNarrowTheRun() throws {
        let directory = try Self.folder()
        let result = try RecoveryBinary.run(["test", directory + "/parcel.tests.yaml", "--filter", "APOLOGY"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "PASS  parcel  an apology then a fix\n1 test: 1 passed, 0 failed\n")
        let byScenario = try RecoveryBinary.run(["test", directory, "--filter", "PARCEL"])
        #expect(byScenario.output.hasSuffix("2 tests: 1 passed, 1 failed\n"), "a scenario id matches too: \(byScenario.output)")
        let none = try RecoveryBinary.run(["test", directory, "--filter", "no such test"])
        #expect(none.status == 1 && none.errors.contains("no test conversation's name contains 'no such test'"))
    }

    /// A file that does not load reports its diagnostics as fields in `--format json`, as
    /// `validate --format json` does.
    @Test func aBrokenFileGivesItsErrorsAsFieldsInJSON() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        try Self.scenario.replacingOccurrences(of: "goto: fix\n", with: "goto: fixx\n")
            .write(toFile: directory + "/parcel.yaml", atomically: true, encoding: .utf8)
        let result = try RecoveryBinary.run(["test", directory, "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let errors = try #require(report["errors"] as? [[String: Any]])
        let problems = try #require(errors.first?["diagnostics"] as? [[String: Any]])
        #expect(problems.first?["code"] as? String == "unknown-node", "\(problems)")
        #expect(problems.first?["line"] as? Int == 11 && problems.first?["file"] as? String == directory + "/parcel.yaml")
    }
}
