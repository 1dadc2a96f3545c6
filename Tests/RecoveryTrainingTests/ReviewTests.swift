import Foundation
import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

/// Hand-made transcripts written to a folder, reviewed as a manager would.
enum ReviewFixture {
    static let good: [(text: String, latency: Double)] = [
        ("I'm so sorry, Dana. That's on us.", 3), ("I'm sending a replacement by courier today.", 4),
    ]
    static let rude: [(text: String, latency: Double)] = [
        ("calm down, it's not my fault, the courier lost it", 90), ("I'm so sorry.", 5), ("we'll see what we can do", 5),
    ]

    /// A finished call by `trainee` on day `day` of November 2026.
    static func call(_ trainee: String, day: Int, _ replies: [(text: String, latency: Double)]) -> Transcript {
        let start = Date(timeIntervalSince1970: 1_793_491_200 + Double(day - 1) * 86_400)  // 2026-11-01T00:00:00Z + days
        let session = CallReplay.play(replies, setup: TestData.setup(TestData.miniScenario), start: start)
        var transcript = session.finish(session.isOver ? .ending : .quit)
        transcript.trainee = trainee
        return transcript
    }

    /// A fresh folder holding `transcripts` as `<index>.json`.
    static func folder(_ transcripts: [Transcript]) throws -> String {
        let directory = NSTemporaryDirectory() + "review-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/team", withIntermediateDirectories: true)
        for (index, transcript) in transcripts.enumerated() {
            try transcript.sealedEncoding(key: nil).write(to: URL(fileURLWithPath: "\(directory)/team/\(index).json"))
        }
        return directory
    }

    static func review(_ directory: String) throws -> TeamReview {
        try TeamReview.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory, analyzer: TestData.analyzer)
    }
}

@Suite struct ReviewTests {
    /// A call stopped before an ending is never a trainee's best score unless asked for, even
    /// when it scored higher than every call that ended.
    @Test func anIncompleteCallIsNotTheBestUnlessAskedFor() throws {
        let ended = ReviewFixture.call("cy", day: 2, ["Hello.", "Okay.", "Right.", "Hmm."].map { ($0, 3.0) })  // the turn limit ends it
        let stopped = ReviewFixture.call("cy", day: 3, [ReviewFixture.good[0]])
        try #require(ended.outcome != nil && stopped.outcome == nil)
        let calls = try ReviewFixture.review(try ReviewFixture.folder([ended, stopped])).calls
        let scores = Dictionary(uniqueKeysWithValues: calls.map { ($0.reachedEnding, $0.score) })
        try #require(scores[false]! > scores[true]!, "the stopped call should score higher for this to test anything")
        #expect(TraineeSummary.summaries(calls).first?.bestScore == scores[true])
        #expect(TraineeSummary.summaries(calls, includeIncomplete: true).first?.bestScore == scores[false])
    }

    let calls = [
        ReviewFixture.call("ada", day: 2, ReviewFixture.rude),
        ReviewFixture.call("ada", day: 9, ReviewFixture.good),
        ReviewFixture.call("Bo", day: 5, ReviewFixture.rude),
    ]

    @Test func everyCallIsFoundRecursivelyAndRegradedFromItsReplies() throws {
        let review = try ReviewFixture.review(try ReviewFixture.folder(calls))
        #expect(review.calls.count == 3)
        #expect(review.skipped.isEmpty)
        #expect(review.calls.allSatisfy { !$0.flagged })
        #expect(review.calls.map(\.score) == calls.map { $0.grade!.score })
    }

    @Test func filtersKeepOnlyTheCallsAsked() throws {
        let all = try ReviewFixture.review(try ReviewFixture.folder(calls)).calls
        var query = ReviewQuery()
        query.trainees = ["ADA"]
        #expect(query.apply(all).map(\.trainee) == ["ada", "ada"])
        query = ReviewQuery()
        query.since = ReviewQuery.since("2026-11-05", now: Date())
        #expect(query.apply(all).map(\.trainee) == ["Bo", "ada"])
        query.scenarios = ["other"]
        #expect(query.apply(all).isEmpty)
        query = ReviewQuery()
        query.outcomes = ["recovered"]
        #expect(query.apply(all).map(\.startedAt) == [calls[1].startedAt])
        query.outcomes = ["left-early", "lost"]
        #expect(query.apply(all).map(\.trainee) == ["ada", "Bo"])
    }

    @Test func sortingIsByTheKeyThenByDate() throws {
        let all = try ReviewFixture.review(try ReviewFixture.folder(calls)).calls
        var query = ReviewQuery()
        #expect(query.apply(all).map(\.startedAt) == all.map(\.startedAt).sorted())
        query.sort = .score
        query.reverse = true
        let byScore = query.apply(all)
        #expect(byScore.first?.score == all.map(\.score).max())
        #expect(byScore.map(\.score) == all.map(\.score).sorted(by: >))
        query.sort = .trainee
        query.reverse = false
        #expect(query.apply(all).map(\.trainee) == ["ada", "ada", "Bo"])
    }

    @Test func sinceReadsDaysAndSpans() {
        let now = Date(timeIntervalSince1970: 1_794_000_000)
        #expect(ReviewQuery.since("7d", now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(ReviewQuery.since("12h", now: now) == now.addingTimeInterval(-12 * 3600))
        #expect(ReviewQuery.since("2026-11-01", now: now) == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(ReviewQuery.since("2026-02-30", now: now) == nil)
        #expect(ReviewQuery.since("last week", now: now) == nil)
    }

    @Test func perTraineeShowsProgressStepsAndHabitsWithAQuote() throws {
        let all = try ReviewFixture.review(try ReviewFixture.folder(calls)).calls
        let trainees = TraineeSummary.summaries(all)
        #expect(trainees.map(\.trainee) == ["ada", "Bo"])
        let ada = trainees[0]
        #expect(ada.attempts == 2)
        #expect(ada.firstScore == calls[0].grade!.score)
        #expect(ada.bestScore == calls[1].grade!.score)
        #expect(ada.firstScore < ada.bestScore ?? 0)
        // A call stopped before an ending never counts as a trainee's best unless asked for.
        let incomplete = all.filter { !$0.reachedEnding }
        let best = { (calls: [CallSummary]) in calls.filter(\.reachedEnding).map(\.score).max() }
        for trainee in trainees { #expect(trainee.bestScore == best(all.filter { $0.trainee == trainee.trainee })) }
        let withIncomplete = TraineeSummary.summaries(all, includeIncomplete: true)
        for trainee in withIncomplete { #expect(trainee.bestScore == all.filter { $0.trainee == trainee.trainee }.map(\.score).max()) }
        _ = incomplete
        let apology = try #require(ada.steps.first { $0.id == "sincere-apology" })
        #expect(apology.calls == 2)
        let dismiss = try #require(ada.negatives.first { $0.behavior == .dismiss })
        #expect(dismiss.count == 1)
        #expect(dismiss.example.lowercased().contains("calm down"))
        #expect(ada.steps.allSatisfy { (0...100).contains($0.percent) })
    }

    @Test func perStepCountsMissesAndNamesWhoMissesMost() throws {
        let all = try ReviewFixture.review(try ReviewFixture.folder(calls)).calls
        let steps = StepSummary.summaries(all)
        #expect(steps.map(\.step.id) == TestData.rubric.steps.map(\.id))
        let rapid = try #require(steps.first { $0.step.id == "respond-rapidly" })
        #expect(rapid.step.missed == 2)
        #expect(rapid.missedMostBy == "Bo")  // 1 of 1 beats ada's 1 of 2
        #expect(rapid.missedMostCount == 1 && rapid.missedMostAttempts == 1)
    }

    @Test func anEditedStoredScoreIsFlaggedAsAFileEdit() throws {
        var edited = calls[0]
        edited.grade?.score = 97
        let call = try #require(try ReviewFixture.review(try ReviewFixture.folder([edited])).calls.first)
        #expect(call.disagreements == [.fileEdited])
        #expect(call.storedScore == 97)
        #expect(call.score == calls[0].grade!.score)
        #expect(ReviewTables.check(call) == "file-edited (stored 97)")
    }

    @Test func aStoredGradeFromAnOlderRubricIsFlaggedAsRubricChanged() throws {
        var older = calls[0]
        older.grade?.rubricHash = "an-older-rubric"
        older.grade?.score = 12
        let call = try #require(try ReviewFixture.review(try ReviewFixture.folder([older])).calls.first)
        #expect(call.disagreements == [.rubricChanged])
        #expect(call.note?.contains("the rubric changed since the call") == true)
    }

    @Test func anEditedReplyIsFlaggedAndGradedAsItReadsNow() throws {
        var edited = calls[1]
        edited.turns[0].text = "whatever"
        let call = try #require(try ReviewFixture.review(try ReviewFixture.folder([edited])).calls.first)
        #expect(call.disagreements.contains(.repliesEdited))
        #expect(call.score < calls[1].grade!.score)
    }

    @Test func unreadableFilesAreSkippedWithOneLineEach() throws {
        var unknownRubric = calls[0]
        unknownRubric.rubric.id = "no-such-rubric"
        let directory = try ReviewFixture.folder([calls[0], unknownRubric])
        try Data("not json".utf8).write(to: URL(fileURLWithPath: directory + "/broken.json"))
        try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: directory + "/team/other.json"))
        try Data("ignored".utf8).write(to: URL(fileURLWithPath: directory + "/notes.md"))
        let review = try ReviewFixture.review(directory)
        #expect(review.calls.count == 1)
        #expect(review.skipped.map(\.path) == [directory + "/broken.json", directory + "/team/1.json", directory + "/team/other.json"])
        #expect(review.skipped[0].reason.contains("not valid JSON"))
        #expect(review.skipped[1].reason.contains("no-such-rubric"))
        #expect(review.skipped[2].reason.contains("missing"))
        #expect(review.skipped.allSatisfy { !$0.reason.contains("\n") })
    }

    @Test func aMissingDirectoryIsAPlainError() {
        #expect(throws: StorageError.self) { try ReviewFixture.review("/nonexistent/review-dir") }
    }
}
