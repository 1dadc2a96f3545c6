/// Splits a reply into normalised tokens in one pass over its Unicode scalars.
///
/// Words are runs of letters and digits with inner apostrophes; "5pm" splits into "5" "pm",
/// "5:30" stays one number, "3-5" reads "3 to 5", "a.m." reads "am". Sentence marks
/// (. ! ? ;) become tokens that only a pattern's own `.`, `!` or `?` can match. Commas,
/// colons and dashes mark the next token with `breakBefore`. A web address is the one word
/// "link" (`linkEnd`).
enum Tokenizer {
    /// The tokens of `text`, with word classes and ids from `words`.
    static func tokenize(_ text: String, words table: WordTable = .plain) -> [Token] {
        var tokens: [Token] = [], scalars: [Unicode.Scalar] = [], raw = ContiguousArray<UInt8>()
        var expansions: [String: Expansion] = [:]
        tokenize(text, words: table, into: &tokens, scalars: &scalars, raw: &raw, expansions: &expansions)
        return tokens
    }

    /// What `Normalizer.expand` made of a word.
    typealias Expansion = (words: [String], stretched: Bool)

    /// `tokenize(_:words:)` into `tokens`, with `scalars` and `raw` as scratch space: buffers
    /// kept from an earlier reply are emptied and reused, so a warm reader allocates no arrays.
    /// `expansions` remembers `Normalizer.expand`'s answers (a pure function of the word)
    /// across replies: "I'm", "don't" are expanded once.
    static func tokenize(_ text: String, words table: WordTable, into tokens: inout [Token],
                         scalars: inout [Unicode.Scalar], raw: inout ContiguousArray<UInt8>,
                         expansions: inout [String: Expansion]) {
        let asciiShouting = unicodeScalars(of: text, into: &scalars)
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(scalars.count / 4 + 4)
        let allCaps = asciiShouting ?? isShouting(scalars)
        raw.reserveCapacity(32)
        var sentence = 0
        var pendingBreak = false
        var pendingEmphasis = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isWordScalar(c) || (isApostrophe(c) && i + 1 < scalars.count && isLetter(scalars[i + 1])
                                   && (i == 0 || !isWordScalar(scalars[i - 1]))) {
                let start = i
                raw.removeAll(keepingCapacity: true)
                var letters = 0, upper = 0
                var asciiWord = true
                var numeric = isDigit(c)
                // Letters run into digits: a code ("SORRY15", "EU261", "the M6"), one word that
                // is nobody's apology, unless the letters are a time's preposition typed onto it
                // ("by5", `TimeReader.prepositions`) or the run is a chat spelling ("2day", "b4").
                var code = false
                func readDigitSpelling() -> Bool {
                    guard let end = digitSpelling(scalars, from: start, into: &raw) else { return false }
                    i = end
                    numeric = false
                    letters = 0
                    return true
                }
                while i < scalars.count {
                    let s = scalars[i]
                    if numeric && isOrdinalSuffix(scalars, i) {
                        // Both ASCII letters (checked): lowercase them by setting bit 5.
                        raw.append(UInt8(scalars[i].value) | 0x20)
                        raw.append(UInt8(scalars[i + 1].value) | 0x20)
                        i += 2
                        break
                    }
                    if isLetter(s) {
                        if numeric { _ = readDigitSpelling(); break }
                        letters += 1
                        if s.isASCII {
                            if s.value <= 90 { upper += 1; raw.append(UInt8(s.value + 32)) } else { raw.append(UInt8(s.value)) }
                        } else {
                            asciiWord = false
                            if s.properties.isUppercase { upper += 1 }
                            for lower in s.properties.lowercaseMapping.unicodeScalars {
                                UTF8.encode(lower) { raw.append($0) }
                            }
                        }
                    } else if isDigit(s) {
                        if !numeric && letters > 0 && !code {
                            if TimeReader.prepositions.contains(String(decoding: raw, as: UTF8.self)) || readDigitSpelling() { break }
                            code = true
                        }
                        raw.append(UInt8(s.value))
                    } else if isApostrophe(s), i + 1 < scalars.count, isLetter(scalars[i + 1]) || !raw.isEmpty {
                        if numeric { break }
                        raw.append(UInt8(ascii: "'"))
                    } else if numeric, s == ":" || s == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                        raw.append(UInt8(ascii: ":"))
                    } else {
                        break
                    }
                    i += 1
                }
                // A web address: only a word that stops at ".", ":" or "-" before more text can
                // start one ("www.", "https:", "t.co/", "example-council.gov.uk/").
                if i + 1 < scalars.count, scalars[i] == "." || scalars[i] == ":" || scalars[i] == "-",
                   isWordScalar(scalars[i + 1]) || scalars[i + 1] == "/",
                   let end = linkEnd(scalars, at: start) {
                    var link = standIn("link", start..<end, sentence: sentence, table)
                    link.breakBefore = pendingBreak
                    tokens.append(link)
                    pendingBreak = false
                    pendingEmphasis = false
                    i = end
                    continue
                }
                // "a.m." / "p.m."
                if raw.count == 1, raw[0] == UInt8(ascii: "a") || raw[0] == UInt8(ascii: "p"), i + 2 < scalars.count,
                   scalars[i] == ".", scalars[i + 1] == "m" || scalars[i + 1] == "M" {
                    raw.append(UInt8(ascii: "m"))
                    i += 2
                    if i < scalars.count, scalars[i] == "." { i += 1 }
                }
                // Words the table knows (most) come with their `String`: none is built for them.
                let needsExpansion = !numeric && !code && raw.withUnsafeBufferPointer { Normalizer.needsFullExpansion(utf8: $0) }
                let known = numeric || code || !asciiWord || needsExpansion ? nil : raw.withUnsafeBufferPointer { table.entry(ascii: $0) }
                let word = known?.word ?? String(decoding: raw, as: UTF8.self)
                let shouted = !code && !allCaps && letters >= 2 && upper == letters
                let emphasised = pendingEmphasis || (i < scalars.count && (scalars[i] == "*" || scalars[i] == "_")
                                                     && start > 0 && (scalars[start - 1] == "*" || scalars[start - 1] == "_"))
                func append(_ w: String, key: String, flags: Token.Flags, id: Int32, stretched: Bool) {
                    var token = Token(text: w, key: key, kind: numeric ? .number : .word,
                                      start: start, end: i, sentence: sentence)
                    token.breakBefore = pendingBreak
                    token.stressed = shouted || stretched || emphasised
                    token.flags = flags
                    token.id = id
                    tokens.append(token)
                    pendingBreak = false
                }
                func append(_ w: String, stretched: Bool) {
                    let key = comparisonKey(w)
                    let (flags, id) = table.classes(ofKey: key)
                    append(w, key: key, flags: numeric ? [.word, .number] : flags.union(.word), id: id, stretched: stretched)
                }
                if numeric {
                    append(word, stretched: false)
                } else if code {
                    let (flags, id) = table.classes(ofKey: word)
                    append(word, key: word, flags: flags.union(.word), id: id, stretched: false)
                } else if let entry = known?.entry {
                    // One lookup: a whole-word fix, or the word's own classes and id.
                    if let fixed = entry.fixed {
                        for f in fixed { append(f.text, key: f.key, flags: f.flags, id: f.id, stretched: false) }
                    } else if raw.last != UInt8(ascii: "s") {  // `word`'s bytes are `raw`
                        append(word, key: word, flags: entry.flags.union(.word), id: entry.id, stretched: false)
                    } else {
                        append(word, stretched: false)
                    }
                } else if needsExpansion {
                    let expansion: Expansion
                    if let known = expansions[word] {
                        expansion = known
                    } else {
                        expansion = Normalizer.expand(word)
                        if expansions.count < 4096 { expansions[word] = expansion }
                    }
                    for w in expansion.words { append(w, stretched: expansion.stretched) }
                } else if raw.last != UInt8(ascii: "s") {  // `word`'s bytes are `raw`
                    // No fix, no class, no id; and only a final "s" changes a comparison key.
                    append(word, key: word, flags: .word, id: -1, stretched: false)
                } else {
                    append(word, stretched: false)
                }
                pendingEmphasis = false
                continue
            }
            switch c {
            case ".", "!", "?", ";", "\n", "…":
                var mark: Unicode.Scalar = c
                let start = i
                while i + 1 < scalars.count, isSentenceMark(scalars[i + 1]) {
                    i += 1
                    if scalars[i] == "?" { mark = "?" }
                }
                if c == "\n" || c == "…" { mark = "." }
                if !tokens.isEmpty, tokens[tokens.count - 1].kind != .sentenceEnd {
                    let text = String(mark)
                    var token = Token(text: text, key: text, kind: .sentenceEnd, start: start, end: i + 1, sentence: sentence)
                    token.id = table.classes(ofKey: text).id
                    tokens.append(token)
                    sentence += 1
                }
                pendingBreak = false
            case ",", ":", "—", "–", "(", ")", "\"", "“", "”":
                pendingBreak = true
            case "-":
                if i > 0, i + 1 < scalars.count, isDigit(scalars[i - 1]), isDigit(scalars[i + 1]) {
                    tokens.append(standIn("to", i..<(i + 1), sentence: sentence, table))
                } else if i + 1 < scalars.count, scalars[i + 1] == " " {
                    pendingBreak = true
                }
            case "*", "_":
                pendingEmphasis = i + 1 < scalars.count && isWordScalar(scalars[i + 1])
            default:
                break
            }
            i += 1
        }
        readModalOf(&tokens, table)
        markQuoted(&tokens, scalars: scalars)
    }

    /// "should of", "could of", "must of" are "should have", … typed as heard: the "of" after
    /// a modal reads "have", except in "of course".
    private static func readModalOf(_ tokens: inout [Token], _ table: WordTable) {
        guard tokens.count > 1 else { return }
        for i in 1..<tokens.count where tokens[i].key == "of" && modalsHeardWithOf.contains(tokens[i - 1].key)
            && !tokens[i].breakBefore && (i + 1 == tokens.count || tokens[i + 1].key != "course") {
            tokens[i] = standIn("have", tokens[i].start..<tokens[i].end, sentence: tokens[i].sentence, table)
        }
    }

    /// Modals after which "of" is "have" misheard ("should of told you").
    private static let modalsHeardWithOf: Set<String> = ["should", "could", "would", "must", "might"]

    /// A word read in place of what was typed at `span` ("3-5" reads "to"; a web address reads
    /// "link"), with its classes and id from `table`.
    private static func standIn(_ word: String, _ span: Range<Int>, sentence: Int, _ table: WordTable) -> Token {
        var token = Token(text: word, key: word, kind: .word, start: span.lowerBound, end: span.upperBound, sentence: sentence)
        let (flags, id) = table.classes(ofKey: word)
        token.flags = flags.union(.word)
        token.id = id
        return token
    }

    /// Marks the tokens inside paired quotation marks: straight or curly double quotes, curly
    /// single quotes, and straight single quotes that open before a word and close after one
    /// ('it's not our problem'). An unpaired mark quotes nothing.
    private static func markQuoted(_ tokens: inout [Token], scalars: [Unicode.Scalar]) {
        var ranges: [(Int, Int)] = []
        var openDouble: Int? = nil, openSingle: Int? = nil
        for (i, s) in scalars.enumerated() {
            // Most scalars are ASCII and no quotation mark: one test for them.
            if s.value < 0x80, s != "\"", s != "'" { continue }
            let before = i > 0 ? scalars[i - 1] : " ", after = i + 1 < scalars.count ? scalars[i + 1] : " "
            switch s {
            case "\"":
                if let open = openDouble { ranges.append((open, i)); openDouble = nil } else { openDouble = i }
            case "“": openDouble = i
            case "”": if let open = openDouble { ranges.append((open, i)); openDouble = nil }
            case "‘", "'":
                if openSingle == nil, !isWordScalar(before), isLetter(after) { openSingle = i }
                else if let open = openSingle, isWordScalar(before) || isSentenceMark(before), !isLetter(after) {
                    ranges.append((open, i))
                    openSingle = nil
                }
            case "’":
                if let open = openSingle, !isLetter(after) { ranges.append((open, i)); openSingle = nil }
            default: break
            }
        }
        guard !ranges.isEmpty else { return }
        for k in tokens.indices where tokens[k].kind != .sentenceEnd {
            let start = tokens[k].start
            if ranges.contains(where: { $0.0 <= start && start < $0.1 }) { tokens[k].quoted = true }
        }
    }

    /// Sets `scalars` to `Array(text.unicodeScalars)`, without decoding when the text is
    /// ASCII (most replies): each byte is then its scalar. For ASCII text, also returns
    /// `isShouting(scalars)`, counted in the same pass; nil otherwise.
    private static func unicodeScalars(of text: String, into scalars: inout [Unicode.Scalar]) -> Bool? {
        scalars.removeAll(keepingCapacity: true)
        let shouting = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var all: UInt8 = 0
            for byte in bytes { all |= byte }
            guard all < 0x80 else { return nil }
            scalars.append(contentsOf: repeatElement(Unicode.Scalar(0), count: bytes.count))
            var letters = 0, upper = 0
            scalars.withUnsafeMutableBufferPointer { scalars in
                for k in bytes.indices {
                    let byte = bytes[k]
                    scalars[k] = Unicode.Scalar(byte)
                    // As `isLetter` and `isShouting` read an ASCII scalar.
                    // Branch-free, with wrapping additions (a reply is far shorter than
                    // `Int.max`): a letter is a-z or A-Z, a capital A-Z.
                    letters &+= (byte | 0x20) &- 97 < 26 ? 1 : 0
                    upper &+= byte &- 65 < 26 ? 1 : 0
                }
            }
            return shouts(letters: letters, upper: upper)
        }
        if let shouting, let shouting { return shouting }
        scalars.append(contentsOf: text.unicodeScalars)
        return nil
    }

    private static func isShouting(_ scalars: [Unicode.Scalar]) -> Bool {
        var letters = 0, upper = 0
        for s in scalars where isLetter(s) {
            letters += 1
            if s.isASCII ? s.value <= 90 : s.properties.isUppercase { upper += 1 }
        }
        return shouts(letters: letters, upper: upper)
    }

    /// Whether a reply with `letters` letters, `upper` of them capitals, is shouted: at least
    /// 70% capitals.
    @inline(__always)
    private static func shouts(letters: Int, upper: Int) -> Bool { letters > 0 && upper * 10 >= letters * 7 }

    /// "st", "nd", "rd" or "th" in any case at `i`, not followed by a letter.
    private static func isOrdinalSuffix(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 1 < scalars.count, scalars[i].isASCII, scalars[i + 1].isASCII else { return false }
        let a = UInt8(scalars[i].value) | 0x20, b = UInt8(scalars[i + 1].value) | 0x20
        let pair = UInt16(a) << 8 | UInt16(b)
        switch pair {
        case 0x7374, 0x6E64, 0x7264, 0x7468: break  // st nd rd th
        default: return false
        }
        // Setting bit 5 maps only "S"/"s" (etc.) onto the letter: reject other ASCII that lands there.
        guard isLetter(scalars[i]), isLetter(scalars[i + 1]) else { return false }
        let after = i + 2 < scalars.count ? scalars[i + 2] : " "
        return !isLetter(after)
    }

    private static func isSentenceMark(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == ";" || s == "…"
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        return s.properties.isAlphabetic
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "‘" || s == "`" }
}
