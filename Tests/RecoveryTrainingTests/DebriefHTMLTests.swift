import Foundation
import Testing
import RecoveryCore
@testable import RecoveryTraining

@Suite struct DebriefHTMLTests {
    let hostile = "<script>alert(\"x\")</script> \u{1B}[31mred' onmouseover='x"

    @Test func hostileTraineeTextIsInert() {
        var transcript = ReviewFixture.call(hostile, day: 1, [(hostile, 2), ("I'm so sorry, that's on me.", 3)])
        transcript.scenario.customer = "<b>Dana</b>"
        let html = DebriefHTML.render(DebriefContent(transcript))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.unicodeScalars.contains("\u{1B}"))
        #expect(html.contains("\\u{1b}[31mred&#39; onmouseover=&#39;x"))
        #expect(!html.contains("<b>Dana</b>"))
        #expect(!html.contains("<script"))
    }

    @Test func thePageIsSelfContainedWithAChartOfTheMood() {
        let transcript = ReviewFixture.call("ada", day: 1, ReviewFixture.rude)
        let html = DebriefHTML.render(DebriefContent(transcript))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<polyline"))
        #expect(!html.contains("http://") || !html.contains("src="))
        #expect(!html.contains("https://"))
        let trace = MoodTrace(transcript)
        #expect(html.components(separatedBy: "r=\"7\"").count - 1 == trace.turningPoints.count)
        #expect(html.contains("upset the customer most: “calm down"))
    }

    @Test func aRecomputedDebriefSaysWhenTheStoredGradeDiffers() {
        var edited = ReviewFixture.call("ada", day: 1, ReviewFixture.good)
        edited.grade?.score = 3
        let content = DebriefContent(Regrade(edited, analyzer: TestData.analyzer, rubric: TestData.rubric))
        #expect(content.storedScore == 3)
        #expect(DebriefMarkdown.render(content).contains("the stored grade differs"))
        #expect(DebriefHTML.render(content).contains("the file was edited"))
        #expect(content.json().contains("\"storedScore\" : 3"))
    }
}
