import Foundation
import RecoveryCore
@testable import RecoveryScoring
import Testing

/// Saying the same thing again and again does not make the learned reader surer of anything:
/// a reply's features are divided by the length of their count vector, which grows with them.
@Suite("Repetition")
struct RepetitionTests {
    /// Replies across credits and penalties, each said once and then over and over.
    static let replies = [
        "I am so sorry.", "Okay, I see.", "You should have called us earlier.", "Calm down.",
        "I'll ring you back by five today.", "Thanks for waiting.", "That's not my department.",
    ]

    @Test("a reply said sixty times over reads as it does said once", arguments: replies)
    func repeatedSentences(reply: String) throws {
        let reader = try analyzer
        let once = reader.analyze(reply).behaviors
        let repeated = reader.analyze(Array(repeating: reply, count: 60).joined(separator: " ")).behaviors
        #expect(repeated == once)
    }

    @Test("a phrase repeated 140 times in one unpunctuated line draws no penalty it does not draw once")
    func repeatedPhrase() throws {
        let reader = try analyzer
        for phrase in ["I am so sorry", "okay I see", "let me check"] {
            let once = Set(reader.analyze(phrase).behaviors)
            let line = reader.analyze(String(repeating: phrase + " ", count: 140))
            let penalties = Set(line.behaviors).subtracting(once).filter(\.isNegative)
            #expect(penalties.isEmpty, "\(phrase): \(penalties)")
        }
    }

    @Test("the model's probabilities for a reply said ten times are those for the reply said once")
    func sameProbabilities() throws {
        let reader = try analyzer
        let model = try #require(reader.model)
        for reply in ["We had a lot of staff off sick, so there is not much I can do.", "I am so sorry."] {
            let once = model.probabilities(reader.modelFeatures(reply))
            let tenTimes = model.probabilities(reader.modelFeatures(Array(repeating: reply, count: 10).joined(separator: " ")))
            // Only the rules' findings, said once for the whole reply, weigh a little less.
            for slot in 0..<16 { #expect(abs(once[slot] - tenTimes[slot]) < 0.15, "\(reply): \(Behavior.allCases[slot].id)") }
        }
    }
}
