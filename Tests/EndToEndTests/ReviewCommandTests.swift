import Foundation
import Testing

/// `recovery review` and `recovery debrief`, run as a manager would.
@Suite(.serialized) struct ReviewCommandTests {
    /// A team folder with two played calls (one in a sub-folder), a stray file, and the transcript paths.
    func teamFolder() throws -> (directory: String, ada: String, bo: String) {
        let directory = RecoveryBinary.temporaryDirectory()
        _ = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory, "--trainee", "ada", "--seed", "1"],
                                   input: "I'm so sorry. That's on me now.\n/quit\n")
        _ = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory + "/week2", "--trainee", "bo", "--seed", "1"],
                                   input: "calm down, that's not my department\n/quit\n")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/notes.json"))
        let ada = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix("ada-escalation.json") })
        let bo = try #require(try FileManager.default.contentsOfDirectory(atPath: directory + "/week2").first { $0.hasSuffix(".json") })
        return (directory, directory + "/" + ada, directory + "/week2/" + bo)
    }

    @Test func reviewListsEveryCallAndSkipsTheStrayFileWithAReason() throws {
        let team = try teamFolder()
        let result = try RecoveryBinary.run(["review", team.directory, "--sort", "score", "--reverse"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("date") == true)
        #expect(lines[1].contains("ada") && lines[2].contains("bo"), "highest score first")
        #expect(result.output.contains("2 calls, 0 flagged, 1 file skipped"))
        #expect(result.errors.contains("skipped \(team.directory)/notes.json: not a ServiceRecovery transcript"))
    }

    @Test func reviewUsesTheTranscriptsDirectoryFromTheEnvironmentAndFilters() throws {
        let team = try teamFolder()
        let home = RecoveryBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: home + "/data/recovery", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home + "/data/recovery/transcripts", withDestinationPath: team.directory)
        let result = try RecoveryBinary.run(["review", "--trainee", "BO", "--format", "json"], home: home)
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let calls = try #require(object["calls"] as? [[String: Any]])
        #expect(calls.map { $0["trainee"] as? String } == ["bo"])
        #expect((calls.first?["negatives"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func reviewFlagsAnEditedStoredScore() throws {
        let team = try teamFolder()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: team.bo))) as? [String: Any])
        var grade = try #require(object["grade"] as? [String: Any])
        grade["score"] = 100
        object["grade"] = grade
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: team.bo))
        let result = try RecoveryBinary.run(["review", team.directory])
        #expect(result.output.contains("1 flagged"))
        #expect(result.output.contains("edited after the call: grade changed"))
        #expect(result.output.contains("the file was edited"))
        // Counted on request, its row says what the grade check found.
        let counted = try RecoveryBinary.run(["review", team.directory, "--include-flagged"])
        #expect(counted.output.contains("file-edited (stored 100)"))
    }

    @Test func anEditedCallIsFlaggedLeftOutOfTheFiguresAndFailsStrict() throws {
        let team = try teamFolder()
        #expect(try RecoveryBinary.run(["review", team.directory, "--strict"]).status == 0)
        #expect(try RecoveryBinary.run(["grade", team.ada, "--strict"]).status == 0)
        // Someone renames the trainee of one call: no score changes, but the seal sees it.
        let text = try String(contentsOfFile: team.ada, encoding: .utf8)
        try text.replacingOccurrences(of: "\"trainee\" : \"ada\"", with: "\"trainee\" : \"bo\"").write(toFile: team.ada, atomically: true, encoding: .utf8)
        let calls = try RecoveryBinary.run(["review", team.directory])
        #expect(calls.status == 0)
        #expect(calls.output.contains("1 call, 1 flagged (listed apart"), "\(calls.output)")
        #expect(calls.output.contains("! \(team.ada): edited after the call: trainee changed"), "\(calls.output)")
        let byTrainee = try RecoveryBinary.run(["review", team.directory, "--by", "trainee", "--format", "json"])
        let trainees = try #require(try JSONSerialization.jsonObject(with: Data(byTrainee.output.utf8)) as? [[String: Any]])
        #expect(trainees.count == 1 && trainees.first?["attempts"] as? Int == 1, "the edited call counts in no aggregate: \(byTrainee.output)")
        #expect(byTrainee.errors.contains("1 flagged call left out of these figures"))
        let counted = try RecoveryBinary.run(["review", team.directory, "--by", "trainee", "--format", "json", "--include-flagged"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(counted.output.utf8)) as? [[String: Any]])
        #expect(all.first?["attempts"] as? Int == 2)
        #expect(try RecoveryBinary.run(["review", team.directory, "--strict"]).status == 1)
        let grade = try RecoveryBinary.run(["grade", team.ada, "--strict"])
        #expect(grade.status == 1 && grade.output.contains("! seal: edited after the call: trainee changed"), "\(grade.output)")
        let report = try RecoveryBinary.run(["report", team.directory, "-o", "-"])
        #expect(report.output.contains("1 flagged call left out of every figure"))
        // The xAPI export leaves it out too, unless asked.
        let export = try RecoveryBinary.run(["export", "--xapi", team.directory])
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [[String: Any]])
        #expect(export.status == 0 && statements.count == 1 && export.errors.contains("1 flagged call left out"))
        let everything = try RecoveryBinary.run(["export", "--xapi", team.directory, "--include-flagged", "--homepage", "https://lms.example.com"])
        #expect((try JSONSerialization.jsonObject(with: Data(everything.output.utf8)) as? [[String: Any]])?.count == 2)
        #expect(try RecoveryBinary.run(["export", team.directory]).status != 0, "the format must be named")
    }

    @Test func reviewAggregatesByTraineeAndByStepAndWritesGuardedCSV() throws {
        let team = try teamFolder()
        let byTrainee = try RecoveryBinary.run(["review", team.directory, "--by", "trainee"])
        #expect(byTrainee.output.contains("first → best"))
        #expect(byTrainee.output.contains("Average per rubric step"))
        let byStep = try RecoveryBinary.run(["review", team.directory, "--by", "step", "--format", "csv"])
        #expect(byStep.output.hasPrefix("step,title,average_percent,missed,calls,missed_most_by,missed_most_count,missed_most_attempts\r\n"))
        // Numbers stand alone in their cells: no "%" and no "of" for a spreadsheet to trip on.
        let cells = byStep.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(!cells.isEmpty && cells.allSatisfy { Double($0[$0.count - 6]) != nil && Int($0[$0.count - 5]) != nil && Int($0[$0.count - 4]) != nil })
        #expect(byTrainee.output.contains("coach first (below 80%)"))
        let bad = try RecoveryBinary.run(["review", team.directory, "--since", "yesterday"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("--since takes a day"))
    }

    @Test func debriefRendersOneCallInEachFormat() throws {
        let team = try teamFolder()
        let markdown = try RecoveryBinary.run(["debrief", team.ada])
        #expect(markdown.status == 0, "\(markdown.errors)")
        #expect(markdown.output.hasPrefix("# Debrief: "))
        #expect(markdown.output.contains("'s mood"))
        let html = try RecoveryBinary.run(["debrief", team.bo, "--format", "html"])
        #expect(html.output.hasPrefix("<!DOCTYPE html>"))
        #expect(html.output.contains("<svg"))
        #expect(!html.output.contains("<script"))
        let json = try RecoveryBinary.run(["debrief", team.ada, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["mood"] as? [String: Any])?["points"] != nil)
        #expect(object["grade"] != nil)
        let missing = try RecoveryBinary.run(["debrief", team.directory + "/notes.json"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("error: "))
    }
}
