/// The tokens a rule's match can begin with, for rules the first-word index cannot hold
/// (they open with `<number>`, `<time>`, `apolog*`, `<any>`...): tested with a few bit
/// operations before the rule's program runs, so the program runs only where it can match.
///
/// Sound, not exact: every token a match can begin with passes; some that pass still fail.
struct StartFilter: Sendable {
    /// Words (or sentence marks) a match can begin with, by vocabulary id.
    private(set) var ids: [Int32] = []
    /// Prefixes (bits over `PrefixTable` indices) a match's first word can start with.
    private(set) var prefixes: UInt64 = 0
    /// Word classes (`.number`, `.day`) a match's first word can have.
    private(set) var flags: Token.Flags = []
    /// A match can begin with a time expression.
    private(set) var time = false
    /// A match can begin with any word.
    private(set) var anyWord = false
    /// The pattern opens with `^`: a match begins only at the start of a sentence.
    private(set) var sentenceStartOnly = false

    /// The filter of `node`, compiled into `program` (whose vocabulary and prefixes it uses).
    init(_ node: PatternNode, program: PatternProgram) {
        if case .sequence(let parts) = node, case .sentenceStart? = parts.first { sentenceStartOnly = true }
        add(node, program)
    }

    /// Adds the first tokens of `node`.
    private mutating func add(_ node: PatternNode, _ program: PatternProgram) {
        switch node {
        case .word(let key), .mark(let key):
            // Every word of a compiled pattern has an id; a missing one could match nothing.
            if let id = program.vocabulary[key] { ids.append(id) }
        case .prefix(let stem):
            if let bit = program.prefixTable.bit(of: stem) { prefixes |= bit } else { anyWord = true }
        case .builtIn(let kind):
            switch kind {
            case .any: anyWord = true
            case .number: flags.formUnion(.number)
            case .day: flags.formUnion(.day)
            case .time: time = true
            }
        case .gap:
            anyWord = true  // a gap skips words: any word may come first
        case .sentenceStart, .clauseEnd, .notFollowedBy:
            break
        case .optional(let part):
            add(part, program)
        case .alternatives(let options):
            for option in options { add(option, program) }
        case .sequence(let parts):
            for part in parts {
                add(part, program)
                if !part.canBeEmpty { break }
            }
        }
    }
}

/// The rules of `StartFilter`s indexed by what their filters accept, so that each token finds
/// its candidates in a few short lists instead of testing every filter.
struct StartIndex: Sendable {
    /// Rule positions (in the filter list) by the vocabulary id their filter names.
    private var byID: [[Int32]]
    /// Rule positions by prefix bit.
    private var byPrefixBit = [[Int32]](repeating: [], count: 64)
    private var number: [Int32] = []
    private var day: [Int32] = []
    private var time: [Int32] = []
    private var anyWord: [Int32] = []
    /// For each position: the filter wants a sentence start.
    private var sentenceStartOnly: [Bool] = []
    /// How many filters there are.
    let count: Int

    init(_ filters: [StartFilter], vocabularySize: Int) {
        byID = Array(repeating: [], count: vocabularySize)
        count = filters.count
        for (k, filter) in filters.enumerated() {
            let k = Int32(k)
            sentenceStartOnly.append(filter.sentenceStartOnly)
            if filter.anyWord { anyWord.append(k) }  // its ids still matter: sentence marks
            for id in Set(filter.ids) where Int(id) < vocabularySize { byID[Int(id)].append(k) }
            for bit in 0..<64 where filter.prefixes & (1 << UInt64(bit)) != 0 { byPrefixBit[bit].append(k) }
            if filter.flags.contains(.number) { number.append(k) }
            if filter.flags.contains(.day) { day.append(k) }
            if filter.time { time.append(k) }
        }
    }

    /// Writes to the front of `candidates` each filter position whose filter accepts token
    /// `i`, once, in a fixed order, and returns how many. A filter accepts a token that has one
    /// of its ids; or a word that starts with one of its prefixes, has one of its classes,
    /// starts a time (if it takes a time) or any word (if it takes any); and with
    /// `sentenceStartOnly`, only at the start of a sentence. `tried` (one entry per filter,
    /// reused across the tokens of a reply) keeps a filter from being listed twice;
    /// `candidates` has room for every filter.
    func candidates(_ input: MatchInput, at i: Int, tried: UnsafeMutableBufferPointer<Int32>,
                    into candidates: UnsafeMutableBufferPointer<Int32>) -> Int {
        var count = 0
        let facts = input.facts[i]
        let atSentenceStart = i == 0 || !input.facts[i - 1].flags.contains(.word)
        let stamp = Int32(i)
        func add(_ list: [Int32]) {
            for k in list where tried[Int(k)] != stamp {
                tried[Int(k)] = stamp
                if sentenceStartOnly[Int(k)] && !atSentenceStart { continue }
                candidates[count] = k
                count += 1
            }
        }
        if facts.id >= 0, Int(facts.id) < byID.count { add(byID[Int(facts.id)]) }
        guard facts.flags.contains(.word) else { return count }
        var bits = facts.prefixBits
        while bits != 0 {
            add(byPrefixBit[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        if facts.flags.contains(.number) { add(number) }
        if facts.flags.contains(.day) { add(day) }
        if input.timeEnds[i] > i { add(time) }
        add(anyWord)
        return count
    }
}

/// The distinct `word*` prefixes of the patterns, each a bit, so that a reply's words are
/// compared with them once (in `MatchInput`) and the matcher tests a bit.
struct PrefixTable: Sendable {
    /// The prefixes, in the order first met; prefix `n` is bit `n` (up to 64).
    private(set) var stems: [String] = []
    /// For each first UTF-8 byte, the prefixes starting with it (as indices into `stems`).
    private var byFirstByte = [[Int]](repeating: [], count: 256)
    /// Bits of empty prefixes, which every word starts with.
    private var emptyStems: UInt64 = 0
    /// Every stem's UTF-8 bytes, one after another, and where each one's are.
    private var stemBytes: [UInt8] = []
    private var stemSpans: [(offset: Int32, count: Int32)] = []

    /// The index of `stem`, added if new.
    mutating func index(of stem: String) -> Int {
        if let known = stems.firstIndex(of: stem) { return known }
        stems.append(stem)
        stemSpans.append((Int32(stemBytes.count), Int32(stem.utf8.count)))
        stemBytes += stem.utf8
        if stems.count <= 64 {
            if let first = stem.utf8.first { byFirstByte[Int(first)].append(stems.count - 1) } else { emptyStems |= 1 << UInt64(stems.count - 1) }
        }
        return stems.count - 1
    }

    /// The bit of `stem`, or nil when it has none (unknown, or beyond the 64th prefix).
    func bit(of stem: String) -> UInt64? {
        guard let n = stems.firstIndex(of: stem), n < 64 else { return nil }
        return 1 << UInt64(n)
    }

    /// The bits of the prefixes `text` starts with, exactly as `String.hasPrefix` decides it.
    func bits(of text: String) -> UInt64 {
        guard let first = text.utf8.first else { return emptyStems }
        let candidates = byFirstByte[Int(first)]
        guard !candidates.isEmpty else { return emptyStems }
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var bits = emptyStems
            for n in candidates where hasPrefix(bytes, stem: n, text) { bits |= 1 << UInt64(n) }
            return bits
        }
        // On the text's bytes in place where it has them so (native and small strings).
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Whether `text` (whose UTF-8 bytes are `bytes`) starts with stem `n`, on bytes when that
    /// gives `String.hasPrefix`'s answer: for an ASCII stem followed in `text` by an ASCII
    /// byte (or nothing), the first characters are the stem's bytes exactly. Anything else (a
    /// combining mark after the stem, a non-ASCII stem) asks `hasPrefix` itself.
    private func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, stem n: Int, _ text: String) -> Bool {
        let span = stemSpans[n]
        let count = Int(span.count)
        for k in 0..<count {
            let byte = stemBytes[Int(span.offset) + k]
            guard byte < 0x80 else { return text.hasPrefix(stems[n]) }
            guard k < bytes.count else { return false }
            if bytes[k] != byte { return bytes[k] < 0x80 ? false : text.hasPrefix(stems[n]) }
        }
        guard count < bytes.count else { return true }
        return bytes[count] < 0x80 ? true : text.hasPrefix(stems[n])
    }
}
