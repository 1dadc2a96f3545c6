extension Tokenizer {
    /// The end (one past the last scalar) of a web address starting at `i`, or nil. A web
    /// address is read as the one word "link", as the real replies of the corpus write it
    /// ("(link)"), so "Try these steps: https://support.example.com/kb/HT201442" reads like
    /// "Try these steps: (link)" instead of as "https support example com kb ht201442".
    ///
    /// An address starts a run of non-space scalars and holds "://", begins with "www.", or is
    /// a name with a dot and a path ("bit.ly/3xYz", "example.com/help"); sentence marks and
    /// brackets after it are not part of it. A bare name ("I ordered from Amazon.com") is a
    /// name, not a link offered, and reads as words.
    static func linkEnd(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        guard i == 0 || isSpaceOrOpening(scalars[i - 1]) else { return nil }
        var end = i, dotted = false, slashAfterDot = false, scheme = false
        while end < scalars.count, !isSpace(scalars[end]) {
            let s = scalars[end]
            if s == "." {
                if end + 1 < scalars.count, isLetter(scalars[end + 1]), end > i, isWordScalar(scalars[end - 1]) { dotted = true }
            } else if s == "/" {
                if dotted { slashAfterDot = true }
            } else if s == ":", end + 2 < scalars.count, scalars[end + 1] == "/", scalars[end + 2] == "/" {
                scheme = true
            }
            end += 1
        }
        guard dotted || scheme else { return nil }
        while end > i, isTrailing(scalars[end - 1]) { end -= 1 }
        guard end > i else { return nil }
        return scheme || slashAfterDot || startsWithWWW(scalars, i) ? end : nil
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s == " " || s == "\n" || s == "\t" || s == "\r" : s.properties.isWhitespace
    }
    private static func isSpaceOrOpening(_ s: Unicode.Scalar) -> Bool { isSpace(s) || s == "(" || s == "<" || s == "[" || s == "\"" || s == ":" }
    private static func isTrailing(_ s: Unicode.Scalar) -> Bool { ".,!?;:)]}>\"'’”…".unicodeScalars.contains(s) }

    private static func startsWithWWW(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 4 <= scalars.count && (0..<3).allSatisfy { scalars[i + $0] == "w" || scalars[i + $0] == "W" } && scalars[i + 3] == "."
    }
}
