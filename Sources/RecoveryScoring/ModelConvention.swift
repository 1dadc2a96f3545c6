import RecoveryCore

/// A reading convention that needs the model's reading as well as the rules'
/// (docs/labelling.md). Every one is a row of `table`: `Analyzer.analyze` applies them,
/// `analyze --why` says which applied.
///
/// When the model reads `readBy` where no rule found it, the rules' hits of `affected` that the
/// convention `clears` no longer count: the first hit it does not clear stands instead, or, with
/// none, `affected` is refused (the model may not add it back). Where `readBy` is read at all
/// and the convention has a `barredReason`, the model may not add `affected` on its own either.
/// A convention may only bar (no `clearing`): then the rules' hits always stand.
struct ModelConvention: Sendable {
    /// Which rule hits a convention clears, and what `--why` says of one it cleared.
    struct Clearing: Sendable {
        let test: @Sendable (Hit, Reading) -> Bool
        let reason: String
    }

    /// The behaviour whose reading brings the convention into force.
    let readBy: Behavior
    /// The behaviour the convention clears.
    let affected: Behavior
    /// The rule hits of `affected` cleared once the model reads `readBy`; nil when none is.
    let clearing: Clearing?
    /// Why the model may not add `affected` where `readBy` is read, as `--why` says it; nil
    /// when it may.
    let barredReason: String?

    /// Rule 15: keeping responsibility makes a named cause a fact, unless the words point at
    /// the customer. The labels show `own` and `blame` together on 9 of 3,119 `own` replies.
    static let ownershipMakesACauseAFact = ModelConvention(
        readBy: .own, affected: .blame,
        clearing: Clearing(test: { hit, reading in !reading.pointsAtCustomer(hit) },
                           reason: "the model's reading of own: once the reply owns the failure, a named cause is a fact (rule 15)"),
        barredReason: "the reply keeps responsibility (own), so a cause it names is a fact: the model may not add blame (rule 15)")

    /// Rule 10: a question asking which option the customer wants ("Which suits you?") is part
    /// of the options, not a question about the story.
    static let optionsTakeTheirQuestion = ModelConvention(
        readBy: .choice, affected: .explore,
        clearing: Clearing(test: { hit, reading in reading.isPreferenceQuestion(hit) },
                           reason: "the model's reading of choice: a question asking which option the customer wants is part of the options (rule 10)"),
        barredReason: nil)

    /// Rule 2: times offered as options ("tomorrow 7 to 9, or Saturday 8 to 10") are an offer,
    /// not yet a promise. The rules read it so when they find the options themselves; this is
    /// the same reading when only the model finds them.
    static let optionsAreNotYetAPromise = ModelConvention(
        readBy: .choice, affected: .commit,
        clearing: Clearing(test: { hit, reading in reading.offersTimesAsOptions(hit) },
                           reason: "the model's reading of choice: times offered as options are an offer, not yet a promise (rule 2)"),
        barredReason: nil)

    /// Rule 14: a firm time makes the reply a promise, and the hedges around it ("I can't
    /// promise Friday. What I can promise is a call by noon tomorrow") are its contingency, not
    /// a vague promise. A reply may still hold both ("someone soon, and I'll call you by 5"), so
    /// a vague promise beside a time must be found in its words: the rules' readings stand,
    /// the model may not add one on its own. On dev, the model's own vague promises beside a
    /// time were wrong 5 times in 6.
    static let aTimeMakesItAPromise = ModelConvention(
        readBy: .commit, affected: .vaguePromise,
        clearing: nil,
        barredReason: "the reply promises a time (commit), so only a vague promise in its words counts: the model may not add one (rule 14)")

    /// Every convention; a new one is a row here.
    static let table = [ownershipMakesACauseAFact, optionsTakeTheirQuestion, optionsAreNotYetAPromise, aTimeMakesItAPromise]

    /// Whether a rule's hit of `affected` is cleared once `readBy` is read.
    func clears(_ hit: Hit, in reading: Reading) -> Bool { clearing?.test(hit, reading) ?? false }

    /// The convention that clears `hit` of `behavior` in an analysis that shows `found`, if any.
    static func clearing(_ behavior: Behavior, _ hit: Hit, found: [Behavior], reading: Reading) -> ModelConvention? {
        table.first { $0.affected == behavior && found.contains($0.readBy) && $0.clears(hit, in: reading) }
    }

    /// The convention that bars the model from adding `behavior` beside `found`, if any.
    static func barring(_ behavior: Behavior, besides found: [Behavior]) -> ModelConvention? {
        // Most behaviours no convention bars: one bit test, no walk of the table (whose rows,
        // holding closures, are retained as they are copied out).
        guard barrable & (1 << UInt16(behavior.slot)) != 0 else { return nil }
        return table.first { $0.barredReason != nil && $0.affected == behavior && found.contains($0.readBy) }
    }

    /// The behaviours some convention may bar, by `Behavior.slot`.
    private static let barrable: UInt16 = table.reduce(0) { mask, convention in
        convention.barredReason == nil ? mask : mask | 1 << UInt16(convention.affected.slot)
    }
}
