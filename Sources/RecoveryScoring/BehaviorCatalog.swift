import RecoveryCore

/// What `Scoring/behaviors.yaml` says about every behaviour, for docs, hints and tests.
public struct BehaviorCatalog: Sendable {
    /// One entry per behaviour, in `Behavior` declaration order.
    public var entries: [BehaviorEntry]

    /// A catalog of `entries` (one per behaviour, in declaration order).
    public init(entries: [BehaviorEntry]) { self.entries = entries }

    /// The entry for `behavior`.
    public func entry(_ behavior: Behavior) -> BehaviorEntry {
        entries.first { $0.behavior == behavior }
            ?? BehaviorEntry(behavior: behavior, summary: behavior.id, description: "", examples: [])
    }
}

/// One behaviour's summary, description and examples as the trainers wrote them.
public struct BehaviorEntry: Sendable {
    /// The behaviour described.
    public var behavior: Behavior
    /// One line: what the reply does.
    public var summary: String
    /// A longer explanation, with what counts and what does not.
    public var description: String
    /// Every example, triggering and not.
    public var examples: [BehaviorExample]

    /// An entry; see the properties.
    public init(behavior: Behavior, summary: String, description: String, examples: [BehaviorExample]) {
        self.behavior = behavior
        self.summary = summary
        self.description = description
        self.examples = examples
    }
}

/// A reply that must (or must not) show its behaviour, checked by the test suite.
public struct BehaviorExample: Sendable {
    /// The reply.
    public var text: String
    /// Whether the reply must show the behaviour (true) or must not (false).
    public var triggers: Bool
    /// Where the example is written in behaviors.yaml.
    public var position: SourcePosition

    /// An example; see the properties.
    public init(text: String, triggers: Bool, position: SourcePosition) {
        self.text = text
        self.triggers = triggers
        self.position = position
    }
}

/// Scenario phrase lists ("intents"), compiled for matching beside the behaviours.
public struct PhraseSet: Sendable {
    struct Phrase: Sendable {
        var name: String
        var keys: [String]
    }

    /// Phrases by their first normalised word.
    let byFirstKey: [String: [Phrase]]

    /// Named lists of plain phrases ("under warranty"); matched case-insensitively on word
    /// boundaries with the analyzer's normalisation (curly quotes, simple plurals). Never fails.
    public init(_ phrases: [(name: String, phrases: [String])]) {
        var index: [String: [Phrase]] = [:]
        for (name, list) in phrases {
            for text in list {
                let keys = Tokenizer.tokenize(text).filter(\.isWord).map(\.key)
                guard let first = keys.first else { continue }
                index[first, default: []].append(Phrase(name: name, keys: keys))
            }
        }
        byFirstKey = index
    }

    /// The first match of every intent in `tokens`: name, first token, end token (exclusive).
    func matches(in tokens: [Token]) -> [String: (start: Int, end: Int)] {
        var found: [String: (start: Int, end: Int)] = [:]
        for i in tokens.indices where tokens[i].isWord {
            guard let candidates = byFirstKey[tokens[i].key] else { continue }
            for phrase in candidates where found[phrase.name] == nil {
                let end = i + phrase.keys.count
                guard end <= tokens.count else { continue }
                if (0..<phrase.keys.count).allSatisfy({ tokens[i + $0].isWord && tokens[i + $0].key == phrase.keys[$0] }) {
                    found[phrase.name] = (i, end)
                }
            }
        }
        return found
    }
}
