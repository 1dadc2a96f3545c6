import Foundation
import RecoveryScenario
import Testing

/// The built binary, driven through pipes as a script or CI job would.
@Suite(.serialized) struct PipedPlayTests {
    @Test(arguments: ["cold-house-furnace", "irate-caller", "escalation"])
    func aPipedCallReachesAnEndingAndWritesBothFiles(scenario: String) throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let replies = Array(repeating: "ok", count: 40).joined(separator: "\n") + "\n"
        let result = try RecoveryBinary.run(["play", scenario, "--transcripts", directory, "--trainee", "pipe", "--seed", "5"], input: replies)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("The call has ended"), "\(result.output.suffix(600))")
        #expect(result.output.contains("Score: "))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(files.filter { $0.hasSuffix(".json") }.count == 1)
        #expect(files.filter { $0.hasSuffix(".md") }.count == 1)
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["endReason"] as? String == "ending")
        #expect((transcript["outcome"] as? String) != nil)
        #expect(!result.output.contains("\u{1B}["), "no colour codes when output is a pipe")
    }

    /// Each scenario's first recovering test conversation, piped through the real binary.
    @Test(arguments: ["cold-house-furnace", "irate-caller", "escalation"])
    func aGoodCallIsRecoveredAndPasses(scenario id: String) throws {
        let scenario = try ScenarioLoader.load(path: RecoveryBinary.repositoryRoot + "/Scenarios/\(id).yaml")
        let good = try #require(scenario.tests.first { $0.expect.outcome == .recovered && $0.replies.allSatisfy { $0.latency < 15 } })
        let directory = RecoveryBinary.temporaryDirectory()
        let input = good.replies.map(\.text).joined(separator: "\n") + "\n"
        let result = try RecoveryBinary.run(["play", id, "--transcripts", directory, "--seed", "1"], input: input)
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["outcome"] as? String == "recovered", "\(result.output.suffix(800))")
        let grade = try #require(transcript["grade"] as? [String: Any])
        #expect(grade["passed"] as? Bool == true, "score \(grade["score"] ?? "?")")
    }

    @Test func quitEndsEarlyAndSavesEveryTurn() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let result = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory], input: "I'm so sorry.\n/quit\nnever read\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Call ended early"))
        #expect(result.output.contains("Saved: transcript \(directory)/"))
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["endReason"] as? String == "quit")
        #expect((transcript["turns"] as? [Any])?.count == 1)
    }

    @Test func endOfInputMidCallSavesTheTranscript() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        _ = try RecoveryBinary.run(["play", "irate-caller", "--transcripts", directory], input: "I'm sorry\nwhat's your order number?")
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["endReason"] as? String == "end-of-input")
        #expect((transcript["turns"] as? [Any])?.count == 2, "a last line without a newline still counts")
    }

    @Test func transcriptsDirectoryComesFromTheEnvironmentWhenNotGiven() throws {
        let home = RecoveryBinary.temporaryDirectory()
        let result = try RecoveryBinary.run(["play", "escalation"], input: "/quit\n", home: home)
        #expect(result.output.contains("Transcripts go to \(home)/data/recovery/transcripts"))
        #expect(RecoveryBinary.transcripts(in: home + "/data/recovery/transcripts").count == 1)
    }

    @Test func sigtermMidCallSavesTheTranscript() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RecoveryBinary.path)
        process.arguments = ["play", "cold-house-furnace", "--transcripts", directory]
        process.currentDirectoryURL = URL(fileURLWithPath: RecoveryBinary.repositoryRoot)
        process.environment = RecoveryBinary.environment(home: RecoveryBinary.temporaryDirectory())
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        RecoveryBinary.writeAll(Array("I'm so sorry, that's on us.\n".utf8), to: stdin.fileHandleForWriting.fileDescriptor)
        // Wait until the reply has been answered and saved (the customer has spoken twice).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if RecoveryBinary.transcripts(in: directory).first.flatMap({ ($0["turns"] as? [Any])?.count }) == 1 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["endReason"] as? String == "terminated")
        #expect((transcript["turns"] as? [Any])?.count == 1)
    }

    @Test func unknownScenarioSuggestsTheNearestOne() throws {
        let result = try RecoveryBinary.run(["play", "cold-house"], input: "")
        #expect(result.status == 1)
        #expect(result.errors.contains("no scenario 'cold-house'"))
        #expect(result.errors.contains("cold-house-furnace"))
    }

    @Test func brokenScenarioIsRefusedWithPositionedErrors() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let path = directory + "/broken.yaml"
        try """
            id: broken
            title: Broken
            briefing: x
            customer: { name: Al, mood: 5 }
            start: opening
            nodes:
              opening:
                lines: ["Hi."]
                branches:
                  - when: apologize and
                    goto: nowhere
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try RecoveryBinary.run(["play", path, "--transcripts", directory], input: "")
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path):10:"), "\(result.errors)")
        #expect(result.errors.contains("error:"))
        #expect(!result.errors.contains("Fatal error"))
        #expect(RecoveryBinary.transcripts(in: directory).isEmpty, "a scenario with an error never starts")
    }

    @Test func analyzePrintsOneJSONObjectPerLineInOrder() throws {
        let result = try RecoveryBinary.run(["analyze", "--json"], input: "I'm so sorry, that's on us.\ncalm down\n\n")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 3)
        #expect(objects[0]["text"] as? String == "I'm so sorry, that's on us.")
        #expect((objects[0]["behaviors"] as? [String])?.contains("apologize") == true)
        #expect((objects[0]["evidence"] as? [[String: Any]])?.isEmpty == false)
        #expect((objects[1]["behaviors"] as? [String]) == ["dismiss"])
        #expect((objects[2]["behaviors"] as? [String]) == [])
    }
}
