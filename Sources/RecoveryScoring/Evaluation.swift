import RecoveryCore

/// Precision, recall and F1 of one behaviour over a labelled set.
public struct BehaviorScore: Sendable, Equatable, Codable {
    /// The behaviour scored.
    public var behavior: Behavior
    /// Replies where it was both expected and found.
    public var truePositives: Int
    /// Replies where it was found but not expected.
    public var falsePositives: Int
    /// Replies where it was expected but not found.
    public var falseNegatives: Int

    /// Replies expected to show the behaviour.
    public var support: Int { truePositives + falseNegatives }

    /// TP / (TP + FP); 1 when the behaviour was never predicted (nothing claimed, nothing wrong).
    public var precision: Double {
        let claimed = truePositives + falsePositives
        return claimed == 0 ? (support == 0 ? 1 : 0) : Double(truePositives) / Double(claimed)
    }

    /// TP / (TP + FN); 1 when the behaviour was never expected.
    public var recall: Double {
        support == 0 ? (falsePositives == 0 ? 1 : 0) : Double(truePositives) / Double(support)
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }
}

/// One misreading of a labelled reply: a behaviour found that was not expected, or missed.
public struct Misreading: Sendable, Equatable {
    /// Whether the behaviour was found without being expected (false positive) or missed.
    public enum Kind: String, Sendable { case falsePositive = "FP", falseNegative = "FN" }
    /// Which kind of error.
    public var kind: Kind
    /// The behaviour concerned.
    public var behavior: Behavior
    /// The reply's position in the set (0-based).
    public var index: Int
}

/// The metrics of a labelled set: per-behaviour scores, macro-F1 and exact-match rate.
public struct Evaluation: Sendable {
    /// One score per behaviour, in `Behavior` order (all 16, even with no support).
    public var scores: [BehaviorScore]
    /// Replies whose predicted label set equals the expected one.
    public var exactMatches: Int
    /// Replies scored.
    public var count: Int
    /// Every false positive and false negative, reply by reply, in set order.
    public var misreadings: [Misreading]

    /// Scores `predicted` against `expected`, pairwise (the arrays must have equal length).
    public init(expected: [Set<Behavior>], predicted: [Set<Behavior>]) {
        precondition(expected.count == predicted.count, "expected and predicted differ in length")
        var tp = [Behavior: Int](), fp = [Behavior: Int](), fn = [Behavior: Int]()
        var exact = 0
        var errors: [Misreading] = []
        for (index, (want, got)) in zip(expected, predicted).enumerated() {
            if want == got { exact += 1 }
            for behavior in Behavior.allCases {
                switch (want.contains(behavior), got.contains(behavior)) {
                case (true, true): tp[behavior, default: 0] += 1
                case (false, true):
                    fp[behavior, default: 0] += 1
                    errors.append(Misreading(kind: .falsePositive, behavior: behavior, index: index))
                case (true, false):
                    fn[behavior, default: 0] += 1
                    errors.append(Misreading(kind: .falseNegative, behavior: behavior, index: index))
                case (false, false): break
                }
            }
        }
        scores = Behavior.allCases.map {
            BehaviorScore(behavior: $0, truePositives: tp[$0] ?? 0, falsePositives: fp[$0] ?? 0, falseNegatives: fn[$0] ?? 0)
        }
        exactMatches = exact
        count = expected.count
        misreadings = errors
    }

    /// The mean F1 over all 16 behaviours.
    public var macroF1: Double { scores.map(\.f1).reduce(0, +) / Double(max(scores.count, 1)) }

    /// The share of replies whose label set is exactly right (1 for an empty set).
    public var exactMatchRate: Double { count == 0 ? 1 : Double(exactMatches) / Double(count) }

    /// The score of one behaviour.
    public func score(_ behavior: Behavior) -> BehaviorScore { scores.first { $0.behavior == behavior }! }

    /// A fixed-width table: one row per behaviour, then macro-F1 and exact match.
    public func table() -> String {
        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        func number(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            let text = "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
            return pad(text, 10)
        }
        var lines = [pad("behaviour", 15) + pad("precision", 10) + pad("recall", 10) + pad("f1", 10) + "support"]
        for score in scores {
            lines.append(pad(score.behavior.id, 15) + number(score.precision) + number(score.recall) + number(score.f1) + "\(score.support)")
        }
        lines.append("macro-F1     \(number(macroF1))")
        lines.append("exact match  \(number(exactMatchRate))(\(exactMatches)/\(count))")
        return lines.joined(separator: "\n")
    }
}
