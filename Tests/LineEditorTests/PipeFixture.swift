import Foundation
@testable import LineEditor

/// A pipe whose read end feeds a `PlainLineReader`; bytes are written from another thread.
final class PipeFixture: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0, "pipe() failed")
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Writes all of `bytes`, blocking while the pipe is full.
    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(writeEnd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            precondition(written > 0, "write() failed")
            offset += written
        }
    }

    /// Writes `bytes` on a background thread, then closes the write end if asked.
    func writeInBackground(_ bytes: [UInt8], thenClose: Bool = true) {
        let thread = Thread { [self] in
            write(bytes)
            if thenClose { closeWriteEnd() }
        }
        thread.start()
    }

    func closeWriteEnd() { close(writeEnd) }

    deinit { close(readEnd) }

    /// Every result the reader produces until (and including) the first `.endOfInput`.
    static func readAll(_ bytes: [UInt8], maximumLineBytes: Int = 1 << 20) -> [LineInput] {
        let fixture = PipeFixture()
        fixture.writeInBackground(bytes)
        let reader = PlainLineReader(input: fixture.readEnd, maximumLineBytes: maximumLineBytes)
        var results: [LineInput] = []
        while results.count < 10_000 {
            let result = reader.readLine(prompt: "you> ")
            results.append(result)
            if result == .endOfInput { break }
        }
        return results
    }
}

/// The texts of the `.line` results, ignoring latency.
func texts(_ results: [LineInput]) -> [String?] {
    results.map { result in
        if case .line(let text, _) = result { return text }
        return nil
    }
}
