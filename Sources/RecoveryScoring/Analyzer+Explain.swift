import RecoveryCore

/// Why a reply was read as it was (`recovery analyze --why`): per behaviour, the rules that
/// matched (kept, or cancelled and by what) and the model's probability with the features
/// that weighed most, so a trainer can see what to fix and where.
public struct ReplyExplanation: Sendable {
    /// One pattern of behaviors.yaml that matched.
    public struct RuleMatch: Sendable {
        /// The pattern as written, and its line in behaviors.yaml.
        public var pattern: String
        public var line: Int
        /// The words it matched.
        public var quote: String
        /// Nil when the match counted; otherwise what cancelled it.
        public var cancelledBy: String?
    }

    /// One feature the model weighed, and how much (positive: towards the behaviour).
    public struct Weighed: Sendable {
        public var feature: String
        public var weight: Double
    }

    /// What each reader made of one behaviour.
    public struct Entry: Sendable {
        public var behavior: Behavior
        /// Whether the analysis reports it, and which reader found it.
        public var reader: Evidence.Reader?
        /// Rule matches (kept or cancelled), and matches added by the reading rules.
        public var rules: [RuleMatch]
        /// The model's probability for the whole reply, and the threshold it needs to read the
        /// behaviour alone (nil without a model).
        public var probability: Double?
        public var threshold: Double?
        /// The second layer's probability (`ModelCombiner`), which `threshold` is for when the
        /// model has one.
        public var combined: Double?
        /// Below this probability the model overrules the rules (0: never).
        public var veto: Double?
        /// Where every rule match was cancelled, the probability the model needs to read the
        /// behaviour past them (above 1: never; nil: a model without overrules).
        public var overrule: Double? = nil
        /// The highest probability of one sentence read alone, with that sentence, and the
        /// probability a sentence needs (nil: a reply of one sentence, or a model that reads
        /// only whole replies).
        public var sentence: (probability: Double, threshold: Double, quote: String)?
        /// The features that weighed most, strongest first.
        public var features: [Weighed]

        /// Whether a rule's match stood but the model, below its veto, overruled it.
        public var isOverruledByModel: Bool {
            reader == nil && rules.contains { $0.cancelledBy == nil } && (probability.flatMap { p in veto.map { p < $0 } } ?? false)
        }

        /// Whether any reader found it, or nearly did: a rule matched, or the model came
        /// within 0.25 of its threshold.
        public var isWorthShowing: Bool { reader != nil || !rules.isEmpty || modelReaches(within: 0.25) }

        /// Whether the model's probability, for the whole reply or its likeliest sentence,
        /// comes within `margin` of the threshold it needs (0: it would read the behaviour).
        func modelReaches(within margin: Double = 0) -> Bool {
            ((combined ?? probability).map { p in threshold.map { p >= $0 - margin } ?? false } ?? false)
                || (sentence.map { $0.probability >= $0.threshold - margin } ?? false)
        }
    }

    /// The analysis itself.
    public var analysis: ReplyAnalysis
    /// One entry per behaviour, in `Behavior` order.
    public var entries: [Entry]
}

extension Analyzer {
    /// Reads `text` and says why: every rule match and what became of it, and the model's view.
    public func explain(_ text: String, features limit: Int = 6) -> ReplyExplanation {
        let analysis = analyze(text)
        return ScratchPool.shared.withScratch { scratch in withReading(text, scratch: scratch) { reading in
            let raw = Behavior.allCases.map { reading.allHits($0) }
            let exceptions = Behavior.allCases.map { reading.exceptionHits($0) }
            var cancelledBy: [(hit: Hit, rule: String)] = []
            reading.applyReadingRules { hit, rule in cancelledBy.append((hit, rule)) }
            let tokens = reading.input.tokens
            let scalars = Array(text.unicodeScalars)
            func quote(_ start: Int, _ end: Int) -> String {
                guard start < end, end <= tokens.count else { return "" }
                let range = tokens[start].start..<tokens[end - 1].end
                let plain = String(String.UnicodeScalarView(scalars[range]))
                return String(String.UnicodeScalarView(scalars[Self.bracketed(text, scalars: range, quote: plain)]))
            }
            let mask = reading.foundMask
            var features: [ModelFeature] = []
            var names: [String]? = []
            ModelFeatures.extract(reading.input, ruleFound: mask, classes: classes, known: model.map { .model($0.table) } ?? .all,
                                  into: &features, names: &names)
            var looked = features
            let probabilities = model?.probabilities(&looked)
            // Each sentence read alone, and which sentence is likeliest per behaviour.
            var sentenceView: [(p: Double, quote: String)] = []
            let combined = model.flatMap { model in
                model.combiner == nil ? nil : probabilities.map { model.readingProbabilities($0, features: looked, tokens: tokens, rules: mask) }
            }
            if let model, model.readsSentences || model.combiner != nil, tokens.spansSeveralSentences {
                sentenceView = Array(repeating: (-1, ""), count: 16)
                for (s, p) in model.probabilitiesBySentence(looked, tokens: tokens).enumerated() {
                    guard let p, let first = tokens.firstIndex(where: { $0.sentence == s }) else { continue }
                    let end = (tokens.lastIndex(where: { $0.sentence == s }) ?? first) + 1
                    // The sentence as typed, up to the next one: with its closing marks ("(link)").
                    let upTo = end < tokens.count ? tokens[end].start : scalars.count
                    let sentence = String(String.UnicodeScalarView(scalars[tokens[first].start..<max(upTo, tokens[first].start)]))
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    for slot in 0..<16 where Double(p[slot]) > sentenceView[slot].p { sentenceView[slot] = (Double(p[slot]), sentence) }
                }
            }
            let entries = Behavior.allCases.map { behavior -> ReplyExplanation.Entry in
                let slot = behavior.slot
                let kept = reading.allHits(behavior)
                var matches: [ReplyExplanation.RuleMatch] = []
                // The model read the behaviour past every cancelled match (its overrule).
                let readPast = analysis.evidence.first { $0.label == behavior.id }?.reader == .model
                let past = readPast ? ", though the model, sure of it, reads it" : ""
                for hit in raw[slot] where !hit.isReadingRule {
                    let rule = rules[hit.rule]
                    var reason: String? = nil
                    if !kept.contains(hit) {
                        if let cancel = exceptions[slot].first(where: hit.overlaps), !cancel.isReadingRule {
                            reason = "the exception \"\(rules[cancel.rule].source)\" (line \(rules[cancel.rule].line))" + past
                        } else if analysis.shows(behavior), reading.mockedHits.contains(hit) {
                            reason = "sarcasm, which the model overruled: the words stand"
                        } else if reading.rescuedHits.contains(hit) {
                            reason = analysis.shows(behavior) ? "a time, in which the model read no promise: the words stand (rule 1)"
                                : "a time in the same part of the sentence, which makes it a promise (rule 1)"
                        } else {
                            reason = (cancelledBy.first { $0.hit == hit }?.rule ?? "a reading rule") + past
                        }
                    } else if !analysis.shows(behavior) {
                        reason = ModelConvention.clearing(behavior, hit, found: analysis.behaviors, reading: reading)?.clearing?.reason
                    }
                    matches.append(.init(pattern: rule.source, line: rule.line, quote: quote(hit.start, hit.end), cancelledBy: reason))
                }
                for hit in kept where hit.isReadingRule {
                    matches.append(.init(pattern: "(a reading rule)", line: 0, quote: quote(hit.start, hit.end), cancelledBy: nil))
                }
                var weighed: [ReplyExplanation.Weighed] = []
                if let model, let names {
                    for (feature, weight) in model.strongestFeatures(features, slot: slot, limit: limit) {
                        let index = features.firstIndex(of: feature) ?? 0
                        weighed.append(.init(feature: names[index], weight: Double(weight)))
                    }
                }
                return ReplyExplanation.Entry(
                    behavior: behavior, reader: analysis.evidence.first { $0.label == behavior.id }?.reader
                        ?? (analysis.shows(behavior) ? .rules : nil),
                    rules: matches, probability: probabilities.map { Double($0[slot]) },
                    threshold: model.map { Double($0.thresholds[slot]) }, combined: combined.map { Double($0[slot]) },
                    veto: model.map { Double($0.veto(slot, hit: reading.firstHit(behavior))) },
                    overrule: model?.overrules.map { Double($0[slot]) },
                    sentence: sentenceView.isEmpty || model == nil ? nil
                        : (sentenceView[slot].p, Double(model!.sentenceThresholds[slot]), sentenceView[slot].quote),
                    features: weighed)
            }
            return ReplyExplanation(analysis: analysis, entries: entries)
        } }
    }
}
