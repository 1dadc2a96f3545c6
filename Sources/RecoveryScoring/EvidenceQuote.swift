extension Analyzer {
    /// The Unicode scalars `range` of `text` (token offsets count scalars), cut from its UTF-8
    /// bytes: no array of scalars is built. `ascii`: the text is all ASCII, so a scalar is a
    /// byte and the offsets index the bytes directly.
    static func quote(_ text: String, scalars range: Range<Int>, ascii: Bool) -> String {
        let utf8 = text.utf8
        if ascii {
            return String(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])!
        }
        // A scalar starts at each byte that is not a continuation byte (10xxxxxx).
        var scalar = 0
        var lower = utf8.endIndex, upper = utf8.endIndex
        for index in utf8.indices where utf8[index] & 0xC0 != 0x80 {
            if scalar == range.lowerBound { lower = index }
            if scalar == range.upperBound { upper = index; break }
            scalar += 1
        }
        // Both ends fall on scalar boundaries: the bytes between are valid UTF-8.
        return String(utf8[lower..<upper])!
    }
}
