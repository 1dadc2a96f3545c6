import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile input typed or pasted at the readline prompt under a real pseudo-terminal: nothing
/// the trainee sends reaches the screen as a raw escape sequence, and the call goes on.
@Suite struct TerminalInputHardeningTests {
    typealias Key = PseudoTerminal.Key
    typealias PlaySession = ReadlineTerminalTests.PlaySession

    /// How a terminal wraps a paste when bracketed paste is on.
    static func pasted(_ text: String) -> String { "\u{1B}[200~" + text + "\u{1B}[201~" }

    /// Starts `recovery play` on a terminal with bracketed paste on or off (readline's default is on).
    static func start(bracketedPaste: Bool = true, color: Bool = false) throws -> PlaySession {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-e2e-\(UUID().uuidString)")
        for name in ["home", "state", "transcripts"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let inputrc = root.appendingPathComponent("inputrc")
        try "set enable-bracketed-paste \(bracketedPaste ? "on" : "off")\n".write(to: inputrc, atomically: true, encoding: .utf8)
        var variables = [
            "INPUTRC": inputrc.path,
            "HOME": root.appendingPathComponent("home").path,
            "XDG_STATE_HOME": root.appendingPathComponent("state").path,
        ]
        if !color { variables["NO_COLOR"] = "1" }
        let terminal = try PseudoTerminal(
            executable: PseudoTerminal.builtProduct(named: "recovery"),
            arguments: ["play", ReadlineTerminalTests.scenario, "--transcripts", root.appendingPathComponent("transcripts").path,
                        "--trainee", "Pty Tester", "--seed", "7", "--no-reflect"],
            environment: PseudoTerminal.environment(variables),
            workingDirectory: ReadlineTerminalTests.repositoryRoot.path, columns: 200)
        try terminal.takeCall()
        return PlaySession(terminal: terminal, root: root)
    }

    /// Ends the call with /quit and returns the replies in its transcript.
    func quitAndReadReplies(_ session: PlaySession) throws -> [String] {
        try session.terminal.send("/quit" + Key.enter)
        #expect(try session.terminal.waitForExit(timeout: 15) == .exited(0))
        let json = try JSONSerialization.jsonObject(with: Data(session.transcriptJSON().utf8)) as? [String: Any]
        let transcript = try #require(json)
        #expect(transcript["endReason"] as? String == "quit")
        return PlayProcess.replies(transcript)
    }

    /// The sequences a hostile paste carries; none may reach the screen as they were.
    static let hostileSequences = ["\u{1B}]52;", "\u{1B}]0;", "\u{1B}[5;41m", "\u{9B}", "\u{1B}]8;"]

    /// Fails when the raw bytes shown on the terminal carry one of `hostileSequences`.
    func expectNoHostileSequence(_ session: PlaySession, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = session.terminal.rawText
        for sequence in Self.hostileSequences {
            #expect(!raw.contains(sequence), "\(sequence.debugDescription) reached the screen raw", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [false, true])
    func aPastedReplyWithEscapeSequencesIsOneCleanReply(color: Bool) throws {
        let session = try Self.start(color: color)
        defer { try? FileManager.default.removeItem(at: session.root) }
        let hostile = "I'm sorry \u{1B}]52;c;SGVsbG8=\u{07}clip \u{1B}]0;pwned\u{07}title \u{1B}[5;41mRED\u{1B}[0m"
            + "\nand this is\nthe third line \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\"
        try session.terminal.send(Self.pasted(hostile) + Key.enter)
        try session.terminal.expect("you> ")
        expectNoHostileSequence(session)
        if !color { #expect(!session.terminal.rawText.contains("\u{1B}[3"), "no colour codes with NO_COLOR") }
        #expect(try quitAndReadReplies(session) == ["I'm sorry clip title RED and this is the third line link"])
    }

    @Test func withoutBracketedPasteEachPastedLineIsAReply() throws {
        let session = try Self.start(bracketedPaste: false)
        defer { try? FileManager.default.removeItem(at: session.root) }
        try session.terminal.send("I'm so sorry.\rThat should never have happened.\r")
        try session.terminal.expect("you> ")
        try session.terminal.expect("you> ")
        #expect(try quitAndReadReplies(session) == ["I'm so sorry.", "That should never have happened."])
    }

    @Test func aQuotedEscapeIsShownAsNotationAndDroppedFromTheReply() throws {
        let session = try Self.start()
        defer { try? FileManager.default.removeItem(at: session.root) }
        // Ctrl-V makes readline insert the next key literally: ESC, BEL, Ctrl-A.
        let ctrlV = "\u{16}"
        try session.terminal.send("sorry " + ctrlV + "\u{1B}[5;41mRED " + ctrlV + "\u{07}" + ctrlV + "\u{01}done")
        try session.terminal.expect("done")
        #expect(session.terminal.rawText.contains("^[[5;41mRED"), "readline shows ESC as ^[")
        try session.terminal.send(Key.enter)
        try session.terminal.expect("you> ")
        expectNoHostileSequence(session)
        #expect(try quitAndReadReplies(session) == ["sorry RED done"])
    }

    @Test func invalidUTF8AndC1ControlsAreDroppedAndNeverEchoedRaw() throws {
        let session = try Self.start()
        defer { try? FileManager.default.removeItem(at: session.root) }
        try session.terminal.send("I'm so sorry \u{9B}31m \u{85}")
        try session.terminal.send(bytes: [0xC3, 0x28, 0xFF, 0x9B] + Array(" about the heat".utf8))
        try session.terminal.expect("about the heat")
        try session.terminal.send(Key.enter)
        try session.terminal.expect("you> ")
        expectNoHostileSequence(session)
        #expect(!session.terminal.rawText.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "no C1 control on the screen")
        #expect(try quitAndReadReplies(session) == ["I'm so sorry 31m ( about the heat"], "C1 bytes dropped as typed, the rest kept")
    }

    @Test func emptyAndWhitespaceLinesTakeNoTurnAndSaySo() throws {
        let session = try Self.start()
        defer { try? FileManager.default.removeItem(at: session.root) }
        try session.terminal.send(Key.enter)
        try session.terminal.expect("(Nothing was sent. Type your reply to Sydney, or /help.)")
        try session.terminal.send("  \t  " + Key.enter)
        try session.terminal.expect("(Nothing was sent.")
        try session.terminal.expect("you> ")
        #expect(try quitAndReadReplies(session) == [])
    }

    @Test func aHugePasteIsCutToTheReplyCapAndTheCallGoesOn() throws {
        let session = try Self.start()
        defer { try? FileManager.default.removeItem(at: session.root) }
        // One letter over and over, as in the piped test: the cut reply's reading must not end the call.
        try session.terminal.send(Self.pasted(String(repeating: "q", count: 112_000)) + Key.enter)  // 112 kB
        try session.terminal.expect("(Your reply was cut to its first 2000 characters.)", timeout: 30)
        try session.terminal.expect("you> ")
        try session.say("What happened?")
        let replies = try quitAndReadReplies(session)
        #expect(replies.count == 2)
        #expect(replies.first?.count == 2000)
    }
}
