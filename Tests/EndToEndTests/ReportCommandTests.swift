import Foundation
import Testing

/// `recovery report` and the end-of-call reflection, run as a manager and a trainee would.
@Suite(.serialized) struct ReportCommandTests {
    /// The one transcript JSON in `directory`.
    func transcript(in directory: String) throws -> [String: Any] {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The one Markdown debrief in `directory`.
    func debrief(in directory: String) throws -> String {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".md") })
        return try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    @Test func pipedWithReflectTheAnswersAreStoredAndShownEverywhere() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let input = "I'm so sorry. That's on me now.\n/quit\nThe furnace died <script>alert(1)</script>\n\nAsk about the kids first\n"
        let played = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory, "--trainee", "ada", "--seed", "1", "--reflect"], input: input)
        #expect(played.status == 0, "\(played.errors)")
        #expect(played.output.contains("1/3 What went wrong for the customer, in their words?"))
        #expect(played.output.contains("Saved answers: transcript"))
        let reflection = try #require(try transcript(in: directory)["reflection"] as? [[String: String]])
        #expect(reflection == [
            ["question": "What went wrong for the customer, in their words?", "answer": "The furnace died <script>alert(1)</script>"],
            ["question": "What would you do differently next time?", "answer": "Ask about the kids first"],
        ])
        let markdown = try debrief(in: directory)
        #expect(markdown.contains("The furnace died &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("Ask about the kids first"))
        #expect(markdown.contains("*(not answered)*"))
        let json = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".json") })
        let html = try RecoveryBinary.run(["debrief", directory + "/" + json, "--format", "html"])
        #expect(html.output.contains("The furnace died &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.output.contains("<script"))
        let report = try RecoveryBinary.run(["report", directory, "-o", "-"])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("Ask about the kids first"))
        #expect(!report.output.contains("<script"))
    }

    @Test func pipedWithoutReflectNothingIsAskedAndSkipStopsTheQuestions() throws {
        let plain = RecoveryBinary.temporaryDirectory()
        let played = try RecoveryBinary.run(["play", "escalation", "--transcripts", plain, "--seed", "1"],
                                            input: "I'm so sorry.\n/quit\nan answer nobody asked for\n")
        #expect(played.status == 0, "\(played.errors)")
        #expect(!played.output.contains("debrief questions"))
        #expect(try transcript(in: plain)["reflection"] == nil)
        #expect(!(try debrief(in: plain)).contains("an answer nobody asked for"))

        let skipped = RecoveryBinary.temporaryDirectory()
        let skipping = try RecoveryBinary.run(["play", "escalation", "--transcripts", skipped, "--seed", "1", "--reflect"],
                                              input: "I'm so sorry.\n/quit\n/skip\nnot an answer\n")
        #expect(skipping.output.contains("debrief questions"))
        #expect(!skipping.output.contains("2/3"))
        #expect(try transcript(in: skipped)["reflection"] == nil)
    }

    @Test func reportWritesASummaryLinkingAPagePerCallOrOnePageAndSaysWhatItDid() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        for (trainee, reply) in [("ada", "I'm so sorry. That's on me now."), ("bo", "calm down, that's not my department")] {
            let played = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory + "/" + trainee, "--trainee", trainee, "--seed", "1"],
                                                input: reply + "\n/quit\n")
            #expect(played.status == 0, "\(played.errors)")
        }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/notes.json"))
        let output = directory + "/team.html"
        let result = try RecoveryBinary.run(["report", directory, "-o", output])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "Wrote \(output) and 2 debrief pages in team-calls/: 2 calls by 2 trainees, 0 stored grades disagree with the recomputed scores, 1 file skipped\n")
        #expect(result.errors.contains("skipped \(directory)/notes.json"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for number in 1...2 {
            #expect(html.contains("href=\"team-calls/call-\(number).html\""), "the summary links each call's own page")
            let page = try String(contentsOfFile: directory + "/team-calls/call-\(number).html", encoding: .utf8)
            #expect(page.contains("<h1>Debrief: Sorry for how you feel"))
            #expect(page.contains("href=\"../team.html\""), "each page links back to the summary")
        }
        #expect(!html.contains("<h1>Debrief:"), "the summary holds no debrief")
        let single = try RecoveryBinary.run(["report", directory, "-o", directory + "/one.html", "--single-file"])
        #expect(single.output.hasPrefix("Wrote \(directory)/one.html: 2 calls"))
        let one = try String(contentsOfFile: directory + "/one.html", encoding: .utf8)
        for number in 1...2 {
            #expect(one.contains("id=\"call-\(number)\""))
            #expect(one.contains("href=\"#call-\(number)\""))
        }
        #expect(html.contains("<table class=\"heatmap\">"))
        let again = try RecoveryBinary.run(["report", directory, "-o", "-", "--trainee", "BO"])
        #expect(again.output.contains("Debrief: Sorry for how you feel — bo"))
        #expect(!again.output.contains("— ada"))
        #expect(again.errors.contains("Report: 1 call by 1 trainee"))
    }
}
