import RecoveryCore

/// One feature of a reply for the learned reader (`BehaviorModel`): a hashed name and the
/// tokens it stands on, so the model's evidence can quote the words it weighed most.
struct ModelFeature: Sendable, Equatable {
    /// The feature's name, hashed (never 0).
    var key: UInt32
    /// First token the feature covers.
    var start: Int32
    /// One past the last token it covers (equal to `start` for whole-reply features).
    var end: Int32
    /// The feature's weight row in the model, once `BehaviorModel.probabilities` has looked
    /// it up (-1: unknown to the model; `notLookedUp` before).
    var row: Int32 = ModelFeature.notLookedUp
    /// What kind of feature it is (`ModelFeatures.Kind`).
    var kind: UInt8 = 0
    /// The how-manyth of its key in the reply, and in its sentence (`numberOccurrences`;
    /// counted up to 65,535, beyond any reply `play` takes).
    var occurrence: UInt16 = 1
    var sentenceOccurrence: UInt16 = 1

    /// `row` before the model has looked the feature up.
    static let notLookedUp: Int32 = -2
}

/// Turns a reply's tokens into the features the learned reader weighs. The same function
/// serves training and reading, so a trained model always sees what it was trained on.
///
/// The features are general, not phrase lists:
/// - `w:` each normalised word (contractions expanded, spelling fixed, plurals folded);
/// - `b:` and `t:` word pairs and triples within a sentence, with `<s>` opening each sentence,
///   so "not my" and "<s> sorry" differ from "my" and "sorry";
/// - `c:` character 4-grams with the word's edges (`^sor`, `orry`, `rry$`) of each word the
///   model does not know as a word: typos and unseen forms are read by their letters;
/// - `q:` a question's first word ("q:did", "q:what"): yes/no checks and open questions;
/// - `time`: a time expression (the same time reader the rules use), and `time+hedge` when
///   a hedge word shares its sentence;
/// - `quoted:` words inside quotation marks, kept apart from the trainee's own words;
/// - `rule:` each behaviour the hand-written rules found, so the model can learn what
///   usually comes with it.
enum ModelFeatures {
    /// Kinds of feature, hashed first so that a word and a pair of the same bytes differ.
    enum Kind: UInt8 {
        case word = 1, pair, triple, chars, question, time, hedgedTime, quoted, rule, negated, wordClass, classPair
    }

    /// The features of the tokens in `input`, appended to `features` (emptied first);
    /// `ruleFound` holds the behaviours the rules found, by `Behavior.slot`.
    static func extract(_ input: MatchInput, ruleFound: UInt16, classes: WordClasses, known: KnownWords,
                        only range: Range<Int>? = nil, into features: inout [ModelFeature]) {
        var unnamed: [String]? = nil
        extract(input, ruleFound: ruleFound, classes: classes, known: known, only: range, into: &features, names: &unnamed)
    }

    /// `extract(_:ruleFound:into:)`, also giving each feature a readable name in `names` when
    /// it is not nil (for `analyze --why`).
    static func extract(_ input: MatchInput, ruleFound: UInt16, classes: WordClasses, known: KnownWords,
                        only range: Range<Int>? = nil, into features: inout [ModelFeature], names: inout [String]?) {
        features.removeAll(keepingCapacity: true)
        names?.removeAll()
        let tokens = input.tokens
        let range = range ?? tokens.indices
        var previous: UInt64 = sentenceOpening, beforePrevious: UInt64 = 0
        var sentenceFirstWord = range.lowerBound
        var sentenceHasHedge = false, sentenceTime: (start: Int, end: Int)? = nil
        func add(_ key: UInt64, _ start: Int, _ end: Int, _ name: @autoclosure () -> String, kind: Kind = .word) {
            features.append(ModelFeature(key: fold(key), start: Int32(start), end: Int32(end), kind: kind.rawValue))
            if names != nil { names!.append(name()) }
        }
        func text(_ i: Int) -> String { i < 0 ? "<s>" : tokens[i].kind == .number ? "<number>" : tokens[i].key }
        func closeSentence() {
            if let time = sentenceTime {
                add(mix(Kind.time.rawValue, 0), time.start, time.end, "a time", kind: .time)
                if sentenceHasHedge { add(mix(Kind.hedgedTime.rawValue, 0), time.start, time.end, "a time with a hedge word", kind: .hedgedTime) }
            }
            sentenceHasHedge = false
            sentenceTime = nil
        }
        // Read ahead: each token's hash, and the model's first slot for each word's feature,
        // all before the loop below, so that those look-ups' cache misses overlap.
        withUnsafeTemporaryAllocation(of: (hash: UInt64, firstSlot: UInt32).self, capacity: range.count) { ahead in
        for i in range {
            let word = tokens[i].kind == .number ? numberHash : hash(tokens[i].key)
            var firstSlot: UInt32 = 0
            if case .model(let table) = known, tokens[i].kind == .word, !tokens[i].quoted {
                firstSlot = table.firstSlot(fold(mix(Kind.word.rawValue, word)))
            }
            ahead[i - range.lowerBound] = (word, firstSlot)
        }
        for i in range {
            // Fields read in place: a copy of the token would retain and release its strings.
            if tokens[i].kind == .sentenceEnd {
                if tokens[i].text == "?", sentenceFirstWord < i {
                    add(mix(Kind.question.rawValue, hash(tokens[sentenceFirstWord].key)), sentenceFirstWord, i + 1,
                        "a question opening \"\(tokens[sentenceFirstWord].key)\"", kind: .question)
                }
                closeSentence()
                previous = sentenceOpening
                beforePrevious = 0
                sentenceFirstWord = i + 1
                continue
            }
            let word = ahead[i - range.lowerBound].hash
            if tokens[i].quoted {
                add(mix(Kind.quoted.rawValue, word), i, i + 1, "quoted \"\(text(i))\"", kind: .quoted)
            } else {
                let first = i == sentenceFirstWord
                let wordFeature = features.count
                add(mix(Kind.word.rawValue, word), i, i + 1, "\"\(text(i))\"")
                add(mix(Kind.pair.rawValue, previous, word), max(i - 1, sentenceFirstWord), i + 1,
                    "\"\(first ? "<s>" : text(i - 1)) \(text(i))\"", kind: .pair)
                if beforePrevious != 0 {
                    add(mix(Kind.triple.rawValue, beforePrevious, previous, word), max(i - 2, sentenceFirstWord), i + 1,
                        "\"\(i - 1 == sentenceFirstWord ? "<s>" : text(i - 2)) \(text(i - 1)) \(text(i))\"", kind: .triple)
                }
                if tokens[i].flags.contains(.negator), i + 1 < range.upperBound, tokens[i + 1].isWord {
                    add(mix(Kind.negated.rawValue, hash(tokens[i + 1].key)), i, i + 2, "negated \"\(tokens[i + 1].key)\"", kind: .negated)
                }
                // The model's look-up of the word is kept as the feature's row: `probabilities` skips it.
                if tokens[i].kind == .word, !known.contains(&features[wordFeature], firstSlot: ahead[i - range.lowerBound].firstSlot) {
                    addCharacterGrams(of: tokens[i].text, at: i, into: &features, names: &names)
                }
                // The word classes of behaviors.yaml ("<staff>", "<feeling>").
                classes.forEachPhrase(at: i, in: tokens, limit: range.upperBound) { number, end in
                    let name = classes.hashes[number]
                    let label = classes.names[number]
                    add(mix(Kind.wordClass.rawValue, name), i, end, "a <\(label)> phrase", kind: .wordClass)
                    if !first {
                        add(mix(Kind.classPair.rawValue, previous, name), i - 1, end, "\"\(text(i - 1)) <\(label)>\"", kind: .classPair)
                    }
                    if end < range.upperBound, tokens[end].isWord {
                        let next = tokens[end].kind == .number ? numberHash : hash(tokens[end].key)
                        add(mix(Kind.classPair.rawValue, name, next, 1), i, end + 1, "\"<\(label)> \(text(end))\"", kind: .classPair)
                    }
                }
                if tokens[i].flags.contains(.softHedge) { sentenceHasHedge = true }
                if sentenceTime == nil, input.timeEnds[i] > i { sentenceTime = (i, input.timeEnds[i]) }
            }
            beforePrevious = previous
            previous = word
        }
        }
        closeSentence()
        var found = ruleFound
        while found != 0 {
            let slot = found.trailingZeroBitCount
            found &= found - 1
            add(mix(Kind.rule.rawValue, UInt64(slot + 1)), 0, 0, "the rules found \(Behavior.allCases[slot].id)", kind: .rule)
        }
        numberOccurrences(&features, tokens: tokens)
    }

    /// The 4-grams of `^word$` (the whole marked word when shorter).
    private static func addCharacterGrams(of word: String, at i: Int, into features: inout [ModelFeature],
                                          names: inout [String]?) {
        var window: UInt32 = UInt32(UInt8(ascii: "^"))
        var filled = 1
        func emit(_ value: UInt32) {
            features.append(ModelFeature(key: fold(mix(Kind.chars.rawValue, UInt64(value))), start: Int32(i), end: Int32(i + 1),
                                         kind: Kind.chars.rawValue))
            if names != nil {
                let bytes = (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }.filter { $0 != 0 && $0 < 0x80 }
                names!.append("letters \"\(String(decoding: bytes, as: UTF8.self))\" of \"\(word)\"")
            }
        }
        for byte in word.utf8 {
            window = (window << 8) | UInt32(byte)
            filled += 1
            if filled >= 4 { emit(window) }
        }
        window = (window << 8) | UInt32(UInt8(ascii: "$"))
        filled += 1
        if filled >= 4 { emit(window) } else { emit(window | 0x8000_0000) }
    }
}
