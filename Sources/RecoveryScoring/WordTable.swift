/// Everything the tokenizer looks up about a word, in one table so that a typical word costs
/// one hash lookup instead of three: its whole-word fix (`Normalizer.replacements`, looked up
/// by the typed word), and its word classes (`Token.Flags`) and pattern vocabulary id (looked
/// up by the comparison key).
struct WordTable: Sendable {
    /// One normalised word a whole-word fix gives, looked up ahead.
    struct Fixed: Sendable {
        /// The normalised text.
        var text: String
        /// Its comparison key.
        var key: String
        /// Its word classes (with `.word`).
        var flags: Token.Flags
        /// Its vocabulary id, or -1.
        var id: Int32
    }

    /// What the table knows of one string.
    struct Entry: Sendable {
        /// As a comparison key: its word classes (without `.word`).
        var flags: Token.Flags = []
        /// As a comparison key: its vocabulary id, or -1.
        var id: Int32 = -1
        /// As a typed word: the words `Normalizer.replacements` turns it into, if any.
        var fixed: [Fixed]?
    }

    private var entries: [String: Entry] = [:]

    /// The table for a pattern vocabulary (word key -> id).
    init(vocabulary: [String: Int32]) {
        for (word, flags) in Token.Flags.table { entries[word, default: Entry()].flags = flags }
        for (word, id) in vocabulary { entries[word, default: Entry()].id = id }
        // Filled after the classes and ids, which the fixed words read.
        let known = entries
        func info(_ key: String) -> Entry { known[key] ?? Entry() }
        for (typed, words) in Normalizer.replacements {
            entries[typed, default: Entry()].fixed = words.map { word in
                let key = comparisonKey(word)
                let entry = info(key)
                return Fixed(text: word, key: key, flags: entry.flags.union(.word), id: entry.id)
            }
        }
    }

    /// The table without a vocabulary (every id -1), for tokenising pattern text and phrases.
    static let plain = WordTable(vocabulary: [:])

    /// The entry of `word`, if the table holds it.
    @inline(__always)
    func entry(_ word: String) -> Entry? { entries[word] }

    /// The word classes and id of a comparison key.
    @inline(__always)
    func classes(ofKey key: String) -> (flags: Token.Flags, id: Int32) {
        guard let entry = entries[key] else { return ([], -1) }
        return (entry.flags, entry.id)
    }
}
