import ArgumentParser
import Foundation
import RecoveryTraining

/// The call filters `review` and `report` share: which trainees, scenarios, dates and outcomes.
struct CallFilterOptions: ParsableArguments {
    @Option(help: "Only this trainee (any case); repeat for several.")
    var trainee: [String] = []

    @Option(help: "Only this scenario id; repeat for several.")
    var scenario: [String] = []

    @Option(help: "Only calls since a day (2026-11-01, UTC) or a span back from now (12h, 7d, 2w).")
    var since: String?

    @Option(help: "Only this outcome: recovered, retained, lost, escalated, left-early or in-progress; repeat for several.")
    var outcome: [String] = []

    func validate() throws {
        if let since, ReviewQuery.since(since, now: Date()) == nil {
            throw ValidationError("--since takes a day such as 2026-11-01 or a span such as 7d, 12h or 2w; got '\(since)'")
        }
        for name in outcome where !ReviewQuery.outcomeNames.contains(name) {
            throw ValidationError("--outcome '\(name)' is not one of \(ReviewQuery.outcomeNames.joined(separator: ", "))")
        }
    }

    /// The query these filters describe (date order).
    var query: ReviewQuery {
        var query = ReviewQuery()
        query.trainees = trainee
        query.scenarios = scenario
        query.since = since.flatMap { ReviewQuery.since($0, now: Date()) }
        query.outcomes = outcome
        return query
    }
}
