import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `recovery play` under a real pseudo-terminal: readline editing, history, Ctrl-C, Ctrl-D, Tab.
@Suite struct ReadlineTerminalTests {
    typealias Key = PseudoTerminal.Key

    /// One `recovery play` call in fresh temporary HOME, XDG_STATE_HOME and transcripts directories.
    struct PlaySession {
        let terminal: PseudoTerminal
        let root: URL
        var transcripts: URL { root.appendingPathComponent("transcripts") }

        /// Every transcript JSON file written so far, concatenated.
        func transcriptJSON() -> String {
            let files = FileManager.default.enumerator(at: transcripts, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
            return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        }

        /// Types `reply`, presses Enter, and returns what appeared up to the next prompt.
        @discardableResult
        func say(_ reply: String) throws -> String {
            try terminal.send(reply + Key.enter)
            return try terminal.expect("you> ")
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped scenario the calls play (by id, as a trainee types it).
    static let scenario = "cold-house-furnace"

    /// Starts `recovery play` and waits for its first prompt; `root` may be reused to keep history.
    static func startPlay(root existing: URL? = nil, color: Bool = false) throws -> PlaySession {
        let root = existing ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("recovery-e2e-\(UUID().uuidString)")
        for name in ["home", "state", "transcripts"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let inputrc = root.appendingPathComponent("inputrc")
        try "set enable-bracketed-paste off\n".write(to: inputrc, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(
            executable: PseudoTerminal.builtProduct(named: "recovery"),
            arguments: [
                "play", scenario,
                "--transcripts", root.appendingPathComponent("transcripts").path,
                "--trainee", "Pty Tester", "--seed", "7", "--no-reflect",
            ],
            environment: PseudoTerminal.environment([
                "INPUTRC": inputrc.path,
                "HOME": root.appendingPathComponent("home").path,
                "XDG_STATE_HOME": root.appendingPathComponent("state").path,
            ].merging(color ? [:] : ["NO_COLOR": "1"]) { old, _ in old }),
            workingDirectory: repositoryRoot.path, columns: 200)
        try terminal.takeCall()
        return PlaySession(terminal: terminal, root: root)
    }

    @Test func aReplyGetsACustomerResponse() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let reply = "I am so sorry your heat is out, let me help you right now."
        let shown = try session.say(reply)
        let afterReply = shown.components(separatedBy: reply).last ?? ""
        let response = afterReply.replacingOccurrences(of: "you> ", with: "")
        #expect(response.contains { $0.isLetter }, "no customer response between the reply and the next prompt:\n\(shown)")
        try session.terminal.send("/quit" + Key.enter)
        try session.terminal.waitForExit()
    }

    @Test func upArrowRecallsThePreviousLine() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let reply = "I understand how frustrating a cold house is"
        try session.say(reply)
        try session.terminal.send(Key.up)
        try session.terminal.expect(reply)
        try session.terminal.send(Key.enter)
        try session.terminal.expect("you> ")
        try session.terminal.send("/quit" + Key.enter)
        try session.terminal.waitForExit()
        let json = session.transcriptJSON()
        #expect(json.components(separatedBy: reply).count - 1 >= 2, "the recalled line was not sent as a second reply")
    }

    @Test func ctrlCDiscardsTheLineBeingTypedAndTheCallGoesOn() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let discarded = "this half typed line must vanish"
        try session.terminal.send(discarded)
        try session.terminal.expect(discarded)
        try session.terminal.send(Key.ctrlC)
        try session.terminal.expect("you> ")
        session.terminal.settle(for: 0.3)
        #expect(kill(session.terminal.processID, 0) == 0, "the program died on Ctrl-C")
        let kept = "Thank you for telling me, I will fix this today"
        try session.say(kept)
        try session.terminal.send("/quit" + Key.enter)
        try session.terminal.waitForExit()
        let json = session.transcriptJSON()
        #expect(json.contains(kept))
        #expect(!json.contains(discarded))
    }

    @Test func ctrlDEndsTheCallAndSavesTheTranscript() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let reply = "I am sorry, I can send a technician this afternoon"
        try session.say(reply)
        try session.terminal.send(Key.ctrlD)
        let status = try session.terminal.waitForExit(timeout: 15)
        #expect(status == .exited(0))
        let json = session.transcriptJSON()
        #expect(!json.isEmpty, "no transcript JSON in \(session.transcripts.path)")
        #expect(json.contains(reply))
    }

    @Test(arguments: [(SIGTERM, "terminated"), (SIGHUP, "hangup")])
    func aSignalAtThePromptSavesTheCallAndExits(signal: Int32, reason: String) throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        let reply = "I hear you, and I am going to fix this"
        try session.say(reply)
        try session.terminal.send("half typed")
        try session.terminal.expect("half typed")
        session.terminal.signal(signal)
        let status = try session.terminal.waitForExit(timeout: 15)
        #expect(status == .exited(128 + signal), "saved, then exited with 128 + signal")
        let json = session.transcriptJSON()
        #expect(json.contains(reply))
        #expect(json.contains("\"endReason\" : \"\(reason)\""))
    }

    @Test func ctrlCTwiceOnAnEmptyLineEndsTheCall() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        try session.say("I am so sorry about yesterday")
        try session.terminal.send(Key.ctrlC)
        try session.terminal.expect("Ctrl-C again")
        try session.terminal.send(Key.ctrlC)
        #expect(try session.terminal.waitForExit(timeout: 15) == .exited(128 + SIGINT), "ended by Ctrl-C: 128 + SIGINT, like any interrupted program")
        #expect(session.transcriptJSON().contains("\"endReason\" : \"interrupt\""))
    }

    @Test func colourAndTheMoodBarShowOnATerminalUnlessNoColor() throws {
        let coloured = try Self.startPlay(color: true)
        defer { try? FileManager.default.removeItem(at: coloured.root) }
        #expect(coloured.terminal.rawText.contains("\u{1B}[3"), "a colour escape")
        #expect(coloured.terminal.text.contains("mood  calm ███████"))
        let plain = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: plain.root) }
        #expect(!plain.terminal.rawText.contains("\u{1B}[3"), "no colour with NO_COLOR")
        #expect(plain.terminal.text.contains("mood  calm ███████"), "the mood bar is not colour")
    }

    @Test func tabCompletesSlashCommands() throws {
        let session = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: session.root) }
        try session.terminal.send("/qu" + Key.tab)
        try session.terminal.expect("/quit")
        try session.terminal.send(Key.enter)
        let status = try session.terminal.waitForExit(timeout: 15)
        #expect(status == .exited(0))
    }

    @Test func historyIsKeptAcrossCallsUnderXDGStateHome() throws {
        let first = try Self.startPlay()
        defer { try? FileManager.default.removeItem(at: first.root) }
        let reply = "Let me make this right for you"
        try first.say(reply)
        try first.terminal.send(Key.ctrlD)  // not /quit: that would be the newest history entry
        try first.terminal.waitForExit()

        let second = try Self.startPlay(root: first.root)
        try second.terminal.send(Key.up)
        try second.terminal.expect(reply.suffix(20).description)
        try second.terminal.send(Key.ctrlU + "/quit" + Key.enter)
        try second.terminal.waitForExit()
    }
}
