import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// The debrief says which words met each objective: the sentence that holds them, found
/// through the flags the objective needs ("when: safe_told" is met by the words of the rule
/// that set `safe_told`), never a reply cut off mid-sentence.
@Suite struct ObjectiveQuoteTests {
    @Test(arguments: TestData.scenarioIDs)
    func everyMetObjectiveQuotesOneSentenceOfItsReply(id: String) throws {
        let scenario = try TestData.scenario(id)
        let test = try #require(scenario.tests.first { $0.name == "skilled recovery" })
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        let grade = try #require(result.transcript.grade)
        for objective in grade.objectives where objective.met {
            let reply = try #require(result.transcript.turns.first { $0.number == objective.turn }).text
            let quote = try #require(objective.quote)
            #expect(reply.contains(quote), "\(objective.id): “\(quote)” is not in “\(reply)”")
            #expect(quote != reply || !reply.dropLast().contains(where: { ".!?".contains($0) }),
                    "\(objective.id) quotes the whole reply: “\(quote)”")
            #expect(quote.last.map { ".!?".contains($0) } ?? false || reply.hasSuffix(quote),
                    "\(objective.id): “\(quote)” stops mid-sentence")
        }
    }

    @Test func anObjectiveMetThroughAFlagQuotesTheWordsThatSetIt() throws {
        let scenario = try TestData.scenario("cold-house-furnace")
        let safety = try #require(scenario.objectives.first { $0.id == "safety" })
        #expect(scenario.evidenceSignals(for: safety.condition) == ["safety"])
        let test = try #require(scenario.tests.first { $0.name == "skilled recovery" })
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        let quote = try #require(result.transcript.grade?.objectives.first { $0.id == "safety" }?.quote)
        #expect(quote == "I can hear how scared you've been, so first things first: your family is safe.")
    }

    @Test func aFlagManyBranchesSetIsQuotedByTheOneThatSetItOnThatReply() throws {
        // delivery_booked is set by a rule (delivery, slot, commit) and by branches of two nodes
        // (slot and atone and wages; slot_offered and resolve…): only the rule fired on this reply,
        // so the washer's sentence is quoted, not the refund's (resolve, commit).
        let scenario = try TestData.scenario("irate-caller")
        let test = try #require(scenario.tests.first { $0.name == "the refund and the booking in one reply, in Indian English" })
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        let objectives = try #require(result.transcript.grade?.objectives)
        #expect(objectives.first { $0.id == "delivery-time" }?.quote
                == "For washer, tomorrow first slot 7 to 9 am is available, shall I book it?")
        #expect(objectives.first { $0.id == "charge-first" }?.quote?.hasPrefix("I have reversed the second charge") == true)
    }

    @Test func aFlagTwoSettersSetOnOneReplyIsQuotedByTheWordsTheyShare() throws {
        // On this reply both the rule (delivery, slot, commit) and a branch (slot and atone and
        // wages) set delivery_booked; the credit's sentence holds more of their words ("delivery
        // fee", the credit, the lost day's pay), but `slot` is what both need: the booking.
        let scenario = try TestData.scenario("irate-caller")
        let test = try #require(scenario.tests.first { $0.name == "the booking and the credit for his lost day in one reply, in Australian English" })
        let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
        let objectives = try #require(result.transcript.grade?.objectives)
        #expect(objectives.first { $0.id == "delivery-time" }?.quote == "Booked, first stop tomorrow 7-9.")
        #expect(objectives.first { $0.id == "lost-day" }?.quote?.hasPrefix("And because you lost a day's pay") == true)
    }

    @Test func anObjectiveMetByATopicAndADeedQuotesTheDeed() throws {
        let scenario = try TestData.scenario("cold-house-furnace")
        let ownPart = try #require(scenario.objectives.first { $0.id == "own-part" })
        let signals = scenario.evidenceSignals(for: ownPart.condition), intents = PhraseSet(scenario.intents)
        func quote(_ reply: String) -> String? {
            CallSession.sentence(meeting: signals, in: TestData.analyzer.analyze(reply, intents: intents))
        }
        let deed = "You're safe. The flame sensor is a safety part: when it fails the furnace shuts the gas off. "
            + "And you should never have been told to order it yourself, that part is on us."
        #expect(TestData.analyzer.analyze(deed).shows(.own))
        #expect(quote(deed) == "And you should never have been told to order it yourself, that part is on us.")
        // A sentence holding both the topic and a deed outweighs one holding a deed alone.
        #expect(quote("I'm sorry, that's on us. Dana will bring the sensor with her at 10.") == "Dana will bring the sensor with her at 10.")
    }

    @Test func anObjectiveMetByOneSideOfAnOrQuotesThatSide() throws {
        // own-part is met through part_ours, set by "bring_part or ((stock or (sensor and
        // (resolve or own))) …)". Here only bring_part held ("the sensor's on us"); the "flame
        // sensor" of the safety sentence belongs to a side that did not, so it is not quoted.
        let scenario = try TestData.scenario("cold-house-furnace")
        let ownPart = try #require(scenario.objectives.first { $0.id == "own-part" })
        let reply = "No, you're safe: the flame sensor shuts the gas off when it can't see a flame, so it can't leak gas. "
            + "And you won't order anything, the sensor's on us."
        let analysis = TestData.analyzer.analyze(reply, intents: PhraseSet(scenario.intents))
        #expect(!analysis.shows(.own) && !analysis.shows(.resolve))
        let signals = scenario.evidenceSignals(for: ownPart.condition, shown: { analysis.evidence(for: $0) != nil })
        #expect(!signals.contains("sensor"), "\(signals)")
        #expect(CallSession.sentence(meeting: signals, in: analysis) == "And you won't order anything, the sensor's on us.")
        // Without knowing what the reply showed, every side is read, and the earlier sentence wins.
        #expect(CallSession.sentence(meeting: scenario.evidenceSignals(for: ownPart.condition), in: analysis)?.hasPrefix("No, you're safe") == true)
    }
}
