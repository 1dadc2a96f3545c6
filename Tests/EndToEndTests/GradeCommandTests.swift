import Foundation
import Testing

/// `recovery grade` and `recovery behaviors`, run as a user would.
@Suite(.serialized) struct GradeCommandTests {
    func playedTranscript() throws -> String {
        let directory = RecoveryBinary.temporaryDirectory()
        _ = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory, "--trainee", "gina"],
                                   input: "I'm so sorry. That's on me now.\n/quit\n")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".json") })
        return directory + "/" + name
    }

    @Test func gradePrintsTheRecomputedScoreAndTheWordsBehindIt() throws {
        let path = try playedTranscript()
        let result = try RecoveryBinary.run(["grade", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("gina · escalation"))
        #expect(result.output.contains("“I'm so sorry”") || result.output.contains("“I'm so sorry."))
        #expect(!result.output.contains("note:"), "an untouched file agrees with its stored grade")
    }

    @Test func gradeFlagsAStoredScoreThatWasEdited() throws {
        let path = try playedTranscript()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var grade = try #require(object["grade"] as? [String: Any])
        grade["score"] = 100
        object["grade"] = grade
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let result = try RecoveryBinary.run(["grade", path, "--json"])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(records.first?["scoreDiffers"] as? Bool == true)
        #expect((records.first?["note"] as? String)?.contains("the file was edited") == true)
    }

    @Test func gradeRefusesAFileThatIsNotATranscript() throws {
        let path = RecoveryBinary.temporaryDirectory() + "/x.json"
        try Data("[1,2]".utf8).write(to: URL(fileURLWithPath: path))
        let result = try RecoveryBinary.run(["grade", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("not a ServiceRecovery transcript"))
    }

    @Test func behaviorsPrintsTheReferenceAsMarkdown() throws {
        let result = try RecoveryBinary.run(["behaviors"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("# Recovery behaviours"))
        #expect(result.output.contains("## `vague_promise`"))
    }
}
