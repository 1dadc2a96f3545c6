import Foundation
import RecoveryCore
import RecoveryScoring

/// Everything the team report shows: every call under a directory graded again from its raw
/// replies, numbered in date order, each with its full debrief.
public struct TeamReport: Sendable {
    /// The directory the transcripts came from, as given.
    public var directory: String
    /// Flagged calls left out of every figure (their seal is not intact, or their stored grade
    /// disagrees), listed apart.
    public var setAside: [CallSummary]
    /// The calls shown, oldest first (ties by path), numbered from 1.
    public var calls: [ReportCall]
    /// The rubrics the calls were graded against, most used first (ties by id).
    public var rubrics: [ReportRubric]
    /// Files that were not transcripts or could not be graded.
    public var skipped: [SkippedFile]

    /// A report of `calls` (summary and debrief of the same call, in any order) from `directory`.
    public init(directory: String, calls: [(summary: CallSummary, debrief: DebriefContent)], rubrics: [Rubric], skipped: [SkippedFile] = [],
                setAside: [CallSummary] = []) {
        self.setAside = setAside
        let ordered = calls.sorted { ($0.summary.startedAt, $0.summary.path) < ($1.summary.startedAt, $1.summary.path) }
        self.directory = directory
        self.calls = ordered.enumerated().map { ReportCall(number: $0.offset + 1, summary: $0.element.summary, debrief: $0.element.debrief) }
        self.skipped = skipped.sorted { $0.path < $1.path }
        let uses = Dictionary(grouping: ordered, by: \.summary.rubric).mapValues(\.count)
        var seen = Set<String>()
        self.rubrics = rubrics.filter { uses[$0.id] != nil && seen.insert($0.id).inserted }
            .sorted { (uses[$1.id]!, $0.id) < (uses[$0.id]!, $1.id) }
            .map(ReportRubric.init)
    }

    /// Reads every transcript under `directory` as `TeamReview.load` does, keeps the calls
    /// `query` lets through (its order is ignored: the report is in date order), and grades
    /// each kept call again in full for its debrief.
    /// Flagged calls are set aside (listed, counted in no figure) unless `includeFlagged`.
    public static func load(directory: String, rubricsDirectory: String, analyzer: Analyzer,
                            query: ReviewQuery = ReviewQuery(), includeFlagged: Bool = false,
                            roster: Roster = Roster()) throws(StorageError) -> TeamReport {
        let review = try TeamReview.load(directory: directory, rubricsDirectory: rubricsDirectory, analyzer: analyzer, roster: roster)
        return build(review, directory: directory, rubricsDirectory: rubricsDirectory, analyzer: analyzer, query: query,
                     includeFlagged: includeFlagged) { path throws(StorageError) in try Regrade.read(path: path) }
    }

    /// The report of the calls in `review` that `query` lets through, each call's transcript
    /// read again in full by `read` (given the call's path) for its debrief; `directory` names
    /// where the calls came from.
    public static func build(_ review: TeamReview, directory: String, rubricsDirectory: String, analyzer: Analyzer,
                             query: ReviewQuery = ReviewQuery(), includeFlagged: Bool = false,
                             read: (String) throws(StorageError) -> Transcript) -> TeamReport {
        let graders = GraderCache(rubricsDirectory: rubricsDirectory)
        let memo = AnalysisMemo(analyzer: analyzer)
        var skipped = review.skipped
        var calls: [(summary: CallSummary, debrief: DebriefContent)] = []
        var rubrics: [Rubric] = []
        var setAside: [CallSummary] = []
        for summary in review.calls where query.includes(summary) {
            if summary.flagged && !includeFlagged {
                setAside.append(summary)
                continue
            }
            guard case .success(let grader) = graders.grader(for: summary.rubric) else { continue }
            do {
                let transcript = try read(summary.path)
                let replies = transcript.turns.map { GradedReply(turn: $0.number, latency: $0.latency, analysis: memo.analyze($0.text)) }
                calls.append((summary, DebriefContent(Regrade(transcript, replies: replies, grader: grader))))
                if !rubrics.contains(where: { $0.id == grader.rubric.id }) { rubrics.append(grader.rubric) }
            } catch {
                skipped.append(SkippedFile(path: summary.path, reason: error.description))
            }
        }
        return TeamReport(directory: directory, calls: calls, rubrics: rubrics, skipped: skipped, setAside: setAside)
    }

    /// The summaries of every call, in date order.
    public var summaries: [CallSummary] { calls.map(\.summary) }

    /// The calls whose stored grade disagrees with the recomputed one.
    public var flagged: [ReportCall] { calls.filter(\.summary.flagged) }

    /// How many different trainees made the calls.
    public var traineeCount: Int { Set(calls.map(\.summary.trainee)).count }

    /// The first and last call's start, when there are calls.
    public var dateRange: (first: Date, last: Date)? {
        guard let first = calls.first, let last = calls.last else { return nil }
        return (first.summary.startedAt, last.summary.startedAt)
    }

    /// The call numbered `number`'s anchor: `call-7`.
    public static func anchor(_ number: Int) -> String { "call-\(number)" }
}

/// How a report's debriefs are laid out.
public enum ReportLayout: Sendable, Equatable {
    /// Every debrief inside the one page.
    case singleFile
    /// A summary page; each call's debrief is a page of its own, `call-N.html` in `folder`
    /// (a path relative to the summary), linked from it and linking back to `summary`.
    case summary(folder: String, summary: String)

    /// Where the summary links for call `number`'s debrief.
    public func link(_ number: Int) -> String {
        switch self {
        case .singleFile: "#\(TeamReport.anchor(number))"
        case .summary(let folder, _): "\(folder)/\(TeamReport.anchor(number)).html"
        }
    }
}

/// One call in the report: its number, its summary row and its full debrief.
public struct ReportCall: Sendable {
    /// 1 for the oldest call shown.
    public var number: Int
    /// The call as the review sees it.
    public var summary: CallSummary
    /// The call's debrief, recomputed from the raw replies.
    public var debrief: DebriefContent
}

/// A rubric as the report needs it: its steps in order and its pass mark.
public struct ReportRubric: Sendable {
    /// The rubric id.
    public var id: String
    /// The rubric title.
    public var title: String
    /// The score needed to pass.
    public var passMark: Int
    /// The steps, in rubric order.
    public var steps: [(id: String, title: String)]

    /// The parts of `rubric` the report shows.
    public init(_ rubric: Rubric) {
        id = rubric.id
        title = rubric.title
        passMark = rubric.passMark
        steps = rubric.steps.map { ($0.id, $0.title) }
    }
}
