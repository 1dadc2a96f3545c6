/// What the token after a rule's first word must be, for each entry of the first-word index
/// (a rule under one of its first words): a rule indexed under "i" whose matches read "i am
/// …" or "i will …" can match at an "i" only when the next token is "am" or "will". Most rules
/// indexed under a common word ("i", "you", "the") fail there; the filter turns them down
/// with one AND, before their required words are checked or their program runs.
///
/// Sound, not exact: the words are kept as bits of `id & 63`, so some tokens that pass still
/// fail; a token that fails the filter could never have matched.
struct FollowerFilter: Sendable {
    /// Bits `1 << (id & 63)` of the vocabulary ids the next token may have; every bit when
    /// any token (or none) may follow.
    let bits: UInt64

    /// The filter that lets every token through.
    static let any = FollowerFilter(bits: ~0)

    private init(bits: UInt64) { self.bits = bits }

    /// The filter of `node`'s matches that begin with the word `first`, whose words have ids
    /// in `program`.
    init(_ node: PatternNode, first: String, program: PatternProgram) {
        guard let keys = PatternNode.secondKeys([node], first: first) else { self = .any; return }
        var bits: UInt64 = 0
        for key in keys {
            // Every word of a compiled pattern has an id; one without could match nothing.
            if let id = program.vocabulary[key] { bits |= 1 << UInt64(id & 63) }
        }
        self.bits = bits
    }

    /// Whether a rule with this filter can match at a token followed by `next`, the bit of
    /// the next token's id (`bit(after:in:)`).
    @inline(__always)
    func admits(_ next: UInt64) -> Bool { bits & next != 0 || bits == ~0 }

    /// The bit of token `i + 1`'s id for `admits`: 0 when there is no next token or it is no
    /// pattern's word (only an unfiltered rule can match then).
    @inline(__always)
    static func bit(after i: Int, in facts: UnsafeBufferPointer<TokenFacts>) -> UInt64 {
        guard i + 1 < facts.count else { return 0 }
        let id = facts[i + 1].id
        return id >= 0 ? 1 << UInt64(id & 63) : 0
    }
}

extension PatternNode {
    /// The keys the second token of a match of `parts` (in order) can have when its first
    /// token has the key `first`; nil when it is not known or a match may be one token long.
    /// Sound: a match whose first token is `first` has a second token in the set.
    static func secondKeys(_ parts: [PatternNode], first: String) -> Set<String>? {
        guard let head = parts.first else { return [] }  // nothing left: no match begins here
        let rest = Array(parts.dropFirst())
        switch head {
        case .word(let key), .mark(let key):
            guard key == first else { return [] }
            let tail = PatternNode.sequence(rest)
            return tail.canBeEmpty ? nil : tail.firstKeys
        case .sequence(let inner):
            return secondKeys(inner + rest, first: first)
        case .alternatives(let options):
            var keys: Set<String> = []
            for option in options {
                // Most options of a long list are other single words: none of their matches begins here.
                if case .word(let key) = option, key != first { continue }
                guard let more = secondKeys([option] + rest, first: first) else { return nil }
                keys.formUnion(more)
            }
            return keys
        case .optional(let part):
            guard let taken = secondKeys([part] + rest, first: first),
                  let skipped = secondKeys(rest, first: first) else { return nil }
            return taken.union(skipped)
        case .sentenceStart, .clauseEnd, .notFollowedBy:
            return secondKeys(rest, first: first)
        case .prefix, .builtIn, .gap:
            return nil
        }
    }

    /// Whether every match of the node holds a time expression (`<time>`), so that a rule
    /// needs one to start at or after the token its match begins at.
    var needsTime: Bool {
        switch self {
        case .builtIn(let kind): kind == .time
        case .sequence(let parts): parts.contains { $0.needsTime }
        case .alternatives(let options): !options.isEmpty && options.allSatisfy { $0.needsTime }
        case .word, .mark, .prefix, .sentenceStart, .clauseEnd, .notFollowedBy, .optional, .gap: false
        }
    }
}
