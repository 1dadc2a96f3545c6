import Foundation
import Testing

/// Hostile bytes piped into `recovery play`: each is handled with a clear message, the call
/// goes on, the transcript keeps every turn, and nothing the trainee typed reaches the screen,
/// the Markdown debrief or the HTML debrief as a raw control character.
@Suite struct PipedInputHardeningTests {
    /// Plays `input` (ending with `/quit`) through pipes; returns the output and the transcript file.
    func play(_ input: [UInt8]) throws -> (output: String, bytes: [UInt8], file: String, json: [String: Any]) {
        let call = try PlayProcess()
        call.send(input + Array("/quit\n".utf8))
        call.closeInput()
        #expect(call.waitForExit() == 0, "\(call.errors)")
        let file = try #require(PlayProcess.transcriptFile(in: call.transcripts))
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(json["endReason"] as? String == "quit")
        // Keep the file past the process's clean-up.
        let kept = RecoveryBinary.temporaryDirectory() + "/call.json"
        try FileManager.default.copyItem(atPath: file, toPath: kept)
        try FileManager.default.copyItem(
            atPath: file.replacingOccurrences(of: ".json", with: ".md"), toPath: kept.replacingOccurrences(of: ".json", with: ".md"))
        return (call.output, call.outputBytes, kept, json)
    }

    /// Fails when the screen, the Markdown or the HTML debrief of `file` holds a control byte.
    func expectInert(screen: [UInt8], file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Inert.controlBytes(in: screen).isEmpty, "raw control bytes on the screen", sourceLocation: sourceLocation)
        let markdown = try String(contentsOfFile: file.replacingOccurrences(of: ".json", with: ".md"), encoding: .utf8)
        #expect(Inert.controls(in: markdown).isEmpty, "raw control characters in the saved Markdown", sourceLocation: sourceLocation)
        for format in ["md", "html"] {
            let debrief = try Inert.debrief(file, format: format)
            #expect(debrief.status == 0, "\(debrief.errors)", sourceLocation: sourceLocation)
            #expect(Inert.controls(in: debrief.output).isEmpty, "raw control characters in the \(format) debrief", sourceLocation: sourceLocation)
        }
    }

    @Test func invalidUTF8IsReadAsTheValidTextAroundIt() throws {
        let input: [UInt8] = Array("I'm so sorry ".utf8) + [0xC3, 0x28, 0xFF, 0xFE, 0x80] + Array(" about the heat\n".utf8)
        let call = try play(input)
        #expect(PlayProcess.replies(call.json) == ["I'm so sorry ( about the heat"])
        #expect(call.output.contains("you> I'm so sorry ( about the heat"))
        try expectInert(screen: call.bytes, file: call.file)
    }

    @Test func aOneMegabyteLineIsCutToTheReplyCapAndTheCallGoesOn() throws {
        // One letter over and over: the reading of the cut reply must not end the call (Sydney
        // leaves on a penalty); what repeated phrases read as is RepetitionTests' concern.
        let huge = Array(String(repeating: "q", count: 1_100_000).utf8)  // 1.1 MB
        let call = try play(huge + Array("\nCan you tell me what happened?\n".utf8))
        #expect(call.output.contains("(Your reply was cut to its first 2000 characters.)"))
        let replies = PlayProcess.replies(call.json)
        #expect(replies.count == 2, "the call went on after the long line")
        #expect(replies.first?.count == 2000)
        #expect(replies.last == "Can you tell me what happened?")
        #expect(call.output.count < 20_000, "the echo shows the cut reply, not the megabyte")
    }

    @Test func nulAndOtherControlCharactersAreDropped() throws {
        var input = Array("ab".utf8) + [0x00] + Array("c".utf8)
        input += [0x07, 0x08, 0x0B, 0x0C, 0x7F] + Array(" de".utf8) + Array("\u{85}\u{9C}f\u{8D}\n".utf8)
        let call = try play(input)
        #expect(PlayProcess.replies(call.json) == ["abc def"])
        try expectInert(screen: call.bytes, file: call.file)
    }

    @Test func ansiCSIAndOSCSequencesAreRemovedWhole() throws {
        let hostile = "Sorry \u{1B}[5;41mRED\u{1B}[0m \u{1B}]52;c;SGVsbG8=\u{07}clip \u{1B}]0;pwned\u{07}title "
            + "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{9B}31mcsi \u{1B}(Bdone\n"
        let call = try play(Array(hostile.utf8))
        #expect(PlayProcess.replies(call.json) == ["Sorry RED clip title link csi done"])
        #expect(!call.output.contains("pwned") && !call.output.contains("SGVsbG8="))
        try expectInert(screen: call.bytes, file: call.file)
    }

    @Test func eachPipedLineIsOneReply() throws {
        let call = try play(Array("I'm so sorry.\nThat should never have happened.\n".utf8))
        #expect(PlayProcess.replies(call.json) == ["I'm so sorry.", "That should never have happened."])
    }

    @Test func emptyAndWhitespaceLinesTakeNoTurnAndSaySo() throws {
        let call = try play(Array("\n   \t \n\r\nI'm sorry\n".utf8))
        #expect(call.output.components(separatedBy: "(Nothing was sent. Type your reply to Sydney, or /help.)").count - 1 == 3)
        #expect(PlayProcess.replies(call.json) == ["I'm sorry"])
    }

    @Test func endOfInputMidCallKeepsEveryTurnAndTheReason() throws {
        let call = try PlayProcess()
        call.send("I'm so sorry.\nWhat happened?\nhalf a li")
        call.closeInput()
        #expect(call.waitForExit() == 0)
        #expect(call.output.contains("Call ended early: "), "\(call.output.suffix(400))")
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first)
        #expect(json["endReason"] as? String == "end-of-input")
        #expect(PlayProcess.replies(json) == ["I'm so sorry.", "What happened?", "half a li"])
    }
}
