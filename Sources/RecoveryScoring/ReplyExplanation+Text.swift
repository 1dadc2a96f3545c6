import RecoveryCore

extension ReplyExplanation {
    /// The explanation for people: the reply's reading, then each behaviour that a reader
    /// found or nearly found, with the rules and the model's strongest features. One line per
    /// finding, however long (for searching and piping); `text(width:)` wraps it for a terminal.
    public var text: String { lines.joined(separator: "\n") }

    /// `text` wrapped on spaces at `width` columns, each wrapped line of a finding indented
    /// four columns under the line it continues, so a finding still reads as one block at 80
    /// columns; the closing advice is a paragraph, wrapped flush.
    public func text(width: Int) -> String {
        let lines = self.lines, advice = lines.count - 1  // the closing advice is the last line
        return lines.enumerated().flatMap { index, line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            return TextWrap.lines(String(line.dropFirst(indent.count)), width: width, first: indent,
                                  rest: index == advice ? indent : indent + "    ")
        }.joined(separator: "\n")
    }

    /// The explanation's lines, escaped for the terminal.
    private var lines: [String] {
        var lines: [String] = []
        let found = analysis.behaviors.map(\.id).joined(separator: ", ")
        lines.append("reads as: " + (found.isEmpty ? "(no behaviour)" : found))
        for entry in entries where entry.isWorthShowing {
            var head = "\n\(entry.behavior.id): "
            switch entry.reader {
            case .rules?: head += "FOUND by the rules"
            case .model?: head += "FOUND by the model"
            case nil:
                head += entry.isOverruledByModel ? "not found: the rules matched, but the model overruled them" : "not found"
            }
            if let p = entry.probability, let t = entry.threshold {
                let combined = entry.combined.map { ", \(percent($0)) weighed with the other readings" } ?? ""
                head += " (model \(percent(p))\(combined); it reads \(entry.behavior.id) alone from \(percent(t))"
                head += entry.behavior.isNegative ? ", high for a penalty" : ""
                if let veto = entry.veto, veto > 0 { head += "; it overrules the rules below \(percent(veto))" }
                if let overrule = entry.overrule, !entry.rules.isEmpty, entry.rules.allSatisfy({ $0.cancelledBy != nil }) {
                    head += overrule > 1 ? "; a cancelled rule keeps it from the model"
                        : "; past a cancelled rule it reads it from \(percent(max(overrule, t)))"
                }
                head += ")"
            }
            lines.append(head)
            if let sentence = entry.sentence, sentence.threshold <= 1 {
                lines.append("  likeliest sentence alone, \(percent(sentence.probability)) (reads it from \(percent(sentence.threshold))): “\(sentence.quote)”")
            } else if let sentence = entry.sentence, entry.combined != nil {
                lines.append("  likeliest sentence alone, \(percent(sentence.probability)): “\(sentence.quote)”")
            }
            if entry.reader == .rules, entry.behavior.isNegative, let p = entry.probability, let veto = entry.veto, p < veto {
                lines.append("  the whole reply would overrule the rules, but the rule's own sentence, read alone, is all but certain "
                             + "of it (\(percent(Double(BehaviorModel.penaltySentenceCertainty))) or more)")
            }
            if entry.reader == nil, entry.rules.isEmpty, entry.modelReaches(),
               let barred = ModelConvention.barring(entry.behavior, besides: analysis.behaviors)?.barredReason {
                lines.append("  but " + barred)
            }
            for match in entry.rules {
                let place = match.line > 0 ? " (behaviors.yaml:\(match.line))" : ""
                if let reason = match.cancelledBy {
                    lines.append("  rule \"\(match.pattern)\"\(place) matched “\(match.quote)” but was cancelled by \(reason)")
                } else {
                    lines.append("  rule \"\(match.pattern)\"\(place) matched “\(match.quote)”")
                }
            }
            if !entry.features.isEmpty {
                let listed = entry.features.map { "\($0.weight >= 0 ? "+" : "")\(String(format: "%.2f", $0.weight)) \($0.feature)" }
                lines.append("  model weighed: " + listed.joined(separator: ", "))
            }
        }
        lines.append("\nTo fix a misreading: add the reply as a trigger or ignore example of the behaviour in "
                     + "Scoring/behaviors.yaml (or a labelled row in Scoring/corpus/train.jsonl) and run `recovery train`; "
                     + "a rule that matches wrongly needs an exception (see docs/scoring-data.md).")
        return lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalSafe.escape(String($0)) }
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
