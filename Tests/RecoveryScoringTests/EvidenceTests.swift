import RecoveryCore
@testable import RecoveryScoring
import Testing

@Suite("Evidence, intents and determinism")
struct EvidenceTests {
    @Test("evidence quotes are exact substrings at their scalar offsets", arguments: [
        "I’m really sorry, Ms. Ortiz — I'll send a tech by 5pm. Does that work for you?",
        "Café owner? I can hear how frustrated you are 😞 and I'm sorry. Thank you for your patience!",
        "Sorry, but that's our policy.", "Oh, I'm *so* sorry you had to wait.",
        "We’re sorry!!! Someone will be in touch within 24 hours, or would you prefer a text?",
    ])
    func quotesAreExact(_ text: String) throws {
        let analysis = try analyzer.analyze(text)
        #expect(!analysis.evidence.isEmpty)
        let scalars = Array(text.unicodeScalars)
        for evidence in analysis.evidence {
            let quoted = Array(evidence.quote.unicodeScalars)
            #expect(evidence.offset >= 0 && evidence.offset + quoted.count <= scalars.count)
            #expect(Array(scalars[evidence.offset..<evidence.offset + quoted.count]) == quoted, "\(evidence)")
        }
        #expect(analysis.evidence.count == analysis.behaviors.count + analysis.intents.count)
    }

    @Test("evidence is in behaviour declaration order, then intents by name")
    func evidenceOrder() throws {
        let intents = PhraseSet([(name: "warranty", phrases: ["under warranty"]), (name: "heat", phrases: ["heat"])])
        let analysis = try analyzer.analyze("Thanks! I'm sorry about the heat, it's under warranty.", intents: intents)
        #expect(analysis.evidence.map(\.label) == ["apologize", "thank", "heat", "warranty"])
        #expect(analysis.quote(for: "thank") == "Thanks")
        #expect(analysis.quote(for: "warranty") == "under warranty")
    }

    @Test("intents match on word boundaries with plurals and curly quotes, case-insensitively")
    func intents() throws {
        let intents = PhraseSet([
            (name: "sensor", phrases: ["flame sensor", "the part"]), (name: "gate", phrases: ["gate code"]),
            (name: "owner", phrases: ["owner’s manual"]), (name: "empty", phrases: ["", "  "]),
        ])
        let analysis = try analyzer.analyze("The Flame Sensors failed; check the owner's manual. Parts arrive.", intents: intents)
        #expect(analysis.intents == ["owner", "sensor"])
        #expect(analysis.quote(for: "sensor") == "Flame Sensors")
        #expect(try analyzer.analyze("departure", intents: intents).intents.isEmpty)
        #expect(try analyzer.analyze("gatecode", intents: intents).intents.isEmpty)
    }

    @Test("the same text always gives the same analysis")
    func deterministic() throws {
        let text = "I can hear how upset you are. I'm sorry, I'll send a tech tonight or tomorrow, your pick. Thanks!"
        let first = try analyzer.analyze(text)
        for _ in 0..<20 { #expect(try analyzer.analyze(text) == first) }
        let reloaded = try Analyzer.load(path: behaviorsPath)
        #expect(reloaded.analyze(text) == first)
    }

    @Test("odd input never crashes", arguments: [
        "", " ", "?!?!", "\u{0}\u{1B}[31m", String(repeating: "sorry ", count: 2000), "’’’", "*", "...",
        "5", "by", "- - -", "🙂🙂", "I'm", "a.m.", "3-", "-3", "'bout", "sorry'", "o'clock",
    ])
    func oddInput(_ text: String) throws {
        let analysis = try analyzer.analyze(text)
        #expect(analysis.text == text)
    }
}
