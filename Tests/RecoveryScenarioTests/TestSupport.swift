import RecoveryCore
import Testing

@testable import RecoveryScenario

/// A reply showing `behaviors` and mentioning `intents`.
func reply(_ behaviors: Behavior..., intents: [String] = []) -> ReplyAnalysis {
    ReplyAnalysis(text: "reply", behaviors: behaviors, intents: intents)
}

/// The scenario in `yaml`, loaded as if from `path`; fails the test with the diagnostics otherwise.
func scenario(_ yaml: String, path: String = "inline.yaml", sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
    do {
        return try ScenarioLoader.load(file: YAMLFile(path: path, text: yaml))
    } catch {
        Issue.record("scenario did not load:\n\(error.description)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The diagnostics loading `yaml` produces (empty if it loads).
func diagnostics(_ yaml: String, path: String = "inline.yaml") -> [Diagnostic] {
    do {
        _ = try ScenarioLoader.load(file: YAMLFile(path: path, text: yaml))
        return []
    } catch {
        return error.diagnostics
    }
}

/// The opening of a scenario with customer, start and a given body of nodes.
func minimal(mood: Int = 5, extra: String = "", nodes: String) -> String {
    """
    id: inline
    title: Inline
    briefing: A test.
    customer:
      name: Sam
      mood: \(mood)
    start: opening
    \(extra)
    nodes:
    \(nodes)
    """
}
