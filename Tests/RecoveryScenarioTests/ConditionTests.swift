import RecoveryCore
import Testing

@testable import RecoveryScenario

@Suite("Condition language")
struct ConditionTests {
    let vocabulary = ConditionVocabulary(intents: ["warranty"], flags: ["heard"])

    /// Whether `source` holds for one reply showing `shown`, with the given state.
    func holds(
        _ source: String, _ shown: ReplyAnalysis = reply(), mood: Int = 5, latency: Double = 3,
        flags: [String] = [], earlier: [ReplyAnalysis] = []
    ) throws -> Bool {
        var condition = try Condition.parse(source)
        #expect(condition.resolve(in: vocabulary).isEmpty)
        var context = ConditionContext(vocabulary: vocabulary, mood: mood)
        for analysis in earlier { context.record(analysis, latency: 1) }
        context.record(shown, latency: latency)
        for flag in flags { context.setFlag(flag, true) }
        return condition.evaluate(in: context)
    }

    @Test func namesAreBehavioursIntentsAndFlags() throws {
        #expect(try holds("apologize", reply(.apologize)))
        #expect(try !holds("apologize", reply(.empathize)))
        #expect(try holds("warranty", reply(intents: ["warranty"])))
        #expect(try holds("follow_up", reply(.followUp)))
        #expect(try holds("heard", flags: ["heard"]))
        #expect(try !holds("heard"))
        #expect(try holds("true") && !holds("false"))
    }

    @Test func andBindsTighterThanOr() throws {
        // apologize or (empathize and own): true with apologize alone.
        #expect(try holds("apologize or empathize and own", reply(.apologize)))
        // (apologize or empathize) and own would be false here.
        #expect(try !holds("(apologize or empathize) and own", reply(.apologize)))
        #expect(try holds("empathize and own or false", reply(.empathize, .own)))
    }

    @Test func notAppliesToTheNextTermOnly() throws {
        #expect(try holds("not blame and apologize", reply(.apologize)))
        #expect(try !holds("not blame and apologize", reply(.apologize, .blame)))
        #expect(try holds("not (blame and apologize)", reply(.apologize)))
        #expect(try holds("not not apologize", reply(.apologize)))
        // A comparison binds tighter than `not`.
        #expect(try holds("not mood > 5", mood: 5))
        #expect(try !holds("not mood > 5", mood: 6))
    }

    @Test func comparisonsOnMoodTurnAndLatency() throws {
        #expect(try holds("mood >= 8", mood: 8))
        #expect(try !holds("mood >= 8", mood: 7))
        #expect(try holds("mood == 5 and mood != 4 and mood < 6 and mood <= 5 and mood > 4"))
        #expect(try holds("latency > 45", latency: 45.5))
        #expect(try !holds("latency > 45", latency: 45))
        #expect(try holds("latency <= 2.5", latency: 2.5))
        #expect(try holds("turn == 3", earlier: [reply(), reply()]))
        #expect(try holds("mood>=5and turn==1"), "no spaces are needed around operators")
    }

    @Test func countIncludesThisReply() throws {
        let apology = reply(.apologize)
        #expect(try holds("count(apologize) == 1", apology))
        #expect(try holds("count(apologize) >= 4", apology, earlier: [apology, reply(.own), apology, apology]))
        #expect(try !holds("count(apologize) >= 4", apology, earlier: [apology, reply(.own), apology]))
        #expect(try holds("count(warranty) == 2", reply(intents: ["warranty"]), earlier: [reply(intents: ["warranty"])]))
    }

    @Test func intentsTheScenarioDoesNotDeclareAreIgnored() throws {
        #expect(try !holds("warranty", reply(intents: ["refund"])))
    }

    @Test(arguments: [
        ("apologize and", 13, "ends too early"),
        ("apologize && own", 10, "'&'"),
        ("(apologize or own", 17, "missing ')'"),
        ("apologize or own)", 16, "after a complete condition"),
        ("mood = 5", 5, "single '='"),
        ("mood >= high", 8, "expected a number"),
        ("mood", 0, "needs a comparison"),
        ("apologize > 2", 0, "only mood, turn, latency and count"),
        ("count apologize > 2", 6, "expected '('"),
        ("count() > 2", 6, "inside count()"),
        ("mood > 1 > 2", 9, "cannot be chained"),
        ("", 0, "empty"),
        ("own and or thank", 8, "before 'or'"),
        ("5", 0, "cannot stand alone"),
        ("mood > 1.2.3", 7, "not a number"),
        ("apologize own", 10, "unexpected 'own'"),
    ])
    func malformedConditionsPointAtTheProblem(source: String, column: Int, words: String) {
        #expect(throws: ConditionError.self) { try Condition.parse(source) }
        do {
            _ = try Condition.parse(source)
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.offset == column, "\(source): \(error)")
            #expect(error.message.contains(words), "\(source): \(error.message)")
        }
    }

    @Test func unknownNamesAreFoundWithASuggestion() throws {
        var condition = try Condition.parse("apologize and warrenty or count(herd) > 1")
        let errors = condition.resolve(in: vocabulary)
        #expect(errors.map(\.kind) == [.unknownName("warrenty"), .unknownName("herd")])
        #expect(errors.map(\.offset) == [14, 32])
        #expect(errors.first?.hint == "did you mean 'warranty'?")
    }

    @Test func countOfAFlagIsRefused() throws {
        var condition = try Condition.parse("count(heard) > 1")
        let errors = condition.resolve(in: vocabulary)
        #expect(errors.count == 1)
        #expect(errors.first?.kind == .malformed)
        #expect(errors.first?.offset == 6)
    }

    @Test func sourceIsKeptAsWritten() throws {
        #expect(try Condition.parse("  apologize   and own ").source == "  apologize   and own ")
    }
}
