import Foundation
import RecoveryCore

/// A pattern the parser refused, with the scalar offset inside the pattern text.
struct PatternError: Error, Sendable {
    /// What is wrong.
    var message: String
    /// Offset of the problem in the pattern, in Unicode scalars.
    var offset: Int
    /// How to fix it.
    var hint: String
}

/// Reads the pattern language into a `PatternNode`.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private let classes: [String: PatternNode]

    /// Parses `text`, resolving `<name>` against built-in classes and `classes`.
    static func parse(_ text: String, classes: [String: PatternNode]) throws(PatternError) -> PatternNode {
        var parser = PatternParser(scalars: Array(text.unicodeScalars), classes: classes)
        let node = try parser.alternatives()
        if parser.index < parser.scalars.count {
            throw PatternError(message: "unexpected '\(parser.scalars[parser.index])'", offset: parser.index,
                               hint: "brackets must pair up: ( ) for alternatives, [ ] for optional words")
        }
        if case .sequence(let parts) = node, let first = parts.first, let last = parts.last {
            if case .gap = first { throw PatternError(message: "a pattern cannot start with a gap", offset: 0, hint: "remove the leading '...'") }
            if case .gap = last { throw PatternError(message: "a pattern cannot end with a gap", offset: max(0, parser.scalars.count - 3), hint: "remove the trailing '...'") }
        }
        if node.canBeEmpty {
            throw PatternError(message: "this pattern can match nothing at all", offset: 0,
                               hint: "make at least one word required (not inside [ ])")
        }
        return node
    }

    private init(scalars: [Unicode.Scalar], classes: [String: PatternNode]) {
        self.scalars = scalars
        self.classes = classes
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func alternatives() throws(PatternError) -> PatternNode {
        var options: [PatternNode] = []
        while true {
            let start = index
            let parts = try sequence()
            if parts.isEmpty {
                throw PatternError(message: "empty alternative", offset: min(start, max(0, scalars.count - 1)),
                                   hint: "write a word on each side of '|'")
            }
            options.append(parts.count == 1 ? parts[0] : .sequence(parts))
            guard current == "|" else { break }
            index += 1
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private mutating func sequence() throws(PatternError) -> [PatternNode] {
        var parts: [PatternNode] = []
        while let c = current {
            switch c {
            case " ", "\t", ",": index += 1
            case "|", ")", "]", ">": return parts
            case "(", "[":
                let inner = try group()
                parts.append(c == "(" ? inner : .optional(inner))
            case "<": parts.append(try tokenClass())
            case "?", "!": parts.append(.mark(String(c))); index += 1
            case "^": parts.append(.sentenceStart); index += 1
            case "$": parts.append(.clauseEnd); index += 1
            case "~": parts.append(try notFollowedBy())
            case ".":
                if index + 2 < scalars.count, scalars[index + 1] == ".", scalars[index + 2] == "." {
                    parts.append(try gap())
                } else {
                    parts.append(.mark(".")); index += 1
                }
            default: parts.append(contentsOf: try words())
            }
        }
        return parts
    }

    private mutating func gap() throws(PatternError) -> PatternNode {
        let start = index
        index += 3
        var digits = ""
        while let c = current, Tokenizer.isDigit(c) { digits.unicodeScalars.append(c); index += 1 }
        let size = digits.isEmpty ? 4 : Int(digits) ?? 0
        guard (1...12).contains(size) else {
            throw PatternError(message: "a gap can skip 1 to 12 words, not \(digits)", offset: start,
                               hint: "write '...' (up to 4 words) or '...N' with N from 1 to 12")
        }
        return .gap(size)
    }

    /// `( … )` or `[ … ]` from its opening bracket: the alternatives inside, the bracket closed.
    private mutating func group() throws(PatternError) -> PatternNode {
        let open = index, closing: Unicode.Scalar = scalars[index] == "(" ? ")" : "]"
        index += 1
        let inner = try alternatives()
        guard current == closing else {
            throw PatternError(message: "'\(scalars[open])' is never closed", offset: open, hint: "add the matching '\(closing)'")
        }
        index += 1
        return inner
    }

    /// `~word` or `~(word|word)`: the next word is none of these. Single words only.
    private mutating func notFollowedBy() throws(PatternError) -> PatternNode {
        let start = index
        index += 1
        let node = current == "(" ? try group() : .sequence(try words())
        var options = [node]
        if case .alternatives(let all) = node { options = all }
        return .notFollowedBy(try options.map { option throws(PatternError) in
            var option = option
            if case .sequence(let parts) = option, parts.count == 1 { option = parts[0] }
            guard case .word(let key) = option else {
                throw PatternError(message: "'~' takes single words", offset: start,
                                   hint: "write ~word or ~(word|word), no phrases, classes or '*'")
            }
            return key
        })
    }

    private mutating func tokenClass() throws(PatternError) -> PatternNode {
        let start = index
        index += 1
        var name = ""
        while let c = current, c != ">", c != " " { name.unicodeScalars.append(c); index += 1 }
        guard current == ">" else {
            throw PatternError(message: "'<' is never closed", offset: start, hint: "write a class as <name>, e.g. <time>")
        }
        index += 1
        if let builtIn = BuiltInClass(rawValue: name) { return .builtIn(builtIn) }
        if let defined = classes[name] { return defined }
        let known = BuiltInClass.allCases.map(\.rawValue) + classes.keys.sorted()
        throw PatternError(message: "unknown class <\(name)>", offset: start + 1,
                           hint: Spelling.closest(to: name, in: known).map { "did you mean <\($0)>?" }
                               ?? "known classes: \(known.map { "<\($0)>" }.joined(separator: " "))")
    }

    private mutating func words() throws(PatternError) -> [PatternNode] {
        let start = index
        var raw = ""
        while let c = current, !" \t,|()[]<>?!^$~".unicodeScalars.contains(c) {
            if c == ".", !(index + 1 < scalars.count && Tokenizer.isWordScalar(scalars[index + 1])) { break }
            raw.unicodeScalars.append(c)
            index += 1
        }
        if raw.hasSuffix("*") {
            let stem = String(raw.dropLast()).lowercased().replacingApostrophes()
            guard stem.count >= 2, !stem.unicodeScalars.contains("*") else {
                throw PatternError(message: "a wildcard needs at least two letters before '*'", offset: start,
                                   hint: "write e.g. apolog* to match apologize, apologise, apologies")
            }
            return [.prefix(stem)]
        }
        // A possessive on its own ("<any> 's fault") is the word the tokenizer splits off.
        if raw.replacingApostrophes() == "'s" { return [.word("'s")] }
        let keys = WordKeys.shared.keys(of: raw)
        guard !keys.isEmpty, !raw.unicodeScalars.contains("*") else {
            throw PatternError(message: "'\(raw)' is not a word", offset: start,
                               hint: "use letters, digits and apostrophes; '*' only at the end of a word")
        }
        return keys.map { .word($0) }
    }
}

extension String {
    /// The text with curly apostrophes made straight.
    func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { Tokenizer.isApostrophe($0) ? "'" : $0 }))
    }
}

/// The comparison keys the tokenizer makes of a pattern word ("I'm" -> "i", "am"),
/// remembered: the same few hundred words recur across a thousand patterns, and a load
/// tokenises each once. Thread-safe.
final class WordKeys: @unchecked Sendable {
    static let shared = WordKeys()
    private let lock = NSLock()
    private var known: [String: [String]] = [:]

    /// The keys of the words of `text`, as `Tokenizer.tokenize` reads it.
    func keys(of text: String) -> [String] {
        lock.lock()
        if let found = known[text] { lock.unlock(); return found }
        lock.unlock()
        let keys = Tokenizer.tokenize(text).filter(\.isWord).map(\.key)
        lock.lock()
        if known.count < 100_000 { known[text] = keys }
        lock.unlock()
        return keys
    }
}
