import RecoveryCore

/// The names a scenario's conditions may use beyond the behaviour ids, bound to slots:
/// signal slots are the behaviours (in `Behavior` order) followed by the intents; flags have their own.
public struct ConditionVocabulary: Sendable {
    /// The scenario's intent names, in file order.
    public let intents: [String]
    /// Every flag some `set:` sets, in file order, each once.
    public let flags: [String]
    private let intentSlots: [String: Int]
    private let flagSlots: [String: Int]

    /// A vocabulary of `intents` and `flags` (duplicates are kept once).
    public init(intents: [String] = [], flags: [String] = []) {
        var uniqueIntents: [String] = [], uniqueFlags: [String] = []
        for name in intents where !uniqueIntents.contains(name) { uniqueIntents.append(name) }
        for name in flags where !uniqueFlags.contains(name) { uniqueFlags.append(name) }
        self.intents = uniqueIntents
        self.flags = uniqueFlags
        intentSlots = Dictionary(uniqueKeysWithValues: uniqueIntents.enumerated().map { ($1, Self.behaviorCount + $0) })
        flagSlots = Dictionary(uniqueKeysWithValues: uniqueFlags.enumerated().map { ($1, $0) })
    }

    static let behaviorCount = Behavior.allCases.count
    private static let behaviorSlots = Dictionary(uniqueKeysWithValues: Behavior.allCases.enumerated().map { ($1, $0) })

    static func slot(of behavior: Behavior) -> Int { behaviorSlots[behavior]! }

    /// How many signal slots there are: behaviours, then intents.
    var signalCount: Int { Self.behaviorCount + intents.count }

    func signalSlot(of name: String) -> Int? {
        if let behavior = Behavior(id: name) { return Self.slot(of: behavior) }
        return intentSlots[name]
    }

    func intentSlot(of name: String) -> Int? { intentSlots[name] }

    func flagSlot(of name: String) -> Int? { flagSlots[name] }

    func unknownNameError(_ name: String, at offset: Int) -> ConditionError {
        let known = Behavior.allIDs + intents + flags + ["true", "false", "mood", "turn", "latency"]
        let hint = Spelling.closest(to: name, in: known).map { "did you mean '\($0)'?" }
            ?? ScenarioDiagnostic.unknownName.hint()
        return ConditionError(.unknownName(name), "unknown name '\(name)' in condition", at: offset, hint: hint)
    }
}

/// Everything a condition can look at while one reply is being handled: the reply's behaviours
/// and intents, how often each was shown so far, the flags, mood, turn and latency.
public struct ConditionContext: Sendable {
    /// The customer's mood now, 0 calm .. 10 gone.
    public var mood: Int = 0
    /// The number of the reply being handled (1 for the first; 0 before any).
    public var turn: Int = 0
    /// Seconds the trainee took over the reply being handled.
    public var latency: Double = 0
    /// The names conditions are bound to.
    public let vocabulary: ConditionVocabulary
    private(set) var shown: [Bool]
    private(set) var counts: [Int]
    private(set) var flags: [Bool]

    /// A context before any reply, with every flag clear.
    public init(vocabulary: ConditionVocabulary, mood: Int = 0) {
        self.vocabulary = vocabulary
        self.mood = mood
        shown = Array(repeating: false, count: vocabulary.signalCount)
        counts = Array(repeating: 0, count: vocabulary.signalCount)
        flags = Array(repeating: false, count: vocabulary.flags.count)
    }

    /// Starts handling the next reply: advances `turn`, records what it showed, and counts it.
    /// Intents the scenario does not declare are ignored.
    public mutating func record(_ analysis: ReplyAnalysis, latency: Double) {
        turn += 1
        self.latency = latency
        for slot in shown.indices { shown[slot] = false }
        for behavior in analysis.behaviors { mark(ConditionVocabulary.slot(of: behavior)) }
        for intent in analysis.intents { if let slot = vocabulary.intentSlot(of: intent) { mark(slot) } }
    }

    private mutating func mark(_ slot: Int) {
        guard !shown[slot] else { return }
        shown[slot] = true
        counts[slot] += 1
    }

    /// Sets or clears the flag `name`; names outside the vocabulary are ignored.
    public mutating func setFlag(_ name: String, _ value: Bool) {
        if let slot = vocabulary.flagSlot(of: name) { flags[slot] = value }
    }

    /// Whether flag `name` is set.
    public func isSet(_ name: String) -> Bool { vocabulary.flagSlot(of: name).map { flags[$0] } ?? false }

    /// Every flag now set.
    public var setFlags: Set<String> { Set(vocabulary.flags.indices.filter { flags[$0] }.map { vocabulary.flags[$0] }) }

    /// How many replies so far showed behaviour or intent `name`.
    public func count(of name: String) -> Int { vocabulary.signalSlot(of: name).map { counts[$0] } ?? 0 }

    func value(of quantity: ConditionQuantity) -> Double {
        quantity.isBound ? quantity.definition.value(self, quantity.slot) : 0
    }

    /// How many replies so far showed the behaviour or intent in signal `slot`.
    func count(slot: Int) -> Double { slot >= 0 && slot < counts.count ? Double(counts[slot]) : 0 }
}
