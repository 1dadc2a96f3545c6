import Foundation
import Testing

/// "Why did she walk out?" can be asked where it matters most: after the ending in debug mode,
/// and for every turn of a saved call (`recovery debrief --why`).
@Suite struct WhyAfterTheEndTests {
    static let example = ReadlineTerminalTests.repositoryRoot.appendingPathComponent("docs/examples/lost-booking.yaml").path

    @Test func whyWorksAfterTheEndingInDebugMode() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let result = try RecoveryBinary.run(["play", Self.example, "--debug", "--seed", "1", "--no-color", "--transcripts", directory],
                                            input: "Calm down, it's not a big deal.\n/why\n\n")
        #expect(result.status == 0, "\(result.errors)")
        let after = try #require(result.output.components(separatedBy: "The call has ended. /why").last)
        #expect(after.contains("rule when mood >= 10 → walked-out"), "\(result.output)")
        #expect(after.contains("dismiss “Calm down”"))
        #expect(after.range(of: "rule when mood")!.lowerBound < after.range(of: "Debrief")!.lowerBound)
    }

    @Test func debriefWhyExplainsEveryTurnOfASavedCall() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        _ = try RecoveryBinary.run(["play", Self.example, "--seed", "1", "--transcripts", directory],
                                   input: "Hold on a second.\nCalm down, it's not a big deal.\n")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".json") })
        let why = try RecoveryBinary.run(["debrief", directory + "/" + file, "--why"])
        #expect(why.status == 0, "\(why.errors)")
        #expect(why.output.contains("Reply 1: “Hold on a second.”") && why.output.contains("Reply 2: “Calm down, it's not a big deal.”"))
        #expect(why.output.contains("otherwise → still-waiting"))
        #expect(why.output.contains("the call ended at walked-out (lost)"), "\(why.output)")
    }
}
