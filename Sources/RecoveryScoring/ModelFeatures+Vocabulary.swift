import RecoveryCore

/// The word classes of behaviors.yaml as plain phrases, for the model's features: a trainer's
/// list ("<staff>", "<feeling>") carries to words the corpus never paired with a behaviour.
struct WordClasses: Sendable {
    /// A phrase of a class: the class's number and the vocabulary ids after its first word.
    struct Phrase: Sendable {
        var name: Int32
        var rest: [Int32]
    }
    /// A phrase as stored: its class's number, and where its ids after the first word are in
    /// `restIDs`.
    struct StoredPhrase: Sendable {
        var name: Int32
        var restStart: Int32
        var restCount: Int32
    }
    /// Where the phrases that begin with each vocabulary id are in `phrases`: those of id `n`
    /// are `phrases[phraseStarts[n]..<phraseStarts[n + 1]]`. Flat arrays, so that a word with
    /// no phrase costs one read of a small table, not a pointer to follow.
    private var phraseStarts: [Int32]
    /// Every phrase, grouped by first id.
    private var phrases: [StoredPhrase] = []
    /// The ids after each phrase's first word, phrase after phrase.
    private var restIDs: [Int32] = []
    /// Class names by number, and their hashes.
    var names: [String]
    var hashes: [UInt64]

    init(phrasesByFirstID: [[Phrase]], names: [String]) {
        phraseStarts = [0]
        for list in phrasesByFirstID {
            for phrase in list {
                phrases.append(StoredPhrase(name: phrase.name, restStart: Int32(restIDs.count), restCount: Int32(phrase.rest.count)))
                restIDs += phrase.rest
            }
            phraseStarts.append(Int32(phrases.count))
        }
        self.names = names
        hashes = names.map { ModelFeatures.hash($0) }
    }

    /// Calls `body` with the class number and end (exclusive) of each phrase that begins at
    /// token `i` and ends by `limit`, none of its words quoted after the first, in order.
    @inline(__always)
    func forEachPhrase(at i: Int, in tokens: [Token], limit: Int, _ body: (_ name: Int, _ end: Int) -> Void) {
        let id = Int(tokens[i].id)
        guard id >= 0, id + 1 < phraseStarts.count else { return }
        let first = Int(phraseStarts[id]), last = Int(phraseStarts[id + 1])
        guard first < last else { return }
        phrases.withUnsafeBufferPointer { phrases in
        restIDs.withUnsafeBufferPointer { restIDs in
        tokens.withUnsafeBufferPointer { tokens in
            for phrase in phrases[first..<last] {
                let count = Int(phrase.restCount), rest = Int(phrase.restStart)
                let end = i + 1 + count
                guard end <= limit else { continue }
                var matched = 0
                while matched < count, tokens[i + 1 + matched].id == restIDs[rest + matched],
                      !tokens[i + 1 + matched].quoted { matched += 1 }
                if matched == count { body(Int(phrase.name), end) }
            }
        } } }
    }

    /// An empty set of classes.
    static let none = WordClasses(phrasesByFirstID: [], names: [])
}

/// Which words the model knows: a word it knows is weighed as a word; any other word (a typo,
/// a rare form) is weighed by its letters instead.
enum KnownWords {
    /// Every word is known: no letter features (training's first pass).
    case all
    /// The words of a trained model (its word features).
    case model(FeatureTable)
    /// The words seen often enough in training.
    case set(Set<UInt32>)

    /// Whether `feature`'s key is known; a model's look-up is noted as the feature's row
    /// (as `FeatureTable.sum` would note it), so the reply's sum need not look it up again.
    /// `firstSlot`: the model's `FeatureTable.firstSlot` of the key, read ahead (else unused).
    @inline(__always)
    func contains(_ feature: inout ModelFeature, firstSlot: UInt32) -> Bool {
        guard case .model(let table) = self else { return contains(feature.key) }
        let row = table.row(feature.key, firstSlot: firstSlot)
        feature.row = row.map { Int32($0) } ?? -1
        return row != nil
    }

    @inline(__always)
    func contains(_ key: UInt32) -> Bool {
        switch self {
        case .all: true
        case .model(let table): table.row(key) != nil
        case .set(let keys): keys.contains(key)
        }
    }
}
