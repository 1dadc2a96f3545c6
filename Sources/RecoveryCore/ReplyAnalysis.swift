/// The words in a reply that earned a behaviour or an intent.
public struct Evidence: Codable, Sendable, Hashable {
    /// The behaviour id or intent name the words show.
    public var label: String
    /// The words themselves, exactly as the trainee typed them.
    public var quote: String
    /// Where the quote starts in the reply, counted in Unicode scalars.
    public var offset: Int
    /// Which reader found a behaviour: `rules` (a pattern of behaviors.yaml, quoting the words
    /// it matched) or `model` (the learned reader, quoting the words it weighed most). Absent
    /// for intents and in transcripts saved before the learned reader existed.
    public var reader: Reader?
    /// How sure the learned reader is that the reply shows the behaviour (0...1, two places),
    /// whichever reader found it. Absent when no model was loaded.
    public var confidence: Double?

    /// The two readers of a reply.
    public enum Reader: String, Codable, Sendable, Hashable {
        /// The hand-written patterns of behaviors.yaml.
        case rules
        /// The learned model of Scoring/model.bin.
        case model
    }

    /// Evidence for `label`, quoting `quote` at scalar `offset` of the reply.
    public init(label: String, quote: String, offset: Int, reader: Reader? = nil, confidence: Double? = nil) {
        self.label = label
        self.quote = quote
        self.offset = offset
        self.reader = reader
        self.confidence = confidence
    }
}

/// What one reply did: its behaviours and intents, each with the words that showed it.
public struct ReplyAnalysis: Codable, Sendable, Hashable {
    /// The reply as typed.
    public var text: String
    /// The behaviours shown, in `Behavior` declaration order, each once.
    public var behaviors: [Behavior]
    /// Scenario intents (named phrase lists) the reply mentions, sorted by name.
    public var intents: [String]
    /// One entry per behaviour or intent found (the first words that showed it).
    public var evidence: [Evidence]
    /// Remarks a grader or coach may use, such as `impersonal_apology` for "we're sorry".
    public var notes: [String]
    /// When a reply that fixes or promises something names a time relative to now ("in 15
    /// minutes", "right now"), how many minutes away the soonest is; nil otherwise (and in
    /// transcripts saved before it was read). Rubrics' `within_minutes` checks read it.
    public var minutesAway: Int?

    /// An analysis of `text`; behaviours and intents are put in canonical order.
    public init(
        text: String,
        behaviors: [Behavior] = [],
        intents: [String] = [],
        evidence: [Evidence] = [],
        notes: [String] = [],
        minutesAway: Int? = nil
    ) {
        self.text = text
        self.behaviors = Self.canonical(behaviors)
        self.intents = Self.canonical(intents)
        self.evidence = evidence
        self.notes = notes
        self.minutesAway = minutesAway
    }

    /// `Array(Set(values)).sorted()`: values that are already strictly increasing (the
    /// analyzer's, usually one or two) are kept as they are, without building a set.
    private static func canonical<Value: Comparable & Hashable>(_ values: [Value]) -> [Value] {
        var increasing = true
        var i = 1
        while increasing && i < values.count {
            increasing = values[i - 1] < values[i]
            i += 1
        }
        return increasing ? values : Array(Set(values)).sorted()
    }

    /// Whether the reply showed `behavior`.
    public func shows(_ behavior: Behavior) -> Bool { behaviors.contains(behavior) }

    /// Whether the reply mentioned the scenario intent `name`.
    public func mentions(intent name: String) -> Bool { intents.contains(name) }

    /// The quote that earned `label` (a behaviour id or intent name), if any.
    public func quote(for label: String) -> String? { evidence(for: label)?.quote }

    /// The evidence for `label` (a behaviour id or intent name), if any: its words and where they are.
    public func evidence(for label: String) -> Evidence? { evidence.first { $0.label == label } }
}
