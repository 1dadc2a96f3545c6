import Foundation

/// The sentence around a quote: what a debrief shows when the words alone ("sensor") would not
/// say what the trainee did, and the whole reply would say too much.
extension ReplyAnalysis {
    /// The sentence (or sentences) of the reply that hold `evidence`'s words, trimmed; the
    /// quote itself when its offset does not fall in the reply.
    ///
    /// A sentence ends at a line break, at "!" or "?" before a space, and at "." before a space
    /// and a capital letter, a digit or a quotation mark, so "10 a.m. on Monday" and "5.30"
    /// stay whole. Typed all in lower case ("so must u. im so sorry"), a "." before a space and
    /// a small letter ends one too, after a word of two letters or more that is no abbreviation
    /// ("approx.", "dept."), or after "u" and "i".
    public func sentence(around evidence: Evidence) -> String {
        let scalars = Array(text.unicodeScalars)
        let quoteLength = evidence.quote.unicodeScalars.count
        guard evidence.offset >= 0, evidence.offset + quoteLength <= scalars.count else { return evidence.quote }
        var start = evidence.offset
        while start > 0, !Self.endsSentence(scalars, at: start - 1) { start -= 1 }
        var end = max(evidence.offset + quoteLength, start)
        // Unless the quote ends its sentence already: on to the sentence's mark, which is kept.
        if end == start || !Self.endsSentence(scalars, at: end - 1) {
            while end < scalars.count, !Self.endsSentence(scalars, at: end) { end += 1 }
            if end < scalars.count, scalars[end] != "\n" { end += 1 }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the scalar at `i` ends a sentence.
    private static func endsSentence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let c = scalars[i]
        if c == "\n" { return true }
        guard c == "." || c == "!" || c == "?" else { return false }
        guard i + 1 < scalars.count else { return true }
        guard scalars[i + 1] == " " else { return false }
        if c != "." { return true }
        guard i + 2 < scalars.count else { return true }
        let next = scalars[i + 2]
        if next.properties.isUppercase || ("0"..."9").contains(next) || next == "\"" || next == "“" || next == "'" { return true }
        guard next.properties.isLowercase else { return false }
        var start = i
        while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        if start > 0, scalars[start - 1] == "." { return false }  // "p.m. on"
        let word = String(String.UnicodeScalarView(scalars[start..<i])).lowercased()
        return word.count >= 2 ? !abbreviations.contains(word) : word == "u" || word == "i"
    }

    /// Words written with a "." that does not end the sentence, when a small letter follows.
    private static let abbreviations: Set<String> = [
        "approx", "etc", "vs", "eg", "ie", "no", "nos", "st", "dr", "mr", "mrs", "ms", "mx", "jr", "sr", "inc", "ltd", "co",
        "dept", "ext", "tel", "min", "mins", "hr", "hrs", "am", "pm", "ref", "acc", "apt", "est", "fig", "vol", "cf", "al",
    ]
}
