/// What the first screen of a call shows of a scenario (its title and briefing) and what it
/// needs to show the rest (the rubric it names). `ScenarioCheckRecord` keeps it with the hash of
/// a file checked clean, so that `play` can print the briefing while the file is decoded.
public struct ScenarioBriefing: Codable, Sendable, Equatable {
    /// The scenario's title.
    public var title: String
    /// The briefing text.
    public var briefing: String
    /// The rubric id the scenario names, if any.
    public var rubric: String?

    /// The briefing of `scenario`.
    public init(_ scenario: Scenario) {
        self.init(title: scenario.title, briefing: scenario.briefing, rubric: scenario.rubric)
    }

    /// A briefing of these parts.
    public init(title: String, briefing: String, rubric: String?) {
        self.title = title
        self.briefing = briefing
        self.rubric = rubric
    }
}
