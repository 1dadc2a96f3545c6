import Foundation
import RecoveryCore
import Yams

/// Reads rubric files, reporting every problem with its position.
public enum RubricLoader {
    /// Codes of the diagnostics a rubric file can get (beyond the YAML ones of `CoreDiagnostic`);
    /// their templates are in `ScoringDiagnostic`.
    public enum Code {
        public static let unknownBehavior = ScoringDiagnostic.unknownBehavior.code
        public static let unknownCheck = ScoringDiagnostic.unknownCheck.code
        public static let outOfRange = CoreDiagnostic.outOfRange.code
        public static let duplicateStep = ScoringDiagnostic.duplicateStep.code
        public static let tierBelowPass = ScoringDiagnostic.tierBelowPass.code
    }

    /// Loads the rubric at `path`.
    public static func load(path: String) throws(DiagnosticError) -> Rubric {
        try load(file: YAMLFile.read(path: path))
    }

    /// `ID` -> `<directory>/ID.yaml`; an existing path is used as is.
    public static func resolve(_ idOrPath: String, in directory: String) -> String? {
        DataDirectory.resolve(idOrPath, in: directory)
    }

    /// Ids of the rubrics in `directory`, sorted.
    public static func list(in directory: String) -> [String] { DataDirectory.ids(in: directory) }

    /// Loads a rubric from an already-read file.
    public static func load(file: YAMLFile) throws(DiagnosticError) -> Rubric {
        let root = try file.compose()
        var reader = YAMLReader(file: file)
        let top = reader.pairs(root, what: "the rubric", allowedKeys: ["id", "title", "source", "pass_mark", "tiers", "hint_cost", "steps", "penalties"])
        var rubric = Rubric(
            id: URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent,
            title: "", source: "", passMark: 60, tiers: [], hintCost: 0, steps: [], penalties: [],
            contentHash: SHA256.hex(file.text), path: file.path)
        for (key, _, value) in top {
            switch key {
            case "id": rubric.id = reader.string(value, what: "id") ?? rubric.id
            case "title": rubric.title = reader.string(value, what: "title") ?? ""
            case "source": rubric.source = reader.string(value, what: "source") ?? ""
            case "pass_mark": rubric.passMark = score(&reader, value, what: "pass_mark") ?? 60
            case "hint_cost": rubric.hintCost = score(&reader, value, what: "hint_cost") ?? 0
            case "tiers":
                rubric.tiers = reader.pairs(value, what: "tiers").compactMap { name, _, minimum in
                    score(&reader, minimum, what: "tier '\(name)'").map { RubricTier(name: name, minimum: $0) }
                }
            case "steps":
                var seen: [String: Int] = [:]
                for item in reader.list(value, what: "steps") {
                    guard let step = self.step(item, &reader) else { continue }
                    if let first = seen[step.id] {
                        reader.report(ScoringDiagnostic.duplicateStep, step.id, "\(first)", at: item)
                    } else {
                        seen[step.id] = item.mark?.line ?? 0
                    }
                    rubric.steps.append(step)
                }
            case "penalties":
                rubric.penalties = reader.list(value, what: "penalties").compactMap { penalty($0, &reader) }
            default: break
            }
        }
        if let tiers = root.mapping?["tiers"]?.mapping {
            for (name, minimum) in tiers {
                guard let value = minimum.int, value < rubric.passMark else { continue }
                reader.report(ScoringDiagnostic.tierBelowPass, name.string ?? "", "\(value)", "\(rubric.passMark)", at: minimum)
            }
        }
        if root.mapping?["steps"] == nil {
            reader.error(CoreDiagnostic.missingKey, "the rubric needs 'steps'", at: root, hint: "add a `steps:` list")
        }
        if !reader.diagnostics.isEmpty { throw DiagnosticError(reader.diagnostics) }
        return rubric
    }

    private static func score(_ reader: inout YAMLReader, _ node: Node, what: String) -> Int? {
        guard let value = reader.int(node, what: what) else { return nil }
        guard (0...100).contains(value) else {
            reader.report(CoreDiagnostic.outOfRange, what, "\(value)", "from 0 to 100", at: node)
            return nil
        }
        return value
    }

    private static func step(_ node: Node, _ reader: inout YAMLReader) -> RubricStep? {
        let pairs = reader.pairs(node, what: "a step", allowedKeys: ["id", "title", "weight", "checks", "advice", "example"])
        var step = RubricStep(id: "", title: "", weight: 1, checks: [], advice: "", example: "")
        for (key, _, value) in pairs {
            switch key {
            case "id": step.id = reader.string(value, what: "id") ?? ""
            case "title": step.title = reader.string(value, what: "title") ?? ""
            case "weight":
                step.weight = reader.double(value, what: "weight") ?? 1
                if step.weight <= 0 { reader.report(CoreDiagnostic.outOfRange, "weight", "\(step.weight)", "above 0", at: value) }
            case "checks": step.checks = reader.list(value, what: "checks").compactMap { check($0, &reader) }
            case "advice": step.advice = reader.string(value, what: "advice") ?? ""
            case "example": step.example = reader.string(value, what: "example") ?? ""
            default: break
            }
        }
        for required in ["id", "title", "checks", "advice"] where node.mapping?[required] == nil {
            _ = reader.value(required, in: node, what: "a step", required: true)
        }
        return step.id.isEmpty ? nil : step
    }

    static func behaviors(_ node: Node, _ reader: inout YAMLReader) -> [Behavior] {
        reader.names(node, what: "behaviours").compactMap { item in
            reader.string(item, what: "a behaviour id").flatMap { behavior($0, at: item, &reader) }
        }
    }

    static func behavior(_ id: String, at node: Node, _ reader: inout YAMLReader) -> Behavior? {
        if let behavior = Behavior(id: id) { return behavior }
        let suggestion = Spelling.closest(to: id, in: Behavior.allIDs)
        reader.report(ScoringDiagnostic.unknownBehavior, id,
                      suggestion.map { "did you mean '\($0)'?" } ?? "behaviour ids: \(Behavior.allIDs.joined(separator: ", "))", at: node)
        return nil
    }

    private static func penalty(_ node: Node, _ reader: inout YAMLReader) -> RubricPenalty? {
        let pairs = reader.pairs(node, what: "a penalty", allowedKeys: ["behavior", "points", "max", "advice"])
        var result = RubricPenalty(behavior: .blame, points: 0, maximum: 100, advice: "")
        var found = false
        for (key, _, value) in pairs {
            switch key {
            case "behavior":
                if let id = reader.string(value, what: "behavior"), let behavior = behavior(id, at: value, &reader) {
                    result.behavior = behavior
                    found = true
                }
            case "points": result.points = score(&reader, value, what: "points") ?? 0
            case "max": result.maximum = score(&reader, value, what: "max") ?? 100
            case "advice": result.advice = reader.string(value, what: "advice") ?? ""
            default: break
            }
        }
        if node.mapping?["behavior"] == nil { _ = reader.value("behavior", in: node, what: "a penalty", required: true) }
        return found ? result : nil
    }
}
