import Foundation

/// Which calls a review shows, and in what order.
public struct ReviewQuery: Sendable, Equatable {
    /// What calls can be sorted by.
    public enum SortKey: String, CaseIterable, Sendable {
        /// When the call started.
        case date
        /// The recomputed score.
        case score
        /// The trainee's name.
        case trainee
        /// The scenario id.
        case scenario
        /// How long the call took.
        case duration
    }

    /// Only these trainees (any case); empty for everyone.
    public var trainees: [String] = []
    /// Only these scenario ids; empty for all.
    public var scenarios: [String] = []
    /// Only calls started at or after this moment.
    public var since: Date?
    /// Only calls started before this moment.
    public var until: Date?
    /// Only these teams and sites of the roster (any case); empty for all.
    public var teams: [String] = []
    public var sites: [String] = []
    /// Only these outcomes (`recovered`, `retained`, `lost`, `escalated`, `left-early`, `in-progress`).
    public var outcomes: [String] = []
    /// The order.
    public var sort: SortKey = .date
    /// Largest, latest or last in the alphabet first.
    public var reverse = false

    /// A query that keeps every call, oldest first.
    public init() {}

    /// Every outcome a filter accepts.
    public static let outcomeNames = ["recovered", "retained", "lost", "escalated", CallSummary.leftEarly, CallSummary.inProgress]

    /// Whether `call` passes every filter.
    public func includes(_ call: CallSummary) -> Bool {
        if !trainees.isEmpty && !trainees.contains(where: { Roster.key($0) == Roster.key(call.trainee) }) { return false }
        if !scenarios.isEmpty && !scenarios.contains(call.scenario) { return false }
        if let since, call.startedAt < since { return false }
        if let until, call.startedAt >= until { return false }
        if !teams.isEmpty && !teams.contains(where: { Roster.key($0) == Roster.key(call.team ?? "") }) { return false }
        if !sites.isEmpty && !sites.contains(where: { Roster.key($0) == Roster.key(call.site ?? "") }) { return false }
        if !outcomes.isEmpty && !outcomes.contains(call.outcome) { return false }
        return true
    }

    /// The calls that pass, in order; ties are broken by date, then by path, so the order never
    /// depends on how the files were read.
    public func apply(_ calls: [CallSummary]) -> [CallSummary] {
        let kept = calls.filter(includes)
        let ordered = kept.sorted { a, b in
            switch compare(a, b) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return (a.startedAt, a.path) < (b.startedAt, b.path)
            }
        }
        return reverse ? ordered.reversed() : ordered
    }

    private func compare(_ a: CallSummary, _ b: CallSummary) -> ComparisonResult {
        switch sort {
        case .date: order(a.startedAt, b.startedAt)
        case .score: order(a.score, b.score)
        case .trainee: a.trainee.localizedStandardCompare(b.trainee)
        case .scenario: order(a.scenario, b.scenario)
        case .duration: order(a.duration, b.duration)
        }
    }

    private func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
    }

    /// Reads `--since`: a day (`2026-11-01`, midnight UTC) or a span back from `now`
    /// (`7d`, `12h`, `2w`); nil when it is neither.
    public static func since(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let count = Int(trimmed.dropLast()), count >= 0 {
            let hours: Int? = switch unit {
            case "h": count
            case "d": count * 24
            case "w": count * 24 * 7
            default: nil
            }
            if let hours { return now.addingTimeInterval(-Double(hours) * 3600) }
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
