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
    @Test func aTraineeWithEveryStepMasteredHasNothingToCoachFirst() {
        var trainee = TraineeSummary(trainee: "ada", attempts: 1, firstScore: 90, bestScore: 90, latestScore: 90, latestTier: "Gold",
                                     steps: [StepAverage(id: "apologize", title: "Apologise", percent: 85, calls: 1, missed: 0),
                                             StepAverage(id: "fix", title: "Fix", percent: 100, calls: 1, missed: 0)],
                                     negatives: [])
        #expect(trainee.weakestStep == nil)
        #expect(ReviewTables.trainees([trainee]).aligned().contains("none below 80%"))
        trainee.steps[0].percent = 79
        #expect(trainee.weakestStep?.id == "apologize")
    }
}
