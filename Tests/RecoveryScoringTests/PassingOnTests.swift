import Foundation
import Testing
@testable import RecoveryScoring

/// The settlement of passing it on (docs/labelling.md, "Passing it on"): reporting that a
/// complaint was passed on, escalated or logged promises nothing by itself. Two labellers read
/// every `vague_promise` reply that reports such a step, blind, with controls mixed in; where
/// both said it promises nothing more, the label was withdrawn and the row marks it.
@Suite("corpus: the settlement of passing it on")
struct PassingOnTests {
    struct Row: Decodable {
        let text: String, part: String, behavior: String
        /// The two labellers' readings, and the settled one: whether the reply shows `behavior`.
        let first: Bool, second: Bool, read: Bool
        let applied: Bool, control: Bool
        let why: String?
    }

    static func rows() throws -> [Row] { try CorpusTests.rows(of: "passing-on.jsonl", as: Row.self) }

    /// The labels the settlement withdrew, by normalised text.
    static func withdrawals() throws -> [String: Set<String>] {
        var withdrawn: [String: Set<String>] = [:]
        for row in try rows() where row.applied { withdrawn[CorpusTests.normalised(row.text), default: []].insert(row.behavior) }
        return withdrawn
    }

    @Test("every label it withdrew is gone from the corpus and marked there; nothing else is marked")
    func withdrawalsAreInTheCorpus() throws {
        let withdrawn = try Self.withdrawals()
        #expect(withdrawn.count >= 30)
        var marked: [String: Set<String>] = [:], labels: [String: Set<String>] = [:]
        for row in try CorpusTests.markedRows([.train, .dev]) {
            let key = CorpusTests.normalised(row.text)
            labels[key] = Set(row.labels)
            if let gone = row.withdrawn { marked[key] = Set(gone) }
        }
        #expect(marked == withdrawn)
        for (text, gone) in withdrawn {
            let now = try #require(labels[text], "\(text)")
            #expect(now.isDisjoint(with: gone), "\(text)")
        }
    }

    @Test("a label is withdrawn only where both labellers, or the settling rule, read no promise")
    func withdrawnOnlyOnTheReading() throws {
        for row in try Self.rows() {
            if row.first == row.second {
                #expect(row.read == row.first && row.why == nil, "\(row.text)")
            } else {
                #expect(!(row.why ?? "").isEmpty, "a split settled without a reason: \(row.text)")
            }
            #expect(row.applied == (!row.read && !row.control), "\(row.text)")
        }
    }

    @Test("the controls, labelled before and read blind with the rest, agree with their labels")
    func controlsAgree() throws {
        let rows = try Self.rows()
        let corpus = try CorpusTests.corpus.get()
        var labelled: [String: Bool] = [:]
        for reply in corpus[.train] + corpus[.dev] { labelled[CorpusTests.normalised(reply.text)] = reply.labels.contains(.vaguePromise) }
        let controls = rows.filter(\.control)
        #expect(controls.count >= 30)
        let agreeing = controls.filter { labelled[CorpusTests.normalised($0.text)] == $0.read }
        #expect(agreeing.count * 100 >= controls.count * 95)
    }
}
