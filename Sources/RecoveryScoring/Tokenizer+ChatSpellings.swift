extension Tokenizer {
    /// Whether the run of ASCII letters and digits at `start` is a chat spelling typed with
    /// digits ("2day", "b4", "gr8", "l8r": the keys of `Normalizer.replacements` that hold a
    /// digit): if so, its lowercase bytes replace `raw` and the run's end is returned; nil for
    /// any other run, `raw` untouched. A run whose letters are all capitals is a code, not chat
    /// ("the B4 postcode", "an M8 bolt"), and so is one that runs on into other letters or an
    /// apostrophe. Allocates nothing: the run is packed into one integer and looked up.
    static func digitSpelling(_ scalars: [Unicode.Scalar], from start: Int, into raw: inout ContiguousArray<UInt8>) -> Int? {
        var packed: UInt64 = 0
        var end = start, lowercase = false
        while end < scalars.count, scalars[end].isASCII, isWordScalar(scalars[end]) {
            guard end - start < Normalizer.longestDigitSpelling else { return nil }
            let value = UInt8(scalars[end].value)
            if value >= 0x61 { lowercase = true }
            packed = packed << 8 | UInt64(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)
            end += 1
        }
        guard lowercase, end == scalars.count || !(isWordScalar(scalars[end]) || isApostrophe(scalars[end])),
              Normalizer.digitSpellings.contains(packed) else { return nil }
        raw.removeAll(keepingCapacity: true)
        for k in stride(from: end - start - 1, through: 0, by: -1) { raw.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt64(k)))) }
        return end
    }
}

extension Normalizer {
    /// The keys of `replacements` typed with digits ("2day", "b4"), up to eight bytes long.
    private static let digitKeys = replacements.keys.filter { $0.utf8.count <= 8 && $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
    /// The chat spellings typed with digits, each packed as `Tokenizer.digitSpelling` packs a
    /// run (its bytes, first highest): the tokenizer reads them as one word before it would
    /// split digits from letters.
    static let digitSpellings: Set<UInt64> = Set(digitKeys.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } })
    /// The most bytes a chat spelling typed with digits has.
    static let longestDigitSpelling = digitKeys.map(\.utf8.count).max() ?? 0
}
