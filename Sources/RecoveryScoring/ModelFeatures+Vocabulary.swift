import RecoveryCore

/// The word classes of behaviors.yaml as plain phrases, for the model's features: a trainer's
/// list ("<staff>", "<feeling>") carries to words the corpus never paired with a behaviour.
struct WordClasses: Sendable {
    /// A phrase of a class: the class's number and the vocabulary ids after its first word.
    struct Phrase: Sendable {
        var name: Int32
        var rest: [Int32]
    }
    /// The phrases that begin with each vocabulary id.
    var phrasesByFirstID: [[Phrase]]
    /// Class names by number, and their hashes.
    var names: [String]
    var hashes: [UInt64]

    init(phrasesByFirstID: [[Phrase]], names: [String]) {
        self.phrasesByFirstID = phrasesByFirstID
        self.names = names
        hashes = names.map { ModelFeatures.hash($0) }
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
