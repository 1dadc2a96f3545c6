import Foundation

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

    /// The table by string, for words with non-ASCII letters.
    private let entries: [String: Entry]
    /// The same table, found by UTF-8 bytes (`ByteKeyTable`), for ASCII words: an ASCII string
    /// equals another (as `String ==` decides, with canonical equivalence) exactly when their
    /// bytes are equal.
    private let byBytes: ByteKeyTable<Entry>

    /// The table for a pattern vocabulary (word key -> id).
    init(vocabulary: [String: Int32]) {
        var entries: [String: Entry] = [:]
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
        self.entries = entries
        byBytes = ByteKeyTable(entries)
    }

    /// The table without a vocabulary (every id -1), for tokenising pattern text and phrases.
    static let plain = WordTable(vocabulary: [:])

    /// The entry of the ASCII word whose bytes are `word`, and the word as a `String`, if the
    /// table holds it: no `String` is built and no hash of one is taken.
    @inline(__always)
    func entry(ascii word: UnsafeBufferPointer<UInt8>) -> (word: String, entry: Entry)? {
        guard let found = byBytes.find(word) else { return nil }
        return (found.key, found.value)
    }

    /// The word classes and id of a comparison key.
    @inline(__always)
    func classes(ofKey key: String) -> (flags: Token.Flags, id: Int32) {
        let found: Entry?
        if let ascii = key.utf8.withContiguousStorageIfAvailable({ bytes -> Entry?? in
            var all: UInt8 = 0
            for byte in bytes { all |= byte }
            return all < 0x80 ? .some(byBytes.find(bytes)?.value) : nil
        }), let ascii {
            found = ascii
        } else {
            found = entries[key]
        }
        guard let found else { return ([], -1) }
        return (found.flags, found.id)
    }
}

/// A read-only hash table from strings to values, looked up by UTF-8 bytes (FNV-1a, open
/// addressing), so that the tokenizer asks about a word before making a `String` of it.
struct ByteKeyTable<Value: Sendable>: Sendable {
    /// Per slot (a power of two of them): an index into the key arrays, or -1.
    private var slots: [Int32]
    /// Per key: where its bytes start in `bytes`, and how many there are.
    private var spans: [(offset: Int32, count: Int32)] = []
    /// Per key: the key and its value.
    private var keys: [(key: String, value: Value)] = []
    /// Every key's UTF-8 bytes, one after another.
    private var bytes: [UInt8] = []

    /// The table of `contents`.
    init(_ contents: [String: Value]) {
        var size = 8
        while size < contents.count * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for (key, value) in contents.sorted(by: { $0.key < $1.key }) {
            spans.append((Int32(bytes.count), Int32(key.utf8.count)))
            bytes.append(contentsOf: key.utf8)
            keys.append((key, value))
            var slot = Self.hash(Array(key.utf8)) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(keys.count - 1)
        }
    }

    /// The key equal to `word` (as UTF-8 bytes) and its value, if the table holds it.
    func find(_ word: UnsafeBufferPointer<UInt8>) -> (key: String, value: Value)? {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            spans.withUnsafeBufferPointer { spans in
                bytes.withUnsafeBufferPointer { bytes in
                    while true {
                        let k = Int(slots[slot])
                        guard k >= 0 else { return nil }
                        let span = spans[k]
                        if Int(span.count) == word.count,
                           word.isEmpty || memcmp(bytes.baseAddress! + Int(span.offset), word.baseAddress!, word.count) == 0 {
                            return k
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        guard let found else { return nil }
        return keys[found]
    }

    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
