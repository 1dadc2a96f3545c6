import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

/// The repository's data folder and the shipped files, loaded once for all tests.
enum TestData {
    static let location = DataLocation(root: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path)

    static let analyzer: Analyzer = {
        do { return try Analyzer.load(path: location.behaviorsFile) } catch { fatalError("\(error)") }
    }()

    static let rubric: Rubric = {
        do { return try RubricLoader.load(path: location.rubricsDirectory + "/recovery.yaml") } catch { fatalError("\(error)") }
    }()

    static var scenarioIDs: [String] { ScenarioLoader.list(in: location.scenariosDirectory) }

    static func scenario(_ id: String) throws -> Scenario {
        try ScenarioLoader.load(path: location.scenariosDirectory + "/\(id).yaml")
    }

    static func setup(_ scenario: Scenario, seed: UInt64 = 3) -> CallSetup {
        CallSetup(scenario: scenario, analyzer: analyzer, rubric: rubric, seed: seed, trainee: "tester")
    }

    /// A small scenario written for the tests, independent of the shipped ones.
    static let miniScenario: Scenario = {
        let text = """
            id: mini
            title: Mini
            briefing: A customer whose parcel is late.
            customer: { name: Dana, mood: 6 }
            start: opening
            turn_limit: { turns: 4, goto: timeout }
            rules:
              - when: dismiss
                mood: +3
                say: "Don't tell me to calm down."
              - when: mood >= 10
                after: true
                goto: gone
            nodes:
              opening:
                lines: ["My parcel is three days late."]
                branches:
                  - when: apologize
                    mood: -2
                    goto: fix
                  - otherwise:
                    goto: opening
              fix:
                lines: ["Fine. What are you going to do?"]
                branches:
                  - when: resolve or commit
                    goto: done
                  - otherwise:
                    goto: fix
              done:
                ending: recovered
                lines: ["Thank you."]
              gone:
                ending: lost
                lines: ["Forget it."]
              timeout:
                ending: retained
                lines: ["I have to go."]
            """
        do { return try ScenarioLoader.load(file: YAMLFile(path: "mini.yaml", text: text)) } catch { fatalError("\(error)") }
    }()
}
