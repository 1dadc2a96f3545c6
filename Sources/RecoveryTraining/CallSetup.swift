import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Everything a call is a pure function of, besides the trainee's replies.
public struct CallSetup: Sendable {
    /// The scenario played.
    public let scenario: Scenario
    /// Reads the replies.
    public let analyzer: Analyzer
    /// The rubric graded against.
    public let rubric: Rubric
    /// The scenario's intents, compiled for the analyzer.
    public let intents: PhraseSet
    /// Seed of the customer's line choices.
    public let seed: UInt64
    /// Who practises.
    public let trainee: String

    /// A setup; the scenario's intents are compiled once here.
    public init(scenario: Scenario, analyzer: Analyzer, rubric: Rubric, seed: UInt64, trainee: String) {
        self.scenario = scenario
        self.analyzer = analyzer
        self.rubric = rubric
        self.intents = PhraseSet(scenario.intents)
        self.seed = seed
        self.trainee = trainee
    }

    /// The grader for the rubric.
    public var grader: Grader { Grader(rubric: rubric) }

    /// A transcript for a call that opened with `opening` at `date`.
    func newTranscript(opening: Step, at date: Date) -> Transcript {
        Transcript(
            scenario: ScenarioRecord(id: scenario.id, title: scenario.title, customer: scenario.customer.name, hash: scenario.contentHash),
            rubric: RubricRecord(id: rubric.id, title: rubric.title, hash: rubric.contentHash),
            seed: seed, trainee: trainee, startedAt: date, opening: opening, turns: [], hints: [])
    }
}
