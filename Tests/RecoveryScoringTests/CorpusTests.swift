import Foundation
import RecoveryCore
import Testing
@testable import RecoveryScoring

/// The labelled corpus of Scoring/corpus/: who wrote it, how it is split, how far two blind
/// labellers agreed, and how well the shipped reader does on its frozen test part.
@Suite("corpus")
struct CorpusTests {
    static let directory = repositoryRoot.appendingPathComponent("Scoring/corpus").path
    static let corpus = Result { () throws(EvaluationSetError) in try Corpus.load(directory: directory) }

    /// How scripts/corpus-assemble tells two rows are the same reply: lowercased, every run of
    /// characters other than a-z and 0-9 made one space, trimmed.
    static func normalised(_ text: String) -> String {
        var out = "", gap = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if gap && !out.isEmpty { out.append(" ") }
                out.unicodeScalars.append(scalar)
                gap = false
            } else {
                gap = true
            }
        }
        return out
    }

    @Test("at least 3,000 replies, every one with a source; the frozen test part is only the test writers'")
    func composition() throws {
        let corpus = try Self.corpus.get()
        let all = Corpus.Part.allCases.flatMap { corpus[$0] }
        #expect(all.count >= 3000)
        #expect(all.allSatisfy { !($0.source ?? "").isEmpty })
        // Writers briefed for the test part never saw the scoring data; their ids start with "t".
        #expect(corpus[.test].allSatisfy { $0.source?.hasPrefix("t") == true })
        #expect(!corpus[.train].contains { $0.source?.hasPrefix("t") == true })
        #expect(!corpus[.dev].contains { $0.source?.hasPrefix("t") == true })
        // At least ten independent writers outside the test part.
        #expect(Set((corpus[.train] + corpus[.dev]).compactMap(\.source)).count >= 10)
        for part in Corpus.Part.allCases {
            let replies = corpus[part]
            #expect(replies.filter(\.labels.isEmpty).count * 20 >= replies.count, "\(part): too few replies with no label")
            for behavior in Behavior.allCases {
                #expect(replies.filter { $0.labels.contains(behavior) }.count >= 40, "\(part) \(behavior.id)")
            }
        }
    }

    @Test("no reply is in two parts")
    func partsAreDisjoint() throws {
        let corpus = try Self.corpus.get()
        let test = Set(corpus[.test].map { Self.normalised($0.text) })
        let dev = Set(corpus[.dev].map { Self.normalised($0.text) })
        #expect(corpus[.train].allSatisfy { !test.contains(Self.normalised($0.text)) && !dev.contains(Self.normalised($0.text)) })
        #expect(corpus[.dev].allSatisfy { !test.contains(Self.normalised($0.text)) })
    }

    /// Every corpus reply's labels, by its text as scripts/corpus-assemble compares texts.
    private func corpusLabelsByText() throws -> [String: Set<String>] {
        let corpus = try Self.corpus.get()
        var labelsByText: [String: Set<String>] = [:]
        for part in Corpus.Part.allCases { for reply in corpus[part] { labelsByText[Self.normalised(reply.text)] = Set(reply.labels.map(\.id)) } }
        return labelsByText
    }

    private struct SettlementRow: Decodable {
        let text: String, part: String, behavior: String, read: Bool, applied: Bool, control: Bool, words: String
    }

    /// The rows of one of the corpus folder's JSON-lines files.
    static func rows<Row: Decodable>(of file: String, as _: Row.Type) throws -> [Row] {
        let contents = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
        return try contents.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    /// A corpus reply as its part's file holds it, with the marks the settlements left: the
    /// labels the settlement of causes and referrals added (`settled`), those the settlement of
    /// passing it on withdrew (`withdrawn`).
    struct MarkedRow: Decodable {
        let text: String, labels: [String], settled: [String]?, withdrawn: [String]?
    }

    /// Every row of the corpus parts `parts`, as their files hold them.
    static func markedRows(_ parts: [Corpus.Part] = Corpus.Part.allCases) throws -> [MarkedRow] {
        try parts.flatMap { try rows(of: "\($0.rawValue).jsonl", as: MarkedRow.self) }
    }

    private func settlementRows() throws -> [SettlementRow] { try Self.rows(of: "settlement.jsonl", as: SettlementRow.self) }

    /// The labels the settlement of causes and referrals added, by normalised text: a later
    /// round than the agreement and the audit, so their settled labels plus these are the corpus's.
    private func settlementAdditions() throws -> [String: Set<String>] {
        var added: [String: Set<String>] = [:]
        for row in try settlementRows() where row.applied { added[Self.normalised(row.text), default: []].insert(row.behavior) }
        return added
    }

    /// A row's labels as the later settlements leave them: `settled` plus what the settlement of
    /// causes and referrals added, less what the settlement of passing it on withdrew.
    private func laterSettlements() throws -> (_ text: String, _ settled: [String]) -> Set<String> {
        let added = try settlementAdditions(), withdrawn = try PassingOnTests.withdrawals()
        return { text, settled in
            let key = Self.normalised(text)
            return Set(settled).union(added[key] ?? []).subtracting(withdrawn[key] ?? [])
        }
    }

    @Test("the settlement of causes and referrals: every label it added is in the corpus, marked, and its controls agree")
    func causesAndReferralsSettlement() throws {
        let rows = try settlementRows()
        let corpus = try Self.corpus.get()
        var byText: [String: (labels: Set<String>, settled: Set<String>)] = [:]
        for row in try Self.markedRows() { byText[Self.normalised(row.text)] = (Set(row.labels), Set(row.settled ?? [])) }
        #expect(byText.count == Corpus.Part.allCases.map { corpus[$0].count }.reduce(0, +))
        let applied = rows.filter(\.applied)
        #expect(applied.count >= 400)
        for row in applied {
            let entry = try #require(byText[Self.normalised(row.text)], "\(row.text)")
            #expect(entry.labels.contains(row.behavior) && entry.settled.contains(row.behavior), "\(row.text)")
            #expect(!row.words.isEmpty && !row.control && row.read)
        }
        // Every marked label comes from an applied row.
        let appliedKeys = Set(applied.map { Self.normalised($0.text) + "|" + $0.behavior })
        for (text, entry) in byText { for behavior in entry.settled { #expect(appliedKeys.contains(text + "|" + behavior), "\(text)") } }
        // Control rows (already labelled so) were read blind with the rest: the relabellers agree with them.
        let controls = rows.filter(\.control)
        #expect(controls.count >= 200)
        #expect(controls.filter(\.read).count * 100 >= controls.count * 95)
    }

    private struct DoubleLabelled: Decodable {
        let text: String, first: [String], second: [String], settled: [String]
        let why: String?
    }

    @Test("a blind second labelling of 300+ replies, its disagreements settled, and the settled labels in the corpus")
    func agreement() throws {
        let rows = try Self.rows(of: "agreement.jsonl", as: DoubleLabelled.self)
        #expect(rows.count >= 300)
        let labelsByText = try corpusLabelsByText()
        let settle = try laterSettlements()
        var found = 0
        for row in rows {
            // Where the labellers agreed their labels stand; where they did not, the settling
            // names the rule that decided it.
            if Set(row.first) == Set(row.second) {
                #expect(Set(row.settled) == Set(row.first), "\(row.text)")
            } else {
                #expect(!(row.why ?? "").isEmpty, "a disagreement settled without a reason: \(row.text)")
            }
            #expect(row.settled.allSatisfy(Behavior.allIDs.contains))
            if let labels = labelsByText[Self.normalised(row.text)] {
                found += 1
                #expect(labels == settle(row.text, row.settled), "\(row.text)")
            }
        }
        // Rows dropped as duplicates of another part's reply are the only ones not found.
        #expect(found * 100 >= rows.count * 95)
        // Agreement per behaviour, as docs/corpus.md reports it.
        for behavior in Behavior.allIDs {
            let both = rows.filter { $0.first.contains(behavior) && $0.second.contains(behavior) }.count
            let either = rows.filter { $0.first.contains(behavior) }.count + rows.filter { $0.second.contains(behavior) }.count
            #expect(either == 0 || Double(2 * both) / Double(either) >= 0.8, "\(behavior): labellers agree too little")
        }
    }

    private struct TripleLabelled: Decodable {
        let text: String, writer: [String], second: [String], third: [String], settled: [String]
    }

    @Test("the audit's rows carry, behaviour by behaviour, the majority of three labellings, and the corpus holds them")
    func auditMajority() throws {
        let rows = try Self.rows(of: "audit.jsonl", as: TripleLabelled.self)
        #expect(rows.count >= 300)
        let labelsByText = try corpusLabelsByText()
        let settle = try laterSettlements()
        for row in rows {
            let majority = Behavior.allIDs.filter { id in [row.writer, row.second, row.third].filter { $0.contains(id) }.count >= 2 }
            #expect(Set(row.settled) == Set(majority), "\(row.text)")
            #expect(labelsByText[Self.normalised(row.text)] == settle(row.text, row.settled), "\(row.text)")
        }
    }

    @Test("clean, skilled replies written and checked blind draw a penalty in at most one in a hundred")
    func cleanRepliesDrawNoPenalty() throws {
        let path = Self.directory + "/clean.jsonl"
        let replies = try EvaluationSet.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(replies.count >= 900)
        #expect(replies.allSatisfy { $0.labels.allSatisfy { !$0.isNegative } }, "clean.jsonl holds only replies with no penalty")
        let reader = try analyzer
        let penalised = replies.filter { reader.analyze($0.text).behaviors.contains(where: \.isNegative) }
        // Measured 2026-12-04: 3 of 520 (11 before a penalty's veto was read on the whole reply);
        // 4 of 520 once causes and referrals were settled and `blame` is read more widely; 3
        // with real public replies learned from. 2026-12-07: 0 of 917, with 397 replies of two
        // more writers, briefed to write what a careless reader would penalise.
        #expect(penalised.count * 100 <= replies.count, "\(penalised.map(\.text).joined(separator: "\n"))")
    }

    /// A row of a check set labelled twice blind: by its writer (or, for real replies, a first
    /// labeller) and a second labeller, each disputed label decided by a third.
    private struct FreshRow: Decodable {
        let text: String, labels: [String], writer: [String]?, first: [String]?, second: [String], third: [String]?, decided: [String]?
        let source: String, note: String?
    }

    @Test("a fresh check set's labels are, behaviour by behaviour, the writer's and a blind second labeller's where they agree, else a third's",
          arguments: ["fresh.jsonl", "fresh2.jsonl", "fresh3.jsonl", "real.jsonl", "test-settled.jsonl"])
    func freshSettlement(_ file: String) throws {
        let rows = try Self.rows(of: file, as: FreshRow.self)
        #expect(rows.count >= 300)
        for row in rows {
            let first = try #require(row.writer ?? row.first, "\(row.text)")
            #expect(!row.source.isEmpty)
            let disputed = Set(first).symmetricDifference(row.second)
            #expect(Set(row.decided ?? []) == disputed, "\(row.text)")
            let settled = Set(first).intersection(row.second).union(disputed.intersection(row.third ?? []))
            #expect(Set(row.labels) == settled, "\(row.text)")
        }
    }

    @Test("the shipped reader on the fresh check sets, never learned from: macro-F1 stays at its measured level",
          arguments: [("fresh.jsonl", 0.80), ("fresh2.jsonl", 0.77), ("fresh3.jsonl", 0.79), ("real.jsonl", 0.50)])
    func freshAccuracy(_ file: String, _ floor: Double) throws {
        let path = Self.directory + "/" + file
        let replies = try EvaluationSet.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
        let evaluation = try analyzer.evaluate(replies)
        // Measured 2026-12-05 (docs/corpus.md, "A fresh check", "A second fresh check", "Real
        // replies"): fresh 0.84 (the TF-IDF peer 0.84), fresh2 0.80 (the peer 0.79), penalty
        // recall holding both down; real replies 0.55 (0.60 over the 13 behaviours they show),
        // 0.31 before 588 other replies of the same dataset were labelled and learned from.
        // Real replies' figure moves by up to 0.07 with the training seed alone (some of their
        // behaviours have 2 to 4 replies, one tweet posted four times among them); round 15's
        // model reads them at 0.52. fresh3 (600 replies, 2026-12-06, "A third fresh check"):
        // 0.829, the peer 0.839. These guard against regressions; they are not goals.
        #expect(evaluation.macroF1 >= floor, "\n\(evaluation.table())")
    }

    @Test("real replies name their dataset, licence, company and tweet, and ship with the dataset's licence")
    func realRepliesNameTheirSource() throws {
        let rows = try Self.rows(of: "real.jsonl", as: FreshRow.self)
        #expect(rows.count >= 300)
        #expect(rows.allSatisfy { $0.source == "IBM/twitter-customer-care-document-prediction (Apache-2.0)" })
        #expect(rows.allSatisfy { $0.note?.contains("; Twitter, tweet ") == true })
        let licence = try String(contentsOfFile: Self.directory + "/LICENSE-real-replies", encoding: .utf8)
        #expect(licence.contains("Apache License") && licence.contains("Version 2.0"))
    }

    @Test("real replies read the same with their links written out as web addresses as with the dataset's '(link)'")
    func realRepliesWithWebAddresses() throws {
        let path = Self.directory + "/real.jsonl"
        let replies = try EvaluationSet.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
        var n = 0
        let written = replies.map { reply in
            var text = reply.text
            while let range = text.range(of: "(link)") {
                n += 1
                text.replaceSubrange(range, with: "https://t.co/Xq\(n)Tz9kLw")
            }
            return LabelledReply(text: text, labels: reply.labels)
        }
        #expect(n > 250)
        let reader = try analyzer
        // Measured 2026-12-05: 0.474 as words ("https t co xq1tz9klw"), 0.552 as links.
        #expect(reader.evaluate(written).macroF1 == reader.evaluate(replies).macroF1)
    }

    @Test("the shipped reader on the frozen test part: macro-F1 and penalty precision stay at their measured level")
    func frozenTestAccuracy() throws {
        let corpus = try Self.corpus.get()
        let evaluation = try analyzer.evaluate(corpus[.test])
        // Measured 2026-12-06 (05:50 UTC) with the second layer (`ModelCombiner`, docs/corpus.md):
        // macro-F1 0.904; precision non_apology 0.986, blame 0.974, deflect 0.959, vague_promise
        // 0.902, dismiss 0.881. These guard against regressions (a retraining moves test by
        // ±0.003–0.005); the goal is 0.90 and 0.95 for every penalty, held here where met.
        #expect(evaluation.macroF1 >= 0.90, "\n\(evaluation.table())")
        for behavior in [Behavior.nonApology, .blame, .deflect] {
            #expect(evaluation.score(behavior).precision >= 0.95, "\(behavior.id)\n\(evaluation.table())")
        }
        #expect(evaluation.score(.vaguePromise).precision >= 0.90, "vague_promise\n\(evaluation.table())")
        #expect(evaluation.score(.dismiss).precision >= 0.85, "dismiss\n\(evaluation.table())")
    }

    @Test("the frozen test part labelled again blind: the same replies in order, its writers' labels as the first labelling")
    func frozenTestSecondLabelling() throws {
        let rows = try Self.rows(of: "test-settled.jsonl", as: FreshRow.self)
        let test = try Self.corpus.get()[.test]
        #expect(rows.map(\.text) == test.map(\.text))
        #expect(rows.map { Set($0.writer ?? []) } == test.map { Set($0.labels.map(\.id)) })
        // Every reply was read by a second labeller; 802 of 900 agreed on every behaviour.
        #expect(rows.filter { Set($0.writer ?? []) != Set($0.second) }.count <= 120)
    }
}
