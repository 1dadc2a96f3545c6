import Foundation
import RecoveryCore
import Testing
@testable import RecoveryScoring

/// The `--eval` arithmetic, the labelled-set reader, and a guard on the shipped set's accuracy.
@Suite("evaluation")
struct EvaluationTests {
    /// Four replies, scored by hand:
    /// apologize TP 2 FP 1 → P 2/3, R 1, F1 0.8; empathize missed → 0; blame exact → 1;
    /// dismiss found but never expected → 0; the 12 untouched behaviours → 1.
    @Test("precision, recall, F1, macro-F1 and exact match on a hand-computed fixture")
    func arithmetic() {
        let expected: [Set<Behavior>] = [[.apologize], [.apologize, .empathize], [], [.blame]]
        let predicted: [Set<Behavior>] = [[.apologize], [.apologize], [.apologize], [.blame, .dismiss]]
        let evaluation = Evaluation(expected: expected, predicted: predicted)
        let apologize = evaluation.score(.apologize)
        #expect(apologize.truePositives == 2 && apologize.falsePositives == 1 && apologize.falseNegatives == 0)
        #expect(abs(apologize.precision - 2.0 / 3.0) < 1e-9)
        #expect(apologize.recall == 1)
        #expect(abs(apologize.f1 - 0.8) < 1e-9)
        #expect(apologize.support == 2)
        #expect(evaluation.score(.empathize).f1 == 0 && evaluation.score(.empathize).support == 1)
        #expect(evaluation.score(.blame).f1 == 1)
        #expect(evaluation.score(.dismiss).precision == 0 && evaluation.score(.dismiss).f1 == 0)
        #expect(evaluation.score(.thank).f1 == 1 && evaluation.score(.thank).support == 0)
        #expect(abs(evaluation.macroF1 - 13.8 / 16) < 1e-9)
        #expect(evaluation.exactMatches == 1 && evaluation.exactMatchRate == 0.25)
        #expect(evaluation.misreadings.map { "\($0.kind.rawValue) \($0.behavior.id) \($0.index)" }
            == ["FN empathize 1", "FP apologize 2", "FP dismiss 3"])
        #expect(evaluation.table().contains("macro-F1     0.863"))
    }

    @Test("a labelled set is read line by line; blank lines are skipped and hard is optional")
    func parsing() throws {
        let set = try EvaluationSet.parse("""
            {"text": "I'm sorry.", "labels": ["apologize"], "hard": true}

            {"text": "OK.", "labels": []}
            """)
        #expect(set.map(\.line) == [1, 3])
        #expect(set[0] == LabelledReply(text: "I'm sorry.", labels: [.apologize], hard: true, line: 1))
        #expect(set[1].labels.isEmpty && !set[1].hard)
    }

    @Test("malformed lines are reported with their line number", arguments: [
        ("{\"text\": \"ok\", \"labels\": []}\nnot json\n", 2, "not a JSON object"),
        ("{\"text\": \"ok\", \"labels\": []}\n\n{\"text\": \"hi\", \"labels\": [\"apologise\"]}\n", 3, "unknown behaviour \"apologise\""),
        ("{\"labels\": []}\n", 1, "missing key \"text\""),
        ("{\"text\": \"ok\", \"labels\": \"thank\"}\n", 1, "\"labels\" has the wrong type"),
    ])
    func malformed(_ contents: String, _ line: Int, _ message: String) {
        #expect {
            _ = try EvaluationSet.parse(contents, file: "set.jsonl")
        } throws: { error in
            guard let error = error as? EvaluationSetError else { return false }
            return error.line == line && error.message.contains(message) && error.description.hasPrefix("set.jsonl:\(line): error:")
        }
    }
}
