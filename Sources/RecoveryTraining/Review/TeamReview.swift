import Foundation
import RecoveryCore
import RecoveryScoring

/// A file the review could not use, and why, in one line.
public struct SkippedFile: Codable, Sendable, Equatable {
    /// The file.
    public var path: String
    /// Why it was skipped.
    public var reason: String
}

/// Every transcript under a directory, each graded again from its raw replies.
public struct TeamReview: Sendable {
    /// The calls, in file-path order.
    public var calls: [CallSummary]
    /// Files that were not transcripts or could not be graded.
    public var skipped: [SkippedFile]
    /// Names played under that a (non-empty) roster does not know, as first written.
    public var unknownNames: [String] = []

    /// A review of `calls` (already graded), with the files skipped.
    public init(calls: [CallSummary], skipped: [SkippedFile] = []) {
        self.calls = calls
        self.skipped = skipped
    }

    /// Reads every `*.json` under `directory` (recursively), grades each call again with
    /// `analyzer` and the rubric its transcript names (found in `rubricsDirectory`), on every
    /// core; the result does not depend on the number of cores.
    /// Names are matched to `roster` ignoring case and spacing: each call gets the roster's name,
    /// team and site (without a roster, one spelling per person: the first in path order).
    public static func load(directory: String, rubricsDirectory: String, analyzer: Analyzer,
                            roster: Roster = Roster()) throws(StorageError) -> TeamReview {
        let paths = try transcriptFiles(under: directory)
        let graders = GraderCache(rubricsDirectory: rubricsDirectory)
        let memo = AnalysisMemo(analyzer: analyzer)
        let results = ResultSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results[index] = review(paths[index], graders: graders, memo: memo)
        }
        var calls: [CallSummary] = []
        var skipped: [SkippedFile] = []
        for result in results.values {
            switch result {
            case .success(let call): calls.append(call)
            case .failure(let skip): skipped.append(skip)
            case nil: break
            }
        }
        var result = TeamReview(calls: calls, skipped: skipped)
        result.apply(roster)
        return result
    }

    /// The calls `query` lets through, in its order: those that count in figures, and the
    /// flagged ones set apart (which count too when `includeFlagged`).
    public func selection(_ query: ReviewQuery, includeFlagged: Bool) -> (counted: [CallSummary], flagged: [CallSummary]) {
        let selected = query.apply(calls)
        let flagged = selected.filter(\.flagged)
        return (includeFlagged ? selected : selected.filter { !$0.flagged }, flagged)
    }

    /// Gives every call its person's one name (and team and site) from `roster`.
    mutating func apply(_ roster: Roster) {
        var spelling: [String: String] = [:], unknown: [String] = []
        for index in calls.indices {
            let key = Roster.key(calls[index].trainee)
            if let entry = roster.entry(for: calls[index].trainee) {
                calls[index].trainee = entry.name
                calls[index].team = entry.team
                calls[index].site = entry.site
                continue
            }
            if spelling[key] == nil {
                spelling[key] = calls[index].trainee.trimmingCharacters(in: .whitespaces)
                if !roster.entries.isEmpty { unknown.append(spelling[key]!) }
            }
            calls[index].trainee = spelling[key]!
        }
        unknownNames = unknown
    }

    /// The `*.json` files under `directory`, sorted; hidden files and folders are left out.
    public static func transcriptFiles(under directory: String) throws(StorageError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw StorageError(description: "\(directory): no such directory")
        }
        guard isDirectory.boolValue else { return directory.hasSuffix(".json") ? [directory] : [] }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw StorageError(description: "\(directory): cannot list this directory")
        }
        var paths: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for case let url as URL in walker where url.pathExtension == "json" {
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            paths.append(prefix + relative)
        }
        return paths.sorted()
    }

    private static func review(_ path: String, graders: GraderCache, memo: AnalysisMemo) -> Result<CallSummary, SkippedFile> {
        let record: ReviewRecord
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SkippedFile(path: path, reason: "cannot read this file"))
        }
        do { record = try ReviewRecord.decode(data) } catch {
            return .failure(SkippedFile(path: path, reason: error.description))
        }
        let grader: Grader
        switch graders.grader(for: record.rubric.id) {
        case .success(let found): grader = found
        case .failure(let reason): return .failure(SkippedFile(path: path, reason: reason.description))
        }
        let replies = record.turns.map { GradedReply(turn: $0.number, latency: $0.latency, analysis: memo.analyze($0.text)) }
        var summary = CallSummary(path: path, record: record, replies: replies, grader: grader)
        summary.sealProblem = Transcript.sealProblem(data)
        return .success(summary)
    }
}

extension SkippedFile: Error {}

/// Graders by rubric id, each rubric loaded once; a missing or broken rubric is remembered too.
final class GraderCache: @unchecked Sendable {
    private let rubricsDirectory: String
    private var graders: [String: Result<Grader, StorageError>] = [:]
    private let lock = NSLock()

    init(rubricsDirectory: String) { self.rubricsDirectory = rubricsDirectory }

    func grader(for id: String) -> Result<Grader, StorageError> {
        lock.lock(); defer { lock.unlock() }
        if let known = graders[id] { return known }
        let result: Result<Grader, StorageError>
        if id.contains("/") || RubricLoader.resolve(id, in: rubricsDirectory) == nil {
            result = .failure(StorageError(description: "its rubric '\(id)' is not in \(rubricsDirectory)"))
        } else {
            do { result = .success(Grader(rubric: try RubricLoader.load(path: RubricLoader.resolve(id, in: rubricsDirectory)!))) } catch {
                result = .failure(StorageError(description: "its rubric '\(id)' has errors; run 'recovery grade' on it for details"))
            }
        }
        graders[id] = result
        return result
    }
}

/// The analyzer's reading of each distinct reply text, computed once and shared across threads.
final class AnalysisMemo: @unchecked Sendable {
    private let analyzer: Analyzer
    private var readings: [String: ReplyAnalysis] = [:]
    private let lock = NSLock()

    init(analyzer: Analyzer) { self.analyzer = analyzer }

    func analyze(_ text: String) -> ReplyAnalysis {
        lock.lock()
        if let known = readings[text] { lock.unlock(); return known }
        lock.unlock()
        let analysis = analyzer.analyze(text)
        lock.lock(); readings[text] = analysis; lock.unlock()
        return analysis
    }
}

/// One result slot per input, written from many threads, each slot by one thread only.
final class ResultSlots: @unchecked Sendable {
    private(set) var values: [Result<CallSummary, SkippedFile>?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Result<CallSummary, SkippedFile>? {
        get { lock.lock(); defer { lock.unlock() }; return values[index] }
        set { lock.lock(); values[index] = newValue; lock.unlock() }
    }
}

extension TeamReview {
    /// `value` as pretty JSON with sorted keys and ISO 8601 dates: the same review gives the same bytes.
    public static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
