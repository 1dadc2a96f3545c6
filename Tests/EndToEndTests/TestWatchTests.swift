import Foundation
import Testing

/// `recovery test --watch`: a trainer saves the file and the checks and tests run again at once.
@Suite struct TestWatchTests {
    @Test func savingTheFileRunsTheChecksAndTestsAgain() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let file = directory + "/lost-booking.yaml"
        try FileManager.default.copyItem(atPath: WhyAfterTheEndTests.example, toPath: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RecoveryBinary.path)
        process.arguments = ["test", file, "--watch"]
        process.currentDirectoryURL = ReadlineTerminalTests.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = LockedText()
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(String(decoding: handle.availableData, as: UTF8.self)) }
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        #expect(output.wait(for: "5 tests: 5 passed, 0 failed", count: 1, seconds: 20), "\(output.text)")
        // A mistake is reported at once; the fix brings the tests back.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "-> still-waiting, mood +1\n", with: "-> still-wating, mood +1\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(output.wait(for: "[unknown-node]", count: 1, seconds: 5), "\(output.text)")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(output.wait(for: "5 tests: 5 passed, 0 failed", count: 2, seconds: 5), "\(output.text)")
    }
}

/// Text gathered from another thread, with a wait for a needle to appear `count` times.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered = ""

    var text: String { lock.withLock { gathered } }

    func append(_ more: String) { lock.withLock { gathered += more } }

    func wait(for needle: String, count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
