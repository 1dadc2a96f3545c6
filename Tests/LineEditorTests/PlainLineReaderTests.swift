import Foundation
import Testing
@testable import LineEditor

/// Serialized: the signal tests share process-wide signal flags with the other reads.
@Suite(.serialized) struct PlainLineReaderTests {
    @Test func readsLinesThenEndOfInput() {
        let results = PipeFixture.readAll(Array("hello\nworld\n".utf8))
        #expect(texts(results) == ["hello", "world", nil])
        #expect(results.last == .endOfInput)
    }

    @Test func keepsEmptyLines() {
        #expect(texts(PipeFixture.readAll(Array("\n\nx\n\n".utf8))) == ["", "", "x", "", nil])
    }

    @Test func stripsCarriageReturnsAndNULs() {
        let results = PipeFixture.readAll(Array("sorry\r\nab\0c\r\n\r\n".utf8))
        #expect(texts(results) == ["sorry", "abc", "", nil])
    }

    @Test func decodesInvalidUTF8WithReplacementCharacters() {
        let bytes: [UInt8] = Array("caf".utf8) + [0xC3] + Array(" ok ".utf8) + [0xFF, 0xFE] + Array("é\n".utf8)
        #expect(texts(PipeFixture.readAll(bytes)) == ["caf\u{FFFD} ok \u{FFFD}\u{FFFD}é", nil])
    }

    @Test func returnsPartialLineAtEndOfInputThenEndOfInput() {
        let results = PipeFixture.readAll(Array("first\nno newline".utf8))
        #expect(texts(results) == ["first", "no newline", nil])
        #expect(results.last == .endOfInput)
    }

    @Test func emptyInputIsEndOfInputAndStaysSo() {
        let fixture = PipeFixture()
        fixture.closeWriteEnd()
        let reader = PlainLineReader(input: fixture.readEnd)
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }

    @Test func capsATwoMebibyteLineAtOneMebibyteAndKeepsTheNextLine() {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        let results = PipeFixture.readAll(huge + Array("\nnext\n".utf8))
        let lines = texts(results)
        #expect(lines.count == 3)
        #expect(lines[0]?.utf8.count == 1 << 20)
        #expect(lines[1] == "next")
    }

    @Test func capNeverSplitsAMultibyteCharacter() {
        // "é" is two bytes; a cap of 5 bytes falls inside the third one.
        let results = PipeFixture.readAll(Array("éééé\nok\n".utf8), maximumLineBytes: 5)
        #expect(texts(results) == ["éé", "ok", nil])
    }

    @Test func measuresLatencyWhileWaiting() {
        let fixture = PipeFixture()
        let reader = PlainLineReader(input: fixture.readEnd)
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            fixture.write(Array("late\n".utf8))
        }
        thread.start()
        guard case .line(let text, let latency) = reader.readLine(prompt: "") else {
            Issue.record("expected a line")
            return
        }
        #expect(text == "late")
        #expect(latency >= 0.25 && latency < 5)
    }

    @Test func ctrlCDiscardsThePartialLine() {
        SignalMonitor.install()
        SignalMonitor.resetForTesting()
        let fixture = PipeFixture()
        let reader = PlainLineReader(input: fixture.readEnd)
        fixture.write(Array("half a li".utf8))
        Self.sendToSelf(SIGINT, after: 0.3)
        #expect(reader.readLine(prompt: "") == .interrupted(discardedText: true))
        fixture.writeInBackground(Array("ne\nnext\n".utf8))
        #expect(texts([reader.readLine(prompt: "")]) == ["next"])
        #expect(reader.readLine(prompt: "") == .endOfInput)
        SignalMonitor.resetForTesting()
    }

    @Test func ctrlCBetweenPromptsIsReportedAtTheNextPrompt() {
        SignalMonitor.install()
        SignalMonitor.resetForTesting()
        let fixture = PipeFixture()
        fixture.writeInBackground(Array("line\n".utf8))
        let reader = PlainLineReader(input: fixture.readEnd)
        kill(getpid(), SIGINT)  // some thread takes it (test threads may block signals)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(reader.readLine(prompt: "") == .interrupted(discardedText: false))
        #expect(texts([reader.readLine(prompt: "")]) == ["line"])
        SignalMonitor.resetForTesting()
    }

    @Test func twoQuickCtrlCsAreTwoInterrupts() {
        SignalMonitor.install()
        SignalMonitor.resetForTesting()
        let fixture = PipeFixture()
        fixture.writeInBackground(Array("line\n".utf8))
        let reader = PlainLineReader(input: fixture.readEnd)
        kill(getpid(), SIGINT)
        Thread.sleep(forTimeInterval: 0.1)
        kill(getpid(), SIGINT)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(reader.readLine(prompt: "") == .interrupted(discardedText: false))
        #expect(reader.readLine(prompt: "") == .interrupted(discardedText: false), "the second press is not lost")
        #expect(texts([reader.readLine(prompt: "")]) == ["line"])
        SignalMonitor.resetForTesting()
    }

    @Test func sigtermWhileWaitingIsReportedAndSticks() {
        SignalMonitor.install()
        SignalMonitor.resetForTesting()
        let fixture = PipeFixture()
        let reader = PlainLineReader(input: fixture.readEnd)
        Self.sendToSelf(SIGTERM, after: 0.3)
        #expect(reader.readLine(prompt: "") == .terminated(signal: SIGTERM))
        #expect(SignalMonitor.pendingTermination == SIGTERM)
        fixture.write(Array("after\n".utf8))
        #expect(reader.readLine(prompt: "") == .terminated(signal: SIGTERM))
        SignalMonitor.resetForTesting()
        fixture.closeWriteEnd()
    }

    private static func sendToSelf(_ signal: Int32, after seconds: Double) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            kill(getpid(), signal)
        }
        thread.start()
    }
}
