import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The end of a call on a real 80-column pseudo-terminal (issue 11): the call starts when the
/// trainee presses Enter, the mood bar says which end is calm, `/hint` names its cost before
/// spending it, and the debrief is on the screen, wrapped between words, before the questions.
@Suite struct EndScreenTerminalTests {
    typealias Key = PseudoTerminal.Key

    /// Lines of `screen` as printed (carriage returns dropped), without readline's prompt redraws.
    static func lines(_ screen: String) -> [String] {
        screen.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
    }

    @Test func theDebriefIsOnTheScreenWrappedBetweenWordsAt80Columns() throws {
        let session = try ReflectionTerminalTests.start(["--reflect"], columns: 80, takeCall: false)
        let terminal = session.terminal
        defer { try? FileManager.default.removeItem(at: session.root) }
        let briefing = try terminal.expect(PseudoTerminal.takeTheCall, timeout: 15)
        #expect(!briefing.contains("you> "), "the call must not start before Enter")
        try terminal.send(Key.enter)
        let opening = try terminal.expect("you> ", timeout: 15)
        #expect(opening.contains("calm") && opening.contains("gone"), "the mood bar says which end is calm:\n\(opening)")
        try terminal.send("/hint" + Key.enter)
        let offer = try terminal.expect("you> ")
        #expect(offer.contains("A hint costs 4 points"), "\(offer)")
        #expect(!offer.contains("Hint:"), "the first /hint only says its cost")
        try terminal.send("/hint" + Key.enter)
        let hint = try terminal.expect("you> ")
        #expect(hint.contains("Hint:"), "\(hint)")
        try terminal.send("I'm so sorry, Sydney. A cold house all day is miserable, and that's on us." + Key.enter)
        try terminal.expect("you> ")
        try terminal.send("/quit" + Key.enter)
        let screen = try terminal.expect("answer> ", timeout: 15)
        let debrief = try #require(screen.range(of: "Debrief").map { String(screen[$0.lowerBound...]) }, "no debrief on screen:\n\(screen)")
        for line in Self.lines(debrief) where !line.contains("/recovery-e2e-") {  // a path is never broken
            #expect(line.count <= 80, "a line wider than the terminal: \(line.debugDescription)")
        }
        let joined = Self.lines(debrief).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("Outcome: incomplete — the call stopped before an ending. It is graded for the record, never passed."), "\(debrief)")
        #expect(joined.contains("not passed"))
        #expect(joined.contains("changes that matter most"))
        #expect(joined.contains("Try: “"))
        #expect(debrief.range(of: "Debrief")!.lowerBound < debrief.range(of: "answer> ")!.lowerBound, "the debrief comes before the questions")
        // The saved files' paths would not fit beside "Saved: transcript": the folder, then each
        // file's name whole on a line of its own, so the terminal breaks none mid-word.
        let names = try FileManager.default.contentsOfDirectory(atPath: session.transcripts.path).sorted()
        #expect(names.count == 2 && names.allSatisfy { $0.hasSuffix(".json") || $0.hasSuffix(".md") }, "\(names)")
        #expect(Self.lines(debrief).contains("Saved in \(session.transcripts.path)/"), "\(debrief)")
        for name in names { #expect(Self.lines(debrief).contains { $0.hasPrefix("  " + name + "  (") }, "\(name) not whole on a line:\n\(debrief)") }
        try terminal.send(Key.ctrlD)
        _ = try terminal.waitForExit(timeout: 15)
    }
}
