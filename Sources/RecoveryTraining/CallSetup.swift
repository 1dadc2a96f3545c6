import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// Everything a call is a pure function of, besides the trainee's replies.
public struct CallSetup: Sendable {
    /// What the first screen shows of the scenario: there before the scenario is decoded.
    public let briefing: ScenarioBriefing
    /// The scenario and its compiled intents: decoded on its own thread when its briefing was
    /// known beforehand (`CallPreparation`), waited for when first read.
    public let scenarioLoading: Loading<LoadedScenario>
    /// The scenario played (waits for the loading thread; check `scenarioFailure` first).
    public var scenario: Scenario { scenarioLoading.value.scenario }
    /// Why the scenario could not be decoded, if it could not (waits for the loading thread).
    public var scenarioFailure: DiagnosticError? { scenarioLoading.failure }
    /// Reads the replies: loaded on its own thread, waited for when first read.
    public let loading: AnalyzerLoading
    /// Reads the replies (waits for the loading thread; check `analyzerFailure` first).
    public var analyzer: Analyzer { loading.value }
    /// Why the analyzer could not load, if it could not (waits for the loading thread).
    public var analyzerFailure: DiagnosticError? { loading.failure }
    /// The rubric graded against.
    public let rubric: Rubric
    /// The scenario's intents, compiled for the analyzer (waits for the scenario).
    public var intents: PhraseSet { scenarioLoading.value.intents }
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
        self.init(briefing: ScenarioBriefing(scenario), scenario: Loading(ready: LoadedScenario(scenario)), loading: loading,
                  rubric: rubric, seed: seed, trainee: trainee)
    }

    /// A setup whose scenario (shown by `briefing` meanwhile) and analyzer may both still be loading.
    public init(briefing: ScenarioBriefing, scenario: Loading<LoadedScenario>, loading: AnalyzerLoading, rubric: Rubric,
                seed: UInt64, trainee: String) {
        self.briefing = briefing
        self.scenarioLoading = scenario
        self.loading = loading
        self.rubric = rubric
        self.seed = seed
        self.trainee = trainee
    }

    /// The grader for the rubric.
    public var grader: Grader { Grader(rubric: rubric) }

    /// A transcript for a call that opened with `opening` at `date`.
    func newTranscript(opening: Step, at date: Date) -> Transcript {
        let scenario = self.scenario
        return Transcript(
            scenario: ScenarioRecord(id: scenario.id, title: scenario.title, customer: scenario.customer.name, hash: scenario.contentHash),
            rubric: RubricRecord(id: rubric.id, title: rubric.title, hash: rubric.contentHash),
            seed: seed, trainee: trainee, startedAt: date, opening: opening, turns: [], hints: [])
    }
}
