// recovery-bench-review: writes N synthetic but realistic transcripts for benchmarking
// `recovery review`. Each call is really played through the shipped scenarios (so moods,
// endings and grades are what the program would record), by one of a team of trainees of
// varied skill, with replies drawn from the scenarios' test conversations (good practice)
// and Scoring/corpus/train.jsonl (everything else), on working days of October–November 2026.
// The same --seed and data give byte-identical files. Run it through `scripts/bench-review`.

import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring
import RecoveryTraining

struct Options {
    var root = "."
    var output = ""
    var count = 10_000
    var seed: UInt64 = 1

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--root": options.root = rest.popFirst() ?? "."
            case "--out": options.output = rest.popFirst() ?? ""
            case "--count": options.count = max(1, Int(rest.popFirst() ?? "") ?? options.count)
            case "--seed": options.seed = UInt64(rest.popFirst() ?? "") ?? options.seed
            case "-h", "--help":
                print("""
                usage: recovery-bench-review --out DIR [--count N] [--seed S] [--root DIR]
                  --out DIR    where to write the transcripts (created; files are <n>.json in 100 sub-folders)
                  --count N    how many calls (default 10000)
                  --seed S     the same seed gives the same files (default 1)
                  --root DIR   the repository (holding Scoring/ and Scenarios/); default: .
                """)
                exit(0)
            default: fail("unknown argument '\(argument)'", status: 2)
            }
        }
        if options.output.isEmpty { fail("name the output folder with --out DIR", status: 2) }
        return options
    }
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("recovery-bench-review: \(message)\n".utf8))
    exit(status)
}

/// A trainee of the synthetic team: how often they reach for a good reply, and how fast they type.
struct Trainee {
    var name: String
    var skill: Double
    var pace: Double
}

let team: [Trainee] = [
    ("ada", 0.9, 6), ("bo", 0.35, 14), ("chen", 0.7, 9), ("dara", 0.55, 11), ("emeka", 0.8, 7),
    ("farah", 0.25, 18), ("gina", 0.6, 10), ("hiro", 0.75, 8), ("ines", 0.45, 12), ("jon", 0.65, 9),
    ("kavya", 0.85, 7), ("luis", 0.4, 16), ("Mª José", 0.7, 10), ("noor", 0.5, 13),
].map { Trainee(name: $0.0, skill: $0.1, pace: $0.2) }

let options = Options.parse(CommandLine.arguments)
let data = DataLocation(root: options.root)
let analyzer: Analyzer
let scenarios: [(scenario: Scenario, rubric: Rubric, good: [String])]
do {
    analyzer = try Analyzer.load(path: data.behaviorsFile)
    scenarios = try ScenarioLoader.list(in: data.scenariosDirectory).map { id in
        let scenario = try ScenarioLoader.load(path: data.scenariosDirectory + "/\(id).yaml")
        let rubric = try CallPreparation.loadRubric(scenario.rubric ?? CallPreparation.defaultRubric, data: data)
        return (scenario, rubric, scenario.tests.flatMap(\.script).map(\.text))
    }
} catch { fail("cannot load the data in \(options.root): \(error)") }

let evalReplies: [String] = (try? String(contentsOfFile: data.corpusDirectory + "/train.jsonl", encoding: .utf8))?
    .split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
    } ?? []
let allGood = scenarios.flatMap(\.good)
if evalReplies.isEmpty && allGood.isEmpty { fail("no replies to draw from in \(options.root)") }

var random = SeededGenerator(seed: options.seed)
let firstDay = Date(timeIntervalSince1970: 1_790_812_800)  // 2026-10-01T00:00:00Z
let writer = FileManager.default
var written = 0
for index in 0..<options.count {
    let trainee = team[Int.random(in: 0..<team.count, using: &random)]
    let pick = scenarios[Int.random(in: 0..<scenarios.count, using: &random)]
    var day = Int.random(in: 0..<50, using: &random)
    if (day + 3) % 7 >= 5 { day += 2 }  // 2026-10-01 is a Thursday: move weekend days to Monday or Tuesday
    let start = firstDay.addingTimeInterval(Double(day * 86_400 + Int.random(in: 8 * 3600..<18 * 3600, using: &random)))
    let setup = CallSetup(scenario: pick.scenario, analyzer: analyzer, rubric: pick.rubric,
                          seed: UInt64.random(in: 0...UInt64(UInt32.max), using: &random), trainee: trainee.name)
    let turns = Int.random(in: 3...9, using: &random)
    var replies: [(text: String, latency: Double)] = []
    var good = pick.good.isEmpty ? allGood : pick.good
    for _ in 0..<turns {
        let useGood = Double.random(in: 0..<1, using: &random) < trainee.skill || evalReplies.isEmpty
        let text: String
        if useGood && !good.isEmpty { text = good.remove(at: Int.random(in: 0..<good.count, using: &random)) } else {
            text = evalReplies[Int.random(in: 0..<evalReplies.count, using: &random)]
        }
        if Double.random(in: 0..<1, using: &random) < 0.05 { replies.append(("/hint", 0)) }
        replies.append((text, (trainee.pace * Double.random(in: 0.3..<2.5, using: &random) * 10).rounded() / 10))
    }
    let clock = ManualClock(start)
    let session = CallSession(setup: setup, clock: clock.read)
    for reply in replies where !session.isOver {
        clock.advance(by: reply.latency + Double(Int.random(in: 3...12, using: &random)))  // the customer talks, then the reply
        _ = session.submit(reply.text, latency: reply.latency)
    }
    clock.advance(by: 5)
    let reasons: [EndReason] = [.quit, .endOfInput, .endOfInput, .interrupt, .hangup]
    let transcript = session.finish(session.isOver ? .ending : reasons[Int.random(in: 0..<reasons.count, using: &random)])
    let folder = options.output + "/" + String(format: "%02d", index % 100)
    do {
        if index < 100 { try writer.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try transcript.sealedEncoding(key: nil).write(to: URL(fileURLWithPath: folder + "/" + String(format: "%05d", index) + ".json"))
        written += 1
    } catch { fail("cannot write in \(folder): \(error)") }
}
FileHandle.standardError.write(Data("wrote \(written) transcripts to \(options.output)\n".utf8))

/// A clock the generator moves by hand, so durations and reply times look like real calls.
final class ManualClock: @unchecked Sendable {
    private var now: Date
    private let lock = NSLock()

    init(_ start: Date) { now = start }

    func advance(by seconds: Double) { lock.lock(); now = now.addingTimeInterval(seconds); lock.unlock() }

    @Sendable func read() -> Date { lock.lock(); defer { lock.unlock() }; return now }
}
