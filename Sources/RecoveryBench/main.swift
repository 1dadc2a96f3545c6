// recovery-bench: how fast the reply analyzer reads replies.
//
// Loads Scoring/behaviors.yaml, builds a corpus of realistic replies (every example of
// behaviors.yaml, the labelled corpus of Scoring/corpus/ when present, and the replies of the
// scenario tests in Scenarios/*.yaml; or those of another checkout, --replies-from), warms up,
// then measures throughput on one thread, single-reply latency percentiles and peak resident
// memory. Run it through `scripts/bench`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import RecoveryCore
import RecoveryScoring
import Yams

struct Options {
    var root = "."
    /// Where the replies come from, when not from `root`.
    var repliesRoot: String?
    var json = false
    var dump = false
    var throughputRuns = 200_000
    var latencyRuns = 100_000

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "--dump": options.dump = true
            case "--root": options.root = rest.popFirst() ?? "."
            case "--replies-from": options.repliesRoot = rest.popFirst()
            case "--throughput": options.throughputRuns = max(1, Int(rest.popFirst() ?? "") ?? options.throughputRuns)
            case "--latency": options.latencyRuns = max(1, Int(rest.popFirst() ?? "") ?? options.latencyRuns)
            case "-h", "--help":
                print("""
                usage: recovery-bench [--root DIR] [--replies-from DIR] [--json] [--throughput N] [--latency N] [--dump]
                  --root DIR      the repository (holding Scoring/ and Scenarios/); default: .
                  --replies-from DIR
                                  read the replies from another checkout (an older commit's data),
                                  timing the reader of --root on them: a figure measured on older
                                  data is then compared on the same replies
                  --json          print the results as one JSON object
                  --throughput N  analyses timed together (default 200000)
                  --latency N     analyses timed one by one (default 100000)
                  --dump          print the analysis of every corpus reply (and variants) as JSON lines
                """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("recovery-bench: unknown argument '\(argument)'\n".utf8))
                exit(2)
            }
        }
        return options
    }
}

/// The replies to analyse, from the shipped data.
enum Corpus {
    static func load(root: String) -> (replies: [String], sources: [String: Int]) {
        var replies: [String] = []
        var sources: [String: Int] = [:]
        let behaviors = examples(yamlAt: "\(root)/Scoring/behaviors.yaml")
        replies += behaviors
        sources["behaviors.yaml examples"] = behaviors.count
        // The hand-written evaluation replies of the data before the labelled corpus (kept so
        // that --replies-from an older checkout reads the replies its figures were measured on).
        let eval = jsonLines(at: "\(root)/Scoring/eval/replies.jsonl")
        replies += eval
        if !eval.isEmpty { sources["eval/replies.jsonl"] = eval.count }
        // The labelled corpus (all three parts): replies by many writers, in many styles.
        for part in ["train", "dev", "test"] {
            let rows = jsonLines(at: "\(root)/Scoring/corpus/\(part).jsonl")
            replies += rows
            if !rows.isEmpty { sources["corpus/\(part).jsonl"] = rows.count }
        }
        let scenarioDir = "\(root)/Scenarios"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: scenarioDir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var scenarioReplies: [String] = []
        for file in files { scenarioReplies += testReplies(yamlAt: "\(scenarioDir)/\(file)") }
        replies += scenarioReplies
        sources["scenario test replies"] = scenarioReplies.count
        return (replies, sources)
    }

    private static func node(at path: String) -> Node? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return try? Yams.compose(yaml: text)
    }

    /// behaviors.<id>.examples.{trigger,ignore}
    private static func examples(yamlAt path: String) -> [String] {
        guard let behaviors = node(at: path)?["behaviors"]?.mapping else { return [] }
        var texts: [String] = []
        for (_, entry) in behaviors {
            guard let examples = entry["examples"] else { continue }
            for kind in ["trigger", "ignore"] {
                texts += examples[kind]?.sequence?.compactMap(\.string) ?? []
            }
        }
        return texts
    }

    /// tests[].replies of a scenario file.
    private static func testReplies(yamlAt path: String) -> [String] {
        guard let tests = node(at: path)?["tests"]?.sequence else { return [] }
        return tests.flatMap { $0["replies"]?.sequence?.compactMap(\.string) ?? [] }
    }

    /// One reply per line: a JSON string, or an object with "text" or "reply".
    private static func jsonLines(at path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) else { return nil }
            if let string = value as? String { return string }
            if let object = value as? [String: Any] { return (object["text"] ?? object["reply"]) as? String }
            return nil
        }
    }
}

/// Peak resident set size of this process, in KiB.
func peakRSSKiB() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return -1 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024
    #else
    return Int(usage.ru_maxrss)
    #endif
}

/// CPU time this thread has used, in seconds (`CLOCK_THREAD_CPUTIME_ID`): unlike wall-clock
/// time, it does not count the time other processes on a busy machine took the core.
func threadCPUSeconds() -> Double {
    var now = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0 else { return .nan }
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

/// Loads, measures and prints.
func runBenchmark() {
    let options = Options.parse(CommandLine.arguments)
    let analyzer: Analyzer
    do { analyzer = try Analyzer.load(path: "\(options.root)/Scoring/behaviors.yaml") } catch {
        FileHandle.standardError.write(Data("recovery-bench: \(error.description)\n".utf8))
        exit(1)
    }
    let (corpus, sources) = Corpus.load(root: options.repliesRoot ?? options.root)
    guard !corpus.isEmpty else {
        FileHandle.standardError.write(Data("recovery-bench: no replies found under \(options.repliesRoot ?? options.root)\n".utf8))
        exit(1)
    }

    if options.dump {
        // Every reply, and shouted / lowercased / stretched variants, for before-and-after checks.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for reply in corpus {
            for text in [reply, reply.uppercased(), reply.lowercased(), reply.replacingOccurrences(of: "o", with: "ooo"),
                         reply.replacingOccurrences(of: "'", with: "’")] {
                let data = (try? encoder.encode(analyzer.analyze(text))) ?? Data()
                print(String(decoding: data, as: UTF8.self))
            }
        }
        exit(0)
    }

    let clock = ContinuousClock()
    var sink = 0
    // Warm up: every reply a few times.
    for _ in 0..<3 { for reply in corpus { sink &+= analyzer.analyze(reply).behaviors.count } }

    // (a) Throughput: whole passes over the corpus, at least `throughputRuns` analyses.
    let passes = (options.throughputRuns + corpus.count - 1) / corpus.count
    let throughputStart = clock.now
    let cpuStart = threadCPUSeconds()
    for _ in 0..<passes { for reply in corpus { sink &+= analyzer.analyze(reply).behaviors.count } }
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let throughputElapsed = clock.now - throughputStart
    let throughputCount = passes * corpus.count
    let wallSeconds = microseconds(throughputElapsed) / 1e6
    let perSecond = Double(throughputCount) / wallSeconds
    let perCPUSecond = Double(throughputCount) / cpuSeconds

    // (b) Latency: each analysis timed on its own.
    // Each analysis is timed twice: wall clock (ContinuousClock) inside thread CPU time, so
    // the CPU figure also counts the two clock reads.
    var samples = [Double](repeating: 0, count: options.latencyRuns)
    var cpuSamples = [Double](repeating: 0, count: options.latencyRuns)
    for n in 0..<options.latencyRuns {
        let reply = corpus[n % corpus.count]
        let cpuStart = threadCPUSeconds()
        let start = clock.now
        let analysis = analyzer.analyze(reply)
        let end = clock.now
        cpuSamples[n] = (threadCPUSeconds() - cpuStart) * 1e6
        sink &+= analysis.behaviors.count
        samples[n] = microseconds(end - start)
    }
    samples.sort()
    cpuSamples.sort()
    func percentile(_ p: Double, of samples: [Double]) -> Double {
        samples[min(samples.count - 1, Int((p / 100) * Double(samples.count)))]
    }
    let (p50, p90, p99, maxLatency) = (percentile(50, of: samples), percentile(90, of: samples),
                                       percentile(99, of: samples), samples.last ?? 0)
    let (cpuP50, cpuP99) = (percentile(50, of: cpuSamples), percentile(99, of: cpuSamples))
    let meanLength = Double(corpus.reduce(0) { $0 + $1.unicodeScalars.count }) / Double(corpus.count)
    let rss = peakRSSKiB()

    if options.json {
        let object: [String: Any] = [
            "corpus_replies": corpus.count, "corpus_mean_chars": (meanLength * 10).rounded() / 10,
            "throughput_analyses": throughputCount, "replies_per_second": Int(perSecond.rounded()),
            "replies_per_cpu_second": Int(perCPUSecond.rounded()), "cpu_share": (cpuSeconds / wallSeconds * 1000).rounded() / 1000,
            "latency_analyses": samples.count,
            "latency_us": ["p50": p50, "p90": p90, "p99": p99, "max": maxLatency].mapValues { ($0 * 100).rounded() / 100 },
            "latency_cpu_us": ["p50": cpuP50, "p99": cpuP99].mapValues { ($0 * 100).rounded() / 100 },
            "peak_rss_kib": rss, "checksum": sink,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    } else {
        func row(_ name: String, _ value: String) { print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + value) }
        let sourceList = sources.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("corpus: \(corpus.count) replies (\(sourceList)), mean \(String(format: "%.0f", meanLength)) chars")
        row("metric", "value")
        row("throughput (1 thread)", String(format: "%.0f replies/s  (%d analyses, wall clock)", perSecond, throughputCount))
        row("throughput per CPU second", String(format: "%.0f replies/s  (thread CPU time; %.0f%% of the wall time)",
                                                perCPUSecond, cpuSeconds / wallSeconds * 100))
        row("latency p50", String(format: "%.1f µs", p50))
        row("latency p90", String(format: "%.1f µs", p90))
        row("latency p99", String(format: "%.1f µs", p99))
        row("latency max", String(format: "%.1f µs  (%d analyses)", maxLatency, samples.count))
        row("latency p50 / p99 (CPU time)", String(format: "%.1f µs / %.1f µs  (thread CPU time per analysis)", cpuP50, cpuP99))
        row("peak RSS", String(format: "%.1f MiB", Double(rss) / 1024))
        if sink == Int.min { print(sink) }  // keeps the work observable
    }
}

runBenchmark()
