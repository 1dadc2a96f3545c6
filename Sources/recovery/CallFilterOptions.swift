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

    @Option(help: "Only calls before a day (2026-12-01, UTC: that day is left out) or a span back from now (7d).")
    var until: String?

    @Option(help: "Only this outcome: recovered, retained, lost, escalated, left-early or in-progress; repeat for several.")
    var outcome: [String] = []

    @Option(help: "Only this team of the roster (any case); repeat for several.")
    var team: [String] = []

    @Option(help: "Only this site of the roster (any case); repeat for several.")
    var site: [String] = []

    @Option(help: "The roster: trainees, their aliases, team and site (default: team.yaml in the transcripts folder, if there).")
    var roster: String?

    func validate() throws {
        if let since, ReviewQuery.since(since, now: Date()) == nil {
            throw ValidationError("--since takes a day such as 2026-11-01 or a span such as 7d, 12h or 2w; got '\(since)'")
        }
        if let until, ReviewQuery.since(until, now: Date()) == nil {
            throw ValidationError("--until takes a day such as 2026-12-01 or a span such as 7d, 12h or 2w; got '\(until)'")
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
        query.until = until.flatMap { ReviewQuery.since($0, now: Date()) }
        query.outcomes = outcome
        query.teams = team
        query.sites = site
        return query
    }

    /// The roster named by `--roster`, else `team.yaml` in `folder` if there; an empty one
    /// without either. A broken roster stops the command with its positioned problems.
    func loadRoster(folder: String) throws -> Roster { try Self.loadRoster(roster, folder: folder) }

    /// The roster at `path`, else `team.yaml` in `folder` if there, else an empty one; a broken
    /// roster stops the command with its positioned problems.
    static func loadRoster(_ path: String?, folder: String) throws -> Roster {
        let file = path ?? (folder.hasSuffix("/") ? folder : folder + "/") + "team.yaml"
        guard path != nil || FileManager.default.fileExists(atPath: file) else { return Roster() }
        do { return try Roster.load(path: file) } catch {
            for diagnostic in error.diagnostics { Output.error(diagnostic.rendered) }
            throw ExitCode.failure
        }
    }
}
