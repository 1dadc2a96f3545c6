import Foundation

/// A trainee's progress on one scenario: scenarios differ in difficulty, so first, best and
/// latest are compared within one.
public struct ScenarioProgress: Codable, Sendable, Equatable {
    /// The scenario id.
    public var scenario: String
    /// How many calls on it.
    public var attempts: Int
    /// The score of the earliest.
    public var first: Int
    /// The best among calls that reached an ending (unless incomplete calls are let in); nil when none did.
    public var best: Int?
    /// The score of the latest.
    public var latest: Int

    /// One entry per scenario in `calls` (oldest first), by scenario id.
    static func progress(_ calls: [CallSummary], includeIncomplete: Bool) -> [ScenarioProgress] {
        Dictionary(grouping: calls, by: \.scenario).map { scenario, theirs in
            ScenarioProgress(scenario: scenario, attempts: theirs.count, first: theirs.first!.score,
                             best: theirs.filter { includeIncomplete || $0.reachedEnding }.map(\.score).max(), latest: theirs.last!.score)
        }.sorted { $0.scenario < $1.scenario }
    }

    /// `45 → 81 → 76` (first → best → latest; `–` for no best).
    public var text: String { "\(first) → \(best.map(String.init) ?? "–") → \(latest)" }
}

/// The plain figures of some calls: how many, the average score, how many passed, the outcomes.
public struct CallFigures: Codable, Sendable, Equatable {
    /// How many calls.
    public var calls: Int
    /// Their average score.
    public var averageScore: Double
    /// How many passed.
    public var passed: Int
    /// The percent that passed.
    public var passRate: Double
    /// How many calls ended each way, in `ReviewQuery.outcomeNames` order; outcomes no call had are left out.
    public var outcomes: [OutcomeCount]

    /// The figures of `calls` (at least one).
    init(_ calls: [CallSummary]) {
        self.calls = calls.count
        averageScore = Double(calls.map(\.score).reduce(0, +)) / Double(max(1, calls.count))
        passed = calls.filter(\.passed).count
        passRate = 100 * Double(passed) / Double(max(1, calls.count))
        outcomes = ReviewQuery.outcomeNames.compactMap { name in
            let count = calls.filter { $0.outcome == name }.count
            return count == 0 ? nil : OutcomeCount(outcome: name, count: count)
        }
    }

    /// `recovered 3, lost 1`.
    public var outcomeText: String { outcomes.map { "\($0.outcome) \($0.count)" }.joined(separator: ", ") }

    /// `3 of 5 (60%)`.
    public var passText: String { "\(passed) of \(calls) (\(ReviewTables.percent(passRate)))" }
}

/// How many calls ended one way.
public struct OutcomeCount: Codable, Sendable, Equatable {
    /// The outcome (`recovered`, `lost`, … `left-early`, `in-progress`).
    public var outcome: String
    /// How many calls.
    public var count: Int
}

/// The latest five calls against the five before them: is the trainee getting better now?
public struct RecentTrend: Codable, Sendable, Equatable {
    /// How many calls make a window.
    public static let window = 5
    /// The average score of the latest calls (up to five).
    public var recent: Double
    /// How many calls that average covers.
    public var recentCalls: Int
    /// The average of the up to five calls before them; nil when there are none.
    public var before: Double?
    /// How many calls that average covers.
    public var beforeCalls: Int

    /// The trend of `calls`, oldest first (at least one).
    init(_ calls: [CallSummary]) {
        let recentSlice = calls.suffix(Self.window)
        let beforeSlice = calls.dropLast(Self.window).suffix(Self.window)
        recent = Double(recentSlice.map(\.score).reduce(0, +)) / Double(max(1, recentSlice.count))
        recentCalls = recentSlice.count
        before = beforeSlice.isEmpty ? nil : Double(beforeSlice.map(\.score).reduce(0, +)) / Double(beforeSlice.count)
        beforeCalls = beforeSlice.count
    }

    /// `74 vs 62 (+12)`, or `74 (nothing before)`.
    public var text: String {
        let now = Int(recent.rounded())
        guard let before else { return "\(now) (nothing before)" }
        let change = now - Int(before.rounded())
        return "\(now) vs \(Int(before.rounded())) (\(change > 0 ? "+" : change < 0 ? "−" : "±")\(abs(change)))"
    }
}

/// One team's calls at a glance (teams come from the roster).
public struct TeamSummary: Codable, Sendable, Equatable {
    /// The team, or `(no team)` for trainees the roster gives none.
    public var team: String
    /// How many trainees made calls.
    public var trainees: Int
    /// Average, pass rate and outcome mix.
    public var figures: CallFigures
    /// The team's latest five calls against the five before.
    public var trend: RecentTrend

    /// The name of the group of calls whose trainee has no team.
    public static let noTeam = "(no team)"

    /// One summary per team, sorted by name (`(no team)` last).
    public static func summaries(_ calls: [CallSummary]) -> [TeamSummary] {
        Dictionary(grouping: calls) { $0.team ?? noTeam }.map { team, theirs in
            let ordered = theirs.sorted { ($0.startedAt, $0.path) < ($1.startedAt, $1.path) }
            return TeamSummary(team: team, trainees: Set(ordered.map(\.trainee)).count, figures: CallFigures(ordered), trend: RecentTrend(ordered))
        }.sorted { ($0.team == noTeam ? 1 : 0, $0.team.lowercased()) < ($1.team == noTeam ? 1 : 0, $1.team.lowercased()) }
    }
}
