import Testing
import RecoveryCore
@testable import RecoveryScoring

/// Every step's example phrasing (shown by `/hint` and in debriefs) is run through the analyzer,
/// as SwiftLint runs a rule's examples: an example must show what its step asks for.
@Suite struct RubricExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rubric: String
        let step: String
        let example: String
        let wanted: [Behavior]
        var testDescription: String { "\(rubric).\(step): \(example)" }
    }

    static let cases: [Case] = RubricTests.ids.flatMap { id -> [Case] in
        guard let rubric = try? RubricTests.rubric(id) else { return [] }
        return rubric.steps.compactMap { step in
            let wanted = step.checks.flatMap { check -> [Behavior] in
                if case let .shows(behaviors, _) = check { return behaviors }
                return []
            }
            return wanted.isEmpty ? nil : Case(rubric: id, step: step.id, example: step.example, wanted: wanted)
        }
    }

    @Test(arguments: cases)
    func exampleShowsWhatItsStepAsksFor(_ testCase: Case) throws {
        let analysis = try analyzer.analyze(testCase.example)
        #expect(testCase.wanted.contains { analysis.shows($0) },
                "reads as \(analysis.behaviors.map(\.id)); the step wants one of \(testCase.wanted.map(\.id))")
        #expect(!analysis.behaviors.contains { $0.isNegative }, "an example must not show a failure: \(analysis.behaviors.map(\.id))")
    }
}
