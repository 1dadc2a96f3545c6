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
    /// Inside quotation marks: words the trainee quotes, not their own (docs/labelling.md, rule 13).
    var quoted = false

    /// The word classes of `key`, looked up once by the tokenizer (see `Flags`).
    var flags: Flags = []
    /// The id of `key` in the pattern vocabulary the tokenizer was given, or -1.
    var id: Int32 = -1

    /// Whether this token is a word or number (not a sentence mark).
    var isWord: Bool { kind != .sentenceEnd }

    /// Word classes of a token, as bits, so that readers test a class with one AND instead of
    /// a `Set<String>` lookup per word. Filled by the tokenizer from the word sets themselves
    /// (`negatorWords`, `TimeReader.dayNames`, ...), so the sets stay the single source of truth.
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        /// A word or number, not a sentence mark.
        static let word = Flags(rawValue: 1 << 0)
        /// A number in digits or words (`TimeReader.isNumber`): the `<number>` class.
        static let number = Flags(rawValue: 1 << 1)
        /// A day name or day word (`TimeReader.dayNames`, `TimeReader.dayWords`): the `<day>` class.
        static let day = Flags(rawValue: 1 << 2)
        /// "not", "never", "no" (`negatorWords`).
        static let negator = Flags(rawValue: 1 << 3)
        /// "but".
        static let but = Flags(rawValue: 1 << 4)
        /// A negator or "but": a gap never skips it.
        static let negatorOrBut: Flags = [.negator, .but]
        /// A word that ends a clause (`clauseBreakWords`).
        static let clauseBreak = Flags(rawValue: 1 << 5)
        /// A word that begins a new subject (`subjectWords`).
        static let subject = Flags(rawValue: 1 << 6)
        /// A preposition that may start a time (`TimeReader.prepositions`).
        static let timePreposition = Flags(rawValue: 1 << 7)
        /// A time unit (`TimeReader.units`).
        static let timeUnit = Flags(rawValue: 1 << 8)
        /// `TimeReader.dayWords`: "today", "tonight", ...
        static let dayWord = Flags(rawValue: 1 << 9)
        /// `TimeReader.dayParts`: "morning", "afternoon", ...
        static let dayPart = Flags(rawValue: 1 << 10)
        /// `TimeReader.dayNames`: "monday", ..., "weekend".
        static let dayName = Flags(rawValue: 1 << 11)
        /// `TimeReader.months`.
        static let month = Flags(rawValue: 1 << 12)
        /// `TimeReader.numberWords`: "one", "twenty", ...
        static let numberWord = Flags(rawValue: 1 << 13)
        /// `TimeReader.pastMarkers`: "these", "last", ...
        static let pastMarker = Flags(rawValue: 1 << 14)
        /// `TimeReader.timeOfDayWords`: "noon", "eod", ...
        static let timeOfDayWord = Flags(rawValue: 1 << 15)
        /// `TimeReader.openingWords`: other words a time expression can begin with ("the", "a").
        static let timeOpening = Flags(rawValue: 1 << 16)
        /// `hedgeWords`: a word that makes a time uncertain ("probably").
        static let hedge = Flags(rawValue: 1 << 17)
        /// `softHedgeWords`: a word that may soften a promise ("should", "hope"), for the model.
        static let softHedge = Flags(rawValue: 1 << 18)
        /// `reportingWords`: someone else's words follow ("told", "said").
        static let reporting = Flags(rawValue: 1 << 19)

        /// Every classed word and its bits, built once from the word sets. `WordTable` holds
        /// them with the vocabulary ids, so the tokenizer finds both in one lookup.
        static let table: [String: Flags] = {
            var table: [String: Flags] = [:]
            func add(_ words: Set<String>, _ flags: Flags) { for word in words { table[word, default: []].formUnion(flags) } }
            add(negatorWords, .negator)
            add(["but"], .but)
            add(clauseBreakWords, .clauseBreak)
            add(subjectWords, .subject)
            add(TimeReader.prepositions, .timePreposition)
            add(TimeReader.units, .timeUnit)
            add(TimeReader.dayWords, [.dayWord, .day])
            add(TimeReader.dayParts, .dayPart)
            add(TimeReader.dayNames, [.dayName, .day])
            add(TimeReader.months, .month)
            add(TimeReader.numberWords, [.numberWord, .number])
            add(TimeReader.pastMarkers, .pastMarker)
            add(TimeReader.timeOfDayWords, .timeOfDayWord)
            add(TimeReader.openingWords, .timeOpening)
            add(hedgeWords, [.hedge, .softHedge])
            add(softHedgeWords, .softHedge)
            add(reportingWords, .reporting)
            return table
        }()
    }
}

/// The comparison key of a normalised word: a simple English plural removed.
func comparisonKey(_ word: String) -> String {
    // Most words do not end in "s": no lookups for them.
    guard (word.utf8.withContiguousStorageIfAvailable { $0.last } ?? word.utf8.last) == UInt8(ascii: "s") else { return word }
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

extension [Token] {
    /// Whether the tokens run over more than one sentence (read in place: `last` would copy
    /// the token, strings and all).
    var spansSeveralSentences: Bool { !isEmpty && self[count - 1].sentence > 0 }
}
