import Foundation
import Testing
import RecoveryCore
@testable import RecoveryTraining

@Suite struct ReviewOutputTests {
    @Test func csvQuotesPerRFC4180AndDefusesFormulas() {
        #expect(TextTable.csvField("plain") == "plain")
        #expect(TextTable.csvField("a, b") == "\"a, b\"")
        #expect(TextTable.csvField("say \"sorry\"") == "\"say \"\"sorry\"\"\"")
        #expect(TextTable.csvField("two\nlines") == "\"two\nlines\"")
        #expect(TextTable.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(TextTable.csvField("+1") == "'+1")
        #expect(TextTable.csvField("-2") == "'-2")
        #expect(TextTable.csvField("@SUM(A1)") == "'@SUM(A1)")
        let table = TextTable(headers: ["trainee", "score"], rows: [["=cmd|' /C calc'!A0", "40"]])
        #expect(table.csv() == "trainee,score\r\n'=cmd|' /C calc'!A0,40\r\n")
    }

    @Test func theTableIsAlignedAndTerminalSafe() {
        let table = TextTable(headers: ["trainee", "score"], rows: [["\u{1B}[31mmallory", "7"], ["ada", "100"]], rightAligned: [1])
        let text = table.aligned()
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(text.contains("\\u{1b}[31mmallory"))
        let lines = text.split(separator: "\n")
        #expect(lines.map(\.count).allSatisfy { $0 == lines[0].count })
        #expect(lines[1].hasSuffix("    7"))
    }

    @Test func callTableAndJSONAreTheSameForTheSameFiles() throws {
        let directory = try ReviewFixture.folder([
            ReviewFixture.call("ada", day: 2, ReviewFixture.rude), ReviewFixture.call("bo", day: 3, ReviewFixture.good),
        ])
        let first = try ReviewFixture.review(directory), second = try ReviewFixture.review(directory)
        #expect(TeamReview.json(first.calls) == TeamReview.json(second.calls))
        let table = ReviewTables.calls(first.calls).aligned()
        #expect(table.contains("2026-11-02 00:00  ada"))
        #expect(table.contains("team/0.json"))
        let csv = ReviewTables.calls(first.calls, forCSV: true).csv()
        #expect(csv.hasPrefix("date,trainee,team,site,scenario,rubric,duration_seconds,outcome,score,passed,tier,hints,check,file,"))
        // One row per call: whether it passed, and every step's percent in a number cell of its own.
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        #expect(rows.count == 3 && header.filter { $0.hasSuffix("_percent") }.count == first.calls[0].steps.count)
        for (row, call) in zip(rows.dropFirst(), first.calls) {
            #expect(row[header.firstIndex(of: "passed")!] == (call.passed ? "true" : "false"))
            #expect(row[header.firstIndex(of: "score")!] == String(call.score))
            for step in call.steps {
                #expect(Double(row[header.firstIndex(of: step.id + "_percent")!]).map { abs($0 - step.percent) < 0.06 } == true)
            }
        }
    }
}
