import Foundation
import Testing

/// The learned reader's commands as a trainer runs them: `analyze --eval` on the corpus,
/// `train` and `train --check` on a data folder of their own, `analyze --why`, and `play` with
/// a broken behaviors.yaml (the analyzer loads while the call opens).
@Suite("learned reader commands")
struct LearnedReaderCommandTests {
    /// A data folder with the shipped behaviors.yaml and scenarios and a small corpus cut from
    /// the shipped one (the first `rows` replies of each part); no model yet.
    private func smallDataFolder(rows: Int = 60) throws -> String {
        let root = RecoveryBinary.temporaryDirectory()
        let manager = FileManager.default
        let shipped = RecoveryBinary.repositoryRoot
        try manager.createDirectory(atPath: root + "/Scoring/corpus", withIntermediateDirectories: true)
        try manager.copyItem(atPath: shipped + "/Scoring/behaviors.yaml", toPath: root + "/Scoring/behaviors.yaml")
        try manager.copyItem(atPath: shipped + "/Scoring/rubrics", toPath: root + "/Scoring/rubrics")
        try manager.copyItem(atPath: shipped + "/Scenarios", toPath: root + "/Scenarios")
        for part in ["train", "dev", "test"] {
            let text = try String(contentsOfFile: shipped + "/Scoring/corpus/\(part).jsonl", encoding: .utf8)
            let head = text.split(separator: "\n").prefix(rows).joined(separator: "\n") + "\n"
            try head.write(toFile: root + "/Scoring/corpus/\(part).jsonl", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test("analyze --eval Scoring/corpus scores train, dev and the frozen test part, each beside the rules alone")
    func evalReportsThreeParts() throws {
        let result = try RecoveryBinary.run(["analyze", "--eval", "Scoring/corpus"])
        #expect(result.status == 0, "\(result.errors)")
        for part in ["== train:", "== dev:", "== test:"] { #expect(result.output.contains(part)) }
        #expect(result.output.contains("frozen"))
        #expect(result.output.components(separatedBy: "rules alone: macro-F1").count == 4)
    }

    @Test("analyze --eval --rules names the patterns the labels disagree with, with their line and a misread reply")
    func ruleAudit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rule-audit-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try """
            {"text": "So sorry for the mix-up!", "labels": ["non_apology"]}
            {"text": "I'm so sorry we left you without heat.", "labels": ["apologize"]}
            {"text": "Thank you for your patience.", "labels": ["thank"]}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let yaml = try String(contentsOfFile: RecoveryBinary.repositoryRoot + "/Scoring/behaviors.yaml", encoding: .utf8).components(separatedBy: "\n")
        let sorryLine = try #require(yaml.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- \"sorry\"" }) + 1
        let result = try RecoveryBinary.run(["analyze", "--eval", file, "--rules"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("behaviors.yaml:\(sorryLine)  apologize  \"sorry\"  wrong 1 of 2 (precision 0.50)"), "\(result.output)")
        #expect(result.output.contains("e.g. line 1: So sorry for the mix-up!  labelled [non_apology]"))
        // Patterns the labels bear out are not listed.
        #expect(!result.output.contains("thank  \"thank"))
        let json = try RecoveryBinary.run(["analyze", "--eval", file, "--rules", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rules = try #require(report["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["line"] as? Int == sorryLine && $0["wrong"] as? Int == 1 && $0["right"] as? Int == 1 })
    }

    @Test("a reply typed where a file name goes is not read as a missing file without a way out: the error says how to read one reply")
    func replyGivenAsFileArgument() throws {
        let result = try RecoveryBinary.run(["analyze", "I'm so sorry, that's on us"])
        #expect(result.status != 0)
        #expect(result.errors.contains("no file named 'I'm so sorry, that's on us'"))
        #expect(result.errors.contains("| recovery analyze") && result.errors.contains("--why"))
    }

    @Test("train writes a model --check then accepts, and --why shows what it weighed")
    func trainCheckAndWhy() throws {
        let data = try smallDataFolder()
        let extra = ["RECOVERY_HOME": data]
        let missing = try RecoveryBinary.run(["train", "--check"], extra: extra)
        #expect(missing.status == 1)
        #expect(missing.errors.contains("out of date") && missing.errors.contains("recovery train"))
        let trained = try RecoveryBinary.run(["train"], extra: extra)
        #expect(trained.status == 0, "\(trained.errors)")
        #expect(trained.output.contains("wrote \(data)/Scoring/model.bin"))
        #expect(trained.output.contains("thresholds chosen on held-out readings of the train part in 5 folds"))
        #expect(trained.output.contains("cancelled rules the model never reads past: "), "\(trained.output)")
        #expect(!trained.output.contains("scenario-test replies"), "no model before: nothing to compare with")
        let checked = try RecoveryBinary.run(["train", "--check"], extra: extra)
        #expect(checked.status == 0, "\(checked.errors)")
        #expect(checked.output.contains("is up to date"))
        let again = try RecoveryBinary.run(["train"], extra: extra)
        #expect(again.output.contains("examples and scenario-test replies: none changed"), "\(again.output)")
        let why = try RecoveryBinary.run(["analyze", "--why", "I'm so sorry, the warehouse sent the wrong one"], extra: extra)
        #expect(why.status == 0)
        #expect(why.output.contains("apologize: FOUND by the rules"))
        #expect(why.output.contains("model weighed:"))
        // Editing behaviors.yaml makes the model stale, and --check says so.
        let yaml = data + "/Scoring/behaviors.yaml"
        try (try String(contentsOfFile: yaml, encoding: .utf8) + "\n# edited\n").write(toFile: yaml, atomically: true, encoding: .utf8)
        #expect(try RecoveryBinary.run(["train", "--check"], extra: extra).status == 1)
        // An example added and trained in: the retraining names what now reads differently.
        // Added at the head of dismiss's trigger list, as a trainer would, whatever the list holds.
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        let dismiss = try #require(text.range(of: "  dismiss:"))
        let triggers = try #require(text.range(of: "      trigger:\n", range: dismiss.upperBound..<text.endIndex))
        try text.replacingCharacters(in: triggers, with: "      trigger:\n        - \"Have it your way, sweetheart.\"\n")
            .write(toFile: yaml, atomically: true, encoding: .utf8)
        let retrained = try RecoveryBinary.run(["train"], extra: extra)
        #expect(retrained.output.contains("readings changed for"), "\(retrained.output)")
        #expect(retrained.output.contains("+dismiss “Have it your way, sweetheart.”"), "\(retrained.output)")
        #expect(!retrained.output.contains("examples the new model misreads"), "every example holds: \(retrained.output)")
        // An example the model cannot learn (a rule finds thanks in it, and nothing cancels the
        // rule) reads the same before and after, and the trainer is told, not left to the tests.
        let withThanks = try String(contentsOfFile: yaml, encoding: .utf8)
        let thank = try #require(withThanks.range(of: "  thank:"))
        let ignore = try #require(withThanks.range(of: "      ignore:\n", range: thank.upperBound..<withThanks.endIndex))
        try withThanks.replacingCharacters(in: ignore, with: "      ignore:\n        - \"Thanks ever so much for waiting.\"\n")
            .write(toFile: yaml, atomically: true, encoding: .utf8)
        let unlearned = try RecoveryBinary.run(["train"], extra: extra)
        #expect(unlearned.status == 0, "\(unlearned.errors)")
        #expect(unlearned.output.contains("examples the new model misreads: 1"), "\(unlearned.output)")
        #expect(unlearned.output.contains("must not show thank “Thanks ever so much for waiting.”: the rule on line "), "\(unlearned.output)")
    }

    @Test("play with a broken behaviors.yaml opens the call, then refuses the first reply with the positioned error")
    func brokenScoringDataStopsTheCall() throws {
        let data = try smallDataFolder(rows: 1)
        let yaml = data + "/Scoring/behaviors.yaml"
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        try text.replacingOccurrences(of: "      - \"my bad\"\n", with: "      - \"my (bad\"\n").write(toFile: yaml, atomically: true, encoding: .utf8)
        let result = try RecoveryBinary.run(["play", "cold-house-furnace", "--transcripts", data + "/calls"], input: "I'm so sorry.\n",
                                            extra: ["RECOVERY_HOME": data])
        #expect(result.status == 1)
        #expect(result.output.contains("Sydney"))
        #expect(result.errors.contains("behaviors.yaml:") && result.errors.contains("[bad-pattern]"))
        // The diagnostic says "error:" once, as `file:line:col: error: [code]`.
        #expect(!result.errors.contains("error: /") && result.errors.components(separatedBy: "error:").count == 2, "\(result.errors)")
    }
}
