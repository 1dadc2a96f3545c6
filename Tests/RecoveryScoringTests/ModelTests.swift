import Foundation
import RecoveryCore
import Testing
@testable import RecoveryScoring

/// The learned reader: trained from labelled replies and examples, reproducible byte for
/// byte, honouring examples, quoting its evidence, and refusing damaged files.
@Suite("learned reader")
struct ModelTests {
    static let scoring = repositoryRoot.appendingPathComponent("Scoring").path

    /// A small corpus where "zorbly" thanks and nothing else does.
    private func toyCorpus() -> (train: [TrainingReply], dev: [LabelledReply]) {
        let fillers = ["the parcel is in the van", "my order number is here", "we open at nine", "the form is online",
                       "it was a long week", "the office is closed", "we spoke yesterday", "I have the details"]
        var train: [TrainingReply] = [], dev: [LabelledReply] = []
        for (k, filler) in fillers.enumerated() {
            for n in 0..<6 {
                let thanked = "zorbly, \(filler) \(n)"
                if k < 6 { train.append(TrainingReply(text: thanked, labels: [.thank])) } else { dev.append(LabelledReply(text: thanked, labels: [.thank])) }
                let plain = "\(filler) again \(n)"
                if k < 6 { train.append(TrainingReply(text: plain, labels: [])) } else { dev.append(LabelledReply(text: plain, labels: [])) }
            }
        }
        return (train, dev)
    }

    private func toyAnalyzer(thankExamples: [String] = []) throws -> Analyzer {
        let triggers = (["thank word"] + thankExamples).map { "\"\($0)\"" }.joined(separator: ", ")
        let block = """
              thank:
                summary: s
                description: d
                patterns: ["thank word"]
                examples: {trigger: [\(triggers)], ignore: ["nothing"]}

            """
        return try Analyzer.load(yaml: minimalYAML(replacing: .thank, with: block))
    }

    private func examples(of analyzer: Analyzer) -> [TrainingReply] {
        ModelBuilding.exampleReplies(analyzer.catalog, weight: TrainingSettings.standard.exampleWeight)
    }

    @Test("a model learns a behaviour no rule knows, reads it with evidence, and trains the same bytes twice")
    func learnsAndQuotes() throws {
        let rules = try toyAnalyzer()
        let (train, dev) = toyCorpus()
        let trainer = ModelTrainer(analyzer: rules)
        let model = trainer.train(train + examples(of: rules), dev: dev, inputs: "toy")
        #expect(trainer.train(train + examples(of: rules), dev: dev, inputs: "toy").fileData() == model.fileData())
        let reader = rules.with(model: model)
        let analysis = reader.analyze("Oh zorbly, that really helps.")
        #expect(analysis.behaviors == [.thank])
        let evidence = try #require(analysis.evidence.first { $0.label == "thank" })
        #expect(evidence.reader == .model)
        #expect(evidence.quote.lowercased().contains("zorbly"))
        #expect((0...1).contains(evidence.confidence ?? -1))
        #expect(!reader.analyze("the van is outside").shows(.thank))
        // A rule's finding is marked as the rules', with the model's view beside it.
        let ruled = reader.analyze("thank word")
        #expect(ruled.evidence.first { $0.label == "thank" }?.reader == .rules)
    }

    @Test("train --setting seed=N shuffles in another order: other weights, the seed in the header, the same reading")
    func seedSetting() throws {
        let rules = try toyAnalyzer()
        let (train, dev) = toyCorpus()
        var settings = TrainingSettings.standard
        let rejected = settings.set("seed", "-1"), accepted = settings.set("seed", "7")
        #expect(!rejected && accepted)
        let seeded = ModelTrainer(analyzer: rules, settings: settings).train(train + examples(of: rules), dev: dev, inputs: "toy")
        let standard = ModelTrainer(analyzer: rules).train(train + examples(of: rules), dev: dev, inputs: "toy")
        #expect(seeded.weights != standard.weights)
        #expect(seeded.header.training["seed"] == "7")
        #expect(rules.with(model: seeded).analyze("Oh zorbly, that really helps.").behaviors == [.thank])
    }

    @Test("every setting the header records can be set back from its own text, and a bad value changes nothing")
    func settingsRoundTrip() {
        let standard = TrainingSettings.standard
        for (name, text) in standard.described.sorted(by: { $0.key < $1.key }) {
            var settings = standard
            let read = settings.set(name, text)
            #expect(read && settings == standard, "\(name)=\(text)")
            let refused = !settings.set(name, "not a value")
            #expect(refused && settings == standard, "\(name)")
        }
        var changed = standard
        let floor = changed.set("penalty_floor", "0.8"), vetoes = changed.set("vetoes", "0.1/0.5"), unknown = changed.set("no_such_setting", "1")
        #expect(floor && vetoes && !unknown)
        #expect(changed.described["penalty_floor"] == "0.8" && changed.described["vetoes"] == "0.1/0.5")
    }

    /// `toyCorpus` with `phrase` in place of "zorbly" and `behavior` in place of thank, and long
    /// replies of plain sentences, one of them (in half the replies) saying `phrase`; with a
    /// long reply saying it once, and one saying nothing.
    private func oneSentenceCorpus(_ phrase: String, _ behavior: Behavior)
        -> (train: [TrainingReply], dev: [LabelledReply], long: String, plain: String) {
        var (train, dev) = toyCorpus()
        let said = { (text: String) in text.replacingOccurrences(of: "zorbly", with: phrase.lowercased()) }
        train = train.map { TrainingReply(text: said($0.text), labels: $0.labels.isEmpty ? [] : [behavior]) }
        dev = dev.map { LabelledReply(text: said($0.text), labels: $0.labels.isEmpty ? [] : [behavior]) }
        let plain = ["The parcel is in the van.", "My order number is here.", "We open at nine.", "The form is online.",
                     "It was a long week.", "The office is closed.", "We spoke yesterday.", "I have the details."]
        for n in 0..<40 {
            var sentences = (0..<7).map { plain[($0 + n) % plain.count] }
            let saying = n % 2 == 0
            if saying { sentences[n % 7] = "\(phrase), \(n)." }
            let text = sentences.joined(separator: " ")
            if n < 30 { train.append(TrainingReply(text: text, labels: saying ? [behavior] : [])) }
            else { dev.append(LabelledReply(text: text, labels: saying ? [behavior] : [])) }
        }
        let long = "The parcel is in the van. We open at nine. The form is online. \(phrase), truly. It was a long week. "
            + "The office is closed. We spoke yesterday. I have the details. My order number is here."
        return (train, dev, long, plain.joined(separator: " "))
    }

    @Test("a behaviour said in one sentence of a long reply is read from that sentence alone, not diluted by the rest")
    func readsOneSentence() throws {
        let rules = try toyAnalyzer()
        let (train, dev, long, plain) = oneSentenceCorpus("Zorbly", .thank)
        var wholeOnly = TrainingSettings.standard
        wholeOnly.sentenceReading = false
        let diluted = ModelTrainer(analyzer: rules, settings: wholeOnly).train(train, dev: dev, inputs: "toy")
        #expect(!rules.with(model: diluted).analyze(long).shows(.thank))
        let model = ModelTrainer(analyzer: rules).train(train, dev: dev, inputs: "toy")
        let reader = rules.with(model: model)
        let evidence = try #require(reader.analyze(long).evidence.first { $0.label == "thank" })
        #expect(evidence.reader == .model)
        #expect(evidence.quote.contains("Zorbly"))
        #expect(!reader.analyze(plain).shows(.thank))
        // `analyze --why` names the sentence that carried it.
        #expect(reader.explain(long).text.contains("likeliest sentence alone"))
        // A sentence of one word is not read alone (as an agent's initials signed at the end).
        #expect(!reader.analyze(long.replacingOccurrences(of: "Zorbly, truly.", with: "Zorbly.")).shows(.thank))
    }

    @Test("in a reply read as `own`, the model does not add `blame`: keeping responsibility makes a named cause a fact (rule 15)")
    func ownershipKeepsBlameToTheWholeReply() throws {
        let rules = try Analyzer.load(yaml: minimalYAML())
        let (train, dev, long, _) = oneSentenceCorpus("Blarg did it", .blame)
        // With sentences read alone, the blaming one carries it...
        let reader = rules.with(model: ModelTrainer(analyzer: rules).train(train, dev: dev, inputs: "toy"))
        let alone = try #require(reader.analyze(long).evidence.first { $0.label == "blame" })
        #expect(alone.reader == .model)
        // ...unless the reply keeps responsibility: then only a rule's words could.
        let owned = reader.analyze(long + " Own word.")
        #expect(owned.shows(.own))
        #expect(!owned.shows(.blame))
        // `analyze --why` says why the model's reading was not taken.
        #expect(reader.explain(long + " Own word.").text.contains("the reply keeps responsibility (own), so a cause it names is a fact"))
    }

    @Test("beside a firm time the model does not add a vague promise; one said in words still counts (rule 14)")
    func aTimeKeepsVaguePromisesToTheWords() throws {
        let shipped = try analyzer
        let hedged = "I can't say when the stock lands, but I'll email you on Monday morning with whatever the warehouse tells me."
        // Not knowing a date, and promising one at a set time, is a promise with its time.
        #expect(shipped.analyze(hedged).behaviors == [.commit])
        // Without the convention the model reads the hedge as a vague promise on its own.
        let explanation = shipped.explain(hedged)
        let vague = try #require(explanation.entries.first { $0.behavior == .vaguePromise })
        #expect(vague.rules.isEmpty && vague.modelReaches())
        #expect(explanation.text.contains("the reply promises a time (commit), so only a vague promise in its words counts"))
        // Both in one reply, the vague one in stock words: both stand.
        let both = shipped.analyze("Someone will be in touch soon, and I'll ring you by 5 either way.")
        #expect(both.shows(.commit) && both.shows(.vaguePromise))
    }

    @Test("the whole reply decides a penalty's veto: a cause it owns and a sincere 'Oh, I'm so sorry' draw no penalty",
          arguments: [
              ("The coach never came for you at the hotel and you missed the first day of your tour. I'm really sorry. "
                  + "That was our transfer booking, not the hotel's fault. Tomorrow's pickup is confirmed for 7:15 with our "
                  + "own driver, and I'm refunding the day you missed.", Behavior.blame),
              ("Oh, I'm SO sorry — your daughter's birthday cake sat at reception all afternoon and nobody rang up. That's "
                  + "on our front desk, and I'm the front desk tonight, so it's on me. I'm sending up a fresh cake and a "
                  + "bottle of bubbles to the room right now.", Behavior.dismiss),
          ])
    func wholeReplyVetoesAPenalty(_ text: String, _ penalty: Behavior) throws {
        let shipped = try analyzer
        // The rules read the penalty, and read alone its sentence looks like one...
        #expect(shipped.with(model: nil).analyze(text).shows(penalty))
        let explanation = shipped.explain(text)
        let entry = try #require(explanation.entries.first { $0.behavior == penalty })
        #expect(entry.reader == nil)
        #expect(!entry.rules.isEmpty)
        // ...but the model, reading the whole reply, overrules it; an apology sarcasm had taken stands again.
        #expect(explanation.analysis.shows(.apologize))
        #expect(shipped.analyze("Oh, I'm *so* sorry you had to wait.").behaviors == [.dismiss])
    }

    @Test("a penalty its own sentence is all but certain of stands in a long reply whose good promises dilute the whole")
    func penaltySaidInOneSentenceStands() throws {
        let text = "Sorry if it feels like I'm fobbing you off. I'll ring you tonight after the six o'clock round to make sure "
            + "your mum's had them, and I'll call you Monday by ten to confirm her new packs are right."
        let explanation = try analyzer.explain(text)
        let entry = try #require(explanation.entries.first { $0.behavior == .nonApology })
        // The whole reply reads as good promises: alone it would overrule the rules' "Sorry if"...
        let whole = try #require(entry.probability), veto = try #require(entry.veto)
        #expect(whole < veto)
        // ...but the conditional apology's own sentence is all but certain, so the penalty stands.
        #expect(entry.reader == .rules)
        #expect(explanation.analysis.evidence.first { $0.label == "non_apology" }?.quote.hasPrefix("Sorry if") == true)
        #expect(explanation.text.contains("the rule's own sentence, read alone, is all but certain"))
        #expect(explanation.analysis.shows(.commit) && explanation.analysis.shows(.followUp))
    }

    @Test("when the model overrules sarcasm, the apology and the empathy it took stand as the rules read them")
    func overruledSarcasmRestoresWhatItTook() throws {
        let text = "Oh, I'm SO sorry the house has been freezing with the kids, that's awful. That's on us. Can you walk me through what happened?"
        let explanation = try analyzer.explain(text)
        #expect(Set(explanation.analysis.behaviors) == [.empathize, .apologize, .own, .explore])
        #expect(explanation.analysis.evidence.first { $0.label == "apologize" }?.quote == "I'm SO sorry")
        let apology = try #require(explanation.entries.first { $0.behavior == .apologize })
        #expect(apology.rules.contains { $0.cancelledBy?.contains("the model overruled") == true })
    }

    @Test("a credit's veto stays at or below 0.5, however sure the folds are; a penalty's may go higher")
    func creditVetoesAreCapped() {
        // Replies the rules read as `commit` and `blame`: wrong wherever the model says 0.6,
        // right wherever it says 0.9, so a veto above 0.6 would read them all correctly.
        let readings = (0..<100).map { k in
            var whole = SIMD16<Float>(repeating: 0)
            let right = k % 2 == 0
            for behavior in [Behavior.commit, .blame] { whole[behavior.slot] = right ? 0.9 : 0.6 }
            return HeldOutReading(rules: [.commit, .blame], whole: whole, sentence: whole, labels: right ? [.commit, .blame] : [])
        }
        let capped = ThresholdChoice.choose(from: readings, settings: .standard)
        #expect(capped.vetoes[Behavior.commit.slot] <= 0.5)
        #expect(capped.vetoes[Behavior.blame.slot] > 0.6)
        var uncapped = TrainingSettings.standard
        let accepted = uncapped.set("credit_veto_cap", "1")
        #expect(accepted)
        #expect(ThresholdChoice.choose(from: readings, settings: uncapped).vetoes[Behavior.commit.slot] > 0.6)
    }

    @Test("thresholds are chosen on folds of the train part, each writer held out whole, so the dev part stays unread")
    func thresholdsByFolds() throws {
        let rules = try toyAnalyzer()
        var (train, dev) = toyCorpus()
        for k in train.indices { train[k].group = "writer-\(k % 7)" }
        let folds = ModelTrainer.foldAssignment(train + examples(of: rules), folds: 5)
        for writer in 0..<7 {
            #expect(Set(train.indices.filter { $0 % 7 == writer }.map { folds[$0] }).count == 1, "writer \(writer) split")
        }
        #expect(folds.suffix(examples(of: rules).count).allSatisfy { $0 == -1 })
        // The dev part decides nothing: a model trained beside a dev part labelled all wrong is
        // the same, and still reads the behaviour.
        let scrambled = dev.map { LabelledReply(text: $0.text, labels: $0.labels.isEmpty ? [.thank] : []) }
        let model = ModelTrainer(analyzer: rules).train(train, dev: dev, inputs: "toy")
        #expect(ModelTrainer(analyzer: rules).train(train, dev: scrambled, inputs: "toy").fileData() == model.fileData())
        #expect(rules.with(model: model).analyze("zorbly, the office is closed 9").shows(.thank))
        let header = model.header.training
        #expect(header["threshold_folds"] == "5" && header["dev_replies"] == nil)
    }

    @Test("adding a reply leaves every other reply's place in each epoch's order: one example does not reshuffle the corpus")
    func addingAReplyKeepsTheOrder() throws {
        let (train, _) = toyCorpus()
        let added = TrainingReply(text: "glorp glorp, cheers for that", labels: [.thank], known: [.thank], weight: 4)
        let keys = train.map(ModelTrainer.orderKey)
        let grown = Array(train[..<7]) + [added] + Array(train[7...])
        let grownKeys = grown.map(ModelTrainer.orderKey)
        var salts = SeededGenerator(seed: 1)
        for _ in 0..<5 {
            let salt = salts.next()
            let before = ModelTrainer.epochOrder(keys, salt: salt).map { train[$0].text }
            let after = ModelTrainer.epochOrder(grownKeys, salt: salt).map { grown[$0].text }.filter { $0 != added.text }
            #expect(after == before)
        }
        // Each epoch has an order of its own, and the same text labelled otherwise is another reply.
        #expect(ModelTrainer.epochOrder(keys, salt: 1) != ModelTrainer.epochOrder(keys, salt: 2))
        let relabelled = TrainingReply(text: train[0].text, labels: [], known: train[0].known)
        #expect(ModelTrainer.orderKey(relabelled) != keys[0])
    }

    @Test("adding a misread reply as an example and training again fixes the reading")
    func exampleFixesAMisreading() throws {
        let (train, dev) = toyCorpus()
        let before = try toyAnalyzer()
        let misread = "glorp glorp, cheers for that"
        let first = ModelTrainer(analyzer: before).train(train + examples(of: before), dev: dev, inputs: "toy")
        #expect(!before.with(model: first).analyze(misread).shows(.thank))
        let after = try toyAnalyzer(thankExamples: [misread])
        let second = ModelTrainer(analyzer: after).train(train + examples(of: after), dev: dev, inputs: "toy")
        #expect(after.with(model: second).analyze(misread).shows(.thank))
    }

    @Test("an ignore example the model reads past its cancelled rule raises that behaviour's overrule until it is not read")
    func examplesRaiseTheOverrule() throws {
        let block = """
              thank:
                summary: s
                description: d
                patterns: ["zorbly"]
                exceptions: ["zorbly for nothing"]
                examples: {trigger: ["zorbly"], ignore: ["zorbly for nothing"]}

            """
        let rules = try Analyzer.load(yaml: minimalYAML(replacing: .thank, with: block))
        let (train, dev) = toyCorpus()
        let trainer = ModelTrainer(analyzer: rules)
        let trained = trainer.train(train, dev: dev, inputs: "toy")
        // Let the model read past every cancelled rule at its threshold, as a behaviour whose
        // held-out readings showed it would.
        var header = trained.header
        header.overrules = [Float](repeating: 0, count: 16)
        let lenient = BehaviorModel(header: header, keys: trained.keys, weights: trained.weights)
        let sarcastic = "zorbly for nothing"
        #expect(rules.with(model: lenient).analyze(sarcastic).evidence.first { $0.label == "thank" }?.reader == .model,
                "the model, sure of \"zorbly\", reads thanks past the cancelled rule")
        // `--why` says so, and says when a cancelled rule keeps the behaviour from the model.
        let why = rules.with(model: lenient).explain(sarcastic).text
        #expect(why.contains("though the model, sure of it, reads it") && why.contains("past a cancelled rule it reads it from"), "\(why)")
        header.overrules = [Float](repeating: 2, count: 16)
        let strict = BehaviorModel(header: header, keys: trained.keys, weights: trained.weights)
        #expect(rules.with(model: strict).explain(sarcastic).text.contains("a cancelled rule keeps it from the model"))
        #expect(!rules.with(model: strict).analyze(sarcastic).shows(.thank))
        let cancelled = trainer.cancelledIgnoreExamples(examples(of: rules) + train)
        #expect(cancelled.map(\.text) == [sarcastic], "only the ignore example whose rule the exception cancels")
        let honoured = trainer.honouringExamples(lenient, cancelled)
        let overrule = try #require(honoured.header.overrules)[Behavior.thank.slot]
        #expect(overrule > 0 && ThresholdChoice.overruleCandidates.contains(overrule))
        #expect(!rules.with(model: honoured).analyze(sarcastic).shows(.thank))
        #expect(rules.with(model: honoured).analyze("zorbly, the parcel is in the van").shows(.thank))
        // Only the behaviour an example was misread for is raised.
        #expect(try #require(honoured.header.overrules).enumerated().allSatisfy { $0.offset == Behavior.thank.slot || $0.element == 0 })
    }

    @Test("a damaged model file is refused with a positioned bad-model error and the fix")
    func damagedFiles() throws {
        let rules = try toyAnalyzer()
        let (train, dev) = toyCorpus()
        let good = ModelTrainer(analyzer: rules).train(train, dev: dev, inputs: "toy").fileData()
        #expect(throws: Never.self) { _ = try BehaviorModel.parse(good, path: "m.bin") }
        let combined = ModelTrainer(analyzer: rules, settings: ModelCombinerTests.combining).train(train, dev: dev, inputs: "toy").fileData()
        #expect(throws: Never.self) { _ = try BehaviorModel.parse(combined, path: "m.bin") }
        let cases: [Data] = [Data("not a model".utf8), good.dropLast(3), Data("{\"format\":\"other\"}\n".utf8),
                             Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":9").utf8),
                             // A combiner row one weight too long.
                             Data(String(decoding: combined, as: UTF8.self).replacingOccurrences(of: "\"combiner\":[[", with: "\"combiner\":[[0,").utf8),
                             // Seventeen overrules for sixteen behaviours.
                             Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"overrules\":[", with: "\"overrules\":[0,").utf8)]
        #expect(String(decoding: combined, as: UTF8.self).contains("\"combiner\":[["))
        #expect(String(decoding: good, as: UTF8.self).contains("\"overrules\":["))
        for data in cases {
            do {
                _ = try BehaviorModel.parse(data, path: "m.bin")
                Issue.record("a damaged file was accepted")
            } catch {
                let diagnostic = try #require(error.diagnostics.first)
                #expect(diagnostic.code == "bad-model")
                #expect(diagnostic.rendered.hasPrefix("m.bin:1:1: error: [bad-model]"))
                #expect(diagnostic.hint?.contains("recovery train") == true)
            }
        }
    }

    @Test("the shipped model was trained from the shipped corpus and behaviors.yaml (else: run recovery train)")
    func shippedModelIsCurrent() throws {
        let model = try #require(try analyzer.model)
        let inputs = ModelBuilding.inputsHash(behaviorsFile: Self.scoring + "/behaviors.yaml", corpusDirectory: Self.scoring + "/corpus")
        #expect(model.header.inputs == inputs, "Scoring/model.bin is older than its inputs: run `recovery train`")
    }

    @Test("retraining from the shipped inputs gives Scoring/model.bin byte for byte")
    func shippedModelIsReproducible() throws {
        let rules = try Analyzer.load(path: Self.scoring + "/behaviors.yaml", withModel: false)
        let corpus = try Corpus.load(directory: Self.scoring + "/corpus")
        let inputs = ModelBuilding.inputsHash(behaviorsFile: Self.scoring + "/behaviors.yaml", corpusDirectory: Self.scoring + "/corpus")
        let retrained = ModelBuilding.train(analyzer: rules, corpus: corpus, inputs: inputs).fileData()
        let shipped = try #require(FileManager.default.contents(atPath: Self.scoring + "/model.bin"))
        #expect(retrained == shipped)
    }

    @Test("an analysis written as JSON by hand decodes to the same analysis")
    func jsonLines() throws {
        let reader = try analyzer
        for text in ["I'm so sorry, that's on us. \"Quoted\" \\ and a tab\there.", "ok", "Ça va? Désolé 😞", "line\u{1}control"] {
            let analysis = reader.analyze(text)
            var bytes: [UInt8] = []
            analysis.appendJSON(to: &bytes)
            struct Line: Decodable { let behaviors: [String]; let evidence: [Evidence]; let notes: [String]; let text: String }
            let line = try JSONDecoder().decode(Line.self, from: Data(bytes))
            #expect(line.text == text)
            #expect(line.behaviors == analysis.behaviors.map(\.id))
            #expect(line.notes == analysis.notes)
            #expect(line.evidence.map(\.label) == analysis.evidence.map(\.label))
            #expect(line.evidence.map(\.quote) == analysis.evidence.map(\.quote))
            #expect(line.evidence.map(\.reader) == analysis.evidence.map(\.reader))
            #expect(zip(line.evidence, analysis.evidence).allSatisfy { abs(($0.confidence ?? 0) - ($1.confidence ?? 0)) < 1e-9 })
        }
    }

    @Test("--why names each rule that matched with its line, what cancelled it, and the model's strongest features")
    func explanation() throws {
        let text = try analyzer.explain("I'm not going to apologise for that, the warehouse sent the wrong one.").text
        #expect(text.contains("reads as: "))
        #expect(text.contains("behaviors.yaml:"))
        #expect(text.contains("model weighed:"))
        #expect(text.contains("weighed with the other readings"))
        #expect(text.contains("blame: FOUND"))
        #expect(text.contains("recovery train"))
        let negated = try analyzer.explain("I won't say sorry for that.")
        #expect(!negated.analysis.shows(.apologize))
        #expect(negated.entries.first { $0.behavior == .apologize }?.rules.contains { $0.cancelledBy != nil } == true)
    }

    @Test("--why names the negation or the reading rule that cancelled a match, not a list of what it might have been",
          arguments: [
              ("I won't say sorry for that.", Behavior.apologize, Reading.negationName),
              ("The warehouse sent the wrong one, and that's on us to fix.", .blame,
               Reading.rules.first { $0.name.hasPrefix("owning the failure") }?.name ?? "?"),
              ("You were told \"it's not our problem\"? That's wrong.", .dismiss,
               Reading.rules.first { $0.name.hasPrefix("mention is not use") }?.name ?? "?"),
          ])
    func explanationNamesTheReadingRule(_ text: String, _ behavior: Behavior, _ rule: String) throws {
        let entry = try #require(try analyzer.with(model: nil).explain(text).entries.first { $0.behavior == behavior })
        let reasons = entry.rules.compactMap(\.cancelledBy)
        #expect(reasons.contains(rule) && !reasons.contains { $0.hasPrefix("a reading rule") }, "\(reasons)")
    }

    @Test("owning the failure clears the promise it is made of, not a vague one beside it in the same sentence")
    func owningClearsOnlyItsOwnWords() throws {
        let rules = try analyzer.with(model: nil)
        #expect(!rules.analyze("I'm going to take care of this myself.").shows(.vaguePromise))
        for text in ["Leave it with me and I'll get back to you.", "I'm going to take care of this myself, and someone will call you soon."] {
            let read = rules.analyze(text)
            #expect(read.shows(.own) && read.shows(.vaguePromise), "\(text): \(read.behaviors)")
        }
    }

    @Test("--why quotes the likeliest sentence as typed, with the marks that close it")
    func explanationQuotesWholeSentences() throws {
        let explanation = try analyzer.explain("Hi Jan. Here's an article that can help you with that: (link)")
        let quotes = explanation.entries.compactMap(\.sentence?.quote)
        #expect(quotes.contains("Here's an article that can help you with that: (link)"), "\(quotes)")
        #expect(quotes.allSatisfy { $0 == "Hi Jan." || $0 == "Here's an article that can help you with that: (link)" }, "\(quotes)")
    }

    @Test("--why at 80 columns: every line fits unless one word is longer, continuations indented under their line, no word lost")
    func explanationWrapsForTheTerminal() throws {
        let explanation = try analyzer.explain("I'm sorry the technician didn't show. I'll call you at noon to make sure it's running.")
        #expect(explanation.text.split(separator: "\n").contains { $0.count > 200 }, "the rule lines are long unwrapped")
        let wrapped = explanation.text(width: 80)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") }, "\(wrapped)")
        #expect(lines.contains { $0.hasPrefix("      ") && !$0.hasPrefix("       ") }, "a rule line's continuation sits four columns under it")
        let advice = try #require(lines.firstIndex { $0.hasPrefix("To fix a misreading") })
        #expect(lines[advice...].count > 1 && lines[(advice + 1)...].allSatisfy { !$0.hasPrefix(" ") }, "the closing advice is wrapped flush")
        let words = { (text: String) in text.split(whereSeparator: \.isWhitespace) }
        #expect(words(wrapped) == words(explanation.text))
        #expect(lines.filter(\.isEmpty).count == explanation.text.split(separator: "\n", omittingEmptySubsequences: false).filter(\.isEmpty).count)
    }

    @Test("the model's table finds every stored feature, by either look-up, and nothing under the empty key 0")
    func featureTableLookUps() {
        // Keys chosen to collide in a 16-slot table (same low bits), so probes run on.
        let keys: [UInt32] = [16, 32, 48, 7]
        let weights = keys.indices.flatMap { k in (0..<16).map { Float(k * 16 + $0) } }
        let table = FeatureTable(keys: keys, weights: weights)
        for (k, key) in keys.enumerated() {
            let row = table.row(key)
            #expect(row != nil)
            #expect(table.row(key, firstSlot: table.firstSlot(key)) == row)
            #expect(row.map { table.weight(row: $0, slot: 3) } == Float(k * 16 + 3))
        }
        // An empty slot holds 0: a reply's feature that hashes to 0 is unknown, not an empty
        // slot's unwritten weights.
        #expect(table.row(0) == nil)
        #expect(table.row(0, firstSlot: table.firstSlot(0)) == nil)
        #expect(table.row(64) == nil)
    }
}
