import RecoveryCore

/// The registry entries of the scoring data files (beyond the shared YAML ones of
/// `CoreDiagnostic.kinds`): rubrics, `behaviors.yaml` and `model.bin`. Each code, its message
/// template and its fix hint are kept in this one place; `DiagnosticRegistry` lists them with
/// the scenario ones for `recovery validate --list-codes`.
public enum ScoringDiagnostic {
    /// A behaviour id that docs/labelling.md does not define.
    public static let unknownBehavior = DiagnosticKind(
        "unknown-behavior", "unknown behaviour '{1}'",
        hint: "{2}", files: [.rubric, .behaviors])
    /// A rubric check that cannot be read: an unknown kind, a modifier without `shows`, two
    /// modifiers, or an unknown outcome.
    public static let unknownCheck = DiagnosticKind(
        "unknown-check", "this check cannot be read: {1}",
        hint: "{2}", files: [.rubric])
    /// Two steps of a rubric with the same id.
    public static let duplicateStep = DiagnosticKind(
        "duplicate-step", "step id '{1}' is used twice (first on line {2})",
        hint: "give every step its own id", files: [.rubric])
    /// A tier whose minimum is below the pass mark: a failed call could reach it.
    public static let tierBelowPass = DiagnosticKind(
        "tier-below-pass", "tier '{1}' starts at {2}, below the pass mark {3}",
        hint: "a tier is only given to a call that passed: start it at {3} or above, or lower pass_mark", files: [.rubric])
    /// A behaviour of docs/labelling.md with no entry in behaviors.yaml.
    public static let missingBehavior = DiagnosticKind(
        "missing-behavior", "behaviors has no entry for {1}",
        hint: "every behaviour id of docs/labelling.md needs patterns and examples", files: [.behaviors])
    /// A pattern the pattern language cannot read.
    public static let badPattern = DiagnosticKind(
        "bad-pattern", "bad pattern in {1}: {2}",
        hint: "{3}", files: [.behaviors])
    /// A class name that is not a plain lowercase word.
    public static let badClassName = DiagnosticKind(
        "bad-class-name", "'{1}' cannot name a class",
        hint: "use lowercase letters and '_', and not time, number, day or any", files: [.behaviors])
    /// A model file this program cannot read.
    public static let badModel = DiagnosticKind(
        "bad-model", "{1}",
        hint: "run `recovery train` to build Scoring/model.bin again from the corpus", files: [.model])

    /// Every entry, in the order the trainer guide lists them.
    public static let all: [DiagnosticKind] = [
        unknownBehavior, unknownCheck, duplicateStep, tierBelowPass, missingBehavior, badPattern, badClassName, badModel,
    ]
}
