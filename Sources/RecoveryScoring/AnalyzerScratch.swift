import Foundation
import RecoveryCore

/// The working arrays of one `Analyzer.analyze(_:intents:)` call, kept between calls so that
/// a warm analyzer reuses their storage instead of allocating (and freeing) each of them for
/// every reply. One call uses a scratch at a time: `ScratchPool` hands each call its own.
final class AnalyzerScratch {
    /// The reply's tokens (`MatchInput.tokens`).
    var tokens: [Token] = []
    /// The reply's Unicode scalars, for the tokenizer.
    var scalars: [Unicode.Scalar] = []
    /// The bytes of the word being read, for the tokenizer.
    var raw = ContiguousArray<UInt8>()
    /// `Normalizer.expand`'s answers for the words met so far (at most 4,096).
    var expansions: [String: Tokenizer.Expansion] = [:]
    /// `MatchInput.timeEnds`.
    var timeEnds: [Int] = []
    /// `MatchInput.facts`.
    var facts: [TokenFacts] = []
    /// `MatchInput.present`.
    var present: [UInt64] = []
    /// `Reading`'s sentence bounds.
    var sentenceBounds: [(start: Int, end: Int)] = []
    /// `Reading`'s hits, by `Behavior.slot`.
    var hits = [[Hit]](repeating: [], count: Behavior.slotCount)
    /// `Reading`'s exception hits, by `Behavior.slot`.
    var exceptions = [[Hit]](repeating: [], count: Behavior.slotCount)
    /// The first surviving rule hit of each behaviour, by slot.
    var firstHits: [Hit?] = []
    /// The reply's features for the learned reader.
    var features: [ModelFeature] = []
    /// One sentence's features, when the model weighs overruling a rule.
    var sentenceFeatures: [ModelFeature] = []
    /// `Analyzer.collectHits`'s tables, in one allocation: per rule, where its run starts once
    /// its required words are checked; per start filter, the last token it was listed for; and
    /// the start-filter candidates of one token. Raw memory, so that the matching loop indexes
    /// it without uniqueness or exclusivity checks.
    private var ruleTables = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// The matcher's backtracking stack (`MatchInput.run`), raw memory for the same reason.
    private var stack = UnsafeMutableBufferPointer<(pc: Int32, position: Int32)>(start: nil, count: 0)

    deinit {
        ruleTables.deallocate()
        stack.deallocate()
    }

    /// The matcher's backtracking stack, with room for `size` entries. Valid until the next call.
    func matchStack(size: Int) -> UnsafeMutableBufferPointer<(pc: Int32, position: Int32)> {
        if stack.count < size {
            stack.deallocate()
            stack = .allocate(capacity: size)
            stack.initialize(repeating: (pc: 0, position: 0))
        }
        return stack
    }

    /// `collectHits`'s tables for `rules` rules and `filters` start filters, set to "not
    /// checked yet" (-2) and "not listed yet" (-1). Valid until the next call.
    func ruleTables(rules: Int, filters: Int) -> (starts: UnsafeMutableBufferPointer<Int32>,
                                                  tried: UnsafeMutableBufferPointer<Int32>,
                                                  candidates: UnsafeMutableBufferPointer<Int32>) {
        let size = rules + 2 * filters
        if ruleTables.count < size {
            ruleTables.deallocate()
            ruleTables = .allocate(capacity: size)
        }
        let starts = UnsafeMutableBufferPointer(rebasing: ruleTables[0..<rules])
        let tried = UnsafeMutableBufferPointer(rebasing: ruleTables[rules..<rules + filters])
        starts.initialize(repeating: -2)
        tried.initialize(repeating: -1)
        return (starts, tried, UnsafeMutableBufferPointer(rebasing: ruleTables[rules + filters..<size]))
    }

    /// The array in `slot`, taken out (an empty one is left) so that the caller holds the
    /// only reference and can refill it in place.
    @inline(__always)
    static func take<Element>(_ slot: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &slot)
        return taken
    }

    /// Whether the arrays grew too large to keep (a very long reply): the pool drops them.
    var isOversized: Bool { tokens.capacity > 4096 || scalars.capacity > 65536 }
}

/// Scratch objects waiting for the next call, shared by every analyzer and thread: a call
/// takes one (or makes one) and gives it back when done, so concurrent calls never share one.
final class ScratchPool: @unchecked Sendable {
    /// Guards `idle`.
    private let lock = NSLock()
    /// Scratch objects no call is using.
    private var idle: [AnalyzerScratch] = []

    /// The pool every `Analyzer` uses.
    static let shared = ScratchPool()

    /// Runs `body` with a scratch object no other call is using.
    @inline(__always)
    func withScratch<Result>(_ body: (AnalyzerScratch) -> Result) -> Result {
        let scratch = take()
        defer { giveBack(scratch) }
        return body(scratch)
    }

    /// A scratch object no other call is using; `giveBack(_:)` returns it when done.
    @inline(__always)
    func take() -> AnalyzerScratch {
        lock.lock()
        let scratch = idle.popLast() ?? AnalyzerScratch()
        lock.unlock()
        return scratch
    }

    /// Keeps `scratch` for the next call (unless it grew too large, or enough are kept).
    @inline(__always)
    func giveBack(_ scratch: AnalyzerScratch) {
        guard !scratch.isOversized else { return }
        lock.lock()
        if idle.count < 16 { idle.append(scratch) }
        lock.unlock()
    }
}
