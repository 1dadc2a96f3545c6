/// All patterns of the scoring data compiled into one flat instruction array over interned
/// word ids, run by a small backtracking machine: no allocation, no reference counting and
/// no string comparison per step while a reply is read.
struct PatternProgram: Sendable {
    /// One machine instruction.
    enum Op: Sendable {
        /// The word (or sentence mark) with this id.
        case word(Int32)
        /// Any one of a set of words: a bitmap over vocabulary ids in `wordSetBits`.
        case wordSet(offset: Int32, words: Int32)
        /// A word starting with `prefixTable.stems[n]`.
        case prefix(Int32)
        /// A built-in token class.
        case builtIn(BuiltInClass)
        /// Succeeds only at the start of a sentence; consumes nothing.
        case sentenceStart
        /// Succeeds only where a clause ends (a break, a sentence mark, the reply's end); consumes nothing.
        case clauseEnd
        /// Succeeds, consuming nothing, unless the next token is one of a set of words (a bitmap
        /// in `wordSetBits`, as for `wordSet`).
        case notNext(offset: Int32, words: Int32)
        /// Try `first`; on failure come back and try `second`.
        case split(first: Int32, second: Int32)
        /// Continue at this instruction.
        case jump(Int32)
        /// Consume one word a gap may skip.
        case skip
        /// The pattern matched.
        case match
        /// Succeeds, consuming nothing, only if the reply holds one of a set of words (a bitmap
        /// in `wordSetBits`, as for `wordSet`). A pattern's program starts with these: words
        /// every match needs, so a reply without them is turned down before any matching.
        case require(offset: Int32, words: Int32)
    }

    private(set) var ops: [Op] = []
    /// The distinct `word*` prefixes.
    private(set) var prefixTable = PrefixTable()
    private(set) var wordSetBits: [UInt64] = []
    /// Every word a pattern names, by its comparison key.
    private(set) var vocabulary: [String: Int32] = [:]

    /// The id of `key`, added to the vocabulary if new.
    mutating func id(_ key: String) -> Int32 {
        if let known = vocabulary[key] { return known }
        let id = Int32(vocabulary.count)
        vocabulary[key] = id
        return id
    }

    /// Compiles `node` and returns the instruction it starts at.
    mutating func compile(_ node: PatternNode) -> Int {
        let start = ops.count
        // The first required word is usually the one the rule is indexed by: skip it.
        for words in requiredWords(node).dropFirst().prefix(3) {
            let bits = Self.bitmap(words)
            ops.append(.require(offset: Int32(wordSetBits.count), words: Int32(bits.count)))
            wordSetBits.append(contentsOf: bits)
        }
        emit(node)
        ops.append(.match)
        return start
    }

    /// Sets of words of which every match of `node` holds at least one (of each set), in
    /// pattern order. Sound, not complete: parts that may match nothing add no set.
    private mutating func requiredWords(_ node: PatternNode) -> [[Int32]] {
        switch node {
        case .word(let key), .mark(let key):
            return [[id(key)]]
        case .sequence(let parts):
            var all: [[Int32]] = []
            for part in parts { all += requiredWords(part) }
            return all
        case .alternatives(let options):
            var union: [Int32] = []
            for option in options {
                guard let first = requiredWords(option).first else { return [] }
                union += first
            }
            return union.isEmpty ? [] : [union]
        case .prefix, .builtIn, .sentenceStart, .clauseEnd, .notFollowedBy, .optional, .gap:
            return []
        }
    }

    private static func bitmap(_ ids: [Int32]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: Int(ids.max() ?? 0) / 64 + 1)
        for id in ids { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) }
        return bits
    }

    private mutating func emit(_ node: PatternNode) {
        switch node {
        case .word(let key), .mark(let key):
            ops.append(.word(id(key)))
        case .prefix(let stem):
            ops.append(.prefix(Int32(prefixTable.index(of: stem))))
        case .builtIn(let kind):
            ops.append(.builtIn(kind))
        case .sentenceStart:
            ops.append(.sentenceStart)
        case .clauseEnd:
            ops.append(.clauseEnd)
        case .notFollowedBy(let keys):
            let bits = Self.bitmap(keys.map { id($0) })
            ops.append(.notNext(offset: Int32(wordSetBits.count), words: Int32(bits.count)))
            wordSetBits.append(contentsOf: bits)
        case .sequence(let parts):
            for part in parts { emit(part) }
        case .alternatives(let all):
            // Single words among the alternatives become one set lookup, tried first.
            var single: [Int32] = []
            var options: [PatternNode] = []
            for option in all {
                if case .word(let key) = option { single.append(id(key)) } else { options.append(option) }
            }
            var setOp: Op?
            if single.count > 1 {
                let bits = Self.bitmap(single)
                setOp = .wordSet(offset: Int32(wordSetBits.count), words: Int32(bits.count))
                wordSetBits.append(contentsOf: bits)
                options.insert(.builtIn(.any), at: 0)  // stands for the set below
            } else if let only = single.first {
                options.insert(.word(vocabulary.first { $0.value == only }!.key), at: 0)
            }
            var exits: [Int] = []
            func emitOption(_ option: PatternNode, first: Bool) {
                if first, let setOp { ops.append(setOp) } else { emit(option) }
            }
            for (n, option) in options.dropLast().enumerated() {
                let split = ops.count
                ops.append(.match)  // placeholder
                emitOption(option, first: n == 0)
                exits.append(ops.count)
                ops.append(.match)  // placeholder for the jump out
                ops[split] = .split(first: Int32(split + 1), second: Int32(ops.count))
            }
            if let last = options.last { emitOption(last, first: options.count == 1) }
            for exit in exits { ops[exit] = .jump(Int32(ops.count)) }
        case .optional(let part):
            let split = ops.count
            ops.append(.match)
            emit(part)
            ops[split] = .split(first: Int32(split + 1), second: Int32(ops.count))
        case .gap(let size):
            var splits: [Int] = []
            for _ in 0..<size {
                splits.append(ops.count)
                ops.append(.match)
                ops.append(.skip)
            }
            let end = Int32(ops.count)
            for split in splits { ops[split] = .split(first: end, second: Int32(split + 1)) }
        }
    }
}

/// The `require` checks at the start of each rule's program, kept sparse: only the bitmap
/// words that hold a required word, so a reply is checked against them in a few ANDs.
struct RequirementTable: Sendable {
    /// Nonzero bitmap words: (index into the reply's `present` bitmap, mask).
    private var masks: [(index: Int32, mask: UInt64)] = []
    /// For each `require`, where its masks start in `masks` (one extra entry at the end).
    private var groupStarts: [Int32] = [0]
    /// For each rule: its `require`s (`first..<end` in `groupStarts`) and the instruction after them.
    private var rules: [(first: Int32, end: Int32, pc: Int32)] = []

    init(program: PatternProgram, entryPoints: [Int]) {
        for entry in entryPoints {
            var pc = entry
            let first = Int32(groupStarts.count - 1)
            while case .require(let offset, let words) = program.ops[pc] {
                for k in 0..<Int(words) {
                    let mask = program.wordSetBits[Int(offset) + k]
                    if mask != 0 { masks.append((Int32(k), mask)) }
                }
                groupStarts.append(Int32(masks.count))
                pc += 1
            }
            rules.append((first, Int32(groupStarts.count - 1), Int32(pc)))
        }
    }

    /// Where rule `number` runs from once its required words are found in `present`, or -1
    /// when the reply lacks them: the same answer as `MatchInput.pastRequirements`.
    func start(_ number: Int, present: [UInt64]) -> Int32 {
        let rule = rules[number]
        if rule.first == rule.end { return rule.pc }
        return masks.withUnsafeBufferPointer { masks in
        groupStarts.withUnsafeBufferPointer { groupStarts in
        present.withUnsafeBufferPointer { present in
            var group = Int(rule.first)
            while group < Int(rule.end) {
                var found = false
                var m = Int(groupStarts[group])
                let end = Int(groupStarts[group + 1])
                while m < end {
                    let (index, mask) = masks[m]
                    if Int(index) < present.count, present[Int(index)] & mask != 0 { found = true; break }
                    m += 1
                }
                if !found { return -1 }
                group += 1
            }
            return rule.pc
        } } }
    }
}

extension MatchInput {
    /// Runs the program from instruction `pc` at token `start`; returns the end (exclusive) of
    /// the first match in priority order (optional parts taken, gaps kept short), if any.
    /// `stack` is scratch space reused between calls, with room for more entries than the
    /// program has instructions (`AnalyzerScratch.matchStack`): every split and jump goes
    /// forward, so the entries on it are splits at rising instructions. A run allocates
    /// nothing and checks neither uniqueness nor exclusive access per step.
    func run(_ program: PatternProgram, from pc: Int, at start: Int,
             stack: UnsafeMutableBufferPointer<(pc: Int32, position: Int32)>) -> Int? {
        guard let pc = pastRequirements(program, from: pc) else { return nil }
        return run(program, afterRequirementsFrom: pc, at: start, stack: stack)
    }

    /// The instruction after the `require` checks that start at `pc`, or nil when the reply
    /// lacks words the pattern needs. The answer does not depend on where a run starts.
    func pastRequirements(_ program: PatternProgram, from pc: Int) -> Int? {
        var pc = pc
        // Words the pattern needs that the reply lacks: no match anywhere.
        while case .require(let offset, let words) = program.ops[pc] {
            guard program.wordSetBits.withUnsafeBufferPointer({ bits in
                present.withUnsafeBufferPointer { present in
                    var k = 0
                    let n = min(Int(words), present.count)
                    while k < n {
                        if bits[Int(offset) + k] & present[k] != 0 { return true }
                        k += 1
                    }
                    return false
                }
            }) else { return nil }
            pc += 1
        }
        return pc
    }

    /// `run(_:from:at:stack:)` from `pc`, which `pastRequirements` returned.
    func run(_ program: PatternProgram, afterRequirementsFrom pc: Int, at start: Int,
             stack: UnsafeMutableBufferPointer<(pc: Int32, position: Int32)>) -> Int? {
        precondition(stack.count > program.ops.count)
        let count = tokens.count
        var pc = pc
        // Most runs fail on their first instruction: answer those before any set-up.
        switch program.ops[pc] {
        case .word(let id):
            guard start < count, facts[start].id == id else { return nil }
        case .builtIn(.time):
            guard start < count, timeEnds[start] > start else { return nil }
        default:
            break
        }
        var depth = 0
        var i = start
        return program.ops.withUnsafeBufferPointer { ops in
        program.wordSetBits.withUnsafeBufferPointer { bits in
        facts.withUnsafeBufferPointer { facts in
            while true {
                var ok = true
                switch ops[pc] {
                case .word(let id):
                    if i < count, facts[i].id == id { i += 1; pc += 1 } else { ok = false }
                case .wordSet(let offset, let words):
                    let id = i < count ? facts[i].id : -1
                    if id >= 0, id >> 6 < words, bits[Int(offset + id >> 6)] & (1 << UInt64(id & 63)) != 0 {
                        i += 1; pc += 1
                    } else { ok = false }
                case .prefix(let n):
                    if i < count, facts[i].flags.contains(.word),
                       n < 64 ? facts[i].prefixBits & (1 << UInt64(n)) != 0 : tokens[i].text.hasPrefix(program.prefixTable.stems[Int(n)]) {
                        i += 1; pc += 1
                    } else { ok = false }
                case .builtIn(let kind):
                    if i < count, facts[i].flags.contains(.word) {
                        switch kind {
                        case .time:
                            let end = timeEnds[i]
                            if end > i { i = end; pc += 1 } else { ok = false }
                        case .number:
                            if facts[i].flags.contains(.number) { i += 1; pc += 1 } else { ok = false }
                        case .day:
                            if facts[i].flags.contains(.day) { i += 1; pc += 1 } else { ok = false }
                        case .any:
                            i += 1; pc += 1
                        }
                    } else { ok = false }
                case .sentenceStart:
                    if i == 0 || (i <= count && !facts[i - 1].flags.contains(.word)) { pc += 1 } else { ok = false }
                case .clauseEnd:
                    if i == count || !facts[i].flags.contains(.word) || tokens[i].breakBefore { pc += 1 } else { ok = false }
                case .notNext(let offset, let words):
                    let id = i < count ? facts[i].id : -1
                    if id >= 0, id >> 6 < words, bits[Int(offset + id >> 6)] & (1 << UInt64(id & 63)) != 0 { ok = false } else { pc += 1 }
                case .split(let first, let second):
                    stack[depth] = (second, Int32(i))
                    depth += 1
                    pc = Int(first)
                case .jump(let target):
                    pc = Int(target)
                case .skip:
                    if i < count, facts[i].isSkippable { i += 1; pc += 1 } else { ok = false }
                case .match:
                    return i
                case .require:
                    pc += 1  // checked on entry; never reached after the start
                }
                if !ok {
                    guard depth > 0 else { return nil }
                    depth -= 1
                    let resume = stack[depth]
                    pc = Int(resume.pc)
                    i = Int(resume.position)
                }
            }
        } } }
    }
}
