import Foundation
import Testing
import RecoveryCore

/// `scripts/corpus-round`, run as a trainer runs a corpus round (docs/corpus.md): on a copy of
/// the scripts beside a small corpus of their own, so the shipped corpus is never touched.
@Suite struct CorpusRoundScriptTests {
    /// A repository-shaped folder: scripts/ with the two corpus scripts, Scoring/corpus/ with
    /// `parts`, and a writer's file `w90.jsonl`.
    struct Workspace {
        let root = RecoveryBinary.temporaryDirectory()
        var corpus: String { root + "/Scoring/corpus" }
        var writer: String { root + "/w90.jsonl" }
        var round: String { root + "/round" }

        init(parts: [String: [[String: Any]]], writer rows: [[String: Any]]) throws {
            let files = FileManager.default
            try files.createDirectory(atPath: root + "/scripts", withIntermediateDirectories: true)
            try files.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            for script in ["corpus-round", "corpus-assemble"] {
                try files.copyItem(atPath: RecoveryBinary.repositoryRoot + "/scripts/" + script, toPath: root + "/scripts/" + script)
            }
            for part in ["train", "dev", "test", "agreement"] { try Self.write(parts[part] ?? [], to: corpus + "/\(part).jsonl") }
            try Self.write(rows, to: writer)
        }

        static func write(_ rows: [[String: Any]], to path: String) throws {
            let lines = try rows.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) + "\n" }
            try lines.joined().write(toFile: path, atomically: true, encoding: .utf8)
        }

        static func read(_ path: String) throws -> [[String: Any]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }

        /// Runs the copied `scripts/corpus-round` with `arguments`; nil when python3 cannot run here.
        func round(_ arguments: [String]) throws -> (status: Int32, output: String)? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", root + "/scripts/corpus-round"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch { return nil }
            let data = RecoveryBinary.readAll(output.fileHandleForReading.fileDescriptor)
            process.waitUntilExit()
            if process.terminationStatus == 127 { return nil }
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    static func row(_ text: String, _ labels: [String], source: String = "w90-test") -> [String: Any] {
        ["text": text, "labels": labels, "source": source, "note": "retail; chat (UK)"]
    }

    /// Where corpus-assemble sends a writer's reply: dev for 15 % of texts, by the SHA-256 of
    /// the text lowercased with every run of other characters made one space.
    static func part(of text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: " ")
        let remainder = SHA256.digest(Array(words.utf8)).reduce(0) { ($0 * 256 + Int($1)) % 100 }
        return remainder < 15 ? "dev" : "train"
    }

    @Test func aRoundSamplesBlindSettlesDisputesAndAddsWithTheCorpusSplit() throws {
        let writer = [
            Self.row("I'm so sorry, that's on us and I'll refund it today.", ["apologize", "own", "resolve", "commit"]),
            Self.row("Calm down, it's only a parcel.", ["dismiss"]),
            Self.row("You'll have to ring the courier about that.", ["deflect"]),
            Self.row("Did the new router fix the dropouts?", ["verify"]),
            Self.row("We should have it sorted at some point next week.", ["vague_promise"]),
            Self.row("  THANKS for waiting -- we appreciate it!  ", ["thank"]),
        ]
        let shipped = Self.row("Thanks for waiting, we appreciate it.", ["thank"], source: "w1-us-phone")
        let space = try Workspace(parts: ["train": [shipped]], writer: writer)
        guard let sampled = try space.round(["sample", space.round, space.writer, "--per-writer", "4", "--labellers", "1"]) else {
            print("skipped: python3 is not available to run scripts/corpus-round")
            return
        }
        #expect(sampled.status == 0, "\(sampled.output)")

        // The labeller sees texts only; the key keeps the writer's labels.
        let blind = try Workspace.read(space.round + "/label-1-in.jsonl")
        let key = try Workspace.read(space.round + "/label-1-key.jsonl")
        #expect(blind.count == 4 && key.count == 4)
        #expect(blind.allSatisfy { Set($0.keys) == ["i", "text"] })

        // The second labeller agrees on all but two rows: one label dropped, one added.
        var second = key.map { ["i": $0["i"]!, "labels": $0["labels"]!] as [String: Any] }
        second[0]["labels"] = Array((key[0]["labels"] as? [String] ?? []).dropFirst())
        second[1]["labels"] = (key[1]["labels"] as? [String] ?? []) + ["empathize"]
        try Workspace.write(second, to: space.round + "/label-1-out.jsonl")
        let disputes = try #require(try space.round(["disputes", space.round]))
        #expect(disputes.status == 0, "\(disputes.output)")
        #expect(disputes.output.contains("4 rows, 2 identical, 2 disputed"))
        let questions = try Workspace.read(space.round + "/settle-in.jsonl")
        #expect(questions.map { $0["disputed"] as? [String] ?? [] }
                == [[(key[0]["labels"] as? [String] ?? [])[0]], ["empathize"]])

        // The third reader keeps the writer's label on the first and refuses the added one.
        let decisions: [[String: Any]] = questions.enumerated().map { number, question in
            ["id": question["id"] ?? "", "shows": number == 0 ? question["disputed"] as? [String] ?? [] : [], "why": "rule 1."]
        }
        try Workspace.write(decisions, to: space.round + "/settle-out.jsonl")
        let settled = try #require(try space.round(["settle", space.round, space.writer]))
        #expect(settled.status == 0, "\(settled.output)")
        #expect(settled.output.contains("4 rows appended to agreement.jsonl; 0 writer labels changed"))
        let agreement = try Workspace.read(space.corpus + "/agreement.jsonl")
        #expect(agreement.count == 4)
        #expect(agreement.filter { $0["why"] != nil }.count == 2)
        let writerLabels = Dictionary(uniqueKeysWithValues: writer.map { ($0["text"] as? String ?? "", Set($0["labels"] as? [String] ?? [])) })
        for entry in agreement {
            #expect((entry["settled"] as? [String]).map(Set.init) == writerLabels[entry["text"] as? String ?? ""], "\(entry)")
        }

        // The settled file goes in: the reply already in train (by its normalised text) is
        // dropped, each other one lands in the part the corpus split names, and train stays sorted.
        let added = try #require(try space.round(["add", space.root + "/w90.settled.jsonl"]))
        #expect(added.status == 0, "\(added.output)")
        #expect(added.output.hasSuffix("1 dropped as already present\n"))
        let train = try Workspace.read(space.corpus + "/train.jsonl"), dev = try Workspace.read(space.corpus + "/dev.jsonl")
        #expect(train.count + dev.count == 6)
        for row in writer.dropLast() {
            let text = row["text"] as? String ?? ""
            let landed = (Self.part(of: text) == "dev" ? dev : train).filter { $0["text"] as? String == text }
            #expect(landed.count == 1, "\(text) is not in \(Self.part(of: text))")
        }
        let order = train.map { [$0["source"] as? String ?? "", $0["text"] as? String ?? ""] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
        let again = try #require(try space.round(["add", space.root + "/w90.settled.jsonl"]))
        #expect(again.output.contains("added 0 to train, 0 to dev; 6 dropped"))
    }

    @Test func aReplyTheCorpusHoldsIsNeverSampled() throws {
        // The same words as a frozen test reply and as a train reply, case and spacing aside:
        // `add` would drop both, and a second labelling of them could contradict the corpus.
        let writer = [
            Self.row("Nope, can't do that.", ["deflect", "dismiss"]),
            Self.row("thanks  for waiting!", ["thank"]),
            Self.row("I've rebooked you on the 6:10 and the fare difference is on us.", ["resolve", "atone"]),
        ]
        let space = try Workspace(parts: ["test": [Self.row("Nope, can't do that.", ["deflect"], source: "t1-general")],
                                          "train": [Self.row("Thanks for waiting.", ["thank"], source: "w1-us-phone")]],
                                  writer: writer)
        guard let sampled = try space.round(["sample", space.round, space.writer, "--per-writer", "10", "--labellers", "1"]) else {
            print("skipped: python3 is not available to run scripts/corpus-round")
            return
        }
        #expect(sampled.status == 0, "\(sampled.output)")
        let blind = try Workspace.read(space.round + "/label-1-in.jsonl")
        #expect(blind.map { $0["text"] as? String ?? "" } == ["I've rebooked you on the 6:10 and the fare difference is on us."])
    }

    @Test func disputesRefusesALabellerFileThatSkipsRows() throws {
        let space = try Workspace(parts: [:], writer: [Self.row("Sorry about that.", ["apologize"]), Self.row("Not our problem.", ["deflect"])])
        guard try space.round(["sample", space.round, space.writer, "--labellers", "1"]) != nil else {
            print("skipped: python3 is not available to run scripts/corpus-round")
            return
        }
        try Workspace.write([["i": 1, "labels": [String]()]], to: space.round + "/label-1-out.jsonl")
        let refused = try #require(try space.round(["disputes", space.round]))
        #expect(refused.status != 0)
        #expect(refused.output.contains("label-1-out.jsonl lacks rows [2]"))
    }
}
