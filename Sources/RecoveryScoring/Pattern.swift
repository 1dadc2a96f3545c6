/// A compiled phrase pattern: a tree over normalised tokens (see docs/scoring-data.md).
indirect enum PatternNode: Sendable {
    /// One normalised word, compared by its plural-free key.
    case word(String)
    /// Any word starting with these letters ("apolog*").
    case prefix(String)
    /// A built-in token class.
    case builtIn(BuiltInClass)
    /// A sentence mark: "?", "." or "!".
    case mark(String)
    /// Parts in order.
    case sequence([PatternNode])
    /// The first alternative that lets the rest match.
    case alternatives([PatternNode])
    /// Matches its part or nothing.
    case optional(PatternNode)
    /// Matches no token, only at the start of a sentence (`^`).
    case sentenceStart
    /// Matches no token, only where a clause ends (`$`): before a comma, colon or dash, a
    /// sentence mark, or the end of the reply.
    case clauseEnd
    /// Matches no token, only where the next word is none of these keys (`~word`,
    /// `~(word|word)`), or there is no next word.
    case notFollowedBy([String])
    /// Skips up to this many words (never a sentence mark, a negation or "but").
    case gap(Int)

    /// Whether the node can match without consuming a token.
    var canBeEmpty: Bool {
        switch self {
        case .word, .prefix, .builtIn, .mark: false
        case .sequence(let parts): parts.allSatisfy(\.canBeEmpty)
        case .alternatives(let options): options.contains(where: \.canBeEmpty)
        case .optional, .gap, .sentenceStart, .clauseEnd, .notFollowedBy: true
        }
    }

    /// The keys a match can start with, or nil when it can start with any word.
    var firstKeys: Set<String>? {
        switch self {
        case .word(let key): return [key]
        case .mark(let mark): return [mark]
        case .sentenceStart, .clauseEnd, .notFollowedBy: return []
        case .prefix, .builtIn, .gap: return nil
        case .optional(let part): return part.firstKeys
        case .alternatives(let options):
            var keys: Set<String> = []
            for option in options {
                guard let more = option.firstKeys else { return nil }
                keys.formUnion(more)
            }
            return keys
        case .sequence(let parts):
            var keys: Set<String> = []
            for part in parts {
                guard let more = part.firstKeys else { return nil }
                keys.formUnion(more)
                if !part.canBeEmpty { return keys }
            }
            return keys
        }
    }
}

/// The token classes every pattern can use by name.
enum BuiltInClass: String, Sendable, CaseIterable {
    /// A time expression, possibly several words ("first thing tomorrow", "by 5").
    case time
    /// A number in digits or words.
    case number
    /// A day name or "today", "tonight", "tomorrow".
    case day
    /// Any one word.
    case any
}
