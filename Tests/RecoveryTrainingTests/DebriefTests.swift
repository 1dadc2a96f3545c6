import Testing
import RecoveryCore
@testable import RecoveryTraining

@Suite struct DebriefTests {
    let setup = TestData.setup(TestData.miniScenario)

    @Test func debriefQuotesTheWordsBehindEveryCreditAndPenalty() throws {
        let transcript = CallReplay.play([
            ("calm down, it's not a big deal", 4),
            ("I'm so sorry, Dana. That's on us.", 3),
            ("I'm sending a replacement by courier today.", 3),
        ], setup: setup).finish(.ending)
        let markdown = DebriefMarkdown.render(transcript)
        #expect(markdown.contains("**recovered**"))
        #expect(markdown.contains("`dismiss` “calm down"))
        #expect(markdown.contains("## Penalties"))
        #expect(markdown.contains("`apologize` “I'm so sorry"))
        #expect(markdown.contains("[x] **Apologise sincerely"))
        #expect(markdown.contains("## What to try next time"))
        #expect(markdown.contains("What would you do differently next time?"))
        #expect(markdown.contains("6 → "))
    }

    @Test func hostileTextIsInert() {
        let transcript = CallReplay.play([("<script>alert(1)</script> \u{1B}]0;owned\u{7} *bold* | table", 2)], setup: setup).finish(.quit)
        let markdown = DebriefMarkdown.render(transcript)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(!markdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        #expect(markdown.contains("left early"))
    }
}
