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

    @Test("a model reading quotes its words without a joining word at either edge", arguments: [
        ("I know, and I'm sorry for that too. There'll be no charge for her packs this month.", "empathize", "I know"),
        ("I'll make up tonight's doses myself, checked against Dr Okafor's letter, and our driver will have them at Willowbank by half four.",
         "resolve", "our driver will have them at Willowbank"),
    ])
    func modelQuotesHaveNoJoiningWordAtTheirEdges(reply: String, behavior: String, quote: String) throws {
        let evidence = try #require(try analyzer.analyze(reply).evidence.first { $0.label == behavior })
        #expect(evidence.reader == .model)
        #expect(evidence.quote == quote)
    }

    @Test("a model reading's quote leaves out a piece a comma cuts off at its edge", arguments: [
        ("Apologies for the inconvenience, our courier partner is experiencing delays.", "blame", "our courier partner is experiencing delays"),
        ("Is the app letting you in now, Harriet?", "verify", "Is the app letting you in now"),
    ])
    func modelQuotesLeaveOutACutOffPiece(reply: String, behavior: String, quote: String) throws {
        let evidence = try #require(try analyzer.analyze(reply).evidence.first { $0.label == behavior })
        #expect(evidence.reader == .model)
        #expect(evidence.quote == quote)
    }

    @Test("a piece cut off at a quote's edge goes only when it weighs little, and never leaves joining words alone or splits a number, options or an address", arguments: [
        ("sorted it, I'll cancel the fee now", Float(0.01), true), ("I know, and I'm sorry", 1, false),
        ("it arrived smashed, so it's", 0.01, false), ("we refunded 1,100 pounds today", 0.01, false),
        ("booked for tomorrow, 8-9am", 0.01, false), ("tonight, or tomorrow morning", 0.01, false),
    ])
    func clauseEdges(text: String, firstPieceShare: Float, cut: Bool) throws {
        let tokens = Tokenizer.tokenize(text).filter(\.isWord)
        let firstBreak = try #require(tokens.indices.first { $0 > 0 && tokens[$0].breakBefore }, "\(text)")
        let share = tokens.indices.map { $0 < firstBreak ? firstPieceShare : 1 }
        let span = share.withUnsafeBufferPointer {
            BehaviorModel.clauseEdges((0, tokens.count, share.reduce(0, +)), share: $0, tokens: tokens)
        }
        #expect(span.start == (cut ? firstBreak : 0), "\(text)")
        #expect(span.end == tokens.count)
    }

    @Test("a light piece after a quote's last comma goes too")
    func clauseEdgeAtTheEnd() {
        let tokens = Tokenizer.tokenize("I'll cancel the fee now, thanks").filter(\.isWord)
        let share = tokens.map { $0.text == "thanks" ? Float(0.01) : 1 }
        let span = share.withUnsafeBufferPointer {
            BehaviorModel.clauseEdges((0, tokens.count, share.reduce(0, +)), share: $0, tokens: tokens)
        }
        #expect(span.start == 0 && span.end == tokens.count - 1)
    }

    @Test("a quote that begins or ends on a word in brackets takes the bracket along", arguments: [
        ("Try these steps: (link) Let us know how it goes", "link) Let us know", "(link) Let us know"),
        ("Please follow the steps here: (link) Thanks", "Please follow the steps here: (link", "Please follow the steps here: (link)"),
        ("Refund [done] today", "done] today", "[done] today"),
        ("We'll call (or text) you", "call (or text) you", "call (or text) you"),
    ])
    func quotesTakeTheirBrackets(text: String, cut: String, quoted: String) throws {
        let offset = try #require(text.range(of: cut)).lowerBound.samePosition(in: text.unicodeScalars)
        let from = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: try #require(offset))
        let range = Analyzer.bracketed(text, scalars: from..<(from + cut.unicodeScalars.count), quote: cut)
        #expect(Analyzer.quote(text, scalars: range, ascii: true) == quoted)
    }

    @Test("a trimmed quote keeps \"am\" typed onto a time, and drops a dash read as \"to\"", arguments: [
        ("be there by 10am and", "be there by 10am"), ("please call 1-868-625-7200", "please call 1-868-625"),
    ])
    func trimmingKeepsTimes(text: String, quote: String) {
        let tokens = Tokenizer.tokenize(text)
        // The span stops where the text's last word would be, so the trimming decides its end.
        let end = text.hasSuffix(" and") ? tokens.count : tokens.count - 1
        let span = BehaviorModel.trimmed(start: 0, end: end, tokens: tokens)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[tokens[span.start].start..<tokens[span.end - 1].end])) == quote)
    }

    @Test("of a span of joining words only, one word stays: a quote is never empty")
    func joiningWordsAloneAreKept() {
        let tokens = Tokenizer.tokenize("and the")
        let span = BehaviorModel.trimmed(start: 0, end: tokens.count, tokens: tokens)
        #expect(span.end - span.start == 1)
    }

    @Test("a web address reads as the one word 'link', as the corpus's real replies write it", arguments: [
        "https://support.example.com/en-us/HT201442", "https://t.co/XO5n3hh3B5", "www.example.co.uk/help", "bit.ly/3xYzAb",
    ])
    func webAddressesAreLinks(_ address: String) throws {
        let written = "These steps may get things running again: \(address). Let us know if this helps!"
        let placeholder = "These steps may get things running again: (link). Let us know if this helps!"
        #expect(Tokenizer.tokenize(written).map(\.text) == Tokenizer.tokenize(placeholder).map(\.text))
        let reader = try analyzer
        #expect(reader.analyze(written).behaviors == reader.analyze(placeholder).behaviors)
        #expect(reader.analyze(written).behaviors.contains(.resolve))
        // A quote that reaches the address quotes it whole, as typed.
        #expect(reader.analyze(written).evidence.allSatisfy { !$0.quote.contains("link") })
    }

    @Test("dotted words that are not web addresses read as words: a bare name is not a link offered",
          arguments: ["e.g. at 5.30pm and/or 6 a.m.", "I ordered from Amazon.com.", "Sorry.Please see 24/7 support"])
    func dottedWordsAreNotLinks(_ text: String) {
        let words = Tokenizer.tokenize(text).filter(\.isWord).map(\.text)
        #expect(!words.contains("link"))
        #expect(words.count >= 5)
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
