import Foundation
import Testing

@testable import RecoveryTraining

/// The roster: one person per name whatever its case and spacing, aliases, teams and sites,
/// and the filters that use them.
@Suite("roster")
struct RosterTests {
    static func roster() throws -> Roster {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("team-\(UUID().uuidString).yaml").path
        try """
            trainees:
              - name: Aisha Khan
                aliases: [akhan]
                team: North
                site: Leeds
              - name: Bo Stone
                team: South
                site: Leeds
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try Roster.load(path: path)
    }

    @Test func namesMatchIgnoringCaseAndSpacingAndAliasesFindTheirPerson() throws {
        let roster = try Self.roster()
        #expect(Roster.key("  Aisha   KHAN ") == "aisha khan")
        #expect(roster.entry(for: "aisha khan ")?.name == "Aisha Khan")
        #expect(roster.entry(for: "AKHAN")?.team == "North")
        #expect(roster.entry(for: "Carla") == nil)
    }

    @Test func aReviewGivesEachCallItsPersonTeamAndSiteAndListsUnknownNames() throws {
        func call(_ trainee: String, day: Int) -> Transcript {
            var transcript = ReviewFixture.call(trainee, day: day, ReviewFixture.good)
            transcript.trainee = trainee
            return transcript
        }
        let directory = try ReviewFixture.folder([call("Aisha Khan", day: 2), call("aisha  khan ", day: 3), call("akhan", day: 4),
                                                  call("Bo Stone", day: 5), call("Carla", day: 6), call("carla", day: 7)])
        let review = try TeamReview.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory,
                                         analyzer: TestData.analyzer, roster: try Self.roster())
        #expect(Set(review.calls.map(\.trainee)) == ["Aisha Khan", "Bo Stone", "Carla"])
        #expect(review.unknownNames == ["Carla"])
        #expect(TraineeSummary.summaries(review.calls).first { $0.trainee == "Aisha Khan" }?.attempts == 3)
        var query = ReviewQuery()
        query.teams = ["north"]
        #expect(query.apply(review.calls).count == 3)
        query = ReviewQuery()
        query.sites = ["LEEDS"]
        #expect(query.apply(review.calls).count == 4)
        query = ReviewQuery()
        query.until = ReviewQuery.since("2026-11-05", now: Date())
        #expect(query.apply(review.calls).map(\.trainee) == ["Aisha Khan", "Aisha Khan", "Aisha Khan"])
    }
}

/// "Coach first" names a step only below the mastery level.
@Suite("coaching threshold")
struct CoachingThresholdTests {
    @Test func aTraineeWithEveryStepMasteredHasNothingToCoachFirst() throws {
        let folder = try ReviewFixture.folder([ReviewFixture.call("ada", day: 1, ReviewFixture.good)])
        var trainee = TraineeSummary.summaries(try ReviewFixture.review(folder).calls)[0]
        trainee.steps = [StepAverage(id: "apologize", title: "Apologise", percent: 85, calls: 1, missed: 0),
                         StepAverage(id: "fix", title: "Fix", percent: 100, calls: 1, missed: 0)]
        #expect(trainee.weakestStep == nil)
        #expect(ReviewTables.trainees([trainee]).aligned().contains("none below 80%"))
        trainee.steps[0].percent = 79
        #expect(trainee.weakestStep?.id == "apologize")
    }
}

/// The trends a manager acts on: within a scenario, over the latest calls, per team.
@Suite("trends")
struct TrendTests {
    @Test func firstBestAndLatestAreComparedWithinAScenarioAndTheLatestFiveAgainstTheFiveBefore() throws {
        // Six weak calls, then five good ones: the last five clearly beat the five before.
        let calls = (1...6).map { ReviewFixture.call("ada", day: $0, ReviewFixture.rude) }
            + (7...11).map { ReviewFixture.call("ada", day: $0, ReviewFixture.good) }
        let reviewed = try ReviewFixture.review(try ReviewFixture.folder(calls)).calls.sorted { $0.startedAt < $1.startedAt }
        let summary = TraineeSummary.summaries(reviewed)[0]
        let scores = reviewed.map(\.score)
        #expect(summary.scenarios.count == 1)
        #expect(summary.scenarios[0].first == scores[0] && summary.scenarios[0].latest == scores[10])
        #expect(summary.trend.recentCalls == 5 && summary.trend.beforeCalls == 5)
        #expect(summary.trend.recent == Double(scores[6...].reduce(0, +)) / 5)
        #expect(summary.trend.before == Double(scores[1...5].reduce(0, +)) / 5, "the five before the latest five, not the first five")
        #expect(summary.trend.text.contains("(+"))
        #expect(summary.figures.passed == reviewed.filter(\.passed).count)
        #expect(summary.figures.passRate == 100 * Double(reviewed.filter(\.passed).count) / 11)
        let outcomes = Dictionary(grouping: reviewed, by: \.outcome).mapValues(\.count)
        #expect(summary.figures.outcomes.map { [$0.outcome: $0.count] }.reduce(into: [:]) { $0.merge($1) { a, _ in a } } == outcomes)
    }

    @Test func teamsGetAverageRatesAndOutcomesOfTheirOwnCalls() throws {
        var calls = try ReviewFixture.review(try ReviewFixture.folder([
            ReviewFixture.call("ada", day: 1, ReviewFixture.good), ReviewFixture.call("bo", day: 2, ReviewFixture.rude),
            ReviewFixture.call("cy", day: 3, ReviewFixture.rude),
        ])).calls
        for index in calls.indices { calls[index].team = calls[index].trainee == "cy" ? nil : "North" }
        let teams = TeamSummary.summaries(calls)
        #expect(teams.map(\.team) == ["North", TeamSummary.noTeam])
        let north = calls.filter { $0.team == "North" }
        #expect(teams[0].trainees == 2 && teams[0].figures.calls == 2)
        #expect(teams[0].figures.averageScore == Double(north.map(\.score).reduce(0, +)) / 2)
        #expect(teams[0].figures.passed == north.filter(\.passed).count)
        let csv = ReviewTables.teams(teams, forCSV: true).csv()
        #expect(csv.hasPrefix("team,trainees,calls,average_score,passed,pass_rate_percent,last_five_average,previous_five_average,outcome_recovered"))
    }
}
