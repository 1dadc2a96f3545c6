import RecoveryCore

extension ScenarioDiagnostic {
    /// A test's `detects:` or `not_detects:` names neither a behaviour nor an intent of the scenario.
    public static let unknownBehavior = ScenarioDiagnostic(
        "unknown-behavior", "no behaviour or intent named '{1}' (in {2})",
        hint: "use a behaviour id ({3}) or an intent under `intents:`", files: [.scenario, .tests])
    /// Two tests of one scenario (with its sibling test file) share a name.
    public static let duplicateTest = ScenarioDiagnostic(
        "duplicate-test", "a test named '{1}' already exists (line {2} of {3})",
        hint: "give each test its own name; reports and --filter tell tests apart by name", files: [.scenario, .tests])
    /// A test that checks nothing, so it could never fail.
    public static let nothingExpected = ScenarioDiagnostic(
        "nothing-expected", "test '{1}' checks nothing",
        hint: "add `outcome:`, `ending:`, `reaches:`, `never_reaches:` or mood bounds under `expect:`, or `detects:` on a reply", files: [.scenario, .tests])

    /// A reply's `customer_says:` or `customer_never_says:` words are in no line the customer
    /// can say, so the first check could never pass and the second never fail.
    public static let unknownLine = ScenarioDiagnostic(
        "unknown-line", "no line of the customer says “{1}” (in {2})",
        hint: "copy the words from a line under `lines:` or a `say:` of the scenario (case does not matter)", files: [.scenario, .tests])

    /// The diagnostics of test conversations, for documentation and tests.
    public static let testConversationDiagnostics: [ScenarioDiagnostic] = [unknownBehavior, duplicateTest, nothingExpected, unknownLine]
}
