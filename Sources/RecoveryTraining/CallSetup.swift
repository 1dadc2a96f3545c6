import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Everything a call is a pure function of, besides the trainee's replies.
public struct CallSetup: Sendable {
    /// The scenario played.
    public let scenario: Scenario
    /// Reads the replies: loaded on its own thread, waited for when first read.
    public let loading: AnalyzerLoading
    /// Reads the replies (waits for the loading thread; check `analyzerFailure` first).
    public var analyzer: Analyzer {
        switch loading.result {
        case .success(let analyzer): return analyzer
        case .failure(let error): preconditionFailure("the analyzer failed to load: \(error)")
        }
    }
    /// Why the analyzer could not load, if it could not (waits for the loading thread).
    public var analyzerFailure: DiagnosticError? {
        if case .failure(let error) = loading.result { return error }
        return nil
    }
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
        self.init(scenario: scenario, loading: AnalyzerLoading(ready: analyzer), rubric: rubric, seed: seed, trainee: trainee)
    }

    /// A setup whose analyzer is still loading.
    public init(scenario: Scenario, loading: AnalyzerLoading, rubric: Rubric, seed: UInt64, trainee: String) {
        self.scenario = scenario
        self.loading = loading
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
