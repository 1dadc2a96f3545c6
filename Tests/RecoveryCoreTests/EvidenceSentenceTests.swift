import Testing
import RecoveryCore

/// A debrief quotes the sentence that holds a finding's words: enough to say what the trainee
/// did ("sensor" alone does not), without the rest of the reply.
@Suite struct EvidenceSentenceTests {
    /// The sentence around the first occurrence of `words` in `reply`.
    func sentence(_ reply: String, around words: String) -> String {
        let scalars = Array(reply.unicodeScalars), target = Array(words.unicodeScalars)
        let offset = (0...(scalars.count - target.count)).first { Array(scalars[$0..<($0 + target.count)]) == target }!
        return ReplyAnalysis(text: reply).sentence(around: Evidence(label: "warranty", quote: words, offset: offset))
    }

    @Test func aMiddleSentenceIsQuotedWhole() {
        let reply = "No, it's not a gas-leak risk. It is, so there's no charge for the sensor or Dana's visit. She'll be there by 10."
        #expect(sentence(reply, around: "sensor") == "It is, so there's no charge for the sensor or Dana's visit.")
        #expect(sentence(reply, around: "No, it's") == "No, it's not a gas-leak risk.")
        #expect(sentence(reply, around: "by 10") == "She'll be there by 10.")
    }

    @Test func abbreviationsTimesAndLinesDoNotCutTooSoon() {
        #expect(sentence("Dana comes at 10 a.m. on Monday with the part. Thanks!", around: "part")
                == "Dana comes at 10 a.m. on Monday with the part.")
        #expect(sentence("Refund of 12.50 is on its way! Anything else?", around: "Refund") == "Refund of 12.50 is on its way!")
        #expect(sentence("Hi Sam,\nI've waived the fee\nBest, Jo", around: "waived") == "I've waived the fee")
        #expect(sentence("Is the heat back on now? Great", around: "heat") == "Is the heat back on now?")
    }

    @Test func aReplyTypedInLowerCaseIsCutAtItsSentences() {
        #expect(sentence("omg that's awful, so must u. im so sorry she missed her evening tablets.", around: "sorry")
                == "im so sorry she missed her evening tablets.")
        #expect(sentence("ill ring u tmrw. the part is on the van.", around: "van") == "the part is on the van.")
        #expect(sentence("it comes approx. two days later, by fri.", around: "later") == "it comes approx. two days later, by fri.")
        #expect(sentence("be there 10 a.m. on the dot. thanks", around: "there") == "be there 10 a.m. on the dot.")
    }

    @Test func wordsAcrossSentencesKeepBoth() {
        #expect(sentence("Sorry. Truly. It was us.", around: "Sorry. Truly") == "Sorry. Truly.")
    }

    @Test func anOffsetOutsideTheReplyQuotesTheWordsAlone() {
        let analysis = ReplyAnalysis(text: "Short.")
        #expect(analysis.sentence(around: Evidence(label: "own", quote: "on us", offset: 40)) == "on us")
    }
}
