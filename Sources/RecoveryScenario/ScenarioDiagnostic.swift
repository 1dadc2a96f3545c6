import Foundation
import RecoveryCore

/// The registry entries of scenario and scenario-test files (beyond the shared YAML ones of
/// `CoreDiagnostic.kinds`): each code, its message template and its fix hint, kept in this one
/// place. Rubric and behaviours files have theirs in `ScoringDiagnostic`; `DiagnosticRegistry`
/// lists them all.
public typealias ScenarioDiagnostic = DiagnosticKind

extension DiagnosticKind {
    /// A `goto`, `start`, `turn_limit.goto` or test expectation names a node that does not exist.
    public static let unknownNode = ScenarioDiagnostic(
        "unknown-node", "no node named '{1}' (in {2})",
        hint: "add a node '{1}' under `nodes:`, or use one of: {3}")
    /// A node that must be an ending (turn_limit.goto, a test's `ending`) has branches instead.
    public static let notAnEnding = ScenarioDiagnostic(
        "not-an-ending", "'{1}' is not an ending node (in {2})",
        hint: "name a node with `ending: <outcome>`, such as: {3}")
    /// A condition uses a name that is no behaviour, intent or flag.
    public static let unknownName = ScenarioDiagnostic(
        "unknown-name", "unknown name '{1}' in condition",
        hint: "use a behaviour id, an intent under `intents:`, or a flag some `set:` sets")
    /// A condition is not well formed; the column points inside the condition.
    public static let malformedCondition = ScenarioDiagnostic(
        "malformed-condition", "malformed condition: {1}",
        hint: "{1}")
    /// An intent is named like a behaviour id, so conditions could not tell them apart.
    public static let intentIsBehavior = ScenarioDiagnostic(
        "intent-is-behavior", "intent '{1}' has the name of a behaviour",
        hint: "rename the intent (for example '{1}_phrase'); behaviours are detected already")
    /// An intent or flag name that conditions cannot use.
    public static let badName = ScenarioDiagnostic(
        "bad-name", "'{1}' cannot be used as {2} name: {3}",
        hint: "use letters, digits, '_' or '-', starting with a letter, and no word of the condition language")
    /// An ending whose outcome is not one of the four.
    public static let badOutcome = ScenarioDiagnostic(
        "bad-outcome", "unknown outcome '{1}'",
        hint: "write one of: recovered, retained, lost, escalated")
    /// A line's mood band is not `LOW-HIGH` (or one number) within 0..10.
    public static let badMoodBand = ScenarioDiagnostic(
        "bad-mood-band", "mood band '{1}' is not LOW-HIGH within 0..10",
        hint: "write a band such as 8-10, or a single mood such as 5")
    /// A node with branches has no `otherwise:` entry.
    public static let missingOtherwise = ScenarioDiagnostic(
        "missing-otherwise", "node '{1}' has no `otherwise:` branch",
        hint: "end the branches with `- otherwise:` and a `goto:` for replies no other branch matches")
    /// An `otherwise:` entry is followed by more branches, which could never be taken.
    public static let otherwiseNotLast = ScenarioDiagnostic(
        "otherwise-not-last", "`otherwise:` is not the last branch of node '{1}'",
        hint: "move `otherwise:` to the end; branches after it can never be taken")
    /// The scenario id differs from the file name.
    public static let idMismatch = ScenarioDiagnostic(
        "id-mismatch", "id '{1}' does not match the file name '{2}'",
        hint: "write `id: {2}`, or rename the file to {1}.yaml")
    /// A number outside its allowed range.
    public static let outOfRange = CoreDiagnostic.outOfRange
    /// Keys that cannot be used together in one mapping.
    public static let conflictingKeys = ScenarioDiagnostic(
        "conflicting-keys", "{1}",
        hint: "{2}")
    /// A line, phrase or text that is empty.
    public static let emptyText = ScenarioDiagnostic(
        "empty-text", "{1} is empty",
        hint: "write the words, or remove the entry")
    /// A `clear:` names a flag nothing sets.
    public static let unknownFlag = ScenarioDiagnostic(
        "unknown-flag", "no `set:` sets the flag '{1}'",
        hint: "set the flag somewhere, or correct its name")
    /// A node no branch, rule or turn limit leads to (a warning).
    public static let unreachableNode = ScenarioDiagnostic(
        "unreachable-node", "node '{1}' can never be reached from '{2}'",
        hint: "add a `goto: {1}` somewhere, or remove the node", severity: .warning)
    /// A node from which no ending can be reached (a warning): the call could only time out.
    public static let noWayOut = ScenarioDiagnostic(
        "no-way-out", "no ending can be reached from node '{1}'",
        hint: "give one of its branches a path to an ending node, or add a `turn_limit`", severity: .warning)

    /// A branch whose condition can never hold, or whose replies are all taken by branches above it (a warning).
    public static let branchNeverFires = ScenarioDiagnostic(
        "branch-never-fires", "this branch of node '{1}' can never be taken: {2}",
        hint: "{3}", severity: .warning)
    /// A branch that takes every reply the branches above it leave, so the branches below it never fire (a warning).
    public static let alwaysTrueBranch = ScenarioDiagnostic(
        "always-true-branch", "condition '{1}' always holds here, so {2} below it can never be taken",
        hint: "make this branch `- otherwise:` and remove the branches below it, or narrow its condition",
        severity: .warning)
    /// A rule whose condition can never hold (a warning).
    public static let ruleNeverFires = ScenarioDiagnostic(
        "rule-never-fires", "this rule can never fire: its condition '{1}' never holds",
        hint: "{2}", severity: .warning)
    /// An intent no condition names (a warning): its phrases are looked for but change nothing.
    public static let unusedIntent = ScenarioDiagnostic(
        "unused-intent", "intent '{1}' is never used in a condition",
        hint: "use it in a `when:` (such as `when: {1}` or `count({1}) >= 2`), or remove it", severity: .warning)
    /// A flag that is set but that no condition reads (a warning).
    public static let unusedFlag = ScenarioDiagnostic(
        "unused-flag", "flag '{1}' is set but no condition reads it",
        hint: "test it in a `when:` (such as `when: not {1}`), or remove the `set:`", severity: .warning)
    /// A condition reads a flag that is only set where the call can never get.
    public static let flagNeverSet = ScenarioDiagnostic(
        "flag-never-set", "flag '{1}' is read here, but nothing the call can reach sets it (its `set:` on {2} can never run)",
        hint: "set '{1}' on a branch or rule the call can reach, or take it out of this condition")
    /// The turn limit ends every call before any ending can be reached.
    public static let turnLimitTooLow = ScenarioDiagnostic(
        "turn-limit-too-low", "the turn limit ends every call after {1} replies, but the nearest ending, '{2}', needs {3}",
        hint: "raise `turns` to at least {3} (a few more gives the trainee room to recover); every call would otherwise end at '{4}'")
    /// An ending the turn limit always cuts off (a warning): every path to it is longer than the limit.
    public static let endingBeyondTurnLimit = ScenarioDiagnostic(
        "ending-beyond-turn-limit", "ending '{1}' needs at least {2} replies, but the turn limit ends the call after {3}",
        hint: "raise `turn_limit.turns` to at least {2}, or give '{1}' a shorter path", severity: .warning)

    /// Two objectives share an id.
    public static let duplicateObjective = ScenarioDiagnostic(
        "duplicate-objective", "objective id '{1}' is used twice (first on line {2})",
        hint: "give every objective its own id; debriefs, tests and reviews tell objectives apart by id")
    /// More than one objective is marked `main: true`.
    public static let twoMainObjectives = ScenarioDiagnostic(
        "two-main-objectives", "objective '{1}' is marked main, but '{2}' already is",
        hint: "mark only the objective the call turns on as `main: true`")

    /// An objective's `asked:` words are not in any line the customer can say (a warning): the
    /// debrief would quote an ask the customer never made.
    public static let askNeverSaid = ScenarioDiagnostic(
        "ask-never-said", "objective '{1}' quotes the customer asking \"{2}\", but no line of the scenario says that",
        hint: "copy the words from the customer line that asks for it (a node's `lines` or a `say:`)", severity: .warning)

    /// Unquoted text followed by ` #` on its line: YAML reads the rest as a comment, so the text
    /// is cut short (a warning, since a trainer may mean the comment).
    public static let textCutByComment = ScenarioDiagnostic(
        "text-cut-by-comment", "YAML reads \"{1}\" as a comment, so this text ends at \"{2}\"",
        hint: "if the words after # are part of the text, quote the whole text: {3}", severity: .warning)
    /// A customer line with `: ` in unquoted text, which YAML read as a one-key mapping.
    public static let colonInLine = ScenarioDiagnostic(
        "colon-in-line", "YAML reads this line as a key and a value, because of the colon and space in it",
        hint: "quote the whole line: {1}")
    /// A phrase list written as one string with commas: it is one phrase, commas and all.
    public static let phrasesInOneString = ScenarioDiagnostic(
        "phrases-in-one-string", "intent '{1}' has one phrase, \"{2}\", commas and all; it matches only that exact wording",
        hint: "for several phrases write a list: {3}")

    /// An ending no test conversation reaches (a warning from `validate` and `test --coverage`).
    public static let untestedEnding = ScenarioDiagnostic(
        "untested-ending", "no test conversation reaches ending '{1}' ({2})",
        hint: "add a test whose replies end the call here, with `expect: {ending: {1}}`", severity: .warning)
    /// An objective no test conversation meets.
    public static let untestedObjective = ScenarioDiagnostic(
        "untested-objective", "no test conversation meets objective '{1}'",
        hint: "add a test whose replies meet it, with `expect: {objectives_met: [{1}]}`", severity: .warning)
    /// A node no test conversation enters.
    public static let untestedNode = ScenarioDiagnostic(
        "untested-node", "no test conversation reaches node '{1}'",
        hint: "add a test whose replies lead here, with `expect: {reaches: [{1}]}`", severity: .warning)

    /// What the test conversations leave out: given by `validate` and `test --coverage`, which
    /// play the tests with the analyzer (the loader alone cannot).
    public static let coverageChecks: [ScenarioDiagnostic] = [untestedEnding, untestedObjective, untestedNode]

    /// The checks of the scenario format itself, in the order the trainer guide lists them.
    public static let scenarioChecks: [ScenarioDiagnostic] = [
        unknownNode, notAnEnding, unknownName, malformedCondition, intentIsBehavior, badName,
        badOutcome, badMoodBand, missingOtherwise, otherwiseNotLast, idMismatch, outOfRange,
        conflictingKeys, emptyText, unknownFlag, flagNeverSet, turnLimitTooLow,
        unreachableNode, noWayOut, branchNeverFires, alwaysTrueBranch, ruleNeverFires,
        unusedIntent, unusedFlag, endingBeyondTurnLimit, duplicateObjective, twoMainObjectives, askNeverSaid, textCutByComment, phrasesInOneString, colonInLine,
    ]

    /// Every diagnostic a scenario file can get: the shared YAML ones, the format's checks, and
    /// the checks of test conversations.
    public static let all: [ScenarioDiagnostic] = CoreDiagnostic.kinds + scenarioChecks + testConversationDiagnostics + coverageChecks

    /// This diagnostic at `line`:`column` of `file`, its templates filled with `values`;
    /// `hint` replaces the hint template's text when given.
    func diagnostic(in file: YAMLFile, line: Int, column: Int, _ values: [String], hint: String? = nil) -> Diagnostic {
        diagnostic(at: SourcePosition(file: file.path, line: line, column: column), sourceLine: file.line(line), values, hint: hint)
    }
}
