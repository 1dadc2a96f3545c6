import Foundation
import RecoveryCore

/// Reads trainee replies for the recovery behaviours of docs/labelling.md, using the patterns of
/// `Scoring/behaviors.yaml` compiled once into token matchers.
public struct Analyzer: Sendable {
    /// What the YAML says about each behaviour, for docs and hints.
    public let catalog: BehaviorCatalog
    /// Every pattern and exception, in file order.
    let rules: [CompiledRule]
    /// The machine code of every rule.
    let program: PatternProgram
    /// Each rule's behaviour and whether it is an exception, apart from its pattern, so that
    /// recording a match copies no reference.
    let ruleKinds: [(behavior: Behavior, isException: Bool)]
    /// Where each rule starts in `program`.
    let entryPoints: [Int]
    /// Rule numbers by the vocabulary id of the word a match must start with: those of id
    /// `n` are `indexedRules[indexStarts[n]..<indexStarts[n + 1]]`.
    let indexedRules: [Int32]
    /// Where each vocabulary id's rules start in `indexedRules` (one extra entry at the end).
    let indexStarts: [Int32]
    /// For each entry of `indexedRules`, what the token after the first word must be.
    let indexedFollowers: [FollowerFilter]
    /// For each rule, whether every match holds a time expression (`PatternNode.needsTime`).
    let needsTime: [Bool]
    /// Rules that can start with any word (a time, a wildcard or `<any>` comes first).
    let unindexedRules: [Int]
    /// `unindexedRules` by the tokens their matches can begin with (`StartFilter`).
    let startIndex: StartIndex
    /// The required-word checks of every rule, sparse.
    let requirements: RequirementTable
    /// Word fixes, classes and vocabulary ids, for the tokenizer.
    let words: WordTable
    /// The learned reader (`Scoring/model.bin`), when one was loaded: it reads a behaviour the
    /// rules missed when it is sure enough (see `BehaviorModel`).
    public internal(set) var model: BehaviorModel?

    /// The word classes of behaviors.yaml, for the model's features.
    let classes: WordClasses

    init(catalog: BehaviorCatalog, rules: [CompiledRule], classPhrases classLists: [(name: String, words: [String])] = []) {
        self.catalog = catalog
        self.rules = rules
        ruleKinds = rules.map { ($0.behavior, $0.isException) }
        var program = PatternProgram()
        entryPoints = rules.map { program.compile($0.node) }
        var classPhrases: [(first: Int32, phrase: WordClasses.Phrase)] = []
        for (number, entry) in classLists.enumerated() {
            for text in entry.words {
                let ids = WordKeys.shared.keys(of: text).map { program.id($0) }
                if !ids.isEmpty { classPhrases.append((ids[0], WordClasses.Phrase(name: Int32(number), rest: Array(ids.dropFirst())))) }
            }
        }
        var index: [[(rule: Int, follower: FollowerFilter)]] = Array(repeating: [], count: program.vocabulary.count)
        var unindexed: [Int] = []
        for (number, rule) in rules.enumerated() {
            if let keys = rule.node.firstKeys {
                for key in keys.sorted() {
                    index[Int(program.id(key))].append((number, FollowerFilter(rule.node, first: key, program: program)))
                }
            } else {
                unindexed.append(number)
            }
        }
        self.program = program
        requirements = RequirementTable(program: program, entryPoints: entryPoints)
        indexedRules = index.flatMap { $0.map { Int32($0.rule) } }
        indexedFollowers = index.flatMap { $0.map(\.follower) }
        needsTime = rules.map(\.node.needsTime)
        indexStarts = index.reduce(into: [0]) { starts, rules in starts.append(starts.last! + Int32(rules.count)) }
        unindexedRules = unindexed
        startIndex = StartIndex(unindexed.map { StartFilter(rules[$0].node, program: program) },
                                vocabularySize: program.vocabulary.count)
        words = WordTable(vocabulary: program.vocabulary)
        var byFirst = [[WordClasses.Phrase]](repeating: [], count: program.vocabulary.count)
        for (first, phrase) in classPhrases { byFirst[Int(first)].append(phrase) }
        classes = WordClasses(phrasesByFirstID: byFirst, names: classLists.map(\.name))
    }

    /// Loads and compiles Scoring/behaviors.yaml, with the learned reader of `model.bin` beside
    /// it when that file exists (`withModel: false` reads with the rules alone); bad files give
    /// positioned diagnostics.
    public static func load(path: String, withModel: Bool = true) throws(DiagnosticError) -> Analyzer {
        var analyzer = try load(file: YAMLFile.read(path: path))
        let modelPath = modelFile(besides: path)
        if withModel, FileManager.default.fileExists(atPath: modelPath) {
            analyzer.model = try BehaviorModel.load(path: modelPath)
        }
        return analyzer
    }

    /// Reads one reply. `intents`: a scenario's named phrase lists, matched as well.
    /// Thread-safe: each call works in its own scratch arrays, from a shared pool.
    public func analyze(_ text: String, intents: PhraseSet? = nil) -> ReplyAnalysis {
        // No closure: one that captured `self` copied the analyzer (dozens of references) per reply.
        let scratch = ScratchPool.shared.take()
        defer { ScratchPool.shared.giveBack(scratch) }
        var reading = self.reading(text, scratch: scratch)
        defer { reading.recycle(into: scratch) }
        reading.applyReadingRules()
        return analyze(text, intents: intents, reading: reading, scratch: scratch)
    }

    /// Tokenises `text` into `scratch`'s arrays and runs every pattern and exception over it:
    /// the reading before any reading rule is applied. Its arrays go back to `scratch` with
    /// `recycle(into:)`.
    func reading(_ text: String, scratch: AnalyzerScratch) -> Reading {
        var reading = Reading(input: MatchInput(text, words: words, vocabularySize: program.vocabulary.count,
                                                prefixes: program.prefixTable, scratch: scratch),
                              scratch: scratch)
        collectHits(into: &reading, scratch: scratch)
        return reading
    }

    /// `body` with the reading of `text` (`reading(_:scratch:)`), whose arrays go back to
    /// `scratch` afterwards.
    func withReading<Result>(_ text: String, scratch: AnalyzerScratch, _ body: (inout Reading) -> Result) -> Result {
        var reading = self.reading(text, scratch: scratch)
        defer { reading.recycle(into: scratch) }
        return body(&reading)
    }

    /// The analysis of `reading`, whose reading rules have been applied.
    private func analyze(_ text: String, intents: PhraseSet?, reading: Reading, scratch: AnalyzerScratch) -> ReplyAnalysis {
        let input = reading.input
        // Worked out only when there is evidence to quote; token offsets count Unicode scalars.
        var isASCII: Bool? = nil
        func evidence(_ label: String, _ start: Int, _ end: Int) -> Evidence {
            let from = input.tokens[start].start, to = input.tokens[end - 1].end
            let ascii: Bool
            if let isASCII { ascii = isASCII } else { ascii = text.utf8.allSatisfy { $0 < 0x80 }; isASCII = ascii }
            let quote = Self.quote(text, scalars: from..<to, ascii: ascii)
            // Rare: a word in brackets at the quote's edge takes its bracket along.
            let bracketed = Self.bracketed(text, scalars: from..<to, quote: quote)
            guard bracketed != from..<to else { return Evidence(label: label, quote: quote, offset: from) }
            return Evidence(label: label, quote: Self.quote(text, scalars: bracketed, ascii: ascii), offset: bracketed.lowerBound)
        }
        var found: [Evidence] = []
        var behaviors: [Behavior] = []
        var ruleHits: [Hit?] = AnalyzerScratch.take(&scratch.firstHits)
        defer { scratch.firstHits = ruleHits }
        ruleHits.removeAll(keepingCapacity: true)
        for behavior in allBehaviors { ruleHits.append(reading.firstHit(behavior)) }
        let ruleMask = reading.foundMask
        // A behaviour whose rule matches were all cancelled (by an exception, a negation, or a
        // reading rule such as sarcasm) was weighed and refused: the model may add it back only
        // when it reaches the behaviour's overrule (chosen on held-out readings, as the
        // thresholds are; an older model: only exceptions cancelled it and it is all but certain).
        var refused = reading.matchedMask & ~ruleMask
        var probabilities: SIMD16<Float>? = nil
        var features = AnalyzerScratch.take(&scratch.features)
        defer { scratch.features = features }
        if let model {
            ModelFeatures.extract(input, ruleFound: ruleMask, classes: classes, known: .model(model.table), into: &features)
            probabilities = model.probabilities(&features)
        }
        // What the model alone reads by: with a second layer, its combined probabilities;
        // else each behaviour's own, for the whole reply (and below, for one sentence).
        let readBy = model.flatMap { model in
            probabilities.map { model.readingProbabilities($0, features: features, tokens: input.tokens, rules: ruleMask) }
        }
        if let model, let probabilities, let readBy {
            refused &= ~model.overruled(readBy, whole: probabilities, refused: refused, excepted: reading.exceptedMask)
        }
        let restored = restoreMocked(&ruleHits, refused: &refused, probabilities, reading: reading, scratch: scratch)
        // The conventions that need the model's reading (`ModelConvention`): own read by the model
        // makes a named cause a fact (rule 15); options read by it take "Which suits you?" (rule 10).
        // (A convention that only bars the model, such as rule 14's, has nothing to clear here.)
        if let model, let readBy {
            for convention in ModelConvention.table {
                let slot = convention.readBy.slot, affected = convention.affected
                guard convention.clearing != nil, (ruleMask | refused) & (1 << UInt16(slot)) == 0, model.reads(readBy, slot: slot),
                      ruleHits[affected.slot] != nil else { continue }
                ruleHits[affected.slot] = reading.firstHit(affected) { !convention.clears($0, in: reading) }
                if ruleHits[affected.slot] == nil { refused |= 1 << UInt16(affected.slot) }
            }
        }
        // Each sentence read alone, worked out the first time a behaviour needs it.
        var sentenceProbabilities: SIMD16<Float>? = nil
        let severalSentences = input.tokens.spansSeveralSentences
        func readsInOneSentence(_ slot: Int, _ model: BehaviorModel) -> Bool {
            guard model.readsSentences, severalSentences else { return false }
            if sentenceProbabilities == nil { sentenceProbabilities = model.sentenceProbabilities(features, tokens: input.tokens) }
            return model.readsSentence(sentenceProbabilities!, slot: slot)
        }
        // Rounded to hundredths, and only for the behaviours found.
        func confidence(_ probabilities: SIMD16<Float>?, _ slot: Int) -> Double? {
            probabilities.map { (Double($0[slot]) * 100).rounded() / 100 }
        }
        for behavior in allBehaviors {
            let slot = behavior.slot
            // `commit` is decided before `vague_promise`: a promise its time rescued may stand again.
            if behavior == .vaguePromise { restoreRescued(&ruleHits, refused: &refused, found: behaviors, reading: reading) }
            if let hit = ruleHits[slot],
               restored & (1 << UInt16(slot)) != 0 || !vetoed(hit, slot: slot, probabilities, reading: reading, scratch: scratch) {
                behaviors.append(behavior)
                var item = evidence(behavior.id, hit.start, hit.end)
                item.reader = model == nil ? nil : .rules
                item.confidence = confidence(probabilities, slot)
                found.append(item)
            } else if ruleHits[slot] == nil, let model, let readBy, refused & (1 << UInt16(slot)) == 0,
                      ModelConvention.barring(behavior, besides: behaviors) == nil,
                      model.reads(readBy, slot: slot) || readsInOneSentence(slot, model),
                      let span = model.evidenceSpan(features, slot: slot, tokens: input.tokens) {
                behaviors.append(behavior)
                var item = evidence(behavior.id, span.start, span.end)
                item.reader = .model
                // Read from one sentence alone: that sentence's probability is the confidence.
                let sentence = model.reads(readBy, slot: slot) ? nil : sentenceProbabilities
                item.confidence = confidence(sentence, slot) ?? confidence(readBy, slot)
                found.append(item)
            }
        }
        var intentNames: [String] = []
        if let intents {
            for (name, span) in intents.matches(in: input.tokens).sorted(by: { $0.key < $1.key }) {
                intentNames.append(name)
                found.append(evidence(name, span.start, span.end))
            }
        }
        // Solomon's twenty minutes: how soon a fix or a promise is (rubrics' `within_minutes`).
        let promises = behaviors.contains { $0 == .resolve || $0 == .commit || $0 == .followUp }
        let minutes = promises ? TimeReader.soonestMinutes(input.tokens, ends: input.timeEnds) : nil
        return ReplyAnalysis(text: text, behaviors: behaviors, intents: intentNames,
                             evidence: found, notes: reading.notes(), minutesAway: minutes)
    }
}

/// `Behavior.allCases`, made once (the synthesized property builds a new array per call).
private let allBehaviors = Behavior.allCases
