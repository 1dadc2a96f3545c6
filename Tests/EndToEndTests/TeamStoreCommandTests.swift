import Foundation
import Testing

/// `--store` under the real binary: a call whose server cannot be reached is kept and said so,
/// and with a server (`RECOVERY_TEST_STORE`, as `.ci/run` sets) a played call is in the team's
/// review, its debrief and its grade by id.
@Suite struct TeamStoreCommandTests {
    @Test func aCallWhoseServerCannotBeReachedIsKeptLocallyAndTheScreenSaysHowToMoveItIn() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let store = "postgres://coach:secret-pw@127.0.0.1:1/recovery"  // nothing listens on port 1
        let played = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory, "--trainee", "ada", "--seed", "1", "--store", store],
                                            input: "I'm so sorry, that's on us.\n/quit\n")
        #expect(played.status == 0, "\(played.errors)")
        #expect(played.output.contains("Transcripts go to the team store postgres://coach@127.0.0.1:1/recovery"))
        #expect(played.errors.contains("'recovery store import \(directory) --store postgres://coach@127.0.0.1:1/recovery' moves it in"))
        #expect(!(played.output + played.errors).contains("secret-pw"), "the password is never printed")
        #expect(RecoveryBinary.transcripts(in: directory).count == 1, "the call is kept whole in the folder")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RECOVERY_TEST_STORE"] != nil, "no PostgreSQL server: run eval \"$(scripts/start-test-postgres)\" first"))
    func aCallPlayedIntoTheStoreIsInTheReviewTheDebriefAndTheGrade() throws {
        let server = ProcessInfo.processInfo.environment["RECOVERY_TEST_STORE"]!
        let trainee = "e2e-" + UUID().uuidString.prefix(8).lowercased()
        let played = try RecoveryBinary.run(["play", "escalation", "--trainee", trainee, "--seed", "1", "--store", server],
                                            input: "I'm so sorry, that's on us.\n/quit\n")
        #expect(played.status == 0, "\(played.errors)")
        #expect(played.output.contains("in the team store postgres://"))
        let review = try RecoveryBinary.run(["review", "--store", server, "--trainee", trainee, "--format", "json"])
        let calls = try #require((try JSONSerialization.jsonObject(with: Data(review.output.utf8)) as? [String: Any])?["calls"] as? [[String: Any]])
        #expect(calls.count == 1)
        let path = try #require(calls.first?["path"] as? String)
        #expect(path.hasPrefix("store:"))
        let debrief = try RecoveryBinary.run(["debrief", path, "--store", server])
        #expect(debrief.output.contains("# Debrief: Sorry for how you feel — \(trainee)"))
        let grade = try RecoveryBinary.run(["grade", String(path.dropFirst("store:".count)), "--store", server, "--strict"])
        #expect(grade.status == 0, "an untouched call is not flagged: \(grade.output)")
    }
}
