import Foundation
import Testing
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// The end of a call coaches what mattered: the customer's main need, then what the trainee
/// actually did wrong (quoting it), before the steps that were merely missed.
@Suite struct CallCoachingTests {
    @Test func aDefensiveCallIsCoachedOnItsOwnWordsAfterTheMainNeed() throws {
        let scenario = try TestData.scenario("irate-caller")
        let setup = CallSetup(scenario: scenario, analyzer: TestData.analyzer, rubric: try RubricScenarioTests.rubric("recovery"),
                              seed: 5, trainee: "t")
        let session = CallSession(setup: setup)
        _ = session.submit("Sorry for any inconvenience. The courier lost it, not us.", latency: 3)
        _ = session.submit("You'll have to call the bank about the double charge.", latency: 3)
        let transcript = session.finish(.ending)
        let changes = try #require(transcript.coaching)
        #expect(changes.count == 3)
        #expect(changes[0].title == scenario.objectives.first { $0.main }!.title)
        #expect(changes[1].title == "Don't pin it on anyone else" && changes[1].said?.contains("courier") == true && changes[1].turn == 1)
        #expect(changes[2].title == "Don't send the customer somewhere else"
                && changes[2].said == "You'll have to call the bank about the double charge.")
        #expect(changes[1].better == scenario.phrasings[.blame], "the scenario's own words, not the rubric's")
        #expect(changes.allSatisfy { $0.why != $0.title + "." }, "the reason adds to the title")
    }

    /// A step half met is coached on the half that was missed: the trainee who followed up
    /// after the fix but thanked only before it is shown how to thank, not how to follow up.
    @Test func aHalfMetStepSuggestsWhatWasMissedNotWhatWasDone() throws {
        let scenario = try TestData.scenario("cold-house-furnace")
        let transcript = try Self.coldHouseCall([
            "Sydney, I'm so sorry. You've had no heat with your kids at home since yesterday, and that's on us.",
            "Please tell me what happened yesterday, from the start.",
            "You're safe: when a flame sensor fails, the furnace simply shuts off the gas, so there's no leak risk. Thank you for telling me all that.",
            "Not you. I'm handling this myself: Dana, our senior technician, can bring the sensor at 10 this morning or 1 this afternoon. Which suits you?",
            "10 it is. It's covered by the warranty, and we're waiving the call-out and diagnostic fees, plus a 50 dollar credit for yesterday.",
            "I'll call you at noon to make sure the heat's back on. Is there anything else I can do for you?",
            "Does that plan work for you, Sydney?",
        ])
        let change = try #require(transcript.coaching?.first { $0.title == "Follow up, with thanks, after the fix" })
        // Quoted by its sentence, as the objectives are: the rule's word alone ("Thank") says too little.
        #expect(change.said == "Thank you for telling me all that." && change.turn == 3)
        #expect(change.better == scenario.phrasings[.thank], "the thanks it missed, not the follow-up it made: \(change.better)")
    }

    /// A suggested line names no one the call never named: the trainee who brings the part
    /// themselves is not told to "call you tonight after Dana leaves"; one who sent Dana is.
    @Test func aSuggestedLineNamesNoOneTheCallNeverNamed() throws {
        let scenario = try TestData.scenario("cold-house-furnace")
        let rubric = try RubricScenarioTests.rubric("recovery")
        func followUpAdvice(_ plan: String) throws -> String {
            let transcript = try Self.coldHouseCall([
                "so sorry about yesterday Sydney, that's on us. can you tell me what happened when the tech came?",
                "ok leave it with me and I'll get back to you",
                "You're safe, a bad flame sensor only stops it lighting, no gas can leak. \(plan) I'll ring you at 3 to check the heat's on. Would 1pm work or is 10am better?",
                "Yes, I've checked the stock screen, there's one on the shelf and I've put your name on it.",
                "Thank you for bearing with us, Sydney. Is there anything else I can sort for you today?",
            ])
            return try #require(transcript.coaching?.first { $0.title == "Follow up, with thanks, after the fix" }).better
        }
        let dana = try #require(scenario.phrasings[.followUp])
        #expect(dana.contains("Dana"))
        let alone = try followUpAdvice("I'll bring the sensor myself at 1pm today, no charge, it's under warranty.")
        #expect(!alone.contains("Dana"), "\(alone)")
        #expect(alone == rubric.steps.first { $0.id == "follow-up" }?.example)
        #expect(try followUpAdvice("Dana, our senior tech, will bring the sensor at 1pm today, no charge, it's under warranty.") == dana)
    }

    /// The transcript of a cold-house call graded by the combined rubric, `replies` typed in turn.
    static func coldHouseCall(_ replies: [String]) throws -> Transcript {
        let setup = CallSetup(scenario: try TestData.scenario("cold-house-furnace"), analyzer: TestData.analyzer,
                              rubric: try RubricScenarioTests.rubric("recovery"), seed: 5, trainee: "t")
        let session = CallSession(setup: setup)
        for reply in replies { _ = session.submit(reply, latency: 3) }
        return session.finish(.ending)
    }

    /// Customers never repeat themselves word for word: in no shipped test conversation does the
    /// customer say the same line twice.
    @Test(arguments: TestData.scenarioIDs)
    func noCustomerLineIsSaidTwiceInAShippedConversation(_ id: String) throws {
        let scenario = try TestData.scenario(id)
        for test in scenario.tests where test.skipReason == nil {
            let result = ScenarioTestRunner.run(test, scenario: scenario, analyzer: TestData.analyzer, rubric: TestData.rubric)
            let lines = result.transcript.customerLines
            let repeated = Dictionary(grouping: lines, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(repeated.isEmpty, "\(id) '\(test.name)' repeats: \(Array(repeated))")
        }
    }
}
