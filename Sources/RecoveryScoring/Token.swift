/// One word (or sentence mark) of a reply after normalisation, pointing back at the typed text.
struct Token: Sendable {
    /// What this token is, for the matcher.
    enum Kind: Sendable { case word, number, sentenceEnd }

    /// The normalised text: lowercase, straight quotes, contractions expanded, spelling fixed.
    var text: String
    /// The comparison key: `text` with a simple plural removed ("minutes" -> "minute").
    var key: String
    /// Word, number or sentence mark.
    var kind: Kind
    /// First Unicode scalar of the typed text this token came from.
    var start: Int
    /// One past the last Unicode scalar of the typed text this token came from.
    var end: Int
    /// Which sentence of the reply the token is in, from 0.
    var sentence: Int = 0
    /// A comma, colon or dash came just before this token.
    var breakBefore = false
    /// Typed in capitals ("SO"), written *so*, or stretched ("sooo"): stressed for effect.
    var stressed = false

    /// Whether this token is a word or number (not a sentence mark).
    var isWord: Bool { kind != .sentenceEnd }
}

/// The comparison key of a normalised word: a simple English plural removed.
func comparisonKey(_ word: String) -> String {
    let count = word.utf8.count
    guard count > 3, !word.hasSuffix("is"), !keepFinalS.contains(word) else { return word }
    if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("'s") {
        return String(word.dropLast())
    }
    return word
}

/// Words whose final "s" is not a plural.
private let keepFinalS: Set<String> = [
    "does", "always", "perhaps", "news", "series", "thus", "unless", "across", "towards",
    "afterwards", "whereas", "lens", "plus", "yes", "its", "sometimes", "besides", "nowadays",
]

/// Words that turn the meaning of what follows around.
let negatorWords: Set<String> = ["not", "never", "no"]

/// Words that end a clause for negation and for the promise rules.
let clauseBreakWords: Set<String> = ["but", "and", "so", "or", "because", "although", "though", "then", "also"]

/// Words that begin a new subject, which ends a negation's reach.
let subjectWords: Set<String> = ["i", "we", "you", "he", "she", "they", "someone", "somebody", "it"]
