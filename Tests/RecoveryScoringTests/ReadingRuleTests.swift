import RecoveryCore
@testable import RecoveryScoring
import Testing

@Suite("Reading rules")
struct ReadingRuleTests {
    private func behaviors(_ text: String) throws -> [Behavior] {
        try analyzer.analyze(text).behaviors
    }

    /// The words the tokenizer makes of `text`, normalised, joined by spaces.
    private func words(_ text: String) -> String {
        Tokenizer.tokenize(text).filter(\.isWord).map(\.text).joined(separator: " ")
    }

    @Test("negation cancels an apology and refusing to apologise is dismiss", arguments: [
        "I'm not going to apologize for that.", "I won't apologise.", "i'm not sorry", "I will never apologize for the technician.",
    ])
    func negatedApology(_ text: String) throws {
        let found = try behaviors(text)
        #expect(!found.contains(.apologize))
        #expect(found.contains(.dismiss))
    }

    @Test("negation stays inside its clause")
    func negationScope() throws {
        #expect(try behaviors("Don't worry, I'll fix it today.").contains(.commit))
        #expect(try behaviors("I can't apologize enough.").contains(.apologize))
        #expect(try !behaviors("It's not your fault.").contains(.blame))
        #expect(try !behaviors("We can't waive the fee.").contains(.atone))
    }

    @Test("'sorry, but' takes the apology back, except that 'I'm sorry, but' keeps it beside whose fault it was")
    func sorryBut() throws {
        #expect(try behaviors("Sorry, but that's policy.") == [.nonApology, .deflect])
        #expect(try behaviors("I'm sorry, but you should have called sooner.") == [.apologize, .blame])
        #expect(try behaviors("Sorry, system glitch.") == [.nonApology, .blame])
        // A policy wall or a refusal takes even a first-person apology back (behaviors.md: "the
        // 'but' takes the apology back"); the corpus writers read it so too.
        #expect(try behaviors("I'm sorry, but there's nothing I can do.") == [.nonApology, .deflect])
        #expect(try behaviors("I'm sorry, but it's policy.") == [.nonApology, .deflect])
        #expect(try behaviors("I'm sorry, but the technician was new and dispatch overbooked him.") == [.apologize, .blame])
        #expect(try behaviors("Sorry, but refunds are handled by billing.") == [.nonApology, .deflect])
        #expect(try behaviors("I'm sorry, but I'll have it fixed by 5.").contains(.apologize))
    }

    @Test("feeling-directed apologies are non_apology and not empathize", arguments: [
        "I'm sorry you're frustrated.", "Sorry you see it that way.", "I'm sorry if you feel that way.", "sorry u feel that way",
    ])
    func feelingDirected(_ text: String) throws {
        let found = try behaviors(text)
        #expect(found.contains(.nonApology))
        #expect(!found.contains(.apologize))
        #expect(!found.contains(.empathize))
    }

    @Test("sarcastic apologies are dismiss", arguments: [
        "Oh, I'm *so* sorry you had to wait.", "oh I'm SO sorry", "I'm sooo sorry your majesty had to wait.",
        "Well I'm so sorry for existing.", "I'm SORRY, ok?",
    ])
    func sarcasm(_ text: String) throws {
        let found = try behaviors(text)
        #expect(found.contains(.dismiss))
        #expect(!found.contains(.apologize))
    }

    @Test("sincere intensified apologies stay apologies", arguments: [
        "I'm so sorry we left you without heat.", "Oh no, I'm so sorry.", "I AM SO SORRY ABOUT THE HEAT",
        "Oh, I'm so sorry the engineer didn't turn up, that's on us.", "Oh Sam, I'm so sorry the wait was so long.",
        "Well, I'm really sorry we got your name wrong on the booking.",
    ])
    func sincere(_ text: String) throws {
        let found = try behaviors(text)
        #expect(found.contains(.apologize))
        #expect(!found.contains(.dismiss))
    }

    @Test("impersonal apologies carry a note; first-person ones do not")
    func impersonalNote() throws {
        #expect(try analyzer.analyze("We're sorry.").notes == ["impersonal_apology"])
        #expect(try analyzer.analyze("We apologize for the mix-up.").notes == ["impersonal_apology"])
        #expect(try analyzer.analyze("I’m sorry.").notes.isEmpty)
        #expect(try analyzer.analyze("We're sorry. I'm sorry too.").notes.isEmpty)
        #expect(try analyzer.analyze("Thanks.").notes.isEmpty)
    }

    @Test("a timeframe makes a promise commit, without one it is vague", arguments: [
        ("I'll call you by 5.", [Behavior.commit]), ("I'll call you back in 20 mins.", [.commit]),
        ("Someone will be out first thing tomorrow.", [.commit]), ("We'll have it done by end of day.", [.commit]),
        ("He'll come Thursday.", [.commit]), ("It'll take 3 to 5 business days.", [.commit]),
        ("I'll be in touch within the hour.", [.commit]), ("Someone will call you.", [.vaguePromise]),
        ("We'll get someone out soon and call you by 5.", [.commit, .vaguePromise]),
        ("I'll ring you back by three with an answer.", [.commit]), ("I'll ring you at four o'clock.", [.commit]),
    ])
    func timeframes(_ text: String, _ expected: [Behavior]) throws {
        let found = try behaviors(text).filter { $0 == .commit || $0 == .vaguePromise }
        #expect(found == expected)
    }

    @Test("options with times are choice, not commit; options asked are not also explore")
    func options() throws {
        let found = try behaviors("I can send someone tonight or first thing tomorrow — which suits you?")
        #expect(found.contains(.choice))
        #expect(!found.contains(.commit))
        #expect(!found.contains(.explore))
        #expect(try !behaviors("Your call.").contains(.choice))
        // The options named in one sentence, their times in the next: still an offer.
        let named = "Two options, and you pick. I can make you the first stop tomorrow, between 7 and 9, or Saturday between 8 and 10."
        let rulesOnly = try analyzer.with(model: nil).analyze(named)
        #expect(rulesOnly.shows(.choice) && rulesOnly.shows(.resolve) && !rulesOnly.shows(.commit))
        #expect(try !behaviors(named).contains(.commit))
    }

    @Test("a question asking which option the customer wants is choice wherever it stands; a question about the story stays explore",
          arguments: [
              ("I can refund the fee today, or move you to the Saturday show with the same seats. Both are fine by me. Which would you rather have?", false),
              ("What would you prefer? I can refund the fee today. Or I can move you to the Saturday show, same seats.", false),
              ("What happened at the counter? I can refund the fee today or move you to Saturday.", true),
              ("Which branch was it? I can have it ready within the hour, or we can deliver it tonight.", true),
          ])
    func preferenceQuestions(_ text: String, _ explores: Bool) throws {
        let found = try behaviors(text)
        #expect(found.contains(.choice))
        #expect(found.contains(.explore) == explores)
    }

    @Test("words reported after someone else's 'said' are a mention even when the match starts before 'said'; the agent's own 'I said' is not")
    func reportedInsideTheMatch() throws {
        let reported = "The pharmacist said you should've read the label? That's not how we talk to people, and I'm sorry."
        #expect(try analyzer.with(model: nil).analyze(reported).behaviors == [.apologize])
        #expect(try !behaviors(reported).contains(.blame))
        #expect(try behaviors("I said you should have called us first.").contains(.blame))
    }

    @Test("free time ('when I get a minute'), the ordinal 'a second' and a count ('by one of our engineers') are no timeframe; a promise without one stays vague",
          arguments: [
              ("I'll have a look when I get a minute.", false, true),
              ("I'll sort it when I have a moment.", false, true),
              ("I'll get you a second opinion.", false, false),
              ("I'll call you back in a second.", true, false),
              ("Give me a second to check and I'll call you back in a minute.", true, false),
              ("I'll get it looked at by one of our engineers.", false, true),
          ])
    func notATimeframe(_ text: String, _ commits: Bool, _ vague: Bool) throws {
        #expect(try analyzer.with(model: nil).analyze(text).shows(.commit) == commits, "rules alone")
        if vague { #expect(try behaviors(text).contains(.vaguePromise)) }
    }

    @Test("a time the model finds no promise in does not clear a vague promise: the reply is not left with neither (rule 1)")
    func rescueOverruled() throws {
        let text = "We'll sort something out for you at some point this week."
        let rulesOnly = try analyzer.with(model: nil).analyze(text)
        #expect(rulesOnly.shows(.commit) && !rulesOnly.shows(.vaguePromise), "the rules read the time as the promise's")
        let read = try analyzer.analyze(text)
        #expect(read.behaviors == [.vaguePromise], "the model overrules the commit, so the vague promise stands")
        #expect(try analyzer.explain(text).text.contains("a time, in which the model read no promise: the words stand (rule 1)"))
        // A time the model does read as a promise still rescues it.
        #expect(try behaviors("Someone will be in touch within 24 hours.") == [.commit])
        #expect(try analyzer.explain("Someone will be in touch within 24 hours.").text
            .contains("a time in the same part of the sentence, which makes it a promise (rule 1)"))
        // Times offered as options are not a vague promise either (rule 2).
        #expect(try !behaviors("We'll get someone out tonight or tomorrow, whichever suits you.").contains(.vaguePromise))
    }

    @Test("a model sure of a behaviour reads it where an exception cancelled the rule; not reading it, the exception stands")
    func exceptionOverruledByCertainModel() throws {
        let text = "The delay is on the manufacturer's end, not ours. We'll call you when it comes in. I can't give you a date."
        let rulesOnly = try analyzer.with(model: nil).analyze(text)
        #expect(!rulesOnly.shows(.vaguePromise), "the event-tied exception cancels \"We'll call\"")
        let read = try analyzer.analyze(text)
        #expect(read.evidence.first { $0.label == "vague_promise" }?.reader == .model)
        #expect(try analyzer.explain(text).text.contains("though the model, sure of it, reads it"))
        // The check-back the exception was written for stays clear of the penalty.
        let checkBack = "Once the engineer has been, I'll call you to make sure it's working."
        #expect(try !behaviors(checkBack).contains(.vaguePromise))
        #expect(try !analyzer.explain(checkBack).text.contains("sure of it"))
        // An exception for exact words stands: the second layer puts "Thanks for nothing." near
        // certain of thank, the model's own reading of the reply does not.
        #expect(try behaviors("Thanks for nothing.").isEmpty)
    }

    @Test("a hedged account of the past, or a hedge on bettering a firm time, is no vague promise; a hedged time ahead is (rule 14)",
          arguments: [
              ("I think the email was sent on the 2nd.", false, false),
              ("Your refund was probably processed on Friday.", false, false),
              ("It probably got delivered on the 4th.", false, false),
              ("It'll probably be shipped on Monday.", true, false),
              ("Hopefully it gets delivered on Tuesday.", true, false),
              ("Someone will be in touch within 24 hours, probably sooner.", false, true),
              ("Your refund will be processed within 10 working days, hopefully even sooner.", false, true),
              ("The engineer will be there by 4, maybe a bit earlier.", false, true),
              ("It should be with you sometime next week, probably sooner.", true, false),
              ("It'll probably be Thursday, maybe sooner.", true, false),
          ])
    func hedgedTimes(_ text: String, _ vague: Bool, _ promise: Bool) throws {
        let rulesOnly = try analyzer.with(model: nil).analyze(text)
        #expect(rulesOnly.shows(.vaguePromise) == vague, "rules alone")
        let read = try behaviors(text)
        #expect(read.contains(.vaguePromise) == vague, "rules and model")
        #expect(read.contains(.commit) == promise, "rules and model")
    }

    @Test("--why names the model's reading of the options as what dropped the preference question")
    func preferenceQuestionExplained() throws {
        let text = "What would you prefer? I can refund the fee today. Or I can move you to the Saturday show, same seats."
        let explanation = try analyzer.explain(text)
        #expect(explanation.entries.first { $0.behavior == .choice }?.reader == .model)
        let explore = try #require(explanation.entries.first { $0.behavior == .explore })
        #expect(explore.reader == nil)
        #expect(explore.rules.contains { $0.cancelledBy?.contains("the model's reading of choice") == true })
    }

    @Test("times offered as options are not yet a promise when only the model reads the options (rule 2); one time offered is")
    func modelReadOptionsAreNotAPromise() throws {
        let text = "I can get you on tomorrow as the first drop, 7 to 9, or Saturday 8 to 10."
        let explanation = try analyzer.explain(text)
        #expect(explanation.entries.first { $0.behavior == .choice }?.reader == .model)
        #expect(!explanation.analysis.shows(.commit))
        let commit = try #require(explanation.entries.first { $0.behavior == .commit })
        #expect(commit.rules.contains { $0.cancelledBy?.contains("times offered as options are an offer") == true })
        #expect(try behaviors("I can get you on tomorrow as the first drop, 7 to 9.").contains(.commit))
    }

    @Test("a fixing verb that tells the failure ('we sent the wrong packs') is neither a fix nor a promise")
    func failureToldIsNotAFix() throws {
        for text in ["I'm sorry we sent your mother the wrong packs twice, that's our mistake.",
                     "We sent your mother the wrong dose on Monday, and that's on us."] {
            let found = try behaviors(text)
            #expect(!found.contains(.resolve) && !found.contains(.commit), "\(text)")
            #expect(found.contains(.own), "\(text)")
        }
        #expect(try behaviors("I've sent the right packs out this morning and they'll be with you by 2.").contains(.resolve))
    }

    @Test("a greeting's offer of help and the agent's own account of what happened ask for no story")
    func tellingIsNotAsking() throws {
        for text in ["Afternoon, what can I do for you?", "Here's what happened: your order was split into two parcels.",
                     "I've looked into what happened with your booking, and the hotel never received it."] {
            #expect(try !behaviors(text).contains(.explore), "\(text)")
        }
        #expect(try behaviors("Could you explain what happened?").contains(.explore))
    }

    @Test("spelling, contractions and curly quotes are normalised")
    func normalisation() throws {
        for text in ["im sory", "I’m sorry", "i am sorry", "I'm sorryyy", "Im SORRY"] {
            let found = try behaviors(text)
            #expect(found.contains(.apologize) || found.contains(.dismiss), "\(text)")
        }
        #expect(try behaviors("I apologise").contains(.apologize))
        #expect(try behaviors("thx so much").contains(.thank))
    }

    @Test("'should of', 'must of', 'shoulda' read as 'should have', … but 'of course' stays")
    func modalOfReadsHave() throws {
        #expect(words("you should of bought an anytime ticket") == "you should have bought an anytime ticket")
        #expect(words("the driver must of left it") == "the driver must have left it")
        #expect(words("u shoulda called") == "you should have called")
        #expect(words("I could of course refund it") == "i could of course refund it")
        #expect(try behaviors("you should of bought an anytime ticket then love").contains(.blame))
    }

    @Test("letters run into digits are one code word ('SORRY20', 'the A14'), no apology; a preposition typed onto a time still reads as one")
    func codesAreOneWord() throws {
        #expect(words("use the code SORRY20 on the A14") == "use the code sorry20 on the a14")
        #expect(words("I'll call you by5pm") == "i will call you by 5 pm")
        let coupon = "As a small thank-you, here's 20% off your next order with the code SORRY20."
        #expect(try !analyzer.with(model: nil).analyze(coupon).shows(.apologize))
        #expect(try !behaviors(coupon).contains(.apologize) && !behaviors(coupon).contains(.dismiss))
        #expect(try analyzer.with(model: nil).analyze("I'll call you by5pm").shows(.commit))
    }

    @Test("chat spellings typed with digits are the words they stand for ('2day', 'b4', 'gr8'); in capitals they are codes")
    func digitChatSpellings() throws {
        #expect(words("ill ring u 2day b4 5pm, gr8?") == "i will ring you today before 5 pm great")
        #expect(words("Gr8, talk l8r") == "great talk later")
        #expect(words("the B4 postcode, an M8 bolt, the 2nd, 24hrs") == "the b4 postcode an m8 bolt the 2nd 24 hours")
        #expect(words("b4x and 2days") == "b4x and 2 days")
        // "2day" is today, as "today" reads: not the two days away "2 day" read as.
        let reader = try analyzer.with(model: nil)
        let chat = reader.analyze("I'll ring u 2day"), spelled = reader.analyze("I'll ring you today")
        #expect(chat.shows(.commit) && chat.minutesAway == spelled.minutesAway && chat.minutesAway != 2 * 24 * 60)
    }
}

extension ReadingRuleTests {
    @Test("owning the failure clears a named cause but not words that point at the customer, wherever they stand (rule 15)")
    func ownershipClearsOnlyOutsideCauses() throws {
        let reader = try analyzer
        let kept = ScratchPool.shared.withScratch { scratch in
            reader.withReading("The courier dropped it. And you gave us the wrong postcode.", scratch: scratch) { reading -> String? in
                reading.applyReadingRules()
                #expect(reading.allHits(.blame).count == 2)
                let convention = ModelConvention.ownershipMakesACauseAFact
                guard let hit = reading.firstHit(.blame, where: { !convention.clears($0, in: reading) }) else { return nil }
                return reading.tokens[hit.start..<hit.end].map(\.text).joined(separator: " ")
            }
        }
        #expect(kept?.hasPrefix("you gave us") == true, "\(kept ?? "nil")")
    }
}
