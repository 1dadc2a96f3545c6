import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// A reply of the trainers' own files whose reading a retraining changed.
public struct ReadingChange: Sendable, Equatable {
    /// Where the reply is written: an example of behaviors.yaml or a scenario test's reply.
    public var position: SourcePosition
    /// The reply.
    public var text: String
    /// The behaviours the new model reads and the old one did not.
    public var gained: [Behavior]
    /// The behaviours the old model read and the new one does not.
    public var lost: [Behavior]
    /// For an example: whether the new model reads it as it says (nil for a scenario reply).
    public var exampleHolds: Bool?
}

/// One reply the trainers wrote, and what a reading of it must get right.
public struct TrainerReply: Sendable {
    /// Where it is written.
    public var position: SourcePosition
    /// The reply.
    public var text: String
    /// For an example of behaviors.yaml, its behaviour and whether it must show it; nil for a
    /// scenario test's reply, whose every behaviour may steer the call.
    public var example: (behavior: Behavior, triggers: Bool)?
}

/// What a retraining moved beyond the reply it was meant to fix. The model is learned as a
/// whole, so adding one example can tip a borderline reading elsewhere ("No, that's
/// everything. She'll be there at 10." read `dismiss` after three unrelated examples were
/// added); `recovery train` lists the examples and scenario-test replies that now read
/// differently, so the trainer sees it before the tests fail on it.
public enum ReadingChanges {
    /// Every example of behaviors.yaml, then every reply of every scenario test under `data`
    /// (scenarios that do not load are left to `recovery validate`).
    public static func trainerReplies(_ data: DataLocation, catalog: BehaviorCatalog) -> [TrainerReply] {
        var replies: [TrainerReply] = []
        for entry in catalog.entries {
            for example in entry.examples {
                replies.append(TrainerReply(position: example.position, text: example.text, example: (entry.behavior, example.triggers)))
            }
        }
        var seen: Set<String> = []
        for file in ScenarioTestSuite.scenarioFiles([], data: data).files {
            guard let scenario = try? ScenarioLoader.load(path: file) else { continue }
            for test in scenario.tests {
                for reply in test.replies where seen.insert(reply.text).inserted {
                    replies.append(TrainerReply(position: reply.position, text: reply.text, example: nil))
                }
            }
        }
        return replies
    }

    /// The replies `before` and `after` read differently (an example: only in its own behaviour).
    public static func compare(_ replies: [TrainerReply], before: Analyzer, after: Analyzer) -> [ReadingChange] {
        replies.compactMap { reply in
            var old = Set(before.analyze(reply.text).behaviors), new = Set(after.analyze(reply.text).behaviors)
            if let example = reply.example {
                old = old.intersection([example.behavior])
                new = new.intersection([example.behavior])
            }
            guard old != new else { return nil }
            let holds = reply.example.map { new.contains($0.behavior) == $0.triggers }
            return ReadingChange(position: reply.position, text: reply.text, gained: Behavior.allCases.filter { new.contains($0) && !old.contains($0) },
                                 lost: Behavior.allCases.filter { old.contains($0) && !new.contains($0) }, exampleHolds: holds)
        }
    }

    /// The changes as `recovery train` prints them, in three groups (examples now misread, which
    /// the tests will fail on; examples now read as they say; scenario-test replies read
    /// differently), each with up to `limit` replies: place, what was gained and lost, the words.
    public static func lines(_ changes: [ReadingChange], of total: Int, limit: Int = 10) -> [String] {
        guard !changes.isEmpty else { return ["readings of the \(total) examples and scenario-test replies: none changed"] }
        var lines = ["readings changed for \(changes.count) of the \(total) examples and scenario-test replies:"]
        let groups: [(String, [ReadingChange])] = [
            ("examples now misread (fix with another example, or the corpus)", changes.filter { $0.exampleHolds == false }),
            ("examples now read as they say", changes.filter { $0.exampleHolds == true }),
            ("scenario-test replies read differently (run `recovery test`)", changes.filter { $0.exampleHolds == nil }),
        ]
        for (title, group) in groups where !group.isEmpty {
            lines.append("  \(title): \(group.count)")
            for change in group.prefix(limit) {
                let place = "\(change.position.file.split(separator: "/").last.map(String.init) ?? change.position.file):\(change.position.line)"
                let moved = change.gained.map { "+\($0.id)" } + change.lost.map { "-\($0.id)" }
                lines.append("    \(place): \(moved.joined(separator: " ")) “\(change.text)”")
            }
            if group.count > limit { lines.append("    … and \(group.count - limit) more") }
        }
        return lines
    }
}
