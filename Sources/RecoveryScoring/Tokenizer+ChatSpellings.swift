extension Tokenizer {
    /// A chat spelling typed with digits at `start` ("2day", "b4", "gr8", "l8r": the keys of
    /// `Normalizer.replacements` that hold a digit): the end of its run of ASCII letters and
    /// digits and the run's lowercase bytes; nil for any other run. A run whose letters are all
    /// capitals is a code, not chat ("the B4 postcode", "an M8 bolt"), and so is one that runs
    /// on into other letters or an apostrophe.
    static func digitSpelling(_ scalars: [Unicode.Scalar], from start: Int) -> (end: Int, bytes: ContiguousArray<UInt8>)? {
        var bytes = ContiguousArray<UInt8>()
        var end = start, lowercase = false
        while end < scalars.count, scalars[end].isASCII, isWordScalar(scalars[end]) {
            guard bytes.count < Normalizer.longestDigitSpelling else { return nil }
            let value = UInt8(scalars[end].value)
            if value >= 0x61 { lowercase = true }
            bytes.append(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)
            end += 1
        }
        guard lowercase, end == scalars.count || !(isWordScalar(scalars[end]) || isApostrophe(scalars[end])),
              Normalizer.digitSpellings.contains(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return (end, bytes)
    }
}

extension Normalizer {
    /// The chat spellings typed with digits ("2day", "b4"): the tokenizer reads them as one
    /// word before it would split digits from letters.
    static let digitSpellings: Set<String> = Set(replacements.keys.filter { $0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } })
    /// The longest of `digitSpellings`, in bytes.
    static let longestDigitSpelling = digitSpellings.map(\.utf8.count).max() ?? 0
}
