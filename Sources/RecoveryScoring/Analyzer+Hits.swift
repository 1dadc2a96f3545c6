import RecoveryCore

extension Analyzer {
    /// Runs every pattern and exception once at each token, through the first-word index.
    func collectHits(into reading: inout Reading, scratch: AnalyzerScratch) {
        let input = reading.input
        let stack = scratch.matchStack(size: program.ops.count + 1)
        // starts: where each rule's run starts once its required words are checked (once per
        // reply): -2 not checked yet, -1 the reply lacks them. tried: the token each start
        // filter was last listed for (-1: none yet).
        let (starts, tried, candidates) = scratch.ruleTables(rules: rules.count, filters: startIndex.count)
        func record(_ number: Int, at i: Int) {
            // A rule that needs a time cannot match after the reply's last one begins.
            if i > input.lastTimeStart, needsTime[number] { return }
            var pc = starts[number]
            if pc == -2 {
                pc = requirements.start(number, present: input.present)
                starts[number] = pc
            }
            guard pc >= 0,
                  let end = input.run(program, afterRequirementsFrom: Int(pc), at: i, stack: stack), end > i else { return }
            let kind = ruleKinds[number]
            reading.add(Hit(behavior: kind.behavior, start: i, end: end, rule: number), exception: kind.isException)
        }
        indexedRules.withUnsafeBufferPointer { indexedRules in
        indexStarts.withUnsafeBufferPointer { indexStarts in
        indexedFollowers.withUnsafeBufferPointer { followers in
        input.facts.withUnsafeBufferPointer { facts in
            for i in input.tokens.indices {
                let id = Int(facts[i].id)
                if id >= 0 {
                    let next = FollowerFilter.bit(after: i, in: facts)
                    for k in Int(indexStarts[id])..<Int(indexStarts[id + 1]) where followers[k].admits(next) {
                        record(Int(indexedRules[k]), at: i)
                    }
                }
                // Rules the first-word index cannot hold: tried only where their start filter lets
                // a match begin (their required words are checked on first use, as above).
                let count = startIndex.candidates(input, at: i, tried: tried, into: candidates)
                for k in candidates[..<count] { record(unindexedRules[Int(k)], at: i) }
            }
        } } } }
    }
}

/// A pattern or exception of one behaviour, compiled.
struct CompiledRule: Sendable {
    /// The behaviour it shows (or, for an exception, cancels).
    var behavior: Behavior
    /// Whether it cancels matches instead of making them.
    var isException: Bool
    /// The compiled pattern.
    var node: PatternNode
    /// The pattern as written, for `analyze --why`.
    var source: String = ""
    /// Its line in behaviors.yaml (0: unknown).
    var line: Int = 0
}

/// Where a behaviour was seen: tokens `start..<end`.
struct Hit: Sendable, Equatable {
    /// The behaviour shown.
    var behavior: Behavior
    /// First token.
    var start: Int
    /// One past the last token.
    var end: Int
    /// The rule that matched (a reading rule's own hits use -1).
    var rule: Int

    /// Whether a reading rule (a convention coded in `ReadingRules`) made it, not a pattern.
    var isReadingRule: Bool { rule < 0 }

    /// Whether the two hits share a token.
    func overlaps(_ other: Hit) -> Bool { start < other.end && other.start < end }

    /// Whether `a` is reported before `b`: the earlier, then the longer, then the earlier rule.
    static func readsBefore(_ a: Hit, _ b: Hit) -> Bool { (a.start, -a.end, a.rule) < (b.start, -b.end, b.rule) }
}
