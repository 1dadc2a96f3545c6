extension Analyzer {
    /// `range` (scalars of `text`, from the first quoted token's start to the last's end)
    /// widened by a bracket that stands just outside it and closes or opens one left unpaired
    /// inside: a quote beginning on a word in brackets, "link) Let us know", quotes "(link) Let
    /// us know"; one ending on it, "the steps here: (link", quotes "the steps here: (link)".
    static func bracketed(_ text: String, scalars range: Range<Int>, quote: String) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        for (open, close) in [(UInt8(ascii: "("), UInt8(ascii: ")")), (UInt8(ascii: "["), UInt8(ascii: "]"))] {
            var depth = 0, unopened = false
            for byte in quote.utf8 where byte == open || byte == close {
                depth += byte == open ? 1 : -1
                if depth < 0 { unopened = true; depth = 0 }
            }
            if unopened, lower > 0, scalar(text, at: lower - 1) == Unicode.Scalar(open) { lower -= 1 }
            if depth > 0, scalar(text, at: upper) == Unicode.Scalar(close) { upper += 1 }
        }
        return lower..<upper
    }

    /// The `offset`th Unicode scalar of `text`, or nil past its end.
    private static func scalar(_ text: String, at offset: Int) -> Unicode.Scalar? {
        let scalars = text.unicodeScalars
        guard let index = scalars.index(scalars.startIndex, offsetBy: offset, limitedBy: scalars.endIndex), index < scalars.endIndex
        else { return nil }
        return scalars[index]
    }

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
