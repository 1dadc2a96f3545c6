import Foundation
import RecoveryCore
import RecoveryScoring

/// One saved call to review: where it is (a file path, or a store's name for the call) and,
/// when it did not come from a file, its bytes.
public struct TranscriptDocument: Sendable {
    /// The file path, or the name the call goes by in a store (`store:ID`).
    public var path: String
    /// The transcript's bytes as saved; nil to read them from `path`.
    public var data: Data?

    /// A call at `path`, read from `data` when given, else from the file.
    public init(path: String, data: Data? = nil) {
        self.path = path
        self.data = data
    }
}

extension SkippedFile: Error {}

/// Builds a `TeamReview` from saved calls added in batches (a folder at once, or a store's rows
/// as they stream in): each batch is graded on every core, and the result depends neither on
/// the number of cores nor on how the calls were split into batches.
public final class TeamReviewBuilder {
    private let graders: GraderCache
    private let memo: AnalysisMemo
    private var calls: [CallSummary] = []
    private var skipped: [SkippedFile] = []

    /// A builder grading with `analyzer` and the rubrics in `rubricsDirectory`.
    public init(rubricsDirectory: String, analyzer: Analyzer) {
        graders = GraderCache(rubricsDirectory: rubricsDirectory)
        memo = AnalysisMemo(analyzer: analyzer)
    }

    /// Grades `documents` again from their raw replies and keeps them, in the order given.
    public func add(_ documents: [TranscriptDocument]) {
        let results = ResultSlots(count: documents.count)
        let (graders, memo) = (self.graders, self.memo)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results[index] = Self.review(documents[index], graders: graders, memo: memo)
        }
        for result in results.values {
            switch result {
            case .success(let call): calls.append(call)
            case .failure(let skip): skipped.append(skip)
            case nil: break
            }
        }
    }

    /// The review of every call added, names matched to `roster`.
    public func finish(roster: Roster = Roster()) -> TeamReview {
        var review = TeamReview(calls: calls, skipped: skipped)
        review.apply(roster)
        return review
    }

    private static func review(_ document: TranscriptDocument, graders: GraderCache, memo: AnalysisMemo) -> Result<CallSummary, SkippedFile> {
        let path = document.path
        guard let data = document.data ?? FileManager.default.contents(atPath: path) else {
            return .failure(SkippedFile(path: path, reason: "cannot read this file"))
        }
        let record: ReviewRecord
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
