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
        /// A word starting with `prefixes[n]`.
        case prefix(Int32)
        /// A built-in token class.
        case builtIn(BuiltInClass)
        /// Succeeds only at the start of a sentence; consumes nothing.
        case sentenceStart
        /// Try `first`; on failure come back and try `second`.
        case split(first: Int32, second: Int32)
        /// Continue at this instruction.
        case jump(Int32)
        /// Consume one word a gap may skip.
        case skip
        /// The pattern matched.
        case match
    }

    private(set) var ops: [Op] = []
    private(set) var prefixes: [String] = []
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
        emit(node)
        ops.append(.match)
        return start
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
            prefixes.append(stem)
            ops.append(.prefix(Int32(prefixes.count - 1)))
        case .builtIn(let kind):
            ops.append(.builtIn(kind))
        case .sentenceStart:
            ops.append(.sentenceStart)
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

extension MatchInput {
    /// Runs the program from instruction `pc` at token `start`; returns the end (exclusive) of
    /// the first match in priority order (optional parts taken, gaps kept short), if any.
    /// `stack` is scratch space reused between calls.
    func run(_ program: PatternProgram, from pc: Int, at start: Int,
             stack: inout [(pc: Int32, position: Int32)]) -> Int? {
        stack.removeAll(keepingCapacity: true)
        var pc = pc, i = start
        let count = tokens.count
        return program.ops.withUnsafeBufferPointer { ops in program.wordSetBits.withUnsafeBufferPointer { bits in
            while true {
                var ok = true
                switch ops[pc] {
                case .word(let id):
                    if i < count, ids[i] == id { i += 1; pc += 1 } else { ok = false }
                case .wordSet(let offset, let words):
                    let id = i < count ? ids[i] : -1
                    if id >= 0, id >> 6 < words, bits[Int(offset + id >> 6)] & (1 << UInt64(id & 63)) != 0 {
                        i += 1; pc += 1
                    } else { ok = false }
                case .prefix(let n):
                    if i < count, tokens[i].isWord, tokens[i].text.hasPrefix(program.prefixes[Int(n)]) {
                        i += 1; pc += 1
                    } else { ok = false }
                case .builtIn(let kind):
                    if let end = classEnd(kind, at: i) { i = end; pc += 1 } else { ok = false }
                case .sentenceStart:
                    if i == 0 || (i <= count && !tokens[i - 1].isWord) { pc += 1 } else { ok = false }
                case .split(let first, let second):
                    stack.append((second, Int32(i)))
                    pc = Int(first)
                case .jump(let target):
                    pc = Int(target)
                case .skip:
                    if i < count, skippable[i] { i += 1; pc += 1 } else { ok = false }
                case .match:
                    return i
                }
                if !ok {
                    guard let resume = stack.popLast() else { return nil }
                    pc = Int(resume.pc)
                    i = Int(resume.position)
                }
            }
        } }
    }
}
