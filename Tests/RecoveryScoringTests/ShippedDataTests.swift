import RecoveryCore
@testable import RecoveryScoring
import Testing

/// One example of Scoring/behaviors.yaml, named by its behaviour, text and line.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let behavior: Behavior
    let example: BehaviorExample

    var testDescription: String {
        "\(behavior.id) \(example.triggers ? "trigger" : "ignore") (behaviors.yaml:\(example.position.line)): \"\(example.text)\""
    }
}

/// Every example of the shipped scoring data, one argument each.
let exampleCases: [ExampleCase] = {
    guard case .success(let analyzer) = shippedAnalyzer else { return [] }
    return analyzer.catalog.entries.flatMap { entry in
        entry.examples.map { ExampleCase(behavior: entry.behavior, example: $0) }
    }
}()

@Suite("Shipped behaviors.yaml")
struct ShippedDataTests {
    @Test("loads without diagnostics")
    func loads() {
        if case .failure(let error) = shippedAnalyzer {
            Issue.record("Scoring/behaviors.yaml does not load:\n\(error.description)")
        }
    }

    @Test("every example shows (or does not show) its behaviour", arguments: exampleCases)
    func example(_ testCase: ExampleCase) throws {
        let analysis = try analyzer.analyze(testCase.example.text)
        let shown = analysis.shows(testCase.behavior)
        #expect(shown == testCase.example.triggers, """
            \(behaviorsPath):\(testCase.example.position.line): '\(testCase.example.text)' \
            should \(testCase.example.triggers ? "" : "not ")show \(testCase.behavior.id); \
            got \(analysis.behaviors.map(\.id))
            """)
    }

    @Test("every behaviour has at least 10 triggering and 8 non-triggering examples")
    func exampleCounts() throws {
        let catalog = try analyzer.catalog
        #expect(catalog.entries.map(\.behavior) == Behavior.allCases)
        for entry in catalog.entries {
            let triggers = entry.examples.filter(\.triggers).count
            #expect(triggers >= 10, "\(entry.behavior.id) has \(triggers) trigger examples")
            #expect(entry.examples.count - triggers >= 8, "\(entry.behavior.id) has too few ignore examples")
            #expect(!entry.summary.isEmpty && !entry.summary.contains("\n"))
        }
    }

    @Test("examples from behaviors.md are present")
    func specExamplesPresent() throws {
        let catalog = try analyzer.catalog
        let required: [(Behavior, String)] = [
            (.empathize, "I'd be furious too."), (.apologize, "We're sorry."), (.own, "That's on us."),
            (.choice, "I can send someone tonight or first thing tomorrow — which suits you?"),
            (.commit, "Someone will be in touch within 24 hours."), (.nonApology, "Sorry, but that's our policy."),
            (.dismiss, "I'm not going to apologize for that."), (.vaguePromise, "We'll look into it."),
        ]
        for (behavior, text) in required {
            #expect(catalog.entry(behavior).examples.contains { $0.text == text && $0.triggers }, "\(behavior.id): \(text)")
        }
    }
}
