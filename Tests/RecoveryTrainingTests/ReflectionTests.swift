import Foundation
import Testing
import RecoveryCore
@testable import RecoveryTraining

/// The debrief questions at the end of play: how answers are taken, stored and shown.
@Suite struct ReflectionTests {
    @Test func answersAreCleanedBlankSkipsOneAndEveryQuestionIsAskedOnce() {
        var reflection = Reflection()
        #expect(reflection.nextQuestion == Reflection.questions[0])
        #expect(reflection.progress == "1/3")
        reflection.answer("  The furnace \u{1b}[31mdied\n on a cold day ")
        reflection.answer("   ")
        #expect(reflection.progress == "3/3")
        reflection.answer("Ask how the kids are first")
        #expect(reflection.nextQuestion == nil)
        reflection.answer("too late")
        #expect(reflection.answers == [
            ReflectionAnswer(question: Reflection.questions[0], answer: "The furnace died on a cold day"),
            ReflectionAnswer(question: Reflection.questions[2], answer: "Ask how the kids are first"),
        ])
    }

    @Test func skipAndStopEndTheQuestionsButKeepTheAnswersSoFar() {
        var skipping = Reflection()
        skipping.answer("It broke")
        skipping.answer("/SKIP")
        #expect(skipping.nextQuestion == nil)
        #expect(skipping.answers.map(\.answer) == ["It broke"])
        var quitting = Reflection()
        quitting.answer("/quit")
        #expect(quitting.nextQuestion == nil && quitting.answers.isEmpty)
        var stopped = Reflection()
        stopped.stop()
        #expect(stopped.nextQuestion == nil)
        #expect(stopped.answers.isEmpty)
    }

    @Test func answersAreStoredInTheTranscriptOnlyWhenThereAreAny() throws {
        let call = ReviewFixture.call("ada", day: 1, ReviewFixture.good)
        #expect(Reflection().recorded(in: call) == call)
        #expect(!String(decoding: try call.encoded(), as: UTF8.self).contains("reflection"))
        var reflection = Reflection()
        reflection.answer("The parcel was late")
        let answered = reflection.recorded(in: call)
        let decoded = try Transcript.decode(try answered.encoded())
        #expect(decoded.reflection == [ReflectionAnswer(question: Reflection.questions[0], answer: "The parcel was late")])
    }

    @Test func debriefsShowTheAnswersEscapedAndMarkTheUnanswered() {
        var call = ReviewFixture.call("ada", day: 1, ReviewFixture.good)
        call.reflection = [ReflectionAnswer(question: Reflection.questions[1], answer: "<b>Courier</b> *today*")]
        let markdown = DebriefMarkdown.render(call)
        #expect(markdown.contains("2. How was it fixed, and what did you promise?\n   > &lt;b&gt;Courier&lt;/b&gt; \\*today\\*"))
        #expect(markdown.contains("1. What went wrong for the customer, in their words?\n   *(not answered)*"))
        let html = DebriefHTML.render(DebriefContent(call))
        #expect(html.contains("<p class=\"answer\">&lt;b&gt;Courier&lt;/b&gt; *today*</p>"))
        #expect(html.contains("(not answered)"))
        let unanswered = DebriefMarkdown.render(ReviewFixture.call("ada", day: 1, ReviewFixture.good))
        #expect(unanswered.contains("1. What went wrong for the customer, in their words?\n2."))
    }

    @Test func debriefsSayWhenACallWasPlayedInDebugModeAndListTheActions() {
        var call = ReviewFixture.call("ada", day: 1, ReviewFixture.good)
        #expect(!DebriefMarkdown.render(call).contains("debug mode"))
        call.debug = true
        #expect(DebriefMarkdown.render(call).contains("No debug action was taken."))
        call.debugActions = [DebugAction(afterTurn: 1, command: "/goto done", effect: "node fix → done"),
                             DebugAction(afterTurn: 1, command: "/set mood 2", effect: "mood 4 → 2")]
        let markdown = DebriefMarkdown.render(call)
        #expect(markdown.contains("- **Played in debug mode.**"))
        #expect(markdown.contains("after reply 1, /goto done (node fix → done); after reply 1, /set mood 2 (mood 4 → 2)"))
        let html = DebriefHTML.render(DebriefContent(call))
        #expect(html.contains("<strong>Played in debug mode.</strong>"))
        #expect(html.contains("/set mood 2 (mood 4 → 2)"))
    }
}
